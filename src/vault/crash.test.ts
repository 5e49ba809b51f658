import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type JifangDb } from '../db/database.js';
import { withPostgresClient } from '../db/dialects/postgres/postgres-dialect.js';
import { TEST_PG_URL, testDialects } from '../../test/support/databases.js';
import { reconcile } from './ingest.js';
import { vaultDb } from './tables.js';
import { footage, testVault } from './test-support.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./testdata/crash-child.ts', import.meta.url));

/** A real crash: the ingesting process is killed with SIGKILL mid-way, and nothing it did may survive as a half record. */
describe.each(testDialects)('a crash during ingest on %s', (dialect) => {
  let jdb: JifangDb & { dataDir: string };
  let url = '-';
  let dbName = '';
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-crash-'));
    if (dialect === 'postgres') {
      dbName = `jifang_crash_${randomBytes(5).toString('hex')}`;
      await withPostgresClient(TEST_PG_URL, (c) => c.query(`create database ${dbName}`));
      const u = new URL(TEST_PG_URL);
      u.pathname = `/${dbName}`;
      url = u.toString();
    }
    jdb = { ...openDatabase({ dataDir, databaseUrl: url === '-' ? undefined : url, poolSize: 2 }), dataDir };
    await migrateToLatest(jdb);
  });
  afterAll(async () => {
    await jdb.destroy();
    if (dbName) await withPostgresClient(TEST_PG_URL, (c) => c.query(`drop database if exists ${dbName} with (force)`));
    fs.rmSync(jdb.dataDir, { recursive: true, force: true });
  });

  // Killed inside the open transaction, after the file is in the store: the worst moment
  // (the other stages are covered, with a thrown error in place of the kill, in ingest.test.ts).
  it('killed inside the transaction, after the file is stored: no record, and after reconciliation no file', { timeout: 180_000 }, async () => {
    const stage = 'recorded';
    const clip = footage(8);
    const r = await run(process.execPath, ['--import', 'tsx', CHILD, dialect, jdb.dataDir, url, stage, clip.file]).catch((e: { signal?: string; stdout: string }) => e);
    expect('signal' in r ? r.signal : null).toBe('SIGKILL');
    const { vault } = testVault(jdb);
    const rows = await vaultDb(jdb.db).selectFrom('capturedSegments').select('id').execute();
    const blobs = await vaultDb(jdb.db).selectFrom('capturedBlobs').select('sha256').execute();
    expect(rows).toEqual([]);
    expect(blobs).toEqual([]);
    const rec = await reconcile(vault, { olderThan: new Date(Date.now() + 60_000) });
    expect(rec.missing).toBe(0);
    const left = fs.existsSync(path.join(jdb.dataDir, 'blobs')) ? (fs.readdirSync(path.join(jdb.dataDir, 'blobs'), { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(jdb.dataDir, 'blobs', f)).isFile()) : [];
    expect(left).toEqual([]);
  });
});
