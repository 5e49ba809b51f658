import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrateToLatest, openDatabase, type DialectName, type JifangDb } from '../../src/db/database.js';
import { withPostgresClient } from '../../src/db/dialects/postgres/postgres-dialect.js';

/** Where the test PostgreSQL server is; `.ci/run` starts one here. */
export const TEST_PG_URL = process.env.JIFANG_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  try {
    await withPostgresClient(TEST_PG_URL, async (c) => {
      await c.query('select 1');
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The dialects every repository and HTTP suite runs on. SQLite always; PostgreSQL
 * when a server answers, and always under CI=true, where a missing server must
 * fail the run rather than quietly shrink it.
 */
async function detect(): Promise<DialectName[]> {
  if (process.env.CI === 'true') return ['sqlite', 'postgres'];
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  process.stderr.write(`PostgreSQL is not reachable at ${TEST_PG_URL}: running the SQLite half only (CI=true requires both).\n`);
  return ['sqlite'];
}

export const testDialects: DialectName[] = await detect();

export interface TestDatabase extends JifangDb {
  dataDir: string;
  /** PostgreSQL: the test database's own URL. */
  databaseUrl?: string;
  /** Drops the database and removes its files. */
  cleanup(): Promise<void>;
}

/** A fresh, migrated database of the given dialect, private to the caller. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-test-'));
  if (dialect === 'sqlite') {
    const j = openDatabase({ dataDir });
    await migrateToLatest(j);
    return {
      ...j,
      dataDir,
      async cleanup() {
        await j.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `jifang_t_${randomBytes(6).toString('hex')}`;
  // C.UTF-8 so pg_trgm treats Chinese characters as word characters.
  await withPostgresClient(TEST_PG_URL, (c) => c.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const j = openDatabase({ dataDir, databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(j);
  return {
    ...j,
    dataDir,
    databaseUrl: url.toString(),
    async cleanup() {
      await j.destroy();
      await withPostgresClient(TEST_PG_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
