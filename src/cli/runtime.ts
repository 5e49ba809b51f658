import { loadConfig, type Config } from '../config.js';
import { migrateToLatest, openDatabase, type JifangDb } from '../db/database.js';

/** Opens the configured database, migrated, for one command; closes it after. */
export async function withDatabase<T>(fn: (jdb: JifangDb, config: Config) => Promise<T>, config = loadConfig()): Promise<T> {
  const jdb = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateToLatest(jdb);
    return await fn(jdb, config);
  } finally {
    await jdb.destroy();
  }
}

/** Reads all of standard input (for passwords: never on the command line). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A user-facing failure: message to stderr, exit code 2, no stack. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
