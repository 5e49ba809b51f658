import { sql, type ExpressionBuilder } from 'kysely';
import { divisionPrefix, isAllowed, listScope, POLICE_ROLES, type Actor } from '../access/index.js';
import { citationHref, formatCitation } from '../shared/citation.js';
import { validationError, type FieldIssue } from '../shared/errors.js';
import { findDivision, isLiaoningDivision } from '../shared/standards/gb2260.js';
import { bi } from '../shared/text.js';
import type { Bilingual } from '../shared/text.js';
import { DOCUMENT_KINDS, isDocumentKind, organName } from './documents.js';
import { allWorkflows, mayAct, mayRead, resourceRef, ruleBody, workflowOf } from './engine.js';
import { SERVICE_LABELS, type Service } from './machines/provider-filing.js';
import type { JifangDb } from '../db/database.js';
import { portsFor, type AnyDb } from './ports/index.js';
import { workflowDb, type WorkflowTables } from './tables.js';
import type { ItemRow, Viewer, WorkflowDeps } from './workflow.js';

/** Reading workflow items: lists scoped by the policy, the inbox, one item with its history. */

function divisionName(code: string | null): string | null {
  return code ? findDivision(code)?.name ?? null : null;
}

export function viewerOf(actor: Actor, item: ItemRow): Viewer {
  if (POLICE_ROLES.includes(actor.role)) return 'official';
  if (actor.role === 'oversight') return 'oversight';
  if ((actor.keyUnitId != null && item.keyUnitId === actor.keyUnitId) || (actor.providerId != null && item.providerId === actor.providerId)) return 'subject';
  return 'applicant';
}

export interface ItemView {
  id: number;
  machine: string;
  machineTitle: Bilingual;
  state: string;
  stateLabel: Bilingual;
  terminal: boolean;
  version: number;
  awaiting: string | null;
  title: string;
  divisionCode: string;
  divisionName: string | null;
  competentOrgan: string | null;
  keyUnitId: number | null;
  providerId: number | null;
  parentId: number | null;
  dueAt: string | null;
  dueParty: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  data: Record<string, unknown>;
  /** What the caller may do now. */
  actions: { name: string; label: Bilingual; by: string; rule: ReturnType<typeof ruleBody> }[];
  /** The caller's own acts that the item's state does not allow yet, each with the states it needs and its rule: why not now. */
  notYet: { name: string; label: Bilingual; by: string; rule: ReturnType<typeof ruleBody>; from: { name: string; label: Bilingual }[] }[];
}

export function toView(actor: Actor, item: ItemRow, now: Date): ItemView {
  const w = workflowOf(item.machine);
  const m = w.machine;
  const st = m.states[item.state];
  const data = w.redact ? w.redact(item.data, viewerOf(actor, item)) : item.data;
  return {
    id: item.id,
    machine: m.name,
    machineTitle: m.title,
    state: item.state,
    stateLabel: st?.label ?? { zh: item.state, en: item.state },
    terminal: !!st?.terminal,
    version: item.version,
    awaiting: item.awaiting,
    title: item.title,
    divisionCode: item.divisionCode,
    divisionName: divisionName(item.divisionCode),
    competentOrgan: item.competentOrgan,
    keyUnitId: item.keyUnitId == null ? null : Number(item.keyUnitId),
    providerId: item.providerId == null ? null : Number(item.providerId),
    parentId: item.parentId == null ? null : Number(item.parentId),
    dueAt: item.dueAt,
    dueParty: item.dueParty,
    overdue: !!item.dueAt && item.dueAt < now.toISOString(),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    closedAt: item.closedAt,
    data,
    actions: m
      .available(item.state)
      .filter((t) => t.by !== 'system' && mayAct(actor, m, item, t.by))
      .map((t) => ({ name: t.name, label: t.label, by: t.by, rule: ruleBody(t.rule) })),
    notYet: st?.terminal
      ? []
      : m.transitions
          .filter((t) => t.from.length > 0 && !t.from.includes(item.state) && t.by !== 'system' && mayAct(actor, m, item, t.by))
          .map((t) => ({ name: t.name, label: t.label, by: t.by, rule: ruleBody(t.rule), from: t.from.map((f) => ({ name: f, label: m.states[f]?.label ?? { zh: f, en: f } })) })),
  };
}

function parse(row: Record<string, unknown>): ItemRow {
  return { ...(row as unknown as ItemRow), id: Number(row.id), data: JSON.parse(row.data as string), restricted: Number(row.restricted) };
}

type Eb = ExpressionBuilder<WorkflowTables, 'workflowItems'>;

/** The rows of `machine` the caller may read, as a SQL condition: the policy's scope, nothing else. */
function readable(actor: Actor, resource: Parameters<typeof listScope>[2]) {
  const scope = listScope(actor, 'read', resource);
  // An applicant reads what it opened, whatever else its role gives it.
  const ownItems = isAllowed(actor, 'read', { kind: resource, ownerUserId: actor.userId });
  return (eb: Eb) => {
    const ors = [];
    switch (scope.kind) {
      case 'all':
        ors.push(sql<boolean>`1 = 1`);
        break;
      case 'division':
        ors.push(eb('divisionCode', 'like', `${scope.prefix}%`));
        break;
      case 'key-unit':
        ors.push(eb('keyUnitId', '=', scope.keyUnitId));
        break;
      case 'provider':
        ors.push(eb('providerId', '=', scope.providerId));
        break;
      case 'none':
        break;
    }
    if (ownItems) ors.push(eb('ownerUserId', '=', actor.userId));
    if (!ors.length) return sql<boolean>`1 = 0`;
    const restrictedOk = scope.kind !== 'none' && scope.includeRestricted;
    return restrictedOk ? eb.or(ors) : eb.and([eb.or(ors), eb('restricted', '=', 0)]);
  };
}

export interface ListFilters {
  machine?: string;
  /** One state, or several separated by commas (`ordered,extended`). */
  state?: string;
  /** A GB/T 2260 code of Liaoning: items whose place lies within it. */
  division?: string;
  keyUnitId?: number;
  providerId?: number;
  parentId?: number;
  q?: string;
  open?: boolean;
  limit?: number;
  offset?: number;
  /** `updated` (the default, newest first), `due` (soonest first, none last) or `created`. */
  sort?: 'updated' | 'due' | 'created';
  order?: 'asc' | 'desc';
}

/**
 * The filters' own problems, by field and rule, before anything is read: an
 * unknown state of the chosen procedure, a place that is not in Liaoning.
 */
export function listFilterIssues(f: ListFilters): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.state) {
    const machines = f.machine ? [workflowOf(f.machine)] : allWorkflows();
    const known = new Set(machines.flatMap((w) => Object.keys(w.machine.states)));
    const unknown = f.state.split(',').filter((s) => !known.has(s));
    if (unknown.length) {
      issues.push({
        field: 'state',
        rule: 'enum',
        message: bi(`未知的状态：${unknown.join('、')}`, `Unknown state: ${unknown.join(', ')}`),
      });
    }
  }
  if (f.division && !isLiaoningDivision(f.division)) {
    issues.push({ field: 'division', rule: 'gb2260-division', message: bi('地区须为辽宁省的 GB/T 2260 行政区划代码', 'The place must be a Liaoning GB/T 2260 division code') });
  }
  return issues;
}

export async function listItems(deps: WorkflowDeps, actor: Actor, f: ListFilters): Promise<{ total: number; items: ItemView[] }> {
  const db = workflowDb(deps.jdb.db);
  const machines = f.machine ? [workflowOf(f.machine)] : allWorkflows();
  let q = db.selectFrom('workflowItems').where((eb) => eb.or(machines.map((w) => eb.and([eb('machine', '=', w.machine.name), readable(actor, w.machine.resource)(eb)]))));
  const issues = listFilterIssues(f);
  if (issues.length) throw validationError(issues);
  if (f.state) q = q.where('state', 'in', f.state.split(','));
  if (f.division) q = q.where('divisionCode', 'like', `${divisionPrefix(f.division)}%`);
  if (f.keyUnitId != null) q = q.where('keyUnitId', '=', f.keyUnitId);
  if (f.providerId != null) q = q.where('providerId', '=', f.providerId);
  if (f.parentId != null) q = q.where('parentId', '=', f.parentId);
  if (f.open) q = q.where('closedAt', 'is', null);
  if (f.q) q = q.where(sql`lower(title)`, 'like', `%${f.q.toLowerCase().replace(/[%_]/g, '')}%`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const dir = f.order ?? (f.sort === 'due' ? 'asc' : 'desc');
  let sorted = q.selectAll();
  if (f.sort === 'due') sorted = sorted.orderBy(sql`case when due_at is null then 1 else 0 end`).orderBy('dueAt', dir);
  else sorted = sorted.orderBy(f.sort === 'created' ? 'createdAt' : 'updatedAt', dir);
  const rows = await sorted
    .orderBy('id', dir)
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  const now = deps.clock.now();
  return { total: Number(total.n), items: rows.map((r) => toView(actor, parse(r as unknown as Record<string, unknown>), now)) };
}

/**
 * What awaits the caller: items whose next act is theirs, soonest deadline
 * first, overdue ones flagged. The police see items of their jurisdiction;
 * where the regulation names one organ (a filing, a consultation) only that
 * organ sees it.
 */
export async function inbox(deps: WorkflowDeps, actor: Actor, limit = 100): Promise<{ total: number; overdue: number; items: ItemView[] }> {
  const db = workflowDb(deps.jdb.db);
  const now = deps.clock.now();
  const ors = (eb: Eb) => {
    const c = [];
    if (POLICE_ROLES.includes(actor.role) && actor.jurisdiction) {
      const prefix = divisionPrefix(actor.jurisdiction);
      c.push(
        eb.and([
          eb('awaiting', '=', 'official'),
          eb.or([eb('competentOrgan', '=', actor.jurisdiction), eb.and([eb('competentOrgan', 'is', null), eb('divisionCode', 'like', `${prefix}%`)])]),
        ]),
      );
    }
    if (actor.keyUnitId != null) c.push(eb.and([eb('awaiting', '=', 'subject'), eb('keyUnitId', '=', actor.keyUnitId)]));
    if (actor.providerId != null) c.push(eb.and([eb('awaiting', '=', 'subject'), eb('providerId', '=', actor.providerId)]));
    c.push(eb.and([eb('awaiting', '=', 'applicant'), eb('ownerUserId', '=', actor.userId)]));
    return eb.or(c);
  };
  const base = db.selectFrom('workflowItems').where(ors);
  const rows = await base
    .selectAll()
    .orderBy(sql`case when due_at is null then 1 else 0 end`)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(limit)
    .execute();
  const counts = await base
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(sql`case when due_at < ${now.toISOString()} then 1 else 0 end`).as('late')])
    .executeTakeFirstOrThrow();
  const items = rows
    .map((r) => parse(r as unknown as Record<string, unknown>))
    .filter((i) => mayRead(actor, workflowOf(i.machine).machine, i))
    .map((i) => toView(actor, i, now));
  return { total: Number(counts.n), overdue: Number(counts.late ?? 0), items };
}

export async function itemHistory(db: AnyDb, itemId: number) {
  const rows = await workflowDb(db).selectFrom('workflowTransitions').selectAll().where('itemId', '=', itemId).orderBy('version').execute();
  return rows.map((r) => ({
    version: Number(r.version),
    transition: r.transition,
    fromState: r.fromState,
    toState: r.toState,
    rule: r.ruleId,
    actor: r.actorUserId == null ? null : { userId: Number(r.actorUserId), username: r.actorUsername, role: r.actorRole, jurisdiction: r.actorJurisdiction },
    system: r.actorUserId == null,
    at: r.at,
  }));
}

export async function itemDocuments(db: AnyDb, itemId: number) {
  const rows = await workflowDb(db).selectFrom('workflowDocuments').select(['id', 'kind', 'number', 'issuedAt', 'organDivision']).where('itemId', '=', itemId).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, title: isDocumentKind(r.kind) ? DOCUMENT_KINDS[r.kind].title : { zh: r.kind, en: r.kind }, number: r.number, issuedAt: r.issuedAt, organDivision: r.organDivision }));
}

/** One document with its full content, for printing; the caller must be able to read its item. */
export async function getDocument(deps: WorkflowDeps, actor: Actor, id: number) {
  const db = workflowDb(deps.jdb.db);
  const row = await db.selectFrom('workflowDocuments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const item = await db.selectFrom('workflowItems').selectAll().where('id', '=', row.itemId).executeTakeFirst();
  if (!item) return undefined;
  const parsed = parse(item as unknown as Record<string, unknown>);
  const m = workflowOf(parsed.machine).machine;
  return {
    readable: mayRead(actor, m, parsed),
    ref: resourceRef(m, parsed, 'reader'),
    document: {
      id: Number(row.id),
      itemId: Number(row.itemId),
      kind: row.kind,
      number: row.number,
      verificationCode: row.verificationCode,
      issuedAt: row.issuedAt,
      organDivision: row.organDivision,
      organName: await organName(deps.jdb.db, portsFor(deps.jdb).registry, row.organDivision),
      content: JSON.parse(row.content) as Record<string, unknown>,
    },
  };
}

export interface PublicProviderFilters {
  q?: string;
  service?: string;
  filingOrgan?: string;
  warned?: boolean;
  /** `filed` (the filing date, the default) or `name`. */
  sort?: 'filed' | 'name';
  /** `desc` by default for `filed` (newest first), `asc` for `name`. */
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** Art 18: the list of filed providers, as the public sees it. Nothing personal is selected. */
export async function publicProviders(jdb: JifangDb, f: PublicProviderFilters) {
  const db = jdb.db;
  let q = workflowDb(db).selectFrom('workflowPublicProviders').where('active', '=', 1);
  if (f.q) {
    const needle = f.q.trim().toLowerCase().replace(/[%_\\]/g, '');
    if (needle) q = q.where('search', 'like', `%${needle}%`);
  }
  if (f.service) q = q.where('services', 'like', `%"${f.service.replace(/[%_"\\]/g, '')}"%`);
  if (f.filingOrgan) q = q.where('filingOrgan', '=', f.filingOrgan);
  if (f.warned !== undefined) q = q.where('warnings', f.warned ? '>' : '=', 0);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['name', 'creditCode', 'services', 'businessDivision', 'filingOrgan', 'filedAt', 'receiptNumber', 'warnings'])
    .$call((qb) => {
      // Filed newest first by default, as the list always was; providers filed at the same moment by name.
      if ((f.sort ?? 'filed') === 'filed') return qb.orderBy('filedAt', f.order ?? 'desc').orderBy('name').orderBy('filingId');
      return qb.orderBy('name', f.order ?? 'asc').orderBy('filingId', f.order ?? 'asc');
    })
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  const registry = portsFor(jdb).registry;
  const organs = new Map<string, Bilingual>();
  for (const r of rows) if (!organs.has(r.filingOrgan)) organs.set(r.filingOrgan, await organName(db, registry, r.filingOrgan));
  return {
    total: Number(total.n),
    items: rows.map((r) => {
      const services = JSON.parse(r.services) as Service[];
      return {
        name: r.name,
        creditCode: r.creditCode,
        services: services.map((s) => ({ code: s, label: SERVICE_LABELS[s] })),
        placeOfBusiness: r.businessDivision === 'outside' ? { code: null, name: { zh: '辽宁省外', en: 'Outside Liaoning' } } : { code: r.businessDivision, name: { zh: divisionName(r.businessDivision) ?? r.businessDivision, en: divisionName(r.businessDivision) ?? r.businessDivision } },
        filingAuthority: { divisionCode: r.filingOrgan, name: organs.get(r.filingOrgan)! },
        filedAt: r.filedAt,
        receiptNumber: r.receiptNumber,
        warning: { listed: Number(r.warnings) > 0, count: Number(r.warnings) },
      };
    }),
  };
}

/** The article a rule rests on, as links for the web app. */
export function citationLink(c: { article: number; paragraph?: number; item?: number }) {
  return { ...c, label: formatCitation(c), href: citationHref(c) };
}

/** The public side of a warning (Art 28): what the police announced, nothing more. */
export interface PublicWarningData {
  provider: { id: number; name: string; creditCode: string | null };
  basis: 'violation' | 'complaint';
  finding: string;
  rule: { id: string; title: Bilingual; citation: { article: number; paragraph?: number; item?: number } } | null;
  publishedAt: string;
  number: string | null;
}

const BASIS_LABELS: Record<PublicWarningData['basis'], Bilingual> = {
  violation: { zh: '发生违法行为，经查证属实', en: 'A violation, verified' },
  complaint: { zh: '因服务受到用户投诉，经查证属实', en: 'A user complaint about its service, verified' },
};

/**
 * Art 28: the warning list, newest first by default, or by the provider's
 * name. A warning is published when it is created and stays so until it is
 * withdrawn, so its creation is its publication (`publishedAt`); its title is
 * the provider's name.
 */
export async function publicWarnings(jdb: JifangDb, f: { q?: string; sort?: 'published' | 'name'; order?: 'asc' | 'desc'; limit?: number; offset?: number }) {
  let q = workflowDb(jdb.db).selectFrom('workflowItems').where('machine', '=', 'warning').where('state', '=', 'published').where('restricted', '=', 0);
  if (f.q) {
    const needle = f.q.trim().toLowerCase().replace(/[%_\\]/g, '');
    if (needle) q = q.where(sql`lower(title)`, 'like', `%${needle}%`);
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = f.sort ?? 'published';
  const dir = f.order ?? (sort === 'published' ? 'desc' : 'asc');
  const rows = await q
    .select(['data', 'competentOrgan', 'divisionCode'])
    .orderBy(sort === 'published' ? 'createdAt' : 'title', dir)
    .orderBy('id', dir)
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  const registry = portsFor(jdb).registry;
  const items = [];
  for (const r of rows) {
    const d = JSON.parse(r.data) as PublicWarningData;
    const organ = r.competentOrgan ?? r.divisionCode;
    items.push({
      number: d.number,
      provider: { name: d.provider.name, creditCode: d.provider.creditCode },
      basis: d.basis,
      basisLabel: BASIS_LABELS[d.basis],
      finding: d.finding,
      rule: d.rule,
      publishedAt: d.publishedAt,
      authority: { divisionCode: organ, name: await organName(jdb.db, registry, organ) },
    });
  }
  return { total: Number(total.n), items };
}

/**
 * Providers a complaint can be about (Art 28), for those who may complain:
 * citizens and units hold no registry right to providers.
 */
export async function providerChoices(deps: WorkflowDeps, actor: Actor, q: string | undefined, limit = 20) {
  const may = isAllowed(actor, 'create', { kind: 'complaint', divisionCode: actor.jurisdiction ?? '210000', restricted: false, ownerUserId: actor.userId });
  if (!may) return null;
  return portsFor(deps.jdb).registry.searchProviders(deps.jdb.db, q?.trim() || undefined, limit);
}

/**
 * The public areas and their systems, for those who may open a consultation
 * (Art 9 ¶2) or a design review (Art 12): a construction unit names the area
 * and the systems its works affect. Restricted systems are not offered.
 */
export async function publicAreaChoices(deps: WorkflowDeps, actor: Actor, q: string | undefined, limit = 20) {
  // As the engine asks when the item is opened: an applicant's own item, or one in an officer's area.
  const may = (['adjustment', 'design-review'] as const).some((kind) => isAllowed(actor, 'create', { kind, divisionCode: actor.jurisdiction ?? '210000', restricted: false, ownerUserId: actor.userId }));
  if (!may) return null;
  return portsFor(deps.jdb).registry.searchPublicAreas(deps.jdb.db, q?.trim() || undefined, limit);
}
