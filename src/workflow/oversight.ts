import { sql } from 'kysely';
import { divisionPrefix, listScope, POLICE_ROLES, type Actor, type Role } from '../access/index.js';
import { citationHref, formatCitation, type Citation } from '../shared/citation.js';
import { AppError, CommonErrors, validationError, type FieldIssue } from '../shared/errors.js';
import { isLiaoningDivision } from '../shared/standards/gb2260.js';
import type { Bilingual } from '../shared/text.js';
import { allWorkflows, workflowOf } from './engine.js';
import { workflowDb } from './tables.js';
import type { WorkflowDeps } from './workflow.js';

/**
 * Oversight of officials (Art 29, 36): deadlines the police missed, and
 * attempts the platform refused. Oversight sees all; a police supervisor sees
 * those of its own jurisdiction; nobody else sees them. The scope comes from
 * the policy (the `case` resource: official acts on cases are what
 * oversight is about).
 */
function scope(actor: Actor) {
  const s = listScope(actor, 'read', 'case');
  if (s.kind === 'all') return { prefix: null as string | null, includeRestricted: s.includeRestricted };
  if (s.kind === 'division') return { prefix: s.prefix, includeRestricted: s.includeRestricted };
  throw new AppError(CommonErrors.JF_FORBIDDEN);
}

const HOUR = 3_600_000;

/** A page of an oversight list: at most 200 rows, from `offset`. */
const PAGE_MAX = 200;
const pageOf = (f: { limit?: number; offset?: number }) => ({ limit: Math.min(f.limit ?? 100, PAGE_MAX), offset: f.offset ?? 0 });

export type MissedSort = 'due' | 'late' | 'item';
export type SortOrder = 'asc' | 'desc';

export async function missedDeadlines(
  deps: WorkflowDeps,
  actor: Actor,
  f: { party?: string; open?: boolean; sort?: MissedSort; order?: SortOrder; limit?: number; offset?: number },
) {
  const { prefix } = scope(actor);
  const db = workflowDb(deps.jdb.db);
  let q = db
    .selectFrom('workflowMissedDeadlines as m')
    .innerJoin('workflowItems as i', 'i.id', 'm.itemId')
    .where('m.party', '=', f.party ?? 'official');
  if (prefix) q = q.where('m.divisionCode', 'like', `${prefix}%`);
  if (f.open) q = q.where('m.resolvedAt', 'is', null);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = f.order ?? 'desc';
  const nowIso = deps.clock.now().toISOString();
  // Lateness as the list shows it: until the act came, or until now while still open.
  const lateness =
    deps.jdb.dialect === 'postgres'
      ? sql<number>`extract(epoch from (coalesce(${sql.ref('m.resolvedAt')}, ${nowIso}::timestamptz) - ${sql.ref('m.dueAt')}))`
      : sql<number>`julianday(coalesce(${sql.ref('m.resolvedAt')}, ${nowIso})) - julianday(${sql.ref('m.dueAt')})`;
  const { limit, offset } = pageOf(f);
  let sorted = q.select(['m.id', 'm.itemId', 'm.machine', 'm.state', 'm.party', 'm.divisionCode', 'm.competentOrgan', 'm.dueAt', 'm.detectedAt', 'm.resolvedAt', 'm.resolvedBy', 'i.title', 'i.state as currentState']);
  if (f.sort === 'late') sorted = sorted.orderBy(lateness, order);
  else if (f.sort === 'item') sorted = sorted.orderBy('m.itemId', order);
  else sorted = sorted.orderBy('m.dueAt', order);
  const rows = await sorted.orderBy('m.id', order).limit(limit).offset(offset).execute();
  const now = deps.clock.now().getTime();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      itemId: Number(r.itemId),
      machine: r.machine,
      title: r.title,
      state: r.state,
      currentState: r.currentState,
      party: r.party,
      divisionCode: r.divisionCode,
      competentOrgan: r.competentOrgan,
      dueAt: r.dueAt,
      detectedAt: r.detectedAt,
      resolvedAt: r.resolvedAt,
      resolvedBy: r.resolvedBy == null ? null : Number(r.resolvedBy),
      hoursLate: Math.round(((r.resolvedAt ? Date.parse(r.resolvedAt) : now) - Date.parse(r.dueAt)) / HOUR),
    })),
  };
}

export async function refusals(deps: WorkflowDeps, actor: Actor, f: { code?: string; sort?: 'at'; order?: SortOrder; limit?: number; offset?: number }) {
  const { prefix } = scope(actor);
  let q = workflowDb(deps.jdb.db).selectFrom('workflowRefusals');
  if (prefix) q = q.where('jurisdiction', 'like', `${prefix}%`);
  if (f.code) q = q.where('code', '=', f.code);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = f.order ?? 'desc';
  const { limit, offset } = pageOf(f);
  const rows = await q.selectAll().orderBy('at', order).orderBy('id', order).limit(limit).offset(offset).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      user: r.userId == null ? null : { userId: Number(r.userId), username: r.username, role: r.role, jurisdiction: r.jurisdiction },
      itemId: r.itemId == null ? null : Number(r.itemId),
      machine: r.machine,
      transition: r.transition,
      code: r.code,
      rule: r.ruleId,
      citation: r.citation ? JSON.parse(r.citation) : null,
      detail: JSON.parse(r.detail),
    })),
  };
}

export interface OfficialActFilters {
  /** One police role, or several joined by commas. */
  role?: string;
  /** The account that acted, by username. */
  username?: string;
  machine?: string;
  /** A Liaoning division: acts on items there (within the caller's own scope). */
  division?: string;
  /** Half-open window [from, to) on the act's time, ISO instants. */
  from?: string;
  to?: string;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

/** The filters' own problems, by field and rule, before anything is read. */
function officialActIssues(f: OfficialActFilters): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const roles = f.role ? f.role.split(',') : [];
  const unknown = roles.filter((r) => !POLICE_ROLES.includes(r as Role));
  if (unknown.length) {
    issues.push({ field: 'role', rule: 'enum', message: { zh: `不是公安机关的角色：${unknown.join('、')}`, en: `Not a police role: ${unknown.join(', ')}` } });
  }
  if (f.machine && !allWorkflows().some((w) => w.machine.name === f.machine)) {
    issues.push({ field: 'machine', rule: 'enum', message: { zh: `未知的事项类型：${f.machine}`, en: `Unknown procedure: ${f.machine}` } });
  }
  if (f.division && !isLiaoningDivision(f.division)) {
    issues.push({ field: 'division', rule: 'gb2260-division', message: { zh: '地区须为辽宁省的 GB/T 2260 行政区划代码', en: 'The place must be a Liaoning GB/T 2260 division code' } });
  }
  for (const field of ['from', 'to'] as const) {
    const v = f[field];
    if (v != null && Number.isNaN(Date.parse(v))) {
      issues.push({ field, rule: 'date-time', message: { zh: `${field}：须为 ISO 8601 时间`, en: `${field} must be an ISO 8601 time` } });
    }
  }
  if (f.from && f.to && !issues.length && Date.parse(f.from) >= Date.parse(f.to)) {
    issues.push({ field: 'to', rule: 'after-from', message: { zh: 'to 须晚于 from', en: 'to must be later than from' } });
  }
  return issues;
}

export type OfficialAct = {
  id: number;
  at: string;
  actor: { userId: number | null; username: string | null; role: string; jurisdiction: string | null };
  itemId: number;
  machine: string;
  machineTitle: Bilingual;
  title: string;
  transition: string;
  transitionLabel: Bilingual;
  fromState: string | null;
  toState: string;
  toStateLabel: Bilingual;
  rule: string;
  citation: Citation | null;
  citationLabel: Bilingual | null;
  citationHref: string | null;
};

/**
 * Art 29, 36: what the police did under their accounts, act by act — every
 * transition a police account took on a procedure, newest first, with the
 * rule and article it was taken under. Oversight sees all; a supervisor its
 * jurisdiction; nobody else. Acts on restricted items (Art 19) are left out
 * for those who may not see them.
 */
export async function officialActs(deps: WorkflowDeps, actor: Actor, f: OfficialActFilters): Promise<{ total: number; items: OfficialAct[] }> {
  const { prefix, includeRestricted } = scope(actor);
  const issues = officialActIssues(f);
  if (issues.length) throw validationError(issues);
  const db = workflowDb(deps.jdb.db);
  let q = db
    .selectFrom('workflowTransitions as t')
    .innerJoin('workflowItems as i', 'i.id', 't.itemId')
    .where('t.actorRole', 'in', f.role ? f.role.split(',') : [...POLICE_ROLES]);
  if (prefix) q = q.where('i.divisionCode', 'like', `${prefix}%`);
  if (!includeRestricted) q = q.where('i.restricted', '=', 0);
  if (f.division) q = q.where('i.divisionCode', 'like', `${divisionPrefix(f.division)}%`);
  if (f.username) q = q.where('t.actorUsername', '=', f.username);
  if (f.machine) q = q.where('i.machine', '=', f.machine);
  if (f.from) q = q.where('t.at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('t.at', '<', new Date(f.to).toISOString());
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = f.order ?? 'desc';
  const { limit, offset } = pageOf(f);
  const rows = await q
    .select(['t.id', 't.at', 't.itemId', 't.transition', 't.fromState', 't.toState', 't.ruleId', 't.actorUserId', 't.actorUsername', 't.actorRole', 't.actorJurisdiction', 'i.machine', 'i.title'])
    .orderBy('t.at', order)
    .orderBy('t.id', order)
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => {
      const m = workflowOf(r.machine).machine;
      const t = m.transition(r.transition);
      const citation = t?.rule.id === r.ruleId ? t.rule.citation : null;
      return {
        id: Number(r.id),
        at: r.at,
        actor: { userId: r.actorUserId == null ? null : Number(r.actorUserId), username: r.actorUsername, role: r.actorRole, jurisdiction: r.actorJurisdiction },
        itemId: Number(r.itemId),
        machine: r.machine,
        machineTitle: m.title,
        title: r.title,
        transition: r.transition,
        transitionLabel: t?.label ?? { zh: r.transition, en: r.transition },
        fromState: r.fromState,
        toState: r.toState,
        toStateLabel: m.states[r.toState]?.label ?? { zh: r.toState, en: r.toState },
        rule: r.ruleId,
        citation,
        citationLabel: citation ? formatCitation(citation) : null,
        citationHref: citation ? citationHref(citation) : null,
      };
    }),
  };
}
