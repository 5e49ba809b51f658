import path from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import { createPostgresDialect } from './dialects/postgres/postgres-dialect.js';
import type { GroupCommitStats } from './dialects/sqlite/group-commit-driver.js';
import { createSqliteDialect } from './dialects/sqlite/sqlite-dialect.js';
import { migrations } from './migrations/index.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type DialectName = (typeof DIALECTS)[number];

/**
 * The application's handle on its database. Each context narrows `db` to its
 * own tables (see e.g. `registry/tables.ts`); nothing outside `db/dialects`
 * touches a driver.
 */
export interface JifangDb {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  dialect: DialectName;
  destroy(): Promise<void>;
  /** SQLite: how many transactions shared each commit so far (see dialects/sqlite/group-commit-driver.ts). */
  groupCommits?: () => GroupCommitStats;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** PostgreSQL: told when the server closes a connection idle in the pool (default: a line on standard error). */
  onIdleConnectionError?: (e: Error) => void;
}

const sqliteFiles = new WeakMap<object, string>();

/**
 * The file behind a SQLite handle opened by `openDatabase` (null otherwise):
 * bulk readers on worker threads open it read-only beside the application's
 * connection.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sqliteFileOf(db: Kysely<any>): string | null {
  return sqliteFiles.get(db) ?? null;
}

export function openDatabase(opts: OpenOptions): JifangDb {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const { dialect, pool } = createPostgresDialect(opts.databaseUrl, opts.poolSize, opts.onIdleConnectionError);
    const db = new Kysely({ dialect, plugins });
    return { db, dialect: 'postgres', destroy: () => db.destroy().then(() => undefined, () => pool.end()) };
  }
  const file = path.join(opts.dataDir, 'jifang.sqlite');
  const { dialect } = createSqliteDialect(file);
  const db = new Kysely({ dialect, plugins });
  sqliteFiles.set(db, file);
  return { db, dialect: 'sqlite', destroy: () => db.destroy(), groupCommits: () => ({ ...dialect.driver.stats }) };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, make] of Object.entries(migrations)) out[name] = make(this.dialect);
    return out;
  }
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(j: JifangDb): Promise<string[]> {
  // Migrations use their own snake_case SQL: run them without the camel-case plugin.
  const raw = j.db.withoutPlugins();
  const migrator = new Migrator({ db: raw, provider: new StaticProvider(j.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
