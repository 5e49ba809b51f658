import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_PG_URL, testDialects, type TestDatabase } from '../../test/support/databases.js';
import { openDatabase, type JifangDb } from './database.js';
import { withPostgresClient } from './dialects/postgres/postgres-dialect.js';

/**
 * A server that restarts, or an administrator who terminates connections,
 * closes the connections idle in the pool. The application must stay up and
 * the next request be answered: before the pool listened for it, such a close
 * was an 'error' event nobody handled, which ends a Node.js process.
 */
describe.each(testDialects.filter((d) => d === 'postgres'))('the %s pool when the server closes an idle connection', (dialect) => {
  let tdb: TestDatabase;
  let j: JifangDb;
  const closed: Error[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    j = openDatabase({ dataDir: tdb.dataDir, databaseUrl: tdb.databaseUrl, poolSize: 2, onIdleConnectionError: (e) => closed.push(e) });
  });
  afterAll(async () => {
    await j?.destroy();
    await tdb?.cleanup();
  });

  it('reports the close, keeps the process running, and answers the next query on a new connection', async () => {
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(j.db)).rows[0].pid;
    // The connection is idle in the pool now; end it from outside, as an administrator would.
    await withPostgresClient(TEST_PG_URL, (c) => c.query('select pg_terminate_backend($1)', [pid]));
    const deadline = Date.now() + 10_000;
    while (closed.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(closed.map((e) => (e as { code?: string }).code)).toEqual(['57P01']);
    const next = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(j.db)).rows[0].pid;
    expect(next).not.toBe(pid);
  });
});

/** What `jifang serve` relies on when it stops: closing the database lets go of every connection. */
describe.each(testDialects)('closing the %s database', (dialect) => {
  it('leaves no connection behind', async () => {
    const tdb = await createTestDatabase(dialect);
    try {
      await sql`select 1`.execute(tdb.db);
      await tdb.destroy();
      if (dialect === 'postgres') {
        const name = new URL(tdb.databaseUrl!).pathname.slice(1);
        const n = await withPostgresClient(TEST_PG_URL, async (c) => Number((await c.query('select count(*) as n from pg_stat_activity where datname = $1', [name])).rows[0].n));
        expect(n).toBe(0);
      } else {
        // The last connection to close folds the write-ahead log into the file and removes it.
        expect(fs.existsSync(path.join(tdb.dataDir, 'jifang.sqlite-wal'))).toBe(false);
      }
    } finally {
      await tdb.cleanup();
    }
  });
});
