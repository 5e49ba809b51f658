import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import { liaoningDivisions } from '../../shared/standards/gb2260.js';
import type { DialectName } from '../database.js';
import { sqlTypes } from './sql-types.js';

/**
 * The registries (art 3, 8, 10, 16-19): divisions, police organs, key units,
 * sites, public areas, security systems, devices, products and providers.
 *
 * Rows that a jurisdiction or a key unit's own scope filters carry their
 * `division_code`, `city_code` (and `key_unit_id`) themselves, copied from
 * what they belong to, so every list is filtered by an index. Names of the
 * smaller registries are indexed for substring search of any length:
 * trigrams for three characters and more, and `search_grams` (single
 * characters and pairs, space-separated) for one or two.
 */
export default function registryMigration(d: DialectName): Migration {
  const t = sqlTypes(d);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Db = Kysely<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Table = CreateTableBuilder<any, any>;

  const stamps = (tb: Table) =>
    tb.addColumn('created_at', sql.raw(t.timestamp), (c) => c.notNull()).addColumn('updated_at', sql.raw(t.timestamp), (c) => c.notNull());
  const place = (tb: Table) =>
    tb
      .addColumn('division_code', 'text', (c) => c.notNull().references('divisions.code'))
      .addColumn('city_code', 'text', (c) => c.notNull());

  async function index(db: Db, name: string, table: string, columns: string[], where?: string) {
    await sql.raw(`create index ${name} on ${table} (${columns.join(', ')})${where ? ` where ${where}` : ''}`).execute(db);
  }

  /**
   * Lists are filtered by city or county and sorted by name; unfiltered lists
   * by name alone. Where rows carry the art 19 flag it closes each index, so a
   * list that hides restricted rows is counted from the index alone.
   */
  async function placeIndexes(db: Db, table: string, restricted = false) {
    const tail = restricted ? ['name', 'restricted'] : ['name'];
    await index(db, `${table}_city_name_idx`, table, ['city_code', ...tail]);
    await index(db, `${table}_division_name_idx`, table, ['division_code', ...tail]);
    await index(db, `${table}_name_idx`, table, tail);
    // The few restricted rows by themselves, for what a list that hides them leaves out.
    if (restricted) await index(db, `${table}_restricted_name_idx`, table, ['name'], 'restricted = 1');
  }

  async function searchIndex(db: Db, table: string) {
    if (d === 'sqlite') {
      await sql.raw(`create virtual table ${table}_trgm using fts5(name, content='${table}', content_rowid='id', tokenize='trigram')`).execute(db);
      // One-word queries only, so positions are not needed.
      await sql.raw(`create virtual table ${table}_grams using fts5(search_grams, content='${table}', content_rowid='id', tokenize='unicode61 remove_diacritics 0', detail=none)`).execute(db);
      await sql
        .raw(
          `create trigger ${table}_search_ai after insert on ${table} begin
             insert into ${table}_trgm(rowid, name) values (new.id, new.name);
             insert into ${table}_grams(rowid, search_grams) values (new.id, new.search_grams);
           end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_search_ad after delete on ${table} begin
             insert into ${table}_trgm(${table}_trgm, rowid, name) values ('delete', old.id, old.name);
             insert into ${table}_grams(${table}_grams, rowid, search_grams) values ('delete', old.id, old.search_grams);
           end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_search_au after update of name, search_grams on ${table} begin
             insert into ${table}_trgm(${table}_trgm, rowid, name) values ('delete', old.id, old.name);
             insert into ${table}_grams(${table}_grams, rowid, search_grams) values ('delete', old.id, old.search_grams);
             insert into ${table}_trgm(rowid, name) values (new.id, new.name);
             insert into ${table}_grams(rowid, search_grams) values (new.id, new.search_grams);
           end`,
        )
        .execute(db);
    } else {
      await sql.raw(`create index ${table}_name_trgm_idx on ${table} using gin (name gin_trgm_ops)`).execute(db);
      await sql.raw(`create index ${table}_grams_idx on ${table} using gin (string_to_array(search_grams, ' '))`).execute(db);
    }
  }

  return {
    async up(db: Db) {
      if (d === 'postgres') await sql`create extension if not exists pg_trgm`.execute(db);

      // GB/T 2260 reference data: the province, its cities and counties.
      await db.schema
        .createTable('divisions')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('city_code', 'text', (c) => c.notNull())
        .execute();
      await index(db, 'divisions_parent_idx', 'divisions', ['parent_code']);
      // A snapshot of the codes as the migration runs; `jifang seed` adds codes published later.
      const rows = liaoningDivisions().map((x) => ({ code: x.code, name: x.name, level: x.level, parent_code: x.parentCode, city_code: x.level === 'province' ? x.code : `${x.code.slice(0, 4)}00` }));
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('divisions').values(rows.slice(i, i + 200)).execute();

      // Art 6: provincial, city and county police, and the stations under a county organ.
      await db.schema
        .createTable('police_organs')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_id', sql.raw(t.ref), (c) => c.references('police_organs.id'))
        .$call(place)
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .execute();
      await index(db, 'police_organs_parent_idx', 'police_organs', ['parent_id']);
      await placeIndexes(db, 'police_organs');
      await searchIndex(db, 'police_organs');

      // Art 10: key units, by the item of ¶1 their type falls under.
      await db.schema
        .createTable('key_units')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_type', 'text', (c) => c.notNull())
        .addColumn('art10_item', 'integer', (c) => c.notNull())
        .addColumn('credit_code', 'text')
        .$call(place)
        .addColumn('address', 'text')
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .execute();
      await placeIndexes(db, 'key_units', true);
      await searchIndex(db, 'key_units');

      await db.schema
        .createTable('sites')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('key_unit_id', sql.raw(t.ref), (c) => c.notNull().references('key_units.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .$call(place)
        .addColumn('address', 'text')
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .execute();
      await index(db, 'sites_key_unit_idx', 'sites', ['key_unit_id']);
      await placeIndexes(db, 'sites', true);
      await searchIndex(db, 'sites');

      // Art 8: public areas, planned and run by the department a government designates.
      await db.schema
        .createTable('public_areas')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .$call(place)
        .addColumn('designated_department', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('lat', sql.raw(t.real))
        .addColumn('lng', sql.raw(t.real))
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .execute();
      await placeIndexes(db, 'public_areas');
      await searchIndex(db, 'public_areas');

      // Art 3 ¶2: products, and whether the national catalogue lists them.
      await db.schema
        .createTable('products')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('manufacturer', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('catalogue_listed', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .execute();
      await index(db, 'products_name_idx', 'products', ['name']);
      await searchIndex(db, 'products');

      // Art 16-17: providers; `city_code` is where they file: the city of the
      // place of business, or the province (210000) for units from outside.
      await db.schema
        .createTable('providers')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('credit_code', 'text', (c) => c.notNull().unique())
        .addColumn('services', sql.raw(t.json), (c) => c.notNull())
        .addColumn('from_outside_liaoning', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('division_code', 'text', (c) => c.references('divisions.code'))
        .addColumn('city_code', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .execute();
      await placeIndexes(db, 'providers');
      await searchIndex(db, 'providers');

      // Art 3 ¶3: systems, owned by a key unit (perhaps at one of its sites) or a public area.
      await db.schema
        .createTable('security_systems')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('subsystem_kind', 'text', (c) => c.notNull())
        .addColumn('key_unit_id', sql.raw(t.ref), (c) => c.references('key_units.id'))
        .addColumn('site_id', sql.raw(t.ref), (c) => c.references('sites.id'))
        .addColumn('public_area_id', sql.raw(t.ref), (c) => c.references('public_areas.id'))
        .addColumn('provider_id', sql.raw(t.ref), (c) => c.references('providers.id'))
        .addColumn('retention_days', 'integer', (c) => c.notNull())
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .$call(place)
        .addColumn('search_grams', 'text', (c) => c.notNull())
        .$call(stamps)
        .addCheckConstraint('security_systems_owner_chk', sql`(key_unit_id is null) <> (public_area_id is null)`)
        .execute();
      await index(db, 'security_systems_key_unit_idx', 'security_systems', ['key_unit_id']);
      await index(db, 'security_systems_site_idx', 'security_systems', ['site_id'], 'site_id is not null');
      await index(db, 'security_systems_public_area_idx', 'security_systems', ['public_area_id'], 'public_area_id is not null');
      await index(db, 'security_systems_provider_idx', 'security_systems', ['provider_id'], 'provider_id is not null');
      await placeIndexes(db, 'security_systems', true);
      await searchIndex(db, 'security_systems');

      // Devices: what they capture and where they look (art 14, 15). Millions of
      // rows, so their names are not search-indexed.
      await db.schema
        .createTable('devices')
        .addColumn('id', sql.raw(t.id), (c) => c.primaryKey())
        .addColumn('system_id', sql.raw(t.ref), (c) => c.notNull().references('security_systems.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('captures_video', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('captures_audio', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .addColumn('place_kind', 'text', (c) => c.notNull())
        .addColumn('lat', sql.raw(t.real))
        .addColumn('lng', sql.raw(t.real))
        .addColumn('bearing', sql.raw(t.real))
        .addColumn('field_of_view', sql.raw(t.real))
        .addColumn('range_meters', sql.raw(t.real))
        .addColumn('product_id', sql.raw(t.ref), (c) => c.references('products.id'))
        .addColumn('key_unit_id', sql.raw(t.ref))
        .addColumn('public_area_id', sql.raw(t.ref))
        .$call(place)
        .addColumn('restricted', sql.raw(t.bool), (c) => c.notNull().defaultTo(0))
        .$call(stamps)
        .execute();
      await index(db, 'devices_system_idx', 'devices', ['system_id']);
      await index(db, 'devices_key_unit_idx', 'devices', ['key_unit_id'], 'key_unit_id is not null');
      await index(db, 'devices_public_area_idx', 'devices', ['public_area_id'], 'public_area_id is not null');
      await index(db, 'devices_product_idx', 'devices', ['product_id'], 'product_id is not null');
      await placeIndexes(db, 'devices', true);
    },
  };
}
