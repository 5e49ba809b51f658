import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { JifangDb } from '../db/database.js';
import { KINDS } from '../registry/index.js';
import type { EntityKind } from './domain/entities.js';
import type { EntityRows } from './domain/facts.js';

/**
 * Reads the registry's tables (migration 0002) for the rules: each row with
 * what its facts need from around it, a batch at a time. The only module of
 * this context that reads another context's tables; it reads, never writes,
 * and goes around the registry's repository on purpose: the sweep walks
 * millions of rows and needs a few columns of each, not whole items.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

/** Which rows: the next page after an id (keyset pagination), an id range, or a list of ids. */
export type Selection = { after: number; limit: number } | { from: number; to: number } | { ids: readonly number[] };

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

export function tableOf(kind: EntityKind): string {
  return KINDS[kind].table;
}

function where(column: string, s: Selection): RawBuilder<unknown> {
  const c = sql.raw(column);
  if ('ids' in s) return s.ids.length ? sql`${c} in (${sql.join(s.ids.map((i) => sql.lit(Math.trunc(i))))})` : sql`1 = 0`;
  if ('after' in s) return sql`${c} > ${sql.lit(Math.trunc(s.after))}`;
  return sql`${c} between ${sql.lit(Math.trunc(s.from))} and ${sql.lit(Math.trunc(s.to))}`;
}

/** `order by <id> [limit n]`: the page of a keyset selection. */
function page(column: string, s: Selection): RawBuilder<unknown> {
  return 'after' in s ? sql`order by ${sql.raw(column)} limit ${sql.lit(Math.trunc(s.limit))}` : sql`order by ${sql.raw(column)}`;
}

function parseServices(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  try {
    const x = JSON.parse(String(v ?? '[]'));
    return Array.isArray(x) ? x.map(String) : [];
  } catch {
    return [];
  }
}

type Reader<K extends EntityKind> = (db: AnyDb, s: Selection) => Promise<EntityRows[K][]>;

async function rows(db: AnyDb, q: RawBuilder<unknown>): Promise<Row[]> {
  return (await q.execute(db)).rows as Row[];
}

const READERS: { [K in EntityKind]: Reader<K> } = {
  'key-units': async (db, s) =>
    (
      await rows(
        db,
        sql`select k.id, k.unit_type, k.restricted, k.division_code,
                   exists (select 1 from security_systems x where x.key_unit_id = k.id) as has_system
            from key_units k where ${where('k.id', s)} ${page('k.id', s)}`,
      )
    ).map((r) => ({
      id: num(r.id),
      unitType: String(r.unit_type),
      restricted: bool(r.restricted),
      divisionCode: String(r.division_code),
      hasSystem: bool(r.has_system),
    })),

  sites: async (db, s) =>
    (
      await rows(
        db,
        sql`select x.id, x.key_unit_id, k.unit_type, x.restricted, x.division_code,
                   exists (select 1 from security_systems y where y.site_id = x.id) as at_site,
                   exists (select 1 from security_systems y where y.key_unit_id = x.key_unit_id and y.site_id is null) as unit_wide
            from sites x join key_units k on k.id = x.key_unit_id
            where ${where('x.id', s)} ${page('x.id', s)}`,
      )
    ).map((r) => ({
      id: num(r.id),
      keyUnitId: num(r.key_unit_id),
      unitType: String(r.unit_type),
      restricted: bool(r.restricted),
      divisionCode: String(r.division_code),
      systemAtSite: bool(r.at_site),
      unitWideSystem: bool(r.unit_wide),
    })),

  'public-areas': async (db, s) =>
    (
      await rows(
        db,
        sql`select a.id, a.kind, a.division_code,
                   exists (select 1 from security_systems x where x.public_area_id = a.id) as has_system
            from public_areas a where ${where('a.id', s)} ${page('a.id', s)}`,
      )
    ).map((r) => ({ id: num(r.id), kind: String(r.kind), divisionCode: String(r.division_code), hasSystem: bool(r.has_system) })),

  'security-systems': async (db, s0) => {
    // The devices are summed per system over the same range: resolve a keyset page to its ids first.
    let s = s0;
    if ('after' in s0) {
      const ids = (await rows(db, sql`select id from security_systems where id > ${sql.lit(Math.trunc(s0.after))} order by id limit ${sql.lit(Math.trunc(s0.limit))}`)).map((r) => num(r.id));
      if (!ids.length) return [];
      s = { from: ids[0], to: ids[ids.length - 1] };
    }
    return (
      await rows(
        db,
        sql`select s.id, s.subsystem_kind, s.key_unit_id, s.site_id, s.public_area_id, k.art10_item, s.retention_days, s.restricted,
                   s.division_code, d.n, d.v, d.a
            from security_systems s
            left join key_units k on k.id = s.key_unit_id
            left join (select system_id, count(*) as n, max(captures_video) as v, max(captures_audio) as a
                       from devices where ${where('system_id', s)} group by system_id) d on d.system_id = s.id
            where ${where('s.id', s)} order by s.id`,
      )
    ).map((r) => ({
      id: num(r.id),
      subsystemKind: String(r.subsystem_kind),
      keyUnitId: numOrNull(r.key_unit_id),
      siteId: numOrNull(r.site_id),
      publicAreaId: numOrNull(r.public_area_id),
      art10Item: numOrNull(r.art10_item),
      retentionDays: num(r.retention_days),
      restricted: bool(r.restricted),
      divisionCode: String(r.division_code),
      devices: r.n == null ? 0 : num(r.n),
      capturesVideo: bool(r.v),
      capturesAudio: bool(r.a),
    }));
  },

  devices: async (db, s) =>
    (
      await rows(
        db,
        sql`select id, system_id, captures_video, captures_audio, place_kind, restricted, division_code
            from devices where ${where('id', s)} ${page('id', s)}`,
      )
    ).map((r) => ({
      id: num(r.id),
      systemId: num(r.system_id),
      capturesVideo: bool(r.captures_video),
      capturesAudio: bool(r.captures_audio),
      placeKind: String(r.place_kind),
      restricted: bool(r.restricted),
      divisionCode: String(r.division_code),
    })),

  providers: async (db, s) =>
    (
      await rows(db, sql`select id, services, from_outside_liaoning, division_code from providers where ${where('id', s)} ${page('id', s)}`)
    ).map((r) => ({
      id: num(r.id),
      services: parseServices(r.services),
      fromOutsideLiaoning: bool(r.from_outside_liaoning),
      divisionCode: r.division_code == null ? null : String(r.division_code),
    })),

  products: async (db, s) => (await rows(db, sql`select id, catalogue_listed from products where ${where('id', s)} ${page('id', s)}`)).map((r) => ({ id: num(r.id), catalogueListed: bool(r.catalogue_listed) })),
};

/** What a changed row says about the rows whose facts depend on it. */
export interface ChangedRow {
  id: number;
  keyUnitId: number | null;
  siteId: number | null;
  publicAreaId: number | null;
  systemId: number | null;
}

const PARENT_COLUMNS: Record<EntityKind, string> = {
  'key-units': 'null as key_unit_id, null as site_id, null as public_area_id, null as system_id',
  sites: 'key_unit_id, null as site_id, null as public_area_id, null as system_id',
  'public-areas': 'null as key_unit_id, null as site_id, null as public_area_id, null as system_id',
  'security-systems': 'key_unit_id, site_id, public_area_id, null as system_id',
  devices: 'key_unit_id, null as site_id, public_area_id, system_id',
  providers: 'null as key_unit_id, null as site_id, null as public_area_id, null as system_id',
  products: 'null as key_unit_id, null as site_id, null as public_area_id, null as system_id',
};

export class RegistryRows {
  // Plain rows: the column names are written out above, and millions of rows skip the camel-case pass.
  private readonly db: AnyDb;

  /** Over `db`, or a transaction of it: SQLite has one connection, so reads inside a transaction must use it. */
  constructor(db: AnyDb) {
    this.db = db.withoutPlugins();
  }

  static of(jdb: JifangDb): RegistryRows {
    return new RegistryRows(jdb.db);
  }

  /** The rows selected, with what their facts need, in id order. */
  read<K extends EntityKind>(kind: K, s: Selection): Promise<EntityRows[K][]> {
    return (READERS[kind] as Reader<K>)(this.db, s);
  }

  async count(kind: EntityKind): Promise<number> {
    const t = sql.raw(tableOf(kind));
    return num((await rows(this.db, sql`select count(*) as n from ${t}`))[0]?.n ?? 0);
  }

  /** Rows written at or after `since`, with the rows that depend on them. */
  async changedSince(kind: EntityKind, since: string): Promise<ChangedRow[]> {
    const t = sql.raw(tableOf(kind));
    return (await rows(this.db, sql`select id, ${sql.raw(PARENT_COLUMNS[kind])} from ${t} where updated_at >= ${since} order by id`)).map((r) => ({
      id: num(r.id),
      keyUnitId: numOrNull(r.key_unit_id),
      siteId: numOrNull(r.site_id),
      publicAreaId: numOrNull(r.public_area_id),
      systemId: numOrNull(r.system_id),
    }));
  }

  /** Ids of `kind` whose `column` names one of `ids` (a unit's systems, a unit's sites). */
  async idsWhere(kind: EntityKind, column: 'key_unit_id', ids: readonly number[]): Promise<number[]> {
    const t = sql.raw(tableOf(kind));
    const out: number[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      out.push(...(await rows(this.db, sql`select id from ${t} where ${where(column, { ids: ids.slice(i, i + 1000) })}`)).map((r) => num(r.id)));
    }
    return out;
  }
}
