import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName, JifangDb } from '../db/database.js';
import type { Finding, Outcome } from '../law/index.js';
import type { EntityKind, EntityPlace } from './domain/entities.js';
import type { Evaluation } from './domain/evaluate.js';
import { tableOf } from './registry-rows.js';

/**
 * The only module that speaks SQL to the compliance tables (migration 0006).
 * Timestamps are ISO strings, booleans 0/1, as everywhere.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** Bound parameters per multi-row statement (see the registry's repository for why SQLite's are few). */
const PARAMS_PER_STATEMENT: Record<DialectName, number> = { sqlite: 1_000, postgres: 20_000 };

export interface StoredEntity extends EntityPlace {
  id: number;
  /** The id of its situation in `compliance_situations`. */
  situation: number;
}

export interface StoredSituation {
  id: number;
  hash: string;
  kind: EntityKind;
  facts: string;
  findingsDigest: string;
}

export interface RunRow {
  id: number;
  mode: 'full' | 'incremental';
  status: 'running' | 'finished' | 'failed';
  asOf: string;
  changedSince: string | null;
  startedAt: string;
  finishedAt: string | null;
  stats: Record<string, unknown>;
}

/** One entity's place in a count: kind, county, city, restriction, situation. */
export interface CountKey {
  kind: EntityKind;
  cityCode: string | null;
  divisionCode: string | null;
  restricted: boolean;
  situation: number;
}

/** A filter on the compliance tables, from the policy's scope and the request. */
export type Condition = RawBuilder<boolean>;

const OUTCOME_COLUMNS: readonly Outcome[] = ['violation', 'obligation', 'compliant', 'allowed', 'refused', 'not_applicable'];

function toEntity(r: Row): StoredEntity {
  return {
    id: num(r.entity_id),
    situation: num(r.situation_id),
    divisionCode: strOrNull(r.division_code),
    restricted: bool(r.restricted),
    keyUnitId: numOrNull(r.key_unit_id),
    systemId: numOrNull(r.system_id),
    siteId: numOrNull(r.site_id),
    publicAreaId: numOrNull(r.public_area_id),
  };
}

/** An entity's city from its county code, in SQL: 210102 → 210100, the province 210000 stays; no place is ''. */
const CITY_OF_ENTITY = sql`coalesce(case when division_code like '__0000' then division_code else substr(division_code, 1, 4) || '00' end, '')`;
const CITY_OF_ENTITY_C = sql`coalesce(case when c.division_code like '__0000' then c.division_code else substr(c.division_code, 1, 4) || '00' end, '')`;

const ENTITY_COLUMNS = 'entity_id, situation_id, division_code, restricted, key_unit_id, site_id, public_area_id, system_id';

export class ComplianceRepository {
  private readonly db: AnyDb;

  constructor(
    db: AnyDb,
    readonly dialect: DialectName,
  ) {
    // Column names are written out here; the camel-case pass would only cost time.
    this.db = db.withoutPlugins();
  }

  static of(jdb: JifangDb): ComplianceRepository {
    return new ComplianceRepository(jdb.db, jdb.dialect);
  }

  /** Runs `fn` in one transaction; `db` is the transaction, for reading other tables inside it. */
  async transaction<T>(fn: (repo: ComplianceRepository, db: AnyDb) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this, this.db);
    return this.db.transaction().execute((trx) => fn(new ComplianceRepository(trx, this.dialect), trx));
  }

  private async rows(q: RawBuilder<unknown>): Promise<Row[]> {
    return (await q.execute(this.db)).rows as Row[];
  }

  /**
   * Inserts rows, `suffix` perhaps adding an upsert clause. SQLite takes a
   * batch as one JSON parameter read as JSONB (`jsonb_each`): one short
   * statement, parsed once, whatever the number of rows, each row's columns
   * read without parsing text again; PostgreSQL takes multi-row statements.
   */
  private async insertMany(table: string, columns: readonly string[], values: readonly unknown[][], suffix = ''): Promise<void> {
    if (!values.length) return;
    if (this.dialect === 'sqlite') {
      const select = columns.map((_, i) => `value ->> ${i}`).join(', ');
      const text = `insert into ${table} (${columns.join(', ')}) select ${select} from jsonb_each(jsonb(?)) where true${suffix}`;
      for (let i = 0; i < values.length; i += 20_000) await this.db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(values.slice(i, i + 20_000))]));
      return;
    }
    const per = Math.max(1, Math.floor(PARAMS_PER_STATEMENT[this.dialect] / columns.length));
    const cache = new Map<number, string>();
    for (let i = 0; i < values.length; i += per) {
      const chunk = values.slice(i, i + per);
      let text = cache.get(chunk.length);
      if (!text) {
        let p = 0;
        const tuple = () => `(${columns.map(() => `$${++p}`).join(', ')})`;
        text = `insert into ${table} (${columns.join(', ')}) values ${chunk.map(tuple).join(', ')}${suffix}`;
        cache.set(chunk.length, text);
      }
      await this.db.executeQuery(CompiledQuery.raw(text, chunk.flat()));
    }
  }

  // ---- runs ---------------------------------------------------------------

  async startRun(mode: RunRow['mode'], asOf: string, changedSince: string | null, now: string): Promise<number> {
    const r = await this.rows(
      sql`insert into compliance_runs (mode, status, as_of, changed_since, started_at, stats) values (${mode}, 'running', ${asOf}, ${changedSince}, ${now}, '{}') returning id`,
    );
    return num(r[0].id);
  }

  async finishRun(id: number, status: 'finished' | 'failed', stats: Record<string, unknown>, now: string): Promise<void> {
    await sql`update compliance_runs set status = ${status}, finished_at = ${now}, stats = ${JSON.stringify(stats)} where id = ${id}`.execute(this.db);
  }

  async lastRun(status?: RunRow['status']): Promise<RunRow | undefined> {
    const r = await this.rows(sql`select * from compliance_runs ${status ? sql`where status = ${status}` : sql``} order by id desc limit 1`);
    if (!r.length) return undefined;
    const x = r[0];
    return {
      id: num(x.id),
      mode: x.mode as RunRow['mode'],
      status: x.status as RunRow['status'],
      asOf: String(x.as_of),
      changedSince: x.changed_since == null ? null : iso(x.changed_since),
      startedAt: iso(x.started_at),
      finishedAt: x.finished_at == null ? null : iso(x.finished_at),
      stats: typeof x.stats === 'string' ? (JSON.parse(x.stats) as Record<string, unknown>) : ((x.stats ?? {}) as Record<string, unknown>),
    };
  }

  // ---- situations ---------------------------------------------------------

  async situations(): Promise<StoredSituation[]> {
    return (await this.rows(sql`select id, hash, entity_kind, facts, findings_digest from compliance_situations order by id`)).map((r) => ({
      id: num(r.id),
      hash: String(r.hash),
      kind: r.entity_kind as EntityKind,
      facts: String(r.facts),
      findingsDigest: String(r.findings_digest),
    }));
  }

  async countSituations(): Promise<number> {
    return num((await this.rows(sql`select count(*) as n from compliance_situations`))[0]?.n ?? 0);
  }

  /** Stores a new situation with its findings; returns its id. */
  async addSituation(e: Evaluation, asOf: string, now: string): Promise<number> {
    const c = e.counts;
    const r = await this.rows(
      sql`insert into compliance_situations (hash, entity_kind, facts, findings, findings_digest, as_of, violation, obligation, compliant, allowed, refused, not_applicable, updated_at)
          values (${e.hash}, ${e.kind}, ${e.facts}, ${JSON.stringify(e.findings)}, ${e.findingsDigest}, ${asOf},
                  ${c.violation}, ${c.obligation}, ${c.compliant}, ${c.allowed}, ${c.refused}, ${c.not_applicable}, ${now})
          returning id`,
    );
    const id = num(r[0].id);
    await this.insertFindings(id, e);
    return id;
  }

  /** Replaces the findings of a stored situation: the rules, or the day's law, say otherwise now. */
  async replaceFindings(id: number, e: Evaluation, asOf: string, now: string): Promise<void> {
    const c = e.counts;
    await sql`update compliance_situations set findings = ${JSON.stringify(e.findings)}, findings_digest = ${e.findingsDigest}, as_of = ${asOf},
                violation = ${c.violation}, obligation = ${c.obligation}, compliant = ${c.compliant}, allowed = ${c.allowed}, refused = ${c.refused},
                not_applicable = ${c.not_applicable}, updated_at = ${now}
              where id = ${id}`.execute(this.db);
    await sql`delete from compliance_findings where situation_id = ${id}`.execute(this.db);
    await this.insertFindings(id, e);
  }

  private async insertFindings(id: number, e: Evaluation): Promise<void> {
    await this.insertMany(
      'compliance_findings',
      ['situation_id', 'seq', 'rule_id', 'rule_kind', 'article', 'paragraph', 'item', 'outcome'],
      e.findings.map((f, i) => [id, i, f.ruleId, f.kind, f.citation.article, f.citation.paragraph ?? null, f.citation.item ?? null, f.outcome]),
    );
  }

  /** Situations no entity is in any more. */
  async deleteUnusedSituations(): Promise<number> {
    const unused = (await this.rows(sql`select id from compliance_situations s where not exists (select 1 from compliance_counts c where c.situation_id = s.id)`)).map((r) => num(r.id));
    for (let i = 0; i < unused.length; i += 500) {
      const list = sql.join(unused.slice(i, i + 500).map((x) => sql.lit(x)));
      await sql`delete from compliance_findings where situation_id in (${list})`.execute(this.db);
      await sql`delete from compliance_situations where id in (${list})`.execute(this.db);
    }
    return unused.length;
  }

  /** The stored findings of situations, by id. */
  async findingsOf(ids: readonly number[]): Promise<Map<number, { findings: Finding[]; asOf: string }>> {
    const out = new Map<number, { findings: Finding[]; asOf: string }>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const list = sql.join(unique.slice(i, i + 500).map((x) => sql.lit(Math.trunc(x))));
      for (const r of await this.rows(sql`select id, findings, as_of from compliance_situations where id in (${list})`)) {
        out.set(num(r.id), { findings: JSON.parse(String(r.findings)) as Finding[], asOf: String(r.as_of) });
      }
    }
    return out;
  }

  // ---- entities -----------------------------------------------------------

  /** The stored entities of `kind` among `ids`, or in an id range. */
  async stored(kind: EntityKind, s: { from: number; to: number } | { ids: readonly number[] }): Promise<Map<number, StoredEntity>> {
    const out = new Map<number, StoredEntity>();
    const cols = sql.raw(ENTITY_COLUMNS);
    if ('ids' in s) {
      for (let i = 0; i < s.ids.length; i += 1000) {
        const ids = s.ids.slice(i, i + 1000);
        if (!ids.length) continue;
        const rs = await this.rows(sql`select ${cols} from compliance_entities where entity_kind = ${kind} and entity_id in (${sql.join(ids.map((x) => sql.lit(Math.trunc(x))))})`);
        for (const r of rs) out.set(num(r.entity_id), toEntity(r));
      }
      return out;
    }
    const rs = await this.rows(
      sql`select ${cols} from compliance_entities where entity_kind = ${kind} and entity_id between ${sql.lit(Math.trunc(s.from))} and ${sql.lit(Math.trunc(s.to))}`,
    );
    for (const r of rs) out.set(num(r.entity_id), toEntity(r));
    return out;
  }

  async hasEntities(): Promise<boolean> {
    return (await this.rows(sql`select 1 as x from compliance_entities limit 1`)).length > 0;
  }

  /**
   * The place index of migration 0006, dropped while the entities are first
   * loaded and built once afterwards: one sort costs far less than millions
   * of inserts at random places of the index. `ensurePlaceIndex` also heals a
   * run that stopped between the two.
   */
  async dropPlaceIndex(): Promise<void> {
    await sql`drop index if exists compliance_entities_place_idx`.execute(this.db);
  }

  async ensurePlaceIndex(): Promise<void> {
    await sql`create index if not exists compliance_entities_place_idx on compliance_entities (division_code, entity_kind, entity_id, situation_id, restricted)`.execute(this.db);
  }

  async countEntities(kind: EntityKind): Promise<number> {
    return num((await this.rows(sql`select count(*) as n from compliance_entities where entity_kind = ${kind}`))[0]?.n ?? 0);
  }

  /** Stored entities whose registry row is gone. */
  async orphans(kind: EntityKind): Promise<StoredEntity[]> {
    const t = sql.raw(tableOf(kind));
    return (
      await this.rows(sql`select ${sql.raw(ENTITY_COLUMNS)} from compliance_entities e where e.entity_kind = ${kind} and not exists (select 1 from ${t} r where r.id = e.entity_id)`)
    ).map(toEntity);
  }

  async deleteEntities(kind: EntityKind, ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      const list = sql.join(ids.slice(i, i + 1000).map((x) => sql.lit(Math.trunc(x))));
      await sql`delete from compliance_entities where entity_kind = ${kind} and entity_id in (${list})`.execute(this.db);
    }
  }

  /** Writes entities (new ones, or ones whose facts changed: delete them first). */
  async insertEntities(kind: EntityKind, entities: readonly StoredEntity[], runId: number): Promise<void> {
    await this.insertMany(
      'compliance_entities',
      ['entity_kind', 'entity_id', 'situation_id', 'division_code', 'restricted', 'key_unit_id', 'site_id', 'public_area_id', 'system_id', 'run_id'],
      entities.map((e) => [kind, e.id, e.situation, e.divisionCode, e.restricted ? 1 : 0, e.keyUnitId, e.siteId, e.publicAreaId, e.systemId, runId]),
    );
  }

  /** Adds the deltas to the counts; counts that fall to zero go. */
  async applyCounts(deltas: ReadonlyMap<string, { key: CountKey; n: number }>): Promise<void> {
    const rows = [...deltas.values()].filter((d) => d.n !== 0);
    if (!rows.length) return;
    await this.insertMany(
      'compliance_counts',
      ['city_code', 'division_code', 'entity_kind', 'restricted', 'situation_id', 'n'],
      rows.map(({ key: k, n }) => [k.cityCode ?? '', k.divisionCode ?? '', k.kind, k.restricted ? 1 : 0, k.situation, n]),
      ' on conflict (city_code, division_code, entity_kind, restricted, situation_id) do update set n = compliance_counts.n + excluded.n',
    );
    if (rows.some((d) => d.n < 0)) await sql`delete from compliance_counts where n <= 0`.execute(this.db);
  }

  /** Counts rebuilt from the entities: after a run that stopped half-way, say. */
  async rebuildCounts(): Promise<void> {
    await sql`delete from compliance_counts`.execute(this.db);
    await sql`insert into compliance_counts (city_code, division_code, entity_kind, restricted, situation_id, n)
              select ${CITY_OF_ENTITY}, coalesce(division_code, ''), entity_kind, restricted, situation_id, count(*)
              from compliance_entities group by ${CITY_OF_ENTITY}, coalesce(division_code, ''), entity_kind, restricted, situation_id`.execute(this.db);
  }

  // ---- reading for people -------------------------------------------------

  /**
   * Entities and findings per place: from the counts, or (`fromEntities`)
   * from the entities themselves when the scope is a unit's or a provider's.
   */
  async summary(group: 'city' | 'county', where: Condition, fromEntities: boolean): Promise<Row[]> {
    // The entities hold the county; their city is its first four digits (the province stays 210000).
    const col = group === 'county' ? sql`coalesce(c.division_code, '')` : fromEntities ? CITY_OF_ENTITY_C : sql`c.city_code`;
    const n = fromEntities ? sql.raw('1') : sql.raw('c.n');
    const from = fromEntities ? sql.raw('compliance_entities c') : sql.raw('compliance_counts c');
    const sums = OUTCOME_COLUMNS.map((o) => sql`sum(${n} * s.${sql.raw(o)}) as ${sql.raw(o)}`);
    return this.rows(
      sql`select ${col} as code, sum(${n}) as entities,
                 sum(case when s.violation > 0 then ${n} else 0 end) as with_violation,
                 ${sql.join(sums)}
          from ${from} join compliance_situations s on s.id = c.situation_id
          where ${where}
          group by ${col} order by ${col}`,
    );
  }

  /** Findings per rule and outcome within `where`. */
  async byRule(where: Condition, fromEntities: boolean): Promise<Row[]> {
    const n = fromEntities ? sql.raw('1') : sql.raw('c.n');
    const from = fromEntities ? sql.raw('compliance_entities c') : sql.raw('compliance_counts c');
    return this.rows(
      sql`select f.rule_id, f.outcome, min(f.article) as article, sum(${n}) as n
          from ${from} join compliance_findings f on f.situation_id = c.situation_id
          where ${where}
          group by f.rule_id, f.outcome`,
    );
  }

  /** Situations with a finding matching `where` (on `f`). */
  async matchingSituations(where: Condition): Promise<number[]> {
    return (await this.rows(sql`select distinct f.situation_id from compliance_findings f where ${where}`)).map((r) => num(r.situation_id));
  }

  /** How many findings of the situations `within`, over the entities `where`. */
  async countFindings(where: Condition, findingWhere: Condition, fromEntities: boolean): Promise<number> {
    const n = fromEntities ? sql.raw('1') : sql.raw('c.n');
    const from = fromEntities ? sql.raw('compliance_entities c') : sql.raw('compliance_counts c');
    const r = await this.rows(sql`select sum(${n}) as n from ${from} join compliance_findings f on f.situation_id = c.situation_id where ${where} and ${findingWhere}`);
    return num(r[0]?.n ?? 0);
  }

  /** A page of findings over the entities `where`, in the order of county, kind and id. */
  async findingsPage(where: Condition, findingWhere: Condition, limit: number, offset: number, descending = false): Promise<Row[]> {
    // SQLite takes the left table of a CROSS JOIN as the outer loop: the entities, in index order (read backwards for `desc`).
    const join = this.dialect === 'sqlite' ? sql.raw('cross join') : sql.raw('join');
    const d = sql.raw(descending ? ' desc' : '');
    return this.rows(
      sql`select c.entity_kind, c.entity_id, c.division_code, c.situation_id, f.seq
          from compliance_entities c ${join} compliance_findings f on f.situation_id = c.situation_id
          where ${where} and ${findingWhere}
          order by c.division_code${d}, c.entity_kind${d}, c.entity_id${d}, f.seq${d}
          limit ${sql.lit(Math.trunc(limit))} offset ${sql.lit(Math.trunc(offset))}`,
    );
  }

  /** When the sweep last wrote an entity, and in which situation. */
  async assessed(kind: EntityKind, id: number): Promise<{ hash: string; runId: number; assessedAt: string; asOf: string } | undefined> {
    const r = await this.rows(
      sql`select s.hash, e.run_id, r.started_at, s.as_of from compliance_entities e
          join compliance_situations s on s.id = e.situation_id join compliance_runs r on r.id = e.run_id
          where e.entity_kind = ${kind} and e.entity_id = ${sql.lit(Math.trunc(id))}`,
    );
    return r.length ? { hash: String(r[0].hash), runId: num(r[0].run_id), assessedAt: iso(r[0].started_at), asOf: String(r[0].as_of) } : undefined;
  }

  /** Names of registry rows, for lists. */
  async names(kind: EntityKind, ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const t = sql.raw(tableOf(kind));
    for (let i = 0; i < ids.length; i += 500) {
      const list = sql.join(ids.slice(i, i + 500).map((x) => sql.lit(Math.trunc(x))));
      for (const r of await this.rows(sql`select id, name from ${t} where id in (${list})`)) out.set(num(r.id), String(r.name));
    }
    return out;
  }
}
