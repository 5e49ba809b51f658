import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName, JifangDb } from '../db/database.js';
import { ACCESS_ACTIONS } from '../vault/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;
export type Condition = RawBuilder<boolean>;

/** A month, `2026-05`, and its first instant in China time as an ISO string. */
export interface Month {
  month: string;
  start: string;
}

const num = (x: unknown) => Number(x ?? 0);


/**
 * A place as a range of division codes: a county by its code; a city or the
 * province by the codes that start with its prefix (2101, 21), which every
 * index that leads with `division_code` serves.
 */
export function placeRange(column: string, prefix: string): Condition {
  const c = sql.ref(column);
  if (prefix.length === 6) return sql<boolean>`${c} = ${prefix}`;
  const next = String(Number(prefix) + 1);
  return sql<boolean>`(${c} >= ${prefix} and ${c} < ${next})`;
}

/**
 * The dashboard's read model: counts only, every one grouped in SQL over an
 * index that leads with the place (or the state), so a province of millions
 * of rows answers in a few small aggregates. Reads the tables other contexts
 * write (compliance, workflow, vault) and never writes.
 */
export class DashboardRepository {
  private readonly db: AnyDb;

  constructor(
    db: AnyDb,
    readonly dialect: DialectName,
  ) {
    this.db = db.withoutPlugins();
  }

  static of(jdb: JifangDb): DashboardRepository {
    return new DashboardRepository(jdb.db, jdb.dialect);
  }

  private async rows(q: RawBuilder<unknown>): Promise<Row[]> {
    return (await q.execute(this.db)).rows as Row[];
  }

  /** The group a row falls in: its city (first four digits) or its county. */
  private group(column: string, by: 'city' | 'county') {
    const c = sql.ref(column);
    return by === 'county' ? sql`${c}` : sql`substr(${c}, 1, 4)`;
  }

  /**
   * The month a timestamp falls in, from the months' first instants (China
   * time, ascending): comparisons against bounds, the same on both engines and
   * cheaper per row than formatting a date.
   */
  private month(column: string, months: readonly Month[]) {
    const c = sql.ref(column);
    const whens = [...months].reverse().map((m) => sql`when ${c} >= ${m.start} then ${sql.lit(m.month)}`);
    return sql`case ${sql.join(whens, sql` `)} end`;
  }

  /**
   * Key units per place and per stored situation, from the sweep's per-county
   * counts (never the entities): the situation says the unit's type and
   * whether it is in violation.
   */
  async keyUnitCounts(prefix: string, by: 'city' | 'county', includeRestricted: boolean): Promise<{ place: string; situation: number; n: number }[]> {
    const restricted = includeRestricted ? sql`` : sql` and c.restricted = 0`;
    const g = this.group('c.division_code', by);
    const rows = await this.rows(
      sql`select ${g} as place, c.situation_id, sum(c.n) as n from compliance_counts c
          where ${placeRange('c.city_code', prefix.slice(0, 4))} and c.entity_kind = 'key-units' and ${placeRange('c.division_code', prefix)}${restricted}
          group by ${g}, c.situation_id`,
    );
    return rows.map((r) => ({ place: String(r.place), situation: num(r.situation_id), n: num(r.n) }));
  }

  /** The stored situations named, with their facts and how many findings of each kind. */
  async situations(ids: readonly number[]): Promise<Map<number, { facts: unknown; violation: number; obligation: number }>> {
    const out = new Map<number, { facts: unknown; violation: number; obligation: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const list = sql.join(ids.slice(i, i + 500).map((x) => sql.lit(Math.trunc(x))));
      for (const r of await this.rows(sql`select id, facts, violation, obligation from compliance_situations where id in (${list})`)) {
        out.set(num(r.id), { facts: JSON.parse(String(r.facts)), violation: num(r.violation), obligation: num(r.obligation) });
      }
    }
    return out;
  }

  /** When the last finished sweep ran. */
  async lastSweep(): Promise<{ startedAt: string; finishedAt: string | null; asOf: string } | null> {
    const r = await this.rows(sql`select started_at, finished_at, as_of from compliance_runs where status = 'finished' order by id desc limit 1`);
    if (!r.length) return null;
    const iso = (x: unknown) => (x == null ? null : x instanceof Date ? x.toISOString() : String(x));
    return { startedAt: iso(r[0].started_at)!, finishedAt: iso(r[0].finished_at), asOf: String(r[0].as_of) };
  }

  /** Open workflow items of `machine` in `states`, per place. */
  async itemsInStates(machine: string, states: readonly string[], prefix: string, by: 'city' | 'county', includeRestricted: boolean): Promise<Map<string, number>> {
    const g = this.group('division_code', by);
    const restricted = includeRestricted ? sql`` : sql` and restricted = 0`;
    const rows = await this.rows(
      sql`select ${g} as place, count(*) as n from workflow_items
          where machine = ${machine} and state in (${sql.join(states.map((s) => sql`${s}`))}) and ${placeRange('division_code', prefix)}${restricted}
          group by ${g}`,
    );
    return new Map(rows.map((r) => [String(r.place), num(r.n)]));
  }

  /** The next deadlines of open rectification and removal orders: a short list, soonest first. */
  async nextDeadlines(states: readonly string[], prefix: string, includeRestricted: boolean, limit: number): Promise<Row[]> {
    const restricted = includeRestricted ? sql`` : sql` and restricted = 0`;
    return this.rows(
      sql`select id, title, state, division_code, key_unit_id, due_at from workflow_items
          where machine = 'case' and state in (${sql.join(states.map((s) => sql`${s}`))}) and due_at is not null and ${placeRange('division_code', prefix)}${restricted}
          order by due_at, id limit ${sql.lit(Math.trunc(limit))}`,
    );
  }

  /** Workflow items of `machine` opened per month since `from`. */
  async itemsPerMonth(machine: string, months: readonly Month[], prefix: string, includeRestricted: boolean): Promise<Map<string, number>> {
    const m = this.month('created_at', months);
    const from = months[0].start;
    const restricted = includeRestricted ? sql`` : sql` and restricted = 0`;
    const rows = await this.rows(
      sql`select ${m} as month, count(*) as n from workflow_items
          where machine = ${machine} and created_at >= ${from} and ${placeRange('division_code', prefix)}${restricted}
          group by 1`,
    );
    return new Map(rows.map((r) => [String(r.month), num(r.n)]));
  }

  /**
   * The events of a place since `from`, from the index on (place, outcome,
   * time) alone. SQLite is told to take it: without statistics its planner
   * prefers the index on (outcome, time) and walks the whole province.
   */
  private events() {
    return this.dialect === 'sqlite' ? sql`captured_events indexed by captured_events_place_outcome_action_idx` : sql`captured_events`;
  }

  /**
   * Accesses to captured information (`allowed` viewing, copying and using,
   * Art 24 ¶1, 25) and refused attempts of any kind per place, month and
   * outcome, in one pass over the place's range of the index.
   */
  async eventCounts(months: readonly Month[], prefix: string, by: 'city' | 'county'): Promise<{ place: string; month: string; outcome: string; n: number }[]> {
    const g = this.group('division_code', by);
    const m = this.month('at', months);
    const accesses = sql.join(ACCESS_ACTIONS.map((a) => sql.lit(a)));
    const rows = await this.rows(
      sql`select ${g} as place, ${m} as month, outcome, count(*) as n from ${this.events()}
          where ${placeRange('division_code', prefix)} and at >= ${months[0].start}
            and (outcome = 'refused' or action in (${accesses}))
          group by 1, 2, 3`,
    );
    return rows.map((r) => ({ place: String(r.place), month: String(r.month), outcome: String(r.outcome), n: num(r.n) }));
  }

  /** Emergency uses (art 24 ¶2) ended or expired and not yet reviewed by a superior, per place. */
  async emergencyAwaitingReview(now: string, prefix: string, by: 'city' | 'county'): Promise<Map<string, number>> {
    const g = this.group('division_code', by);
    const rows = await this.rows(
      sql`select ${g} as place, count(*) as n from access_requests
          where ${placeRange('division_code', prefix)} and kind = 'emergency' and (state = 'ended' or (state = 'active' and valid_until < ${now}))
          group by ${g}`,
    );
    return new Map(rows.map((r) => [String(r.place), num(r.n)]));
  }

  /**
   * Systems whose operating status is offline or interrupted, per place, from
   * the index on (status, place, art 19 flag) alone.
   */
  async systemsDown(prefix: string, by: 'city' | 'county', includeRestricted: boolean): Promise<Map<string, number>> {
    const g = this.group('division_code', by);
    const restricted = includeRestricted ? sql`` : sql` and restricted = 0`;
    const rows = await this.rows(
      sql`select ${g} as place, count(*) as n from operation_status
          where status in ('offline', 'interrupted') and ${placeRange('division_code', prefix)}${restricted}
          group by ${g}`,
    );
    return new Map(rows.map((r) => [String(r.place), num(r.n)]));
  }
}
