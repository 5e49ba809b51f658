import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The supervision dashboard counts accesses to captured information by what
 * was done (Art 24 ¶1: viewing, copying, using), not every recorded act on
 * it: filing or confirming a request is no access. The action joins the
 * place, outcome and time in the index, so the count stays a walk of the
 * index without reading the events themselves.
 */
export default function dashboardAccessesMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createIndex('captured_events_place_outcome_action_idx').on('captured_events').columns(['division_code', 'outcome', 'at', 'action']).execute();
      await db.schema.dropIndex('captured_events_place_outcome_idx').execute();
    },
  };
}
