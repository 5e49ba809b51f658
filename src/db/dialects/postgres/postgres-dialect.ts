import pg from 'pg';
import { PostgresDialect } from 'kysely';

// Make both dialects return the same JavaScript values: ISO strings for
// timestamps and dates, numbers for bigint ids and counts.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(1082, (v) => v); // date

/** The only place that opens pg for the application. */
export function createPostgresDialect(connectionString: string, max = 10): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max });
  return { dialect: new PostgresDialect({ pool }), pool };
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
