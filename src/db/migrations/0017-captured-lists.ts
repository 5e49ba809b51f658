import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The lists of recordings and holds page on the server, newest first, with
 * their totals (art 23 ¶2). Across a city or the province, recordings newest
 * first walk an index on their start (with the id that breaks ties) instead
 * of sorting every recording of the area; a unit's or an area's holds are
 * found by their place and read in order of placing.
 */
export default function capturedListsMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createIndex('captured_segments_started_idx').on('captured_segments').columns(['started_at', 'id']).execute();
      await db.schema.createIndex('retention_holds_unit_idx').on('retention_holds').columns(['key_unit_id', 'id']).execute();
      await db.schema.createIndex('retention_holds_division_idx').on('retention_holds').columns(['division_code', 'id']).execute();
    },
  };
}
