import { divisionLevel, divisionPrefix, listScope, type Actor, type ListScope, type ResourceKind } from '../access/index.js';
import { ART10_ITEMS, art10ItemOf } from '../law/index.js';
import { citationHref, formatCitation, type Citation } from '../shared/citation.js';
import type { Clock } from '../shared/clock.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import { findDivision, liaoningDivisions, LIAONING } from '../shared/standards/gb2260.js';
import type { Bilingual } from '../shared/text.js';
import { workflowOf } from '../workflow/index.js';
import { DashboardErrors } from './errors.js';
import type { DashboardRepository } from './repository.js';
import { ACCESS_ACTIONS } from '../vault/index.js';
import type { Dashboard, DashboardQuery } from './schemas.js';

export interface DashboardContext {
  repo: DashboardRepository;
  clock: Clock;
}

type Figure = Dashboard['figures'][number];
type Series = Dashboard['series'][number];

const MONTHS = 12;
const DEADLINES = 8;
/** Cases awaiting the police after a hazard was found (art 26: 督促整改). */
const HAZARD_STATES = ['open'] as const;
/** Orders running against a unit: art 31-32 rectification, art 33 removal. */
const ORDER_STATES = ['rectification_ordered', 'removal_ordered'] as const;
/** The unit let the time limit pass: the fine of art 31-32, or forced removal under art 33. */
const OVERDUE_STATES = ['overdue', 'removal_refused'] as const;

export function articleRef(citation: Citation): Dashboard['categories'][number]['article'] {
  return { citation, label: formatCitation(citation), href: citationHref(citation) };
}

/** How far a list scope reaches over the place `prefix`: the place itself when the scope covers it, else nothing. */
function covers(scope: ListScope, prefix: string): boolean {
  if (scope.kind === 'all') return true;
  return scope.kind === 'division' && prefix.startsWith(scope.prefix);
}

function includesRestricted(scope: ListScope): boolean {
  return scope.kind !== 'none' && scope.includeRestricted;
}

/** The place's top of the caller's jurisdiction, from the policy's scope on key units: none means no dashboard. */
function topOf(actor: Actor | null): { code: string; scope: ListScope } {
  const scope = listScope(actor, 'read', 'key-unit');
  if (scope.kind === 'all') return { code: LIAONING, scope };
  if (scope.kind === 'division' && actor?.jurisdiction) return { code: actor.jurisdiction, scope };
  // A unit's or a provider's own scope is no place to supervise: their workspaces read their own records.
  throw new AppError(CommonErrors.JF_FORBIDDEN);
}

function monthsUpTo(now: Date, n: number): string[] {
  // China time: the month a supervisor lives in.
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The first instant of month `m` (`YYYY-MM`) in China time, as an ISO string. */
function monthStart(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, 1) - 8 * 3_600_000).toISOString();
}

/**
 * The supervision dashboard of one place: the province by city, a city by
 * county, a county by itself. Each figure is counted within the scope the
 * policy gives the caller for its kind of row, so a county supervisor never
 * counts another county's rows and a figure the caller may not read is left
 * out; each says the article it rests on and where its rows are listed.
 */
export async function dashboard(ctx: DashboardContext, actor: Actor | null, q: DashboardQuery): Promise<Dashboard> {
  const top = topOf(actor);
  const code = q.division ?? top.code;
  const division = findDivision(code);
  if (!division) throw new AppError(DashboardErrors.JF_DASHBOARD_NO_DIVISION, { params: { code } });
  const prefix = divisionPrefix(code);
  if (!covers(top.scope, prefix)) throw new AppError(CommonErrors.JF_FORBIDDEN);

  const level = divisionLevel(code);
  const by: 'city' | 'county' = level === 'province' ? 'city' : 'county';
  const children = level === 'county' ? [division] : liaoningDivisions().filter((d) => d.parentCode === code);
  const places = children.map((d) => ({ code: d.code, name: d.name, drill: d.level === 'county' && level === 'county' ? null : `division=${d.code}` }));
  const placeOf = (group: string) => (by === 'city' ? `${group}00` : group);
  const known = new Set(places.map((p) => p.code));
  const perPlace = (m: Map<string, number>) => {
    const out: Record<string, number> = Object.fromEntries(places.map((p) => [p.code, 0]));
    for (const [g, n] of m) {
      const p = placeOf(g);
      if (known.has(p)) out[p] += n;
    }
    return out;
  };
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const within = code === LIAONING ? '' : code;
  const divisionParam = within ? `division=${within}` : '';

  const now = ctx.clock.now();
  const months = monthsUpTo(now, MONTHS);
  const bounds = months.map((month) => ({ month, start: monthStart(month) }));
  const figures: Figure[] = [];
  const series: Series[] = [];
  const deadlines: Dashboard['deadlines'] = [];
  /**
   * Rows placed at the place itself rather than in one of its parts: a filing
   * or a complaint goes to the city's police (Art 16, 28), so it is Shenyang's
   * and no county's. They count in the total, which its list shows, and in no part.
   */
  const ownRows = (m: Map<string, number>) => [...m].reduce((a, [g, n]) => (!known.has(placeOf(g)) && placeOf(g) === code ? a + n : a), 0);
  const figure = (key: Figure['key'], label: Bilingual, m: Map<string, number> | Record<string, number>, citation: Citation | null, href: string) => {
    const byPlace = m instanceof Map ? perPlace(m) : m;
    figures.push({ key, label, value: sum(byPlace) + (m instanceof Map ? ownRows(m) : 0), article: citation ? articleRef(citation) : null, href, byPlace });
  };
  const scopeOf = (kind: ResourceKind) => listScope(actor, 'read', kind);

  // Key units by art 10 category and compliance state, from the sweep's stored counts.
  const counts = await ctx.repo.keyUnitCounts(prefix, by, includesRestricted(top.scope));
  const situations = await ctx.repo.situations([...new Set(counts.map((c) => c.situation))]);
  const categories = new Map(ART10_ITEMS.map((i) => [i.item as number, { violation: 0, obligation: 0, compliant: 0 }]));
  const unitsByPlace = new Map<string, number>();
  const violatingByPlace = new Map<string, number>();
  for (const c of counts) {
    const s = situations.get(c.situation);
    const unitType = (s?.facts as { keyUnits?: { unitType?: string }[] } | undefined)?.keyUnits?.[0]?.unitType;
    const item = unitType ? art10ItemOf(unitType) : undefined;
    unitsByPlace.set(c.place, (unitsByPlace.get(c.place) ?? 0) + c.n);
    const state = s && s.violation > 0 ? 'violation' : s && s.obligation > 0 ? 'obligation' : 'compliant';
    if (state === 'violation') violatingByPlace.set(c.place, (violatingByPlace.get(c.place) ?? 0) + c.n);
    const row = item ? categories.get(item) : undefined;
    if (row) row[state] += c.n;
  }
  const unitFilter = within ? `&divisionCode=${within}` : '';
  /** The list of procedures a figure counts: the same kind, states and place. */
  const itemsHref = (machine: string, states: readonly string[] | 'all') =>
    `/work/items?machine=${machine}${states === 'all' ? '' : `&state=${states.join(',')}`}${within ? `&division=${within}` : ''}`;
  figure('keyUnits', { zh: '技术防范重点单位', en: 'Key units' }, unitsByPlace, { article: 10, paragraph: 1 }, `/registry/key-units${within ? `?divisionCode=${within}` : ''}`);
  figure(
    'keyUnitsInViolation',
    { zh: '存在违法情形的重点单位', en: 'Key units in violation' },
    violatingByPlace,
    { article: 31 },
    `/compliance?${divisionParam ? `${divisionParam}&` : ''}kind=key-units&outcome=violation`,
  );

  // Workflows: hazards, orders with their time limits, filings, complaints.
  const caseScope = scopeOf('case');
  if (covers(caseScope, prefix)) {
    const r = includesRestricted(caseScope);
    figure('openHazards', { zh: '待处理的隐患', en: 'Hazards awaiting action' }, await ctx.repo.itemsInStates('case', HAZARD_STATES, prefix, by, r), { article: 26 }, itemsHref('case', HAZARD_STATES));
    figure('rectificationOrders', { zh: '限期改正、拆除中的责令', en: 'Orders running (rectify, remove)' }, await ctx.repo.itemsInStates('case', ORDER_STATES, prefix, by, r), { article: 31 }, itemsHref('case', ORDER_STATES));
    figure('overdue', { zh: '逾期未改正', en: 'Time limit missed' }, await ctx.repo.itemsInStates('case', OVERDUE_STATES, prefix, by, r), { article: 32 }, itemsHref('case', OVERDUE_STATES));
    const states = workflowOf('case').machine.states;
    const nowIso = now.toISOString();
    for (const d of await ctx.repo.nextDeadlines(ORDER_STATES, prefix, r, DEADLINES)) {
      const dueAt = d.due_at instanceof Date ? d.due_at.toISOString() : String(d.due_at);
      const state = String(d.state);
      deadlines.push({
        id: Number(d.id),
        title: String(d.title),
        state,
        stateLabel: states[state]?.label ?? { zh: state, en: state },
        divisionCode: String(d.division_code),
        divisionName: findDivision(String(d.division_code))?.name ?? null,
        dueAt,
        overdue: dueAt < nowIso,
        href: `/work/items/${Number(d.id)}`,
      });
    }
    series.push({
      key: 'casesOpened',
      label: { zh: '立案（隐患、违法）', en: 'Cases opened' },
      article: articleRef({ article: 31 }),
      href: itemsHref('case', 'all'),
      values: toSeries(months, await ctx.repo.itemsPerMonth('case', bounds, prefix, r)),
    });
  }
  const filingScope = scopeOf('filing');
  if (covers(filingScope, prefix)) {
    figure('filingsWaiting', { zh: '待审查的备案', en: 'Filings awaiting the check' }, await ctx.repo.itemsInStates('provider-filing', ['submitted'], prefix, by, includesRestricted(filingScope)), { article: 18 }, itemsHref('provider-filing', ['submitted']));
  }
  const complaintScope = scopeOf('complaint');
  if (covers(complaintScope, prefix)) {
    figure('complaints', { zh: '待查证的投诉', en: 'Complaints awaiting verification' }, await ctx.repo.itemsInStates('complaint', ['received'], prefix, by, includesRestricted(complaintScope)), { article: 28 }, itemsHref('complaint', ['received']));
  }

  // Captured information: lawful accesses, refused attempts, emergency uses to review.
  if (covers(scopeOf('captured-event'), prefix)) {
    const events = await ctx.repo.eventCounts(bounds, prefix, by);
    const sumBy = (o: string, key: 'place' | 'month') => {
      const out = new Map<string, number>();
      for (const r of events) if (r.outcome === o) out.set(r[key], (out.get(r[key]) ?? 0) + r.n);
      return out;
    };
    const placeMap = (o: string) => sumBy(o, 'place');
    const monthMap = (o: string) => sumBy(o, 'month');
    // The access record, filtered as the figures count: the place, the twelve months, the acts that are accesses.
    const record = (filter: string) => `/captured/events?${filter}${within ? `&division=${within}` : ''}&from=${encodeURIComponent(bounds[0].start)}`;
    const accessesHref = record(`outcome=allowed&action=${ACCESS_ACTIONS.join(',')}`);
    const refusalsHref = record('outcome=refused');
    figure('accesses', { zh: '查看、复制、使用采获信息（近12个月）', en: 'Accesses to captured information (12 months)' }, placeMap('allowed'), { article: 24, paragraph: 1 }, accessesHref);
    figure('refusals', { zh: '被拒绝的访问（近12个月）', en: 'Refused attempts (12 months)' }, placeMap('refused'), { article: 22 }, refusalsHref);
    series.push({ key: 'accesses', label: { zh: '访问采获信息', en: 'Accesses' }, article: articleRef({ article: 24, paragraph: 1 }), href: accessesHref, values: toSeries(months, monthMap('allowed')) });
    series.push({ key: 'refusals', label: { zh: '被拒绝的访问', en: 'Refused attempts' }, article: articleRef({ article: 22 }), href: refusalsHref, values: toSeries(months, monthMap('refused')) });
  }
  if (covers(scopeOf('access-request'), prefix)) {
    figure('emergencyAwaitingReview', { zh: '待复核的紧急使用', en: 'Emergency uses awaiting review' }, await ctx.repo.emergencyAwaitingReview(now.toISOString(), prefix, by), { article: 24, paragraph: 2 }, '/captured/requests?awaitingReview=true');
  }

  // Device operations: systems that stopped reporting or reported an interruption (art 11(2), 21 ¶1 (2)).
  const operationsScope = scopeOf('operation-alert');
  if (covers(operationsScope, prefix)) {
    figure(
      'systemsOffline',
      { zh: '离线或运行中断的技防系统', en: 'Systems offline or interrupted' },
      await ctx.repo.systemsDown(prefix, by, includesRestricted(operationsScope)),
      { article: 21, paragraph: 1, item: 2 },
      `/operations?status=offline&status=interrupted${within ? `&divisionCode=${within}` : ''}`,
    );
  }

  const parentCode = level === 'county' ? `${code.slice(0, 4)}00` : level === 'city' ? LIAONING : null;
  const parent = parentCode && covers(top.scope, divisionPrefix(parentCode)) ? { code: parentCode, name: findDivision(parentCode)?.name ?? parentCode } : null;

  return {
    at: now.toISOString(),
    division: { code, name: division.name, level },
    parent,
    by,
    places,
    sweep: await ctx.repo.lastSweep(),
    figures,
    categories: ART10_ITEMS.map((i) => {
      const c = categories.get(i.item)!;
      return {
        item: i.item,
        label: i.label,
        article: articleRef({ article: 10, paragraph: 1, item: i.item }),
        total: c.violation + c.obligation + c.compliant,
        ...c,
        href: `/registry/key-units?art10Item=${i.item}${unitFilter}`,
        violationHref: `/compliance?${divisionParam ? `${divisionParam}&` : ''}kind=key-units&outcome=violation`,
      };
    }),
    months,
    series,
    deadlines,
    gaps: [],
  };
}

function toSeries(months: readonly string[], m: Map<string, number>): number[] {
  return months.map((x) => m.get(x) ?? 0);
}
