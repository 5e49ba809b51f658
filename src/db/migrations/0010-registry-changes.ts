import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The compliance sweep's incremental run reads the registry rows written since
 * the last run (`updated_at >= since`): an index per swept table makes that a
 * range read of the few rows that changed instead of a scan of millions.
 */
const SWEPT = ['key_units', 'sites', 'public_areas', 'security_systems', 'devices', 'providers'];

export default function registryChangesMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      for (const t of SWEPT) await db.schema.createIndex(`${t}_updated_at_idx`).on(t).column('updated_at').execute();
    },
  };
}
