import pg from 'pg';
import { PostgresDialect } from 'kysely';

// Make both dialects return the same JavaScript values: ISO strings for
// timestamps and dates, numbers for bigint ids and counts.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(1082, (v) => v); // date

/**
 * The only place that opens pg for the application.
 *
 * A connection waiting idle in the pool can be closed by the server (a
 * restart, an administrator terminating it). pg then emits 'error' on the
 * pool, and an 'error' event nobody listens to ends the process: here it is
 * reported through `onIdleError` (by default one line on standard error,
 * without the connection string), the pool drops that connection and opens a
 * new one for the next query.
 */
export function createPostgresDialect(connectionString: string, max = 10, onIdleError: (e: Error) => void = reportIdleError): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', (e) => onIdleError(e));
  return { dialect: new PostgresDialect({ pool }), pool };
}

function reportIdleError(e: Error): void {
  const code = (e as { code?: string }).code;
  process.stderr.write(`PostgreSQL closed an idle connection of the pool${code ? ` (${code})` : ''}: ${e.message}; the next query opens a new one.\n`);
}

/** Opens a one-off client (used to create and drop databases in tests and setup). */
export async function withPostgresClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
