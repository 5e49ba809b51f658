import { sql } from 'kysely';
import { listScope, type Actor } from '../access/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';
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
  if (s.kind === 'all') return { prefix: null as string | null };
  if (s.kind === 'division') return { prefix: s.prefix };
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
