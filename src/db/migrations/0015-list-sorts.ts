import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The public lists (Art 18, 28) and the operations alerts (Art 21) sort on
 * the server. At province scale each order is read from an index rather than
 * by sorting every row: the filed providers by filing date or name, the
 * published warnings by publication (the item's creation) or the provider's
 * name (the item's title), and the alerts across the province by the time
 * they were raised or by kind. One system's records already have theirs
 * (`operation_records_system_idx`, 0012); alerts by system follow the
 * systems' name index and `operation_alerts_system_idx`. Where an order mixes
 * directions (newest filing first, then by name; a kind, then newest first)
 * the index is built in that order, so the default is read as it stands.
 */
export default function listSortsMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createIndex('workflow_public_providers_filed_idx').on('workflow_public_providers').columns(['active', 'filed_at desc', 'name', 'filing_id']).execute();
      await db.schema.createIndex('workflow_public_providers_name_idx').on('workflow_public_providers').columns(['active', 'name', 'filing_id']).execute();
      await db.schema.createIndex('workflow_items_machine_state_created_idx').on('workflow_items').columns(['machine', 'state', 'created_at', 'id']).execute();
      await db.schema.createIndex('workflow_items_machine_state_title_idx').on('workflow_items').columns(['machine', 'state', 'title', 'id']).execute();
      await db.schema.createIndex('operation_alerts_raised_idx').on('operation_alerts').columns(['raised_at', 'id']).execute();
      await db.schema.createIndex('operation_alerts_kind_idx').on('operation_alerts').columns(['kind', 'raised_at desc', 'id desc']).execute();
    },
  };
}
