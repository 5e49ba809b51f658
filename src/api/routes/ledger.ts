import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  activeVerifierKey,
  consistencyProof,
  inclusionProof,
  ledgerConfigFrom,
  ledgerKeys,
  ledgerStatus,
  leafHash,
  listEntries,
  MAX_ENTRIES_PER_REQUEST,
  signedCheckpoint,
} from '../../ledger/index.js';

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

const text = (description: string) => ({ description, content: { 'text/plain': { schema: Type.String() } } });

/** Once signed, the answer for a given size never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const LATEST = 'no-cache';

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
      return {
        treeSize: r.treeSize,
        entries: r.entries.map((e) => {
          const f = e.fields;
          return {
            index: e.index,
            leaf: e.leaf.toString('base64'),
            leafHash: leafHash(e.leaf).toString('base64'),
            fields: f ? { at: f.at, type: f.type, actorRef: f.actorRef, subjectRef: f.subjectRef, rule: f.rule, grant: f.grant, digest: f.digest } : null,
            ...(e.problem ? { problem: e.problem } : {}),
          };
        }),
      };
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
