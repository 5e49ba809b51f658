/**
 * The integration contract under concurrent writers: "A leaf is queued in the
 * same database transaction as the action it records, or the action does not
 * happen: no acknowledged action without its leaf, no leaf for an action that
 * was rolled back." On SQLite concurrent actions share one commit (each in
 * its own savepoint); on PostgreSQL each keeps its own transaction.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import { openDatabase, type JifangDb } from '../db/database.js';
import { fixedClock } from '../shared/clock.js';
import { appendEvent } from './append-event.js';
import { digestOf } from './domain/leaf.js';
import { ledgerConfigFrom } from './ledger-config.js';
import { drainQueue } from './sequencer.js';
import type { AnyDb } from './tables.js';
import { verifyLedger } from './verify/verify-local.js';

const clock = fixedClock('2026-06-01T08:00:00.000Z');

/** One action: a row of its own table and its leaf, in one transaction; `fail` throws after both are written. */
function action(db: AnyDb, n: number, fail = false, during?: () => Promise<void>) {
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('gcActions').values({ id: n, ref: `gc:${n}` }).execute();
    await appendEvent(trx, { type: 'vault/view', actorRef: 'device:1', subjectRef: `gc:${n}`, rule: 'art24.p1.two-officers', digest: digestOf(`gc ${n}`), at: clock.now() });
    if (during) await during();
    if (fail) throw new Error(`action ${n} failed`);
    return n;
  });
}

/** What another connection sees of action n: its row and its queued leaf. */
async function seen(db: AnyDb, n: number): Promise<{ row: boolean; leaf: boolean }> {
  const row = await db.selectFrom('gcActions').select('id').where('id', '=', n).execute();
  const leaf = await sql<{ c: number }>`select count(*) as c from ledger_queue where body like ${`%\nsubject gc:${n}\n%`}`.execute(db);
  return { row: row.length === 1, leaf: Number(leaf.rows[0].c) === 1 };
}

describe.each(testDialects)('actions and their leaves under concurrent writers on %s', (dialect) => {
  let tdb: TestDatabase;
  /** A second handle: its own connection (SQLite) or pool (PostgreSQL). */
  let other: JifangDb;
  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    await tdb.db.schema.createTable('gc_actions').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('ref', 'text').execute();
    other = dialect === 'sqlite' ? openDatabase({ dataDir: tdb.dataDir }) : tdb;
  });
  afterEach(async () => {
    if (other !== tdb) await other.destroy();
    await tdb.cleanup();
  });

  it('rolls back a failing action with its leaf while the concurrent ones commit with theirs, each seen by another connection when acknowledged', async () => {
    const acked: { n: number; row: boolean; leaf: boolean }[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        action(tdb.db, n, n === 3).then(async (v) => {
          acked.push({ n: v, ...(await seen(other.db, v)) });
          return v;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((results[3] as PromiseRejectedResult).reason.message).toBe('action 3 failed');
    // "no acknowledged action without its leaf"
    expect(acked.sort((a, b) => a.n - b.n)).toEqual([0, 1, 2, 4, 5, 6, 7].map((n) => ({ n, row: true, leaf: true })));
    // "no leaf for an action that was rolled back"
    expect(await seen(other.db, 3)).toEqual({ row: false, leaf: false });
    const queued = await sql<{ c: number }>`select count(*) as c from ledger_queue`.execute(other.db);
    expect(Number(queued.rows[0].c)).toBe(7);

    const cfg = ledgerConfigFrom(tdb.dataDir, {}, { origin: 'jifang.test/ledger', checkpointHistoryMs: 0 });
    expect(await drainQueue(tdb.db, cfg, clock)).toBe(8); // the key announcement and the seven actions
    expect((await verifyLedger(tdb.db, { workers: 0, keyFile: cfg.keyFile })).ok).toBe(true);
  });

  it('keeps a plain statement outside any transaction in its own commit', async () => {
    const writes = Promise.all([action(tdb.db, 1), tdb.db.insertInto('gcActions').values({ id: 2, ref: 'plain' }).execute(), action(tdb.db, 3, true).catch(() => 'failed')]);
    expect((await writes)[2]).toBe('failed');
    expect((await other.db.selectFrom('gcActions').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2]);
  });
});

describe('group commit on sqlite', () => {
  let tdb: TestDatabase;
  let other: JifangDb;
  beforeEach(async () => {
    tdb = await createTestDatabase('sqlite');
    await tdb.db.schema.createTable('gc_actions').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('ref', 'text').execute();
    other = openDatabase({ dataDir: tdb.dataDir });
  });
  afterEach(async () => {
    await other.destroy();
    await tdb.cleanup();
  });

  it('acknowledges no action before the commit it shares: while a later one runs, the earlier ones are neither acknowledged nor visible elsewhere', async () => {
    const before = tdb.groupCommits!();
    const acked = new Set<number>();
    const observed: { acked: boolean; row: boolean; leaf: boolean }[] = [];
    const track = (p: Promise<number>) => p.then((n) => (acked.add(n), n));
    await Promise.all([
      track(action(tdb.db, 0)),
      track(action(tdb.db, 1)),
      track(
        action(tdb.db, 2, false, async () => {
          // Actions 0 and 1 are done with the connection, but their shared commit has not happened yet.
          observed.push({ acked: acked.has(0) || acked.has(1), ...(await seen(other.db, 0)) });
        }),
      ),
    ]);
    expect(observed).toEqual([{ acked: false, row: false, leaf: false }]);
    for (const n of [0, 1, 2]) expect(await seen(other.db, n)).toEqual({ row: true, leaf: true });
    const after = tdb.groupCommits!();
    expect(after.transactions - before.transactions).toBe(3);
    expect(after.commits - before.commits).toBe(1);
    expect(after.largestGroup).toBeGreaterThanOrEqual(3);
  });

  it('lets an action use savepoints of its own inside the shared transaction', async () => {
    await Promise.all([
      action(tdb.db, 1),
      (async () => {
        const trx = await tdb.db.startTransaction().execute();
        await trx.insertInto('gcActions').values({ id: 2, ref: 'kept' }).execute();
        const sp = await trx.savepoint('inner').execute();
        await sp.insertInto('gcActions').values({ id: 3, ref: 'undone' }).execute();
        await sp.rollbackToSavepoint('inner').execute();
        await trx.commit().execute();
      })(),
      action(tdb.db, 4),
    ]);
    expect((await other.db.selectFrom('gcActions').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2, 4]);
  });

  it('runs a transaction begun on a connection already held (as the migrator does) on its own, and the connection goes on after it', async () => {
    const [ids] = await Promise.all([
      tdb.db.connection().execute(async (c) => {
        await c.insertInto('gcActions').values({ id: 1, ref: 'before' }).execute();
        await c.transaction().execute((trx) => trx.insertInto('gcActions').values({ id: 2, ref: 'inside' }).execute());
        await expect(c.transaction().execute(async (trx) => {
          await trx.insertInto('gcActions').values({ id: 3, ref: 'undone' }).execute();
          throw new Error('undo');
        })).rejects.toThrow('undo');
        return (await c.selectFrom('gcActions').select('id').orderBy('id').execute()).map((r) => r.id);
      }),
      action(tdb.db, 4),
    ]);
    expect(ids).toEqual([1, 2]);
    expect((await other.db.selectFrom('gcActions').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2, 4]);
  });
});
