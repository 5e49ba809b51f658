import { CompiledQuery, sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ListScope } from '../access/index.js';
import type { DialectName, JifangDb } from '../db/database.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import { findDivision } from '../shared/standards/gb2260.js';
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

/** Bound parameters one statement may carry. */
const PARAM_LIMIT: Record<DialectName, number> = { sqlite: 32_000, postgres: 65_000 };

export class RegistryRepository {
  constructor(
    readonly db: AnyDb,
    readonly dialect: DialectName,
  ) {}

  static of(jdb: JifangDb): RegistryRepository {
    return new RegistryRepository(jdb.db, jdb.dialect);
  }

  /** Runs `fn` in one transaction; everything it writes stays or goes together. */
  async transaction<T>(fn: (repo: RegistryRepository) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new RegistryRepository(trx, this.dialect)));
  }

  // ---- reading ----------------------------------------------------------

  async list(kind: RegistryKind, scope: ListScope, query: ListQuery): Promise<Page> {
    const k = KINDS[kind];
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 20)));
    const base = this.filtered(k, scope, query);
    const sortField = k.fields.find((f) => f.name === query.sort && f.sortable) ? query.sort! : 'name';
    const order = query.order === 'desc' ? 'desc' : 'asc';
    const [countRow, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      base
        .selectAll()
        .orderBy(sortField, order)
        .orderBy('id', order)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return { items: rows.map((r) => toItem(k, r)), total: Number((countRow as { n: number | string } | undefined)?.n ?? 0), page, pageSize };
  }

  /** Every row a list would show, in id order, a batch at a time (for exports). */
  async *iterate(kind: RegistryKind, scope: ListScope, query: Omit<ListQuery, 'page' | 'pageSize' | 'sort' | 'order'>, batch = 2000): AsyncGenerator<Item[]> {
    const k = KINDS[kind];
    let last = 0;
    for (;;) {
      const rows = await this.filtered(k, scope, query).selectAll().where('id', '>', last).orderBy('id').limit(batch).execute();
      if (!rows.length) return;
      last = Number(rows[rows.length - 1].id);
      yield rows.map((r) => toItem(k, r));
      if (rows.length < batch) return;
    }
  }

  async count(kind: RegistryKind, scope: ListScope, query: Omit<ListQuery, 'page' | 'pageSize' | 'sort' | 'order'>): Promise<number> {
    const r = await this.filtered(KINDS[kind], scope, query)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number((r as { n: number | string } | undefined)?.n ?? 0);
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
    // Every column a row of this kind can have: id, fields, search grams, timestamps.
    const widest = k.fields.length + 3;
    const perStatement = Math.max(1, Math.floor(PARAM_LIMIT[this.dialect] / widest));
    const pg = this.dialect === 'postgres';
    const statements = new Map<string, string>();
    const statementFor = (columns: string[], n: number) => {
      const key = `${columns.join(',')}|${n}`;
      let s = statements.get(key);
      if (!s) {
        const head = `insert into ${k.table} (${columns.map(snake).join(', ')}) values `;
        const tuple = (offset: number) => `(${columns.map((_, j) => (pg ? `$${offset + j + 1}` : '?')).join(', ')})`;
        const sqliteTuple = tuple(0);
        s = head + (pg ? Array.from({ length: n }, (_, i) => tuple(i * columns.length)).join(', ') : Array(n).fill(sqliteTuple).join(', '));
        statements.set(key, s);
      }
      return s;
    };
    let explicitIds = false;
    await guard(async () => {
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement).map((r) => toColumns(k, { ...r, createdAt: now, updatedAt: now }));
        const seen = new Set<string>();
        for (const c of chunk) for (const col of Object.keys(c)) seen.add(col);
        const columns = [...seen];
        if (seen.has('id')) explicitIds = true;
        const params: unknown[] = new Array(chunk.length * columns.length);
        let p = 0;
        for (const c of chunk) for (const col of columns) params[p++] = c[col] ?? null;
        await this.db.executeQuery(CompiledQuery.raw(statementFor(columns, chunk.length), params));
      }
    });
    if (explicitIds && pg) {
      await sql.raw(`select setval(pg_get_serial_sequence('${k.table}', 'id'), (select max(id) from ${k.table}))`).execute(this.db);
    }
    return rows.length;
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
    const systemsPlaceFrom = (table: string, column: string, where: string) =>
      sql
        .raw(
          `update security_systems set
             division_code = (select p.division_code from ${table} p where p.id = security_systems.${column}),
             city_code = (select p.city_code from ${table} p where p.id = security_systems.${column}),
             updated_at = '${now}'
           where ${where}`,
        )
        .execute(db);
    const devicesOf = (where: string) =>
      sql
        .raw(
          `update devices set
             key_unit_id = (select s.key_unit_id from security_systems s where s.id = devices.system_id),
             public_area_id = (select s.public_area_id from security_systems s where s.id = devices.system_id),
             division_code = (select s.division_code from security_systems s where s.id = devices.system_id),
             city_code = (select s.city_code from security_systems s where s.id = devices.system_id),
             restricted = (select s.restricted from security_systems s where s.id = devices.system_id),
             updated_at = '${now}'
           where ${where}`,
        )
        .execute(db);
    const n = Number(id);
    switch (kind) {
      case 'key-units':
        await sql.raw(`update sites set restricted = (select k.restricted from key_units k where k.id = sites.key_unit_id) where key_unit_id = ${n}`).execute(db);
        // Restricting a unit restricts its systems; lifting it leaves each system's own flag.
        await sql.raw(`update security_systems set restricted = 1 where key_unit_id = ${n} and exists (select 1 from key_units k where k.id = ${n} and k.restricted = 1)`).execute(db);
        await systemsPlaceFrom('key_units', 'key_unit_id', `key_unit_id = ${n} and site_id is null`);
        await devicesOf(`system_id in (select id from security_systems where key_unit_id = ${n})`);
        return;
      case 'sites':
        await systemsPlaceFrom('sites', 'site_id', `site_id = ${n}`);
        await devicesOf(`system_id in (select id from security_systems where site_id = ${n})`);
        return;
      case 'public-areas':
        await systemsPlaceFrom('public_areas', 'public_area_id', `public_area_id = ${n}`);
        await devicesOf(`system_id in (select id from security_systems where public_area_id = ${n})`);
        return;
      case 'security-systems':
        await devicesOf(`system_id = ${n}`);
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

  private filtered(k: KindDef, scope: ListScope, query: Pick<ListQuery, 'q' | 'filters'>): AnySelect {
    let qb = this.db.selectFrom(k.table) as AnySelect;
    qb = applyScope(qb, k, scope);
    for (const [name, value] of Object.entries(query.filters ?? {})) {
      const f = k.fields.find((x) => x.name === name && x.filterable);
      if (!f || value === undefined || value === null || value === '') continue;
      qb = applyFilter(qb, f, value);
    }
    if (query.q) qb = this.applySearch(qb, k, query.q);
    return qb;
  }

  private applySearch(qb: AnySelect, k: KindDef, raw: string): AnySelect {
    const q = normaliseQuery(raw);
    if (!q) return qb;
    const pg = this.dialect === 'postgres';
    const scan = pg ? sql<boolean>`strpos(lower(name), ${q}) > 0` : sql<boolean>`instr(lower(name), ${q}) > 0`;
    if (!k.indexedSearch || !hasWordCharacter(q)) return qb.where(scan);
    const long = charLength(q) >= 3;
    if (pg) {
      if (long) return qb.where(sql<boolean>`name ilike ${`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
      // Exact grams, so a one- or two-character query meets the GIN index; the scan re-checks.
      return qb.where(sql<boolean>`string_to_array(search_grams, ' ') @> array[${q}]::text[]`).where(scan);
    }
    const phrase = `"${q.replace(/"/g, '""')}"`;
    if (long) return qb.where(sql<boolean>`id in (select rowid from ${sql.raw(`${k.table}_trgm`)} where ${sql.raw(`${k.table}_trgm`)} match ${phrase})`);
    return qb.where(sql<boolean>`id in (select rowid from ${sql.raw(`${k.table}_grams`)} where ${sql.raw(`${k.table}_grams`)} match ${phrase})`).where(scan);
  }
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

/** Applies the policy's list scope in SQL. */
export function applyScope(qb: AnySelect, k: KindDef, scope: ListScope): AnySelect {
  switch (scope.kind) {
    case 'none':
      return qb.where(sql<boolean>`1 = 0`);
    case 'all':
      break;
    case 'division': {
      if (!k.hasDivision) return qb.where(sql<boolean>`1 = 0`);
      const p = scope.prefix;
      if (p.length >= 6) qb = qb.where('divisionCode', '=', p.slice(0, 6));
      else if (p.length === 4) qb = qb.where('cityCode', '=', `${p}00`);
      else qb = qb.where(sql<boolean>`substr(city_code, 1, ${p.length}) = ${p}`);
      break;
    }
    case 'key-unit':
      if (!k.keyUnitColumn) return qb.where(sql<boolean>`1 = 0`);
      qb = qb.where(k.keyUnitColumn, '=', scope.keyUnitId);
      break;
    case 'provider':
      if (!k.providerColumn) return qb.where(sql<boolean>`1 = 0`);
      qb = qb.where(k.providerColumn, '=', scope.providerId);
      break;
  }
  // Art 19: restricted rows only for those the policy lets see them.
  if (k.hasRestricted && !scope.includeRestricted) qb = qb.where('restricted', '=', 0);
  return qb;
}

function applyFilter(qb: AnySelect, f: FieldDef, value: unknown): AnySelect {
  switch (f.type) {
    case 'division': {
      const code = String(value);
      if (f.name !== 'divisionCode') return qb.where(f.name, '=', code);
      // A division filter means "within": a city code filters by city, a county code by county.
      const d = findDivision(code);
      if (!d) return qb.where(sql<boolean>`1 = 0`);
      if (d.level === 'county') return qb.where('divisionCode', '=', code);
      if (d.level === 'city') return qb.where('cityCode', '=', code);
      return qb.where(sql<boolean>`substr(city_code, 1, 2) = ${code.slice(0, 2)}`);
    }
    case 'boolean':
      return qb.where(f.name, '=', value === true || value === 'true' || value === 1 || value === '1' ? 1 : 0);
    case 'multi-enum': {
      // Stored as a JSON array of vocabulary values; only a value of the vocabulary is looked for.
      const v = String(value);
      if (!(f.enum ?? []).some((o) => o.value === v)) return qb.where(sql<boolean>`1 = 0`);
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
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined) continue;
    out[key] = toColumnValue(
      k.fields.find((f) => f.name === key),
      v,
    );
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
