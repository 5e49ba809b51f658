import { CompiledQuery, sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { ListScope } from '../access/index.js';
import type { DialectName, JifangDb } from '../db/database.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import { findDivision, LIAONING } from '../shared/standards/gb2260.js';
import { KINDS, type FieldDef, type KindDef, type RegistryKind } from './domain/kinds.js';
import { charLength, hasWordCharacter, normaliseQuery, searchGrams } from './domain/search-grams.js';
import { RegistryErrors } from './errors.js';

/**
 * The only module of the registry that speaks SQL. Rows come back as items:
 * booleans as booleans, lists as arrays, with `divisionName` and `cityName`.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect = SelectQueryBuilder<any, any, any>;

export type Row = Record<string, unknown> & { id: number };
export type Item = Record<string, unknown> & { id: number };

export interface ListQuery {
  q?: string;
  /** Field name → value; only filterable fields. */
  filters?: Record<string, unknown>;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  /** Names of the records the page's rows refer to, by `kind:id`, where the caller may be shown them. */
  refNames?: Record<string, string>;
}

export const MAX_PAGE_SIZE = 100;

export interface DivisionRow {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  cityCode: string;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/**
 * Rows per insert statement. A multi-row VALUES list costs SQLite a parse and
 * code generation per value every time (statements are prepared per query), so
 * bulk inserts send the rows as one JSON parameter instead.
 */
const ROWS_PER_STATEMENT = 2_000;
/** Which JSON table function the linked SQLite library has (one library per process). */
let sqliteJsonEach: string | undefined;

const FIELD_MAPS = new Map<KindDef, Map<string, FieldDef>>();
function fieldMap(k: KindDef): Map<string, FieldDef> {
  let m = FIELD_MAPS.get(k);
  if (!m) FIELD_MAPS.set(k, (m = new Map(k.fields.map((f) => [f.name, f]))));
  return m;
}

export interface RepositoryOptions {
  /** Above this many matches a SQLite search walks the list's index rather than fetching each match by id. */
  walkIndexAbove?: number;
}

export class RegistryRepository {
  constructor(
    readonly db: AnyDb,
    readonly dialect: DialectName,
    readonly options: RepositoryOptions = {},
  ) {}

  static of(jdb: JifangDb, options: RepositoryOptions = {}): RegistryRepository {
    return new RegistryRepository(jdb.db, jdb.dialect, options);
  }

  /** Runs `fn` in one transaction; everything it writes stays or goes together. */
  async transaction<T>(fn: (repo: RegistryRepository) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new RegistryRepository(trx, this.dialect, this.options)));
  }

  // ---- reading ----------------------------------------------------------

  /**
   * `nameRefsTo`: the kinds whose names the page may carry for the records
   * its listed fields refer to (the policy decides which); restricted ones
   * only within a scope that includes them (Art 19).
   */
  async list(kind: RegistryKind, scope: ListScope, query: ListQuery, nameRefsTo: readonly RegistryKind[] = []): Promise<Page> {
    const k = KINDS[kind];
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 20)));
    const { qb, total } = await this.filtered(k, scope, query);
    const sortField = k.fields.find((f) => f.name === query.sort && f.sortable) ? query.sort! : 'name';
    const order = query.order === 'desc' ? 'desc' : 'asc';
    const [n, rows] = await Promise.all([
      total ?? countOf(qb),
      qb
        .selectAll()
        .orderBy(sortField, order)
        .orderBy('id', order)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    const items = rows.map((r) => toItem(k, r));
    const refNames = await this.refNames(k, items, nameRefsTo, scope.kind !== 'none' && scope.includeRestricted);
    return { items, total: n, page, pageSize, ...(refNames ? { refNames } : {}) };
  }

  /** One query per referenced kind, for at most a page of ids. */
  private async refNames(k: KindDef, items: Item[], kinds: readonly RegistryKind[], includeRestricted: boolean): Promise<Record<string, string> | undefined> {
    const out: Record<string, string> = {};
    let any = false;
    for (const f of k.fields) {
      if (f.type !== 'ref' || !f.ref || !f.listed || !kinds.includes(f.ref)) continue;
      const ids = [...new Set(items.map((i) => i[f.name]).filter((v): v is number => typeof v === 'number'))];
      if (!ids.length) continue;
      const target = KINDS[f.ref];
      let q = this.db.selectFrom(target.table).select(['id', 'name']).where('id', 'in', ids);
      if (target.hasRestricted && !includeRestricted) q = q.where('restricted', '=', 0);
      for (const r of (await q.execute()) as { id: number; name: string }[]) {
        out[`${f.ref}:${Number(r.id)}`] = String(r.name);
        any = true;
      }
    }
    return any ? out : undefined;
  }

  /** Every row a list would show, in id order, a batch at a time (for exports). */
  async *iterate(kind: RegistryKind, scope: ListScope, query: Omit<ListQuery, 'page' | 'pageSize' | 'sort' | 'order'>, batch = 2000): AsyncGenerator<Item[]> {
    const k = KINDS[kind];
    const { qb } = await this.filtered(k, scope, query);
    let last = 0;
    for (;;) {
      const rows = await qb.selectAll().where('id', '>', last).orderBy('id').limit(batch).execute();
      if (!rows.length) return;
      last = Number(rows[rows.length - 1].id);
      yield rows.map((r) => toItem(k, r));
      if (rows.length < batch) return;
    }
  }

  async count(kind: RegistryKind, scope: ListScope, query: Omit<ListQuery, 'page' | 'pageSize' | 'sort' | 'order'>): Promise<number> {
    const { qb, total } = await this.filtered(KINDS[kind], scope, query);
    return total ?? countOf(qb);
  }

  async get(kind: RegistryKind, id: number): Promise<Item | undefined> {
    const k = KINDS[kind];
    const row = await this.db.selectFrom(k.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toItem(k, row) : undefined;
  }

  async getMany(kind: RegistryKind, ids: readonly number[]): Promise<Map<number, Item>> {
    const k = KINDS[kind];
    const out = new Map<number, Item>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 1000) {
      const rows = await this.db.selectFrom(k.table).selectAll().where('id', 'in', unique.slice(i, i + 1000)).execute();
      for (const r of rows) out.set(Number(r.id), toItem(k, r));
    }
    return out;
  }

  /** Values of a unique field already taken, among `values`, with the id holding each. */
  async taken(kind: RegistryKind, field: string, values: readonly string[]): Promise<Map<string, number>> {
    const k = KINDS[kind];
    const out = new Map<string, number>();
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += 1000) {
      const rows = await this.db.selectFrom(k.table).select(['id', field]).where(field, 'in', unique.slice(i, i + 1000)).execute();
      for (const r of rows) out.set(String(r[field]), Number(r.id));
    }
    return out;
  }

  /** Finds one row by equal values (the natural keys the seeds use). */
  async findBy(kind: RegistryKind, where: Record<string, unknown>): Promise<Item | undefined> {
    const k = KINDS[kind];
    let qb = this.db.selectFrom(k.table).selectAll();
    for (const [f, v] of Object.entries(where)) qb = v === null ? qb.where(f, 'is', null) : qb.where(f, '=', toColumnValue(k.fields.find((x) => x.name === f), v));
    const row = await qb.orderBy('id').executeTakeFirst();
    return row ? toItem(k, row) : undefined;
  }

  /** Rows whose `field` is one of `values`. */
  async findAll(kind: RegistryKind, field: string, values: readonly (string | number)[]): Promise<Item[]> {
    if (!values.length) return [];
    const k = KINDS[kind];
    const rows = await this.db.selectFrom(k.table).selectAll().where(field, 'in', values).execute();
    return rows.map((r) => toItem(k, r));
  }

  /** What still refers to a row, so it cannot be deleted. */
  async dependents(kind: RegistryKind, id: number): Promise<{ table: string; count: number }[]> {
    const refs = DEPENDENTS[kind];
    const out: { table: string; count: number }[] = [];
    for (const [table, column] of refs) {
      const r = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where(column, '=', id)
        .executeTakeFirst();
      const n = Number((r as { n: number | string } | undefined)?.n ?? 0);
      if (n > 0) out.push({ table, count: n });
    }
    return out;
  }

  // ---- writing ----------------------------------------------------------

  /** Inserts one row of column values (camelCase, already derived). */
  async insert(kind: RegistryKind, values: Record<string, unknown>, now: string): Promise<Item> {
    const k = KINDS[kind];
    const row = await guard(() =>
      this.db
        .insertInto(k.table)
        .values(toColumns(k, { ...values, createdAt: now, updatedAt: now }))
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return toItem(k, row);
  }

  async update(kind: RegistryKind, id: number, values: Record<string, unknown>, now: string): Promise<Item> {
    const k = KINDS[kind];
    const row = await guard(() =>
      this.db
        .updateTable(k.table)
        .set(toColumns(k, { ...values, updatedAt: now }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await this.propagate(kind, id, now);
    return toItem(k, row);
  }

  async delete(kind: RegistryKind, id: number): Promise<void> {
    const k = KINDS[kind];
    await guard(() => this.db.deleteFrom(k.table).where('id', '=', id).execute());
  }

  /**
   * Inserts many rows with multi-row statements, as many rows to a statement
   * as the engine takes parameters. Rows may carry explicit ids (the
   * province-scale generator assigns them); sequences are moved past them.
   * Call inside `transaction` for all-or-nothing.
   */
  async insertMany(kind: RegistryKind, rows: readonly Record<string, unknown>[], now: string): Promise<number> {
    if (!rows.length) return 0;
    const k = KINDS[kind];
    const pg = this.dialect === 'postgres';
    const byName = fieldMap(k);
    const each = pg ? '' : await this.jsonEach();
    let explicitIds = false;
    await guard(async () => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
        const seen = new Set<string>();
        for (const r of chunk) for (const col in r) if (r[col] !== undefined && col !== 'createdAt' && col !== 'updatedAt' && col !== 'searchGrams') seen.add(col);
        const columns = [...seen];
        if (seen.has('id')) explicitIds = true;
        const grams = k.indexedSearch && seen.has('name');
        const all = [...columns, ...(grams ? ['searchGrams'] : []), 'createdAt', 'updatedAt'].map(snake);
        const fields = columns.map((c) => byName.get(c));
        const tuples = chunk.map((r) => {
          const t: unknown[] = columns.map((c, j) => toColumnValue(fields[j], r[c]) ?? null);
          if (grams) t.push(searchGrams(String(r.name)));
          t.push(now, now);
          return t;
        });
        const list = all.join(', ');
        // One statement and one parameter per chunk: the rows travel as JSON and the
        // engine unpacks them, so the statement stays the same size however many rows.
        const query = pg
          ? CompiledQuery.raw(`insert into ${k.table} (${list}) select ${list} from json_populate_recordset(null::${k.table}, $1::json)`, [
              JSON.stringify(tuples.map((t) => Object.fromEntries(all.map((c, j) => [c, t[j]])))),
            ])
          : CompiledQuery.raw(`insert into ${k.table} (${list}) select ${all.map((_, j) => `value ->> ${j}`).join(', ')} from ${each}(?)`, [JSON.stringify(tuples)]);
        await this.db.executeQuery(query);
      }
    });
    if (explicitIds && pg) {
      await sql.raw(`select setval(pg_get_serial_sequence('${k.table}', 'id'), (select max(id) from ${k.table}))`).execute(this.db);
    }
    return rows.length;
  }

  /**
   * Runs a bulk load with a larger SQLite page cache (256 MiB instead of the
   * connection's), so the indexes of millions of rows are not re-read from the
   * file for every insert; the connection's own size is restored after.
   */
  async withBulkCache<T>(fn: () => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return fn();
    const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(this.db);
    const size = Number(before.rows[0]?.cache_size ?? -2000);
    await sql.raw(`pragma cache_size = ${BULK_CACHE_SIZE}`).execute(this.db);
    try {
      return await fn();
    } finally {
      await sql.raw(`pragma cache_size = ${Math.trunc(size)}`).execute(this.db);
    }
  }

  /**
   * Refreshes the planner's statistics after a bulk load, so a search with a
   * handful of matches is fetched by id rather than by walking a city's index.
   * SQLite samples (analysis_limit) so this takes moments even at province scale.
   */
  async refreshStatistics(): Promise<void> {
    const tables = [...new Set(Object.values(KINDS).map((k) => k.table))];
    if (this.dialect === 'postgres') {
      await sql.raw(`analyze ${tables.join(', ')}`).execute(this.db);
      return;
    }
    await sql`pragma analysis_limit = 1000`.execute(this.db);
    for (const t of tables) await sql.raw(`analyze ${t}`).execute(this.db);
  }

  /** `jsonb_each` (SQLite 3.51+) hands each row over already parsed; `json_each` re-reads it per column. */
  private async jsonEach(): Promise<string> {
    if (!sqliteJsonEach) {
      const r = await sql<{ v: string }>`select sqlite_version() as v`.execute(this.db);
      const [maj, min] = String(r.rows[0]?.v ?? '0.0').split('.').map(Number);
      sqliteJsonEach = maj > 3 || (maj === 3 && min >= 51) ? 'jsonb_each' : 'json_each';
    }
    return sqliteJsonEach;
  }

  async maxId(kind: RegistryKind): Promise<number> {
    const r = await this.db
      .selectFrom(KINDS[kind].table)
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst();
    return Number((r as { m: number | null } | undefined)?.m ?? 0);
  }

  /**
   * Keeps copied columns true after a change: a unit's restriction and place
   * flow to its sites, systems and devices; a site's or public area's place
   * to its systems; a system's owner, place and restriction to its devices.
   */
  private async propagate(kind: RegistryKind, id: number, now: string): Promise<void> {
    const db = this.db;
    const n = Number(id);
    const systemsPlaceFrom = (table: string, column: string, where: Expression<SqlBool>) =>
      sql`update security_systems set
            division_code = (select p.division_code from ${sql.raw(table)} p where p.id = security_systems.${sql.raw(column)}),
            city_code = (select p.city_code from ${sql.raw(table)} p where p.id = security_systems.${sql.raw(column)}),
            updated_at = ${now}
          where ${where}`.execute(db);
    const devicesOf = (where: Expression<SqlBool>) =>
      sql`update devices set
            key_unit_id = (select s.key_unit_id from security_systems s where s.id = devices.system_id),
            public_area_id = (select s.public_area_id from security_systems s where s.id = devices.system_id),
            division_code = (select s.division_code from security_systems s where s.id = devices.system_id),
            city_code = (select s.city_code from security_systems s where s.id = devices.system_id),
            restricted = (select s.restricted from security_systems s where s.id = devices.system_id),
            updated_at = ${now}
          where ${where}`.execute(db);
    switch (kind) {
      case 'key-units':
        await sql`update sites set restricted = (select k.restricted from key_units k where k.id = sites.key_unit_id), updated_at = ${now} where key_unit_id = ${n}`.execute(db);
        // Restricting a unit restricts its systems; lifting it leaves each system's own flag.
        await sql`update security_systems set restricted = 1, updated_at = ${now} where key_unit_id = ${n} and restricted = 0 and exists (select 1 from key_units k where k.id = ${n} and k.restricted = 1)`.execute(db);
        await systemsPlaceFrom('key_units', 'key_unit_id', sql<SqlBool>`key_unit_id = ${n} and site_id is null`);
        await devicesOf(sql<SqlBool>`system_id in (select id from security_systems where key_unit_id = ${n})`);
        return;
      case 'sites':
        await systemsPlaceFrom('sites', 'site_id', sql<SqlBool>`site_id = ${n}`);
        await devicesOf(sql<SqlBool>`system_id in (select id from security_systems where site_id = ${n})`);
        return;
      case 'public-areas':
        await systemsPlaceFrom('public_areas', 'public_area_id', sql<SqlBool>`public_area_id = ${n}`);
        await devicesOf(sql<SqlBool>`system_id in (select id from security_systems where public_area_id = ${n})`);
        return;
      case 'security-systems':
        await devicesOf(sql<SqlBool>`system_id = ${n}`);
        return;
      default:
        return;
    }
  }

  // ---- divisions ---------------------------------------------------------

  /** GB/T 2260 divisions under `parent` (the province itself when none). */
  async divisions(parent: string | null): Promise<DivisionRow[]> {
    let qb = this.db.selectFrom('divisions').select(['code', 'name', 'level', 'parentCode', 'cityCode']);
    qb = parent ? qb.where('parentCode', '=', parent) : qb.where('parentCode', 'is', null);
    return (await qb.orderBy('code').execute()) as DivisionRow[];
  }

  async addMissingDivisions(all: readonly { code: string; name: string; level: string; parentCode: string | null }[]): Promise<number> {
    const have = new Set((await this.db.selectFrom('divisions').select('code').execute()).map((r) => String(r.code)));
    const rows = all
      .filter((d) => !have.has(d.code))
      .map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parentCode, cityCode: d.level === 'province' ? d.code : `${d.code.slice(0, 4)}00` }));
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('divisions').values(rows.slice(i, i + 200)).execute();
    return rows.length;
  }

  // ---- filtering --------------------------------------------------------

  /**
   * The rows a list may show, as a query; and their number when the search
   * index alone can tell it (a search with nothing else narrowing it).
   */
  private async filtered(k: KindDef, scope: ListScope, query: Pick<ListQuery, 'q' | 'filters'>): Promise<{ qb: AnySelect; total?: number }> {
    const scoped = applyScope(this.db.selectFrom(k.table) as AnySelect, k, scope);
    let qb = scoped.qb;
    let narrowed = scoped.narrowed;
    let hidesRestrictedOnly = scoped.hidesRestrictedOnly;
    for (const [name, value] of Object.entries(query.filters ?? {})) {
      const f = k.fields.find((x) => x.name === name && x.filterable);
      if (!f || value === undefined || value === null || value === '') continue;
      qb = applyFilter(qb, f, value);
      narrowed = true;
      hidesRestrictedOnly = false;
    }
    if (!query.q) return { qb };
    const s = await this.search(k, query.q);
    qb = qb.where(s.where);
    if (s.matches === undefined) return { qb };
    if (!narrowed) return { qb, total: s.matches };
    if (hidesRestrictedOnly) {
      // The few restricted rows that match, from their own small index.
      const r = await this.db
        .selectFrom(k.table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('restricted', '=', 1)
        .where(s.where)
        .executeTakeFirst();
      return { qb, total: s.matches - Number((r as { n: number | string } | undefined)?.n ?? 0) };
    }
    return { qb };
  }

  /**
   * A substring condition on the name, and on SQLite the number of rows that
   * match it (from the search index alone). Few matches are fetched by id;
   * many are found by walking the list's own index (city, county or name
   * order), whose entries hold the name, checking it as they go.
   */
  private async search(k: KindDef, raw: string): Promise<{ where: Expression<SqlBool>; matches?: number }> {
    const q = normaliseQuery(raw);
    const pg = this.dialect === 'postgres';
    const scan = pg ? sql<SqlBool>`strpos(lower(name), ${q}) > 0` : sql<SqlBool>`instr(lower(name), ${q}) > 0`;
    if (!q) return { where: sql<SqlBool>`1 = 1` };
    if (!k.indexedSearch || !hasWordCharacter(q)) return { where: scan };
    const long = charLength(q) >= 3;
    // The word index holds single characters and pairs exactly; a query with punctuation is re-checked.
    const exact = long || /^[\p{L}\p{N}]+$/u.test(q);
    if (pg) {
      if (long) return { where: sql<SqlBool>`name ilike ${`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` };
      const grams = sql<SqlBool>`string_to_array(search_grams, ' ') @> array[${q}]::text[]`;
      return { where: exact ? grams : sql<SqlBool>`${grams} and ${scan}` };
    }
    const fts = sql.raw(`${k.table}_${long ? 'trgm' : 'grams'}`);
    const phrase = `"${q.replace(/"/g, '""')}"`;
    const counted = await sql<{ n: number }>`select count(*) as n from ${fts} where ${fts} match ${phrase}`.execute(this.db);
    const matches = Number(counted.rows[0]?.n ?? 0);
    if (matches === 0) return { where: sql<SqlBool>`1 = 0`, matches: exact ? 0 : undefined };
    if (matches > (this.options.walkIndexAbove ?? WALK_INDEX_ABOVE)) return { where: scan, matches: exact ? matches : undefined };
    const ids = (await sql<{ id: number }>`select rowid as id from ${fts} where ${fts} match ${phrase}`.execute(this.db)).rows.map((r) => Number(r.id));
    const byId = sql<SqlBool>`id in (${sql.join(ids)})`;
    return exact ? { where: byId, matches } : { where: sql<SqlBool>`${byId} and ${scan}` };
  }
}

/** SQLite page cache for bulk loads, in KiB (negative: a size, not a page count). */
export const BULK_CACHE_SIZE = -262_144;

/** Above this many matches a search walks the list's index rather than fetching each match. */
const WALK_INDEX_ABOVE = 1_000;

async function countOf(qb: AnySelect): Promise<number> {
  const r = await qb.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number((r as { n: number | string } | undefined)?.n ?? 0);
}

/** Which rows refer to a row of each kind: (table, column). */
const DEPENDENTS: Record<RegistryKind, [string, string][]> = {
  'key-units': [
    ['sites', 'keyUnitId'],
    ['security_systems', 'keyUnitId'],
    ['users', 'keyUnitId'],
  ],
  sites: [['security_systems', 'siteId']],
  'public-areas': [['security_systems', 'publicAreaId']],
  'security-systems': [['devices', 'systemId']],
  devices: [],
  products: [['devices', 'productId']],
  providers: [
    ['security_systems', 'providerId'],
    ['users', 'providerId'],
  ],
  'police-organs': [
    ['police_organs', 'parentId'],
    ['users', 'organId'],
  ],
};

/**
 * Applies the policy's list scope in SQL; `narrowed` when it may leave out
 * rows, `hidesRestrictedOnly` when all it leaves out is restricted rows.
 */
export function applyScope(qb: AnySelect, k: KindDef, scope: ListScope): { qb: AnySelect; narrowed: boolean; hidesRestrictedOnly: boolean } {
  const none = { qb: qb.where(sql<SqlBool>`1 = 0`), narrowed: true, hidesRestrictedOnly: false };
  let narrowed = false;
  switch (scope.kind) {
    case 'none':
      return none;
    case 'all':
      break;
    case 'division': {
      if (!k.hasDivision) return none;
      const p = scope.prefix;
      if (p.length >= 6) qb = qb.where('divisionCode', '=', p.slice(0, 6));
      else if (p.length === 4) qb = qb.where('cityCode', '=', `${p}00`);
      // Every row lies in Liaoning (division codes are Liaoning's), so the province's scope is everything.
      else if (p !== LIAONING.slice(0, 2)) qb = qb.where(sql<SqlBool>`substr(city_code, 1, ${p.length}) = ${p}`);
      narrowed = p !== LIAONING.slice(0, 2);
      break;
    }
    case 'key-unit':
      if (!k.keyUnitColumn) return none;
      qb = qb.where(k.keyUnitColumn, '=', scope.keyUnitId);
      narrowed = true;
      break;
    case 'provider':
      if (!k.providerColumn) return none;
      qb = qb.where(k.providerColumn, '=', scope.providerId);
      narrowed = true;
      break;
    default:
      // A kind of scope this code does not know is denied, not ignored.
      return none;
  }
  // Art 19: restricted rows only for those the policy lets see them.
  if (k.hasRestricted && !scope.includeRestricted) {
    qb = qb.where('restricted', '=', 0);
    return { qb, narrowed: true, hidesRestrictedOnly: !narrowed };
  }
  return { qb, narrowed, hidesRestrictedOnly: false };
}

function applyFilter(qb: AnySelect, f: FieldDef, value: unknown): AnySelect {
  switch (f.type) {
    case 'division': {
      const code = String(value);
      if (f.name !== 'divisionCode') return qb.where(f.name, '=', code);
      // A division filter means "within": a city code filters by city, a county code by county.
      const d = findDivision(code);
      if (!d) return qb.where(sql<SqlBool>`1 = 0`);
      if (d.level === 'county') return qb.where('divisionCode', '=', code);
      if (d.level === 'city') return qb.where('cityCode', '=', code);
      return qb.where(sql<SqlBool>`substr(city_code, 1, 2) = ${code.slice(0, 2)}`);
    }
    case 'boolean':
      return qb.where(f.name, '=', value === true || value === 'true' || value === 1 || value === '1' ? 1 : 0);
    case 'multi-enum': {
      // Stored as a JSON array of vocabulary values; only a value of the vocabulary is looked for.
      const v = String(value);
      if (!(f.enum ?? []).some((o) => o.value === v)) return qb.where(sql<SqlBool>`1 = 0`);
      return qb.where(f.name, 'like', `%"${v}"%`);
    }
    case 'integer':
    case 'ref':
      return qb.where(f.name, '=', Number(value));
    default:
      return qb.where(f.name, '=', value);
  }
}

function toColumnValue(f: FieldDef | undefined, v: unknown): unknown {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (f?.type === 'boolean') return v ? 1 : 0;
  if (f?.type === 'multi-enum') return JSON.stringify(v);
  return v;
}

/** Item values → column values; adds the search grams where the name is indexed. */
export function toColumns(k: KindDef, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byName = fieldMap(k);
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined) continue;
    out[key] = toColumnValue(byName.get(key), v);
  }
  if (k.indexedSearch && typeof values.name === 'string') out.searchGrams = searchGrams(values.name);
  return out;
}

/** A row as the API shows it. */
export function toItem(k: KindDef, row: Record<string, unknown>): Item {
  const item: Item = { id: Number(row.id) };
  for (const f of k.fields) {
    const v = row[f.name];
    if (v === null || v === undefined) {
      item[f.name] = null;
      continue;
    }
    switch (f.type) {
      case 'boolean':
        item[f.name] = v === 1 || v === true || v === '1';
        break;
      case 'multi-enum':
        item[f.name] = typeof v === 'string' ? (JSON.parse(v) as unknown[]) : v;
        break;
      case 'integer':
      case 'ref':
      case 'number':
        item[f.name] = Number(v);
        break;
      default:
        item[f.name] = v;
    }
  }
  if (k.hasDivision) {
    item.divisionName = typeof row.divisionCode === 'string' ? findDivision(row.divisionCode)?.name ?? null : null;
    item.cityName = typeof row.cityCode === 'string' ? findDivision(row.cityCode)?.name ?? null : null;
  }
  return item;
}

/** Constraint failures are the client's conflict, never a server error. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const message = (e as Error).message ?? '';
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new AppError(CommonErrors.JF_CONFLICT, { params: { reason: '值重复 / a value must be unique' } });
    }
    if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK' || code === '23502' || code === 'SQLITE_CONSTRAINT_NOTNULL') {
      throw new AppError(RegistryErrors.JF_REGISTRY_CONSTRAINT, { params: { detail: message.slice(0, 200) } });
    }
    throw e;
  }
}
