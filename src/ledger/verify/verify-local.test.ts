import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { fixedClock } from '../../shared/clock.js';
import { appendEvent } from '../append-event.js';
import { digestOf } from '../domain/leaf.js';
import { generateNoteKey } from '../domain/note.js';
import { ledgerConfigFrom, type LedgerConfig } from '../ledger-config.js';
import { drainQueue } from '../sequencer.js';
import { verifyLedger } from './verify-local.js';

/** Lets the test edit what the triggers protect, as a database administrator could. */
async function disableGuards(tdb: TestDatabase) {
  for (const table of ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints']) {
    if (tdb.dialect === 'postgres') await sql`alter table ${sql.table(table)} disable trigger user`.execute(tdb.db);
    else for (const op of ['update', 'delete']) await sql`drop trigger ${sql.raw(`${table}_no_${op}`)}`.execute(tdb.db);
  }
}

const leafOf = async (tdb: TestDatabase, idx: number): Promise<Buffer> =>
  Buffer.from((await sql<{ leaf: Uint8Array }>`select leaf from ledger_entries where idx = ${idx}`.execute(tdb.db)).rows[0].leaf);
const setLeaf = (tdb: TestDatabase, idx: number, leaf: Buffer) => sql`update ledger_entries set leaf = ${leaf} where idx = ${idx}`.execute(tdb.db);

describe.each(testDialects)('ledger verification on %s', (dialect) => {
  let tdb: TestDatabase;
  let cfg: LedgerConfig;
  const clock = fixedClock('2026-06-01T08:00:00.000Z');

  beforeEach(async () => {
    tdb = await createTestDatabase(dialect);
    cfg = ledgerConfigFrom(tdb.dataDir, {}, { origin: 'jifang.test/ledger', checkpointHistoryMs: 0 });
    await drainQueue(tdb.db, cfg, clock);
    // 1 + 3 + 7 + 12 + 18 + 22 = 63 entries; checkpoints at 0, 1, 4, 11, 23, 41 and 63, across chunks of 8.
    for (const n of [3, 7, 12, 18, 22]) {
      await tdb.db.transaction().execute(async (trx) => {
        for (let i = 0; i < n; i++) await appendEvent(trx, { type: 'vault/view', actorUserId: i, subjectRef: `captured-segment:${i}`, rule: 'art24.p1.two-officers', digest: digestOf(`segment ${n}/${i}`), at: clock.now() });
      });
      await drainQueue(tdb.db, cfg, clock);
    }
  });
  afterEach(() => tdb.cleanup());

  it('recomputes the tree and accepts every checkpoint, in this thread and on worker threads, whatever the chunking', async () => {
    for (const opts of [{ workers: 0 }, { workers: 2, chunkSize: 8 }, { workers: 1, chunkSize: 16 }, { workers: 2 }, { workers: 3, chunkSize: 8 }]) {
      const r = await verifyLedger(tdb.db, { ...opts, keyFile: cfg.keyFile });
      expect(r).toMatchObject({ ok: true, treeSize: 63, entries: 63, checkpoints: 7, firstBadIndex: null, problems: [], anchor: 'key-file', hashing: { by: 'native' } });
    }
  });

  it('keeps entries, nodes and checkpoints append-only for anyone who does not go around the guards', async () => {
    await expect(sql`update ledger_entries set leaf = ${Buffer.from('x')} where idx = 3`.execute(tdb.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_nodes where id = 3`.execute(tdb.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_checkpoints`.execute(tdb.db)).rejects.toThrow(/append-only/);
  });

  it('names the first bad index when a stored entry is altered', async () => {
    await disableGuards(tdb);
    const leaf = await leafOf(tdb, 37);
    await setLeaf(tdb, 37, Buffer.from(leaf.toString('latin1').replace('captured-segment:', 'captured-segment:9'), 'latin1'));
    const r = await verifyLedger(tdb.db, { workers: 2, chunkSize: 8, keyFile: cfg.keyFile });
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe(37);
    expect(r.problems.map((p) => p.code)).toContain('entry-altered');
    expect(r.problems.find((p) => p.code === 'entry-altered')!.message.en).toBe('Entry 37 was altered after it was integrated');
  });

  it('names an entry altered to hold bytes that are not printable text: a NUL, a byte that is not UTF-8, a multibyte character', async () => {
    await disableGuards(tdb);
    for (const [idx, odd] of [
      [29, Buffer.from([0x00])],
      [30, Buffer.from([0xff])],
      [31, Buffer.from('é')],
    ] as const) {
      const leaf = await leafOf(tdb, idx);
      // Where the leaf had one ASCII character, it now holds the odd bytes instead.
      const at = leaf.indexOf('captured-segment:') + 'captured-segment:'.length;
      await setLeaf(tdb, idx, Buffer.concat([leaf.subarray(0, at), odd, leaf.subarray(at + 1)]));
    }
    const r = await verifyLedger(tdb.db, { workers: 2, chunkSize: 8, keyFile: cfg.keyFile });
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe(29);
    expect(r.problems.find((p) => p.code === 'entry-altered')).toMatchObject({ index: 29 });
  });

  it('names the first bad index when an entry is deleted', async () => {
    await disableGuards(tdb);
    await sql`delete from ledger_entries where idx = 20`.execute(tdb.db);
    const r = await verifyLedger(tdb.db, { workers: 2, chunkSize: 8, keyFile: cfg.keyFile });
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe(20);
    expect(r.problems.find((p) => p.code === 'entry-missing')).toMatchObject({ index: 20, message: { en: 'Entry 20 is missing: it was deleted' } });
  });

  it('names the first bad index when two entries are swapped', async () => {
    await disableGuards(tdb);
    const [a, b] = [await leafOf(tdb, 44), await leafOf(tdb, 12)];
    await setLeaf(tdb, 12, a);
    await setLeaf(tdb, 44, b);
    const r = await verifyLedger(tdb.db, { workers: 0, keyFile: cfg.keyFile });
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe(12);
    expect(r.problems.map((p) => p.code)).toContain('entry-out-of-place');
  });

  it('still catches an entry altered together with its stored leaf hash, by the signed root', async () => {
    await disableGuards(tdb);
    const leaf = Buffer.from((await leafOf(tdb, 50)).toString('latin1').replace('vault/view', 'vault/seal'), 'latin1');
    await setLeaf(tdb, 50, leaf);
    const { leafHash } = await import('../domain/merkle.js');
    await sql`update ledger_nodes set hash = ${leafHash(leaf)} where id = 50`.execute(tdb.db);
    const r = await verifyLedger(tdb.db, { workers: 1, chunkSize: 8, keyFile: cfg.keyFile });
    expect(r.ok).toBe(false);
    // The last checkpoint that still matches is of size 41: the culprit is at or after it.
    expect(r.problems.find((p) => p.code === 'root-mismatch')).toMatchObject({ checkpointSize: 63, index: 41 });
    expect(r.firstBadIndex).toBe(41);
  });

  it('rejects a checkpoint whose root was changed in the table, and trusts no key that nothing outside vouches for', async () => {
    await disableGuards(tdb);
    await sql`update ledger_checkpoints set root_hash = ${Buffer.alloc(32)} where tree_size = 23`.execute(tdb.db);
    const r = await verifyLedger(tdb.db, { workers: 0, keyFile: cfg.keyFile });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'checkpoint-signature', checkpointSize: 23 }));
    const foreign = await verifyLedger(tdb.db, { workers: 0, anchorKeys: [generateNoteKey('jifang.test/ledger').vkey] });
    expect(foreign.problems[0]).toMatchObject({ code: 'key-anchor' });
    expect(foreign.problems.filter((p) => p.code === 'checkpoint-signature').length).toBe(7);
  });
});
