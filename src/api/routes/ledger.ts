import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { mayReadHistory } from '../../access/index.js';
import { KINDS, RegistryRepository, resourceRefOf, type RegistryKind } from '../../registry/index.js';
import { notFound } from '../../shared/errors.js';
import { getItem as getWorkflowItem, itemDocuments, mayRead, workflowOf } from '../../workflow/index.js';
import { noStore } from '../auth.js';
import {
  activeVerifierKey,
  checkpointHistory,
  consistencyProof,
  inclusionProof,
  ledgerConfigFrom,
  ledgerKeys,
  ledgerStatus,
  leafHash,
  listEntries,
  MAX_ENTRIES_PER_REQUEST,
  signedCheckpoint,
  subjectHistory,
  type LedgerEntry,
  type StoredCheckpoint,
} from '../../ledger/index.js';
import { checkExportSize, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';

/** Trees stop at 2^40 leaves (see ledger/domain/merkle.ts). */
const Size = (description: string) => Type.Integer({ minimum: 0, maximum: 2 ** 40, description });
const Base64 = Type.String({ contentEncoding: 'base64' });

const InclusionBody = Type.Object({ leafIndex: Type.Integer(), treeSize: Type.Integer(), hashes: Type.Array(Base64, { description: 'RFC 6962 audit path, nearest to the leaf first' }) });
const ConsistencyBody = Type.Object({ from: Type.Integer(), to: Type.Integer(), hashes: Type.Array(Base64, { description: 'RFC 6962 consistency proof' }) });

const LeafFields = Type.Object({
  at: Type.String(),
  type: Type.String(),
  actorRef: Type.String(),
  subjectRef: Type.String(),
  rule: Type.Optional(Type.String()),
  grant: Type.Optional(Type.String()),
  digest: Type.Optional(Type.String()),
});
const EntryBody = Type.Object({
  index: Type.Integer(),
  leaf: Type.String({ contentEncoding: 'base64', description: 'The canonical leaf bytes; the leaf hash is SHA-256(0x00 || leaf)' }),
  leafHash: Base64,
  fields: Type.Union([LeafFields, Type.Null()]),
  problem: Type.Optional(Type.String({ description: 'Why the stored bytes do not decode, if they do not' })),
});

const KeyBody = Type.Object({
  vkey: Type.String({ description: '<name>+<hex key id>+<base64(0x01 || Ed25519 public key)>' }),
  name: Type.String(),
  keyId: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  firstSize: Type.Union([Type.Integer(), Type.Null()]),
  lastSize: Type.Union([Type.Integer(), Type.Null()]),
  announcedAtIndex: Type.Union([Type.Integer(), Type.Null()]),
});

const StatusBody = Type.Object({
  origin: Type.Union([Type.String(), Type.Null()]),
  treeSize: Type.Integer(),
  rootHash: Base64,
  signedAt: Type.Union([Type.String(), Type.Null()]),
  queued: Type.Integer(),
  oldestQueuedMs: Type.Union([Type.Integer(), Type.Null()]),
  mergeDelay: Type.Object({ boundMs: Type.Integer(), recentBatches: Type.Integer(), recentMaxMs: Type.Integer(), recentP99Ms: Type.Integer() }),
  sequencer: Type.Object({ holder: Type.Union([Type.String(), Type.Null()]), leaseExpiresAt: Type.Union([Type.String(), Type.Null()]) }),
});

const CheckpointBody = Type.Object({
  treeSize: Type.Integer(),
  rootHash: Base64,
  note: Type.String({ description: 'The signed note, byte for byte' }),
  signedAt: Type.String(),
  batchSize: Type.Integer({ description: 'Leaves integrated since the previous stored checkpoint (0 for the latest when the history has not kept it)' }),
  maxMergeDelayMs: Type.Integer({ description: 'The longest wait among them between queueing and signing' }),
});

/** The entities whose history can be asked for: the registry's kinds, and workflow items. */
const HISTORY_KINDS = ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'providers', 'products', 'workflow-items'] as const;

function entryView(e: LedgerEntry) {
  const f = e.fields;
  return {
    index: e.index,
    leaf: e.leaf.toString('base64'),
    leafHash: leafHash(e.leaf).toString('base64'),
    fields: f ? { at: f.at, type: f.type, actorRef: f.actorRef, subjectRef: f.subjectRef, rule: f.rule, grant: f.grant, digest: f.digest } : null,
    ...(e.problem ? { problem: e.problem } : {}),
  };
}

const text = (description: string) => ({ description, content: { 'text/plain': { schema: Type.String() } } });

/** Once signed, the answer for a given size never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const LATEST = 'no-cache';

/** The checkpoint history as a file: what anyone needs to hold the platform to each signed state later (art 36). */
const CHECKPOINT_COLUMNS: ExportColumn<StoredCheckpoint>[] = [
  { header: { zh: '树大小', en: 'Tree size' }, value: (c) => c.treeSize },
  { header: { zh: '签名时间', en: 'Signed at' }, value: (c) => c.signedAt },
  { header: { zh: '根哈希（base64）', en: 'Root hash (base64)' }, value: (c) => c.rootHash.toString('base64') },
  { header: { zh: '本批条目数', en: 'Batch size' }, value: (c) => c.batchSize },
  { header: { zh: '最大并入延迟（毫秒）', en: 'Max merge delay (ms)' }, value: (c) => c.maxMergeDelayMs },
  { header: { zh: '签名检查点（C2SP signed note）', en: 'Signed checkpoint (C2SP signed note)' }, value: (c) => c.note },
];

/**
 * The tamper-evident ledger, open to all (art 21 ¶1 (4), art 36): leaves hold
 * ids, pseudonyms and digests only, so checkpoints, keys, entries and proofs
 * need no login, and anyone can hold the platform to its records.
 */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { jdb, config } = app.deps;
  const db = jdb.db;
  const boundMs = ledgerConfigFrom(config.dataDir).maxMergeDelayMs;

  app.get(
    '/api/v1/ledger/checkpoint',
    {
      config: { public: true },
      schema: {
        tags: ['ledger'],
        summary: 'The latest signed checkpoint (C2SP tlog-checkpoint in a signed note), or the one of a given size',
        querystring: Type.Object({ size: Type.Optional(Size('A tree size the ledger signed')) }),
        response: { 200: text('The signed note, byte for byte') },
      },
    },
    async (req, reply) => {
      const c = await signedCheckpoint(db, req.query.size);
      reply.header('cache-control', req.query.size === undefined ? LATEST : IMMUTABLE).type('text/plain; charset=utf-8');
      return c.note;
    },
  );

  app.get(
    '/api/v1/ledger/verifier-key',
    {
      config: { public: true },
      schema: {
        tags: ['ledger'],
        summary: 'The key that signs checkpoints now, in the signed-note verifier format <name>+<hex key id>+<base64 key>',
        response: { 200: text('One line: the verifier key') },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', LATEST).type('text/plain; charset=utf-8');
      return `${await activeVerifierKey(db)}\n`;
    },
  );

  app.get(
    '/api/v1/ledger/keys',
    {
      config: { public: true },
      schema: { tags: ['ledger'], summary: 'Every key that signed or will sign checkpoints, with the tree sizes it signed', response: { 200: Type.Object({ keys: Type.Array(KeyBody) }) } },
    },
    async (_req, reply) => {
      reply.header('cache-control', LATEST);
      return { keys: await ledgerKeys(db) };
    },
  );

  app.get(
    '/api/v1/ledger/proof/inclusion',
    {
      config: { public: true },
      schema: {
        tags: ['ledger'],
        summary: 'Inclusion proof (RFC 6962 audit path) of one leaf in the tree of a given size',
        querystring: Type.Object({ leaf: Size('Leaf index'), size: Type.Optional(Size('Tree size; the latest signed size when left out')) }),
        response: { 200: InclusionBody },
      },
    },
    async (req, reply) => {
      const p = await inclusionProof(db, req.query.leaf, req.query.size);
      reply.header('cache-control', req.query.size === undefined ? LATEST : IMMUTABLE);
      return { leafIndex: p.leafIndex, treeSize: p.treeSize, hashes: p.hashes.map((h) => h.toString('base64')) };
    },
  );

  app.get(
    '/api/v1/ledger/proof/consistency',
    {
      config: { public: true },
      schema: {
        tags: ['ledger'],
        summary: 'Consistency proof (RFC 6962) that the tree of size `to` extends the tree of size `from`',
        querystring: Type.Object({ from: Size('The older tree size, at least 1'), to: Type.Optional(Size('The newer tree size; the latest signed size when left out')) }),
        response: { 200: ConsistencyBody },
      },
    },
    async (req, reply) => {
      const p = await consistencyProof(db, req.query.from, req.query.to);
      reply.header('cache-control', req.query.to === undefined ? LATEST : IMMUTABLE);
      return { from: p.from, to: p.to, hashes: p.hashes.map((h) => h.toString('base64')) };
    },
  );

  app.get(
    '/api/v1/ledger/entries',
    {
      config: { public: true },
      schema: {
        tags: ['ledger'],
        summary: `Entries [start, end) of the signed tree, at most ${MAX_ENTRIES_PER_REQUEST}: index, canonical leaf bytes and decoded fields`,
        querystring: Type.Object({ start: Size('First index'), end: Type.Optional(Size('One past the last index; start + 100 (within the tree) when left out')) }),
        response: { 200: Type.Object({ treeSize: Type.Integer(), entries: Type.Array(EntryBody) }) },
      },
    },
    async (req, reply) => {
      const r = await listEntries(db, req.query.start, req.query.end);
      reply.header('cache-control', req.query.end === undefined ? LATEST : IMMUTABLE);
      return { treeSize: r.treeSize, entries: r.entries.map(entryView) };
    },
  );

  app.get(
    '/api/v1/ledger/checkpoints',
    {
      config: { public: true },
      schema: {
        tags: ['ledger'],
        summary: 'The stored checkpoint history, newest first (one kept at most every history interval, the first one and every key hand-over), headed by the latest',
        querystring: Type.Object({
          before: Type.Optional(Size('Only checkpoints of smaller trees (the next page)')),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Type.Object({ checkpoints: Type.Array(CheckpointBody) }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', LATEST);
      const list = await checkpointHistory(db, req.query.limit ?? 50, req.query.before);
      return { checkpoints: list.map((c) => ({ treeSize: c.treeSize, rootHash: c.rootHash.toString('base64'), note: c.note, signedAt: c.signedAt, batchSize: c.batchSize, maxMergeDelayMs: c.maxMergeDelayMs })) };
    },
  );

  app.get(
    '/api/v1/ledger/checkpoints/export',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['ledger'],
        summary: 'The checkpoint history the list shows, newest first, all of it, as CSV (UTF-8 with BOM) or XLSX: size, time, root hash and the signed note',
        security: [],
        querystring: Type.Object({ format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const rows: StoredCheckpoint[] = [];
      for (let before: number | undefined; ; ) {
        const page = await checkpointHistory(db, 1000, before);
        rows.push(...page);
        checkExportSize(rows.length);
        if (page.length < 1000) break;
        before = page[page.length - 1].treeSize;
      }
      return sendExport(reply, { format: req.query.format as ExportFormat | undefined, name: 'ledger-checkpoints', now: app.deps.clock.now(), columns: CHECKPOINT_COLUMNS, rows, cacheControl: LATEST });
    },
  );

  const registry = RegistryRepository.of(jdb);
  /** The subjects an entity's history gathers, if the actor may read the entity (art 36; policy `mayReadHistory`). */
  async function subjectsOf(actor: Parameters<typeof mayReadHistory>[0], kind: (typeof HISTORY_KINDS)[number], id: number): Promise<string[]> {
    if (kind === 'workflow-items') {
      const item = await getWorkflowItem({ jdb, clock: app.deps.clock }, id);
      if (!item || !actor || !mayRead(actor, workflowOf(item.machine).machine, item)) throw notFound({ zh: `事项 ${id}`, en: `item ${id}` });
      // The item's own transitions and refusals, and the documents issued in it.
      return [`workflow-item:${id}`, ...(await itemDocuments(db, id)).map((d) => `workflow-document:${d.id}`)];
    }
    const k = kind as RegistryKind;
    const item = await registry.get(k, id);
    if (!item || !mayReadHistory(actor, resourceRefOf(k, item))) throw notFound({ zh: `${KINDS[k].label.zh}（编号${id}）`, en: `${KINDS[k].label.en} ${id}` });
    return [`${KINDS[k].resource}:${id}`];
  }

  app.get(
    '/api/v1/ledger/history/:kind/:id',
    {
      schema: {
        tags: ['ledger'],
        summary: 'The ledger entries that name one record (a registry entity or a workflow item), newest first, for whoever may read the record',
        params: Type.Object({ kind: Type.Union(HISTORY_KINDS.map((k) => Type.Literal(k))), id: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({
            subjects: Type.Array(Type.String()),
            treeSize: Type.Integer({ description: 'The signed tree size the entries belong to' }),
            queued: Type.Integer({ description: 'Leaves about the record waiting for the next checkpoint' }),
            entries: Type.Array(EntryBody),
          }),
        },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const subjects = await subjectsOf(req.actor ?? null, req.params.kind, req.params.id);
      const h = await subjectHistory(db, subjects);
      return { subjects, treeSize: h.treeSize, queued: h.queued, entries: h.entries.map(entryView) };
    },
  );

  app.get(
    '/api/v1/ledger/status',
    {
      config: { public: true },
      schema: { tags: ['ledger'], summary: 'Size and root of the signed tree, leaves waiting, and the merge delay measured against its bound', response: { 200: StatusBody } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return ledgerStatus(db, boundMs);
    },
  );
};
