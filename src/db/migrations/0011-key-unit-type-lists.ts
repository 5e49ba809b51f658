import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * A supervisor's list of the key units of one type in a city or county
 * (Art 10's items), by name: without the type in the index every page and its
 * count read each unit row of the place to test its type.
 */
export default function keyUnitTypeListsMigration(_d: DialectName): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.createIndex('key_units_city_type_name_idx').on('key_units').columns(['city_code', 'unit_type', 'name', 'restricted']).execute();
      await db.schema.createIndex('key_units_division_type_name_idx').on('key_units').columns(['division_code', 'unit_type', 'name', 'restricted']).execute();
    },
  };
}
