/** The ledger's tables; the only module of the ledger that speaks SQL. */
import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { ledgerDb, type AnyDb, type LedgerKeysTable } from './tables.js';

/**
 * Fixed-width bulk statements differ by engine: PostgreSQL takes arrays,
 * SQLite a JSON array through json_each. One statement carries a whole batch
 * with a constant number of bound parameters (about a third of the cost of
 * multi-row VALUES for node hashes and queue ids, measured on SQLite).
 */
const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 1000;

export interface LedgerState {
  origin: string | null;
  treeSize: number;
  rootHash: Buffer;
  /** The latest signed checkpoint (of `treeSize`), null before the first key. */
  checkpoint: string | null;
  signedAt: string | null;
}

export async function readState(db: AnyDb): Promise<LedgerState> {
  const r = await ledgerDb(db).selectFrom('ledgerState').select(['origin', 'treeSize', 'rootHash', 'checkpoint', 'signedAt']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { origin: r.origin, treeSize: Number(r.treeSize), rootHash: Buffer.from(r.rootHash), checkpoint: r.checkpoint, signedAt: r.signedAt };
}

/**
 * Takes the ledger's write lock for the rest of the transaction: a write on
 * the state row blocks a second sequencer on PostgreSQL and takes SQLite's
 * write lock up front, so a busy database waits instead of failing midway.
 */
export async function lockState(db: AnyDb, now: string): Promise<void> {
  await ledgerDb(db).updateTable('ledgerState').set({ updatedAt: now }).where('id', '=', 1).execute();
}

export async function writeState(db: AnyDb, s: { origin?: string; treeSize: number; rootHash: Buffer; now: string; checkpoint?: string }): Promise<void> {
  await ledgerDb(db)
    .updateTable('ledgerState')
    .set({ treeSize: s.treeSize, rootHash: s.rootHash, updatedAt: s.now, ...(s.origin ? { origin: s.origin } : {}), ...(s.checkpoint ? { checkpoint: s.checkpoint, signedAt: s.now } : {}) })
    .where('id', '=', 1)
    .execute();
}

export async function setOrigin(db: AnyDb, origin: string): Promise<void> {
  await ledgerDb(db).updateTable('ledgerState').set({ origin }).where('id', '=', 1).execute();
}

export async function refSalt(db: AnyDb): Promise<Buffer> {
  const r = await ledgerDb(db).selectFrom('ledgerState').select('refSalt').where('id', '=', 1).executeTakeFirstOrThrow();
  return Buffer.from(r.refSalt);
}

const ENQUEUE_SQL = { sqlite: 'insert into ledger_queue (body, queued_at_ms) values (?, ?)', postgres: 'insert into ledger_queue (body, queued_at_ms) values ($1, $2)' };

export async function enqueue(db: AnyDb, body: string, queuedAtMs: number): Promise<void> {
  // The writers' hot path: a statement compiled once, run without the query builder or its plugins.
  await db.executeQuery(CompiledQuery.raw(isPostgres(db) ? ENQUEUE_SQL.postgres : ENQUEUE_SQL.sqlite, [body, queuedAtMs]));
}

/** The oldest queued leaves, read without the camel-case plugin's per-row mapping (the sequencer's hot path). */
export async function queued(db: AnyDb, limit: number): Promise<{ id: number; body: string; queuedAtMs: number }[]> {
  const r = await sql<{ id: number; body: string; queued_at_ms: number }>`select id, body, queued_at_ms from ledger_queue order by id limit ${limit}`.execute(db.withoutPlugins());
  return r.rows.map((x) => ({ id: Number(x.id), body: x.body, queuedAtMs: Number(x.queued_at_ms) }));
}

export async function queueStats(db: AnyDb): Promise<{ count: number; oldestMs: number | null }> {
  const r = await ledgerDb(db)
    .selectFrom('ledgerQueue')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min<number>('queuedAtMs').as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: Number(r.count), oldestMs: r.oldest == null ? null : Number(r.oldest) };
}

/** Deletes exactly these queued rows (never a range: on PostgreSQL a lower id may still be uncommitted). */
export async function dequeue(db: AnyDb, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  if (isPostgres(db)) await sql`delete from ledger_queue where id = any(${[...ids]}::bigint[])`.execute(db);
  else await sql`delete from ledger_queue where id in (select value from json_each(${JSON.stringify(ids)}))`.execute(db);
}

/** Multi-row inserts of a thousand: measured cheaper here than any single-statement form for variable-length leaves. */
export async function insertEntries(db: AnyDb, rows: readonly { idx: number; leaf: Buffer }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await ledgerDb(db).insertInto('ledgerEntries').values(rows.slice(i, i + CHUNK)).execute();
}

/** The subject finder's rows of a batch, in one statement like the node hashes. */
export async function insertSubjects(db: AnyDb, subjects: readonly string[], firstIdx: number): Promise<void> {
  if (subjects.length === 0) return;
  if (isPostgres(db)) {
    await sql`insert into ledger_subjects (subject, idx) select t.s, ${firstIdx}::bigint + t.i - 1 from unnest(${[...subjects]}::text[]) with ordinality as t(s, i)`.execute(db);
  } else {
    await sql`insert into ledger_subjects (subject, idx) select value, ${firstIdx} + key from json_each(${JSON.stringify(subjects)})`.execute(db);
  }
}

/** The newest entries below `size` that name one of `subjects`, newest first. */
export async function entriesOfSubjects(db: AnyDb, subjects: readonly string[], size: number, limit: number): Promise<{ idx: number; leaf: Buffer }[]> {
  if (subjects.length === 0) return [];
  const rows = await ledgerDb(db)
    .selectFrom('ledgerSubjects as s')
    .innerJoin('ledgerEntries as e', 'e.idx', 's.idx')
    .select(['e.idx', 'e.leaf'])
    .where('s.subject', 'in', [...subjects])
    .where('s.idx', '<', size)
    .orderBy('s.idx', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ idx: Number(r.idx), leaf: Buffer.from(r.leaf) }));
}

/**
 * Queued leaves about any of `subjects`. The queue holds the merge delay's
 * worth of leaves, so a pattern match is cheap; references cannot hold `%` or
 * `_` (REF_PATTERN), so the pattern is literal.
 */
export async function queuedForSubjects(db: AnyDb, subjects: readonly string[]): Promise<number> {
  if (subjects.length === 0) return 0;
  const r = await ledgerDb(db)
    .selectFrom('ledgerQueue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or(subjects.map((s) => eb('body', 'like', `%\nsubject ${s}\n%`))))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Stored checkpoints newest first, sizes below `before` when given. */
export async function recentCheckpoints(db: AnyDb, limit: number, before?: number): Promise<StoredCheckpoint[]> {
  let q = ledgerDb(db).selectFrom('ledgerCheckpoints').selectAll().orderBy('treeSize', 'desc').limit(limit);
  if (before !== undefined) q = q.where('treeSize', '<', before);
  return (await q.execute()).map(toCheckpoint);
}

export async function insertNodes(db: AnyDb, rows: readonly { id: number; hash: Buffer }[]): Promise<void> {
  if (rows.length === 0) return;
  const blob = Buffer.concat(rows.map((r) => r.hash));
  const ids = rows.map((r) => r.id);
  if (isPostgres(db)) {
    await sql`insert into ledger_nodes (id, hash) select t.id, substring(${blob}::bytea from ((t.i - 1) * 32 + 1)::int for 32) from unnest(${ids}::bigint[]) with ordinality as t(id, i)`.execute(db);
  } else {
    await sql`insert into ledger_nodes (id, hash) select value, substr(${blob}, key * 32 + 1, 32) from json_each(${JSON.stringify(ids)})`.execute(db);
  }
}

/** Stored hashes by node id; missing ids are absent from the map. */
export async function nodesByIds(db: AnyDb, ids: readonly number[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await ledgerDb(db).selectFrom('ledgerNodes').select(['id', 'hash']).where('id', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(Number(r.id), Buffer.from(r.hash));
  }
  return out;
}

/** Stored level-0 hashes (leaf hashes) for leaves [start, end). */
export async function leafHashes(db: AnyDb, start: number, end: number): Promise<Map<number, Buffer>> {
  const rows = await ledgerDb(db).selectFrom('ledgerNodes').select(['id', 'hash']).where('id', '>=', start).where('id', '<', end).orderBy('id').execute();
  return new Map(rows.map((r) => [Number(r.id), Buffer.from(r.hash)]));
}

export async function entries(db: AnyDb, start: number, end: number): Promise<{ idx: number; leaf: Buffer }[]> {
  const rows = await ledgerDb(db).selectFrom('ledgerEntries').select(['idx', 'leaf']).where('idx', '>=', start).where('idx', '<', end).orderBy('idx').execute();
  return rows.map((r) => ({ idx: Number(r.idx), leaf: Buffer.from(r.leaf) }));
}

/**
 * Up to `limit` entries from index `after` on, in index order, read without
 * the camel-case plugin and without copies: the verifier's bulk path.
 */
export async function entryPage(db: AnyDb, from: number, limit: number): Promise<{ idx: number; leaf: Uint8Array }[]> {
  const r = await sql<{ idx: number | string; leaf: Uint8Array }>`select idx, leaf from ledger_entries where idx >= ${from} order by idx limit ${limit}`.execute(db.withoutPlugins());
  return r.rows as { idx: number; leaf: Uint8Array }[];
}

export async function maxEntryIndex(db: AnyDb): Promise<number | null> {
  const r = await ledgerDb(db).selectFrom('ledgerEntries').select((eb) => eb.fn.max<number>('idx').as('m')).executeTakeFirst();
  return r?.m == null ? null : Number(r.m);
}

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  note: string;
  signedAt: string;
  batchSize: number;
  maxMergeDelayMs: number;
}

const toCheckpoint = (r: { treeSize: number; rootHash: Buffer; note: string; signedAt: string; batchSize: number; maxMergeDelayMs: number }): StoredCheckpoint => ({
  treeSize: Number(r.treeSize),
  rootHash: Buffer.from(r.rootHash),
  note: r.note,
  signedAt: r.signedAt,
  batchSize: Number(r.batchSize),
  maxMergeDelayMs: Number(r.maxMergeDelayMs),
});

export async function insertCheckpoint(db: AnyDb, c: StoredCheckpoint): Promise<void> {
  await ledgerDb(db).insertInto('ledgerCheckpoints').values(c).execute();
}

/** The latest signed checkpoint (from the state row), or the one of `size` if the ledger kept it. */
export async function checkpoint(db: AnyDb, size?: number): Promise<StoredCheckpoint | null> {
  const state = await readState(db);
  if (state.checkpoint && (size === undefined || size === state.treeSize)) {
    return { treeSize: state.treeSize, rootHash: state.rootHash, note: state.checkpoint, signedAt: state.signedAt!, batchSize: 0, maxMergeDelayMs: 0 };
  }
  if (size === undefined) return null;
  const r = await ledgerDb(db).selectFrom('ledgerCheckpoints').selectAll().where('treeSize', '=', size).executeTakeFirst();
  return r ? toCheckpoint(r) : null;
}

/** The newest checkpoint of the history table. */
export async function lastStoredCheckpoint(db: AnyDb): Promise<StoredCheckpoint | null> {
  const r = await ledgerDb(db).selectFrom('ledgerCheckpoints').selectAll().orderBy('treeSize', 'desc').limit(1).executeTakeFirst();
  return r ? toCheckpoint(r) : null;
}

/** Checkpoints in size order, a page at a time (sizes above `after`). */
export async function checkpointPage(db: AnyDb, after: number, limit: number): Promise<StoredCheckpoint[]> {
  const rows = await ledgerDb(db).selectFrom('ledgerCheckpoints').selectAll().where('treeSize', '>', after).orderBy('treeSize').limit(limit).execute();
  return rows.map(toCheckpoint);
}

/** Merge delays of the latest checkpoints, newest first. */
export async function recentMergeDelays(db: AnyDb, limit: number): Promise<{ maxMergeDelayMs: number; batchSize: number; signedAt: string }[]> {
  const rows = await ledgerDb(db).selectFrom('ledgerCheckpoints').select(['maxMergeDelayMs', 'batchSize', 'signedAt']).where('batchSize', '>', 0).orderBy('treeSize', 'desc').limit(limit).execute();
  return rows.map((r) => ({ maxMergeDelayMs: Number(r.maxMergeDelayMs), batchSize: Number(r.batchSize), signedAt: r.signedAt }));
}

export type KeyRow = LedgerKeysTable;

const toKey = (r: KeyRow): KeyRow => ({
  ...r,
  firstSize: r.firstSize == null ? null : Number(r.firstSize),
  lastSize: r.lastSize == null ? null : Number(r.lastSize),
  announcedAtIndex: r.announcedAtIndex == null ? null : Number(r.announcedAtIndex),
});

export async function keys(db: AnyDb): Promise<KeyRow[]> {
  const rows = await ledgerDb(db).selectFrom('ledgerKeys').selectAll().orderBy('createdAt').orderBy('firstSize').execute();
  return rows.map(toKey);
}

export async function insertKey(db: AnyDb, k: KeyRow): Promise<void> {
  await ledgerDb(db).insertInto('ledgerKeys').values(k).execute();
}

export async function updateKey(db: AnyDb, vkey: string, set: Partial<Omit<KeyRow, 'vkey'>>): Promise<void> {
  await ledgerDb(db).updateTable('ledgerKeys').set(set).where('vkey', '=', vkey).execute();
}

/**
 * Takes or renews the sequencer lease for `holder` until `now + ttl`, if it is
 * free, expired or already held by `holder`. True when held.
 */
export async function takeLease(db: AnyDb, holder: string, nowMs: number, ttlMs: number): Promise<boolean> {
  const r = await ledgerDb(db)
    .updateTable('ledgerLease')
    .set({ holder, expiresAtMs: nowMs + ttlMs })
    .where('name', '=', 'sequencer')
    .where((eb) => eb.or([eb('holder', '=', holder), eb('holder', 'is', null), eb('expiresAtMs', '<', nowMs)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseLease(db: AnyDb, holder: string): Promise<void> {
  await ledgerDb(db).updateTable('ledgerLease').set({ holder: null, expiresAtMs: 0 }).where('name', '=', 'sequencer').where('holder', '=', holder).execute();
}

export async function leaseHolder(db: AnyDb): Promise<{ holder: string | null; expiresAtMs: number }> {
  const r = await ledgerDb(db).selectFrom('ledgerLease').select(['holder', 'expiresAtMs']).where('name', '=', 'sequencer').executeTakeFirstOrThrow();
  return { holder: r.holder, expiresAtMs: Number(r.expiresAtMs) };
}
