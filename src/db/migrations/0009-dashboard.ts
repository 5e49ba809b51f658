import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The supervision dashboard counts accesses to captured information and
 * refusals (art 22, 24) per place and month: an index that holds the place,
 * the outcome and the time answers those counts from the index alone, where
 * the place index (division, time) would read every event's row.
 */
export default function dashboardMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createIndex('captured_events_place_outcome_idx').on('captured_events').columns(['division_code', 'outcome', 'at']).execute();
    },
  };
}
