import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Oversight reads the officials' acts newest first across the province
 * (Art 29, 36): an index on the transitions' time serves that order and a
 * time window without reading every transition ever taken.
 */
export default function officialActsMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createIndex('workflow_transitions_at_idx').on('workflow_transitions').columns(['at', 'id']).execute();
    },
  };
}
