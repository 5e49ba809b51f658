import type { DialectName } from '../database.js';

/**
 * Column types that mean the same on both dialects. Timestamps are ISO-8601
 * strings in code (text on SQLite, timestamptz on PostgreSQL, parsed back to
 * ISO strings by the pg dialect); booleans are integers 0/1 on both so code
 * never sees two representations; JSON is stored as text.
 */
export function sqlTypes(d: DialectName) {
  return {
    /** Auto-increment integer primary key. */
    id: d === 'postgres' ? 'bigserial' : 'integer',
    /** Integer foreign key to an `id` column. */
    ref: d === 'postgres' ? 'bigint' : 'integer',
    bigint: d === 'postgres' ? 'bigint' : 'integer',
    timestamp: d === 'postgres' ? 'timestamptz' : 'text',
    date: d === 'postgres' ? 'date' : 'text',
    real: d === 'postgres' ? 'double precision' : 'real',
    bool: 'integer',
    json: 'text',
    blob: d === 'postgres' ? 'bytea' : 'blob',
  } as const;
}
