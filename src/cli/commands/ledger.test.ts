import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { appendEvent, drainQueue, ledgerConfigFrom, type RemoteSource } from '../../ledger/index.js';
import { renderReport, verifyLocalCommand, verifyRemoteCommand } from './ledger.js';

describe.each(testDialects)('jifang ledger verify on %s', (dialect) => {
  let t: TestApp;
  let out: string[];
  const write = (s: string) => out.push(s);
  beforeEach(async () => {
    out = [];
    t = await createTestApp(dialect);
    const cfg = ledgerConfigFrom(t.config.dataDir, {}, { checkpointHistoryMs: 0 });
    for (let b = 0; b < 3; b++) {
      await t.tdb.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 6; i++) await appendEvent(trx, { type: 'device/operation-records', actorRef: `device:${i}`, subjectRef: `security-system:${b}`, at: t.clock.now() });
      });
      await drainQueue(t.tdb.db, cfg, t.clock);
    }
  });
  afterEach(() => t.close());

  it('says the ledger is intact, and exits 0', async () => {
    expect(await verifyLocalCommand(t.tdb, t.config, { workers: 1 }, write)).toBe(0);
    expect(out.join('')).toMatch(/The ledger is intact: the recomputed tree matches every signed checkpoint \(size 19\)/);
    // npm ci built the hashing addon, so nothing warns of the slow path.
    expect(out.join('')).not.toMatch(/hashing runs in JavaScript/);
  });

  it('names the first bad index after an entry is altered in the database, and exits 1', async () => {
    if (dialect === 'postgres') await sql`alter table ledger_entries disable trigger user`.execute(t.tdb.db);
    else await sql`drop trigger ledger_entries_no_update`.execute(t.tdb.db);
    const [row] = (await sql<{ leaf: Uint8Array }>`select leaf from ledger_entries where idx = 10`.execute(t.tdb.db)).rows;
    const altered = Buffer.from(Buffer.from(row.leaf).toString('latin1').replace('device:3', 'device:4'), 'latin1');
    await sql`update ledger_entries set leaf = ${altered} where idx = 10`.execute(t.tdb.db);
    expect(await verifyLocalCommand(t.tdb, t.config, { workers: 1 }, write)).toBe(1);
    expect(out.join('')).toMatch(/\[entry-altered\] 第 10 条记录在写入账本后被改动 \/ Entry 10 was altered after it was integrated/);
    expect(out.join('')).toMatch(/first bad index: 10\n?$/);
  });

  it('checks a server against a kept checkpoint, and fails on a checkpoint of another log', async () => {
    const source: RemoteSource = { get: async (p) => { const r = await t.app.inject(p); return { status: r.statusCode, body: r.body }; } };
    const file = path.join(t.config.dataDir, 'held.checkpoint');
    fs.writeFileSync(file, (await t.app.inject('/api/v1/ledger/checkpoint?size=7')).body);
    const key = (await t.app.inject('/api/v1/ledger/verifier-key')).body.trim();
    expect(await verifyRemoteCommand(source, { checkpoint: file, key: [key], update: true }, write)).toBe(0);
    expect(out.join('')).toMatch(/extends the checkpoint you hold \(7 entries\)/);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/\n19\n/);
    const other = await createTestApp('sqlite');
    try {
      await drainQueue(other.tdb.db, ledgerConfigFrom(other.config.dataDir), other.clock);
      fs.writeFileSync(file, (await other.app.inject('/api/v1/ledger/checkpoint')).body);
      out = [];
      expect(await verifyRemoteCommand(source, { checkpoint: file, key: [key] }, write)).toBe(1);
      expect(out.join('')).toMatch(/The checkpoint was rejected: the checkpoint you hold: no signature from a trusted key/);
    } finally {
      await other.close();
    }
  });
});

describe('jifang ledger verify’s report', () => {
  it('tells the operator when the leaves were hashed in JavaScript, and why', () => {
    const text = renderReport({
      ok: true, origin: 'jifang.test/ledger', treeSize: 0, entries: 0, checkpoints: 0, firstBadIndex: null, problems: [], anchor: 'key-file', keys: [], elapsedMs: 1, leavesPerSecond: 0,
      hashing: { by: 'javascript', reason: 'Cannot find module ledger_hash.node' },
    });
    expect(text).toMatch(/native\/ledger-hash 未构建/);
    expect(text).toMatch(/note: native\/ledger-hash is not built, so hashing runs in JavaScript, slower \(npm ci builds it\): Cannot find module ledger_hash.node/);
  });
});
