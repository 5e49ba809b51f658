import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { isAllowed, POLICE_ROLES, type Action, type Actor, type ResourceRef } from '../access/index.js';
import { citationHref, formatCitation } from '../shared/citation.js';
import { AppError, CommonErrors, notFound, validationError, type ErrorDefinition } from '../shared/errors.js';
import type { Bilingual } from '../shared/text.js';
import { issueDocument, isDocumentKind } from './documents.js';
import type { Machine, Party, Refusal, RuleRef, TransitionDef } from './domain/machine.js';
import { checkInput } from './domain/schema.js';
import { findBackdating, findForbiddenEntries } from './domain/forbidden-entries.js';
import { WorkflowErrors } from './errors.js';
import { portsFor } from './ports/index.js';
import { workflowDb, type WfTrx } from './tables.js';
import type { Acting, EffectContext, ItemRow, Placement, TrxContext, Workflow, WorkflowDeps } from './workflow.js';

/**
 * The engine: the one place a workflow item changes. Each transition runs in
 * one transaction: load, authorize (the policy), check the state, the version,
 * Art 29, the input and the guard, update with the version as a condition, log
 * the transition, reschedule the deadline, queue the ledger leaf. A refusal is
 * answered with the rule and its citation and recorded for oversight.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTransition = TransitionDef<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMachine = Machine<any>;

const workflows = new Map<string, Workflow<never>>();

export function registerWorkflow<D>(w: Workflow<D>): void {
  workflows.set(w.machine.name, w as unknown as Workflow<never>);
}

export function workflowOf(machine: string): Workflow<Record<string, unknown>> {
  const w = workflows.get(machine);
  if (!w) throw notFound({ zh: `流程“${machine}”`, en: `workflow "${machine}"` });
  return w as unknown as Workflow<Record<string, unknown>>;
}

export function allWorkflows(): Workflow<Record<string, unknown>>[] {
  return [...workflows.values()] as unknown as Workflow<Record<string, unknown>>[];
}

const PARTY_NAMES: Record<Party, Bilingual> = {
  official: { zh: '公安机关', en: 'the police' },
  subject: { zh: '被监管的单位或服务单位', en: 'the unit or provider concerned' },
  applicant: { zh: '申请人', en: 'the applicant' },
  system: { zh: '系统（期限届满时自动进行）', en: 'the platform, when the deadline passes' },
};

export function ruleBody(rule: RuleRef) {
  return { id: rule.id, citation: { ...rule.citation, label: formatCitation(rule.citation), href: citationHref(rule.citation) } };
}

function transitionSummary(t: AnyTransition) {
  return { name: t.name, label: t.label, by: t.by, rule: ruleBody(t.rule) };
}

/** What the policy is asked about an item, for a party. */
export function resourceRef(machine: AnyMachine, item: Pick<ItemRow, 'divisionCode' | 'keyUnitId' | 'providerId' | 'ownerUserId' | 'restricted'>, party: Party | 'reader'): ResourceRef {
  const base = { kind: machine.resource, divisionCode: item.divisionCode, restricted: !!item.restricted };
  // A subject acts on items about its unit or provider; an applicant on items it opened.
  if (party === 'subject') return { ...base, keyUnitId: item.keyUnitId, providerId: item.providerId };
  if (party === 'applicant') return { ...base, ownerUserId: item.ownerUserId };
  if (party === 'official') return base;
  return { ...base, keyUnitId: item.keyUnitId, providerId: item.providerId, ownerUserId: item.ownerUserId };
}

const PARTY_ACTION: Record<Exclude<Party, 'system'>, Action> = { official: 'decide', subject: 'update', applicant: 'update' };

/** Whether `actor` may take transitions of `party` on the item. */
export function mayAct(actor: Actor, machine: AnyMachine, item: Pick<ItemRow, 'divisionCode' | 'keyUnitId' | 'providerId' | 'ownerUserId' | 'restricted'>, party: Party): boolean {
  if (party === 'system') return false;
  return isAllowed(actor, PARTY_ACTION[party], resourceRef(machine, item, party));
}

export function mayRead(actor: Actor, machine: AnyMachine, item: Pick<ItemRow, 'divisionCode' | 'keyUnitId' | 'providerId' | 'ownerUserId' | 'restricted'>): boolean {
  const ref = resourceRef(machine, item, 'reader');
  return (
    isAllowed(actor, 'read', { ...ref, keyUnitId: null, providerId: null, ownerUserId: null }) ||
    isAllowed(actor, 'read', { ...ref, ownerUserId: null }) ||
    isAllowed(actor, 'read', { ...ref, keyUnitId: null, providerId: null })
  );
}

/** 403 with the jurisdiction when that is the reason, so a police officer knows why. */
function outsideJurisdiction(actor: Actor, action: Action, ref: ResourceRef): AppError | null {
  if (!POLICE_ROLES.includes(actor.role) || !actor.jurisdiction) return null;
  if (!isAllowed(actor, action, { ...ref, divisionCode: actor.jurisdiction })) return null;
  return new AppError(WorkflowErrors.JF_WF_OUTSIDE_JURISDICTION, { params: { jurisdiction: actor.jurisdiction }, extra: { itemDivision: ref.divisionCode } });
}

/** An error of the catalogue whose message differs by language beyond simple placeholders. */
export function errorWith(def: ErrorDefinition, message: Bilingual, opts: ConstructorParameters<typeof AppError>[1] = {}): AppError {
  return new AppError({ ...def, message }, opts);
}

export function refusalError(r: Refusal, extra: Record<string, unknown> = {}): AppError {
  return errorWith({ ...WorkflowErrors.JF_WF_RULE_REFUSED, status: r.status ?? 422 }, r.message, {
    citation: r.rule.citation,
    ...(r.field ? { errors: [{ field: r.field, rule: r.rule.id, message: r.message, citation: r.rule.citation }] } : {}),
    extra: { rule: ruleBody(r.rule), ...extra },
  });
}

function parseItem<D>(row: Record<string, unknown>): ItemRow<D> {
  return { ...(row as unknown as ItemRow<D>), id: Number(row.id), data: JSON.parse(row.data as string) as D, restricted: Number(row.restricted) };
}

export async function loadItem(trx: WfTrx, id: number): Promise<ItemRow | undefined> {
  const row = await trx.selectFrom('workflowItems').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? parseItem(row as unknown as Record<string, unknown>) : undefined;
}

/** Several items by id in one query (the scheduler's runs). */
export async function loadItems(trx: WfTrx, ids: readonly number[]): Promise<Map<number, ItemRow>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('workflowItems').selectAll().where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => parseItem<Record<string, unknown>>(r as unknown as Record<string, unknown>)).map((it) => [it.id, it] as const));
}

export async function getItem(deps: WorkflowDeps, id: number): Promise<ItemRow | undefined> {
  const row = await workflowDb(deps.jdb.db).selectFrom('workflowItems').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? parseItem(row as unknown as Record<string, unknown>) : undefined;
}

function actorRole(acting: Acting): string {
  return acting.kind === 'system' ? 'system' : acting.actor.role;
}

function digest(o: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(o)).digest('hex')}`;
}

/** Art 29, 36: what officials may not enter, checked before anything else about the input. */
async function checkOfficialInput(c: TrxContext, t: AnyTransition, input: unknown, exclude: readonly string[]): Promise<void> {
  if (t.by !== 'official') return;
  const backdated = findBackdating(input);
  if (backdated.length) {
    throw new AppError(WorkflowErrors.JF_WF_BACKDATED, { params: { field: backdated.join(', ') }, extra: { attempt: { kind: 'backdating', fields: backdated } } });
  }
  const names = [
    ...(await c.ports.registry.productNames(c.trx)),
    ...(await workflowDb(c.trx).selectFrom('workflowPublicProviders').select('name').where('active', '=', 1).execute()).map((r) => r.name),
  ].filter((n) => !exclude.includes(n));
  const found = findForbiddenEntries(input, names);
  if (found.length) {
    const what = [...new Set(found.map((f) => f.what.zh))].join('、');
    const whatEn = [...new Set(found.map((f) => f.what.en))].join(', ');
    const def = WorkflowErrors.JF_WF_ART29_FORBIDDEN;
    const fee = found.some((f) => f.what.en.startsWith('charging'));
    throw errorWith(def, { zh: def.message.zh.replace('{what}', what), en: def.message.en.replace('{what}', whatEn) }, {
      extra: { attempt: found.map((f) => ({ kind: f.kind, path: f.path, match: f.match })), rule: ruleBody({ id: fee ? 'art29.no-fees-or-benefits' : 'art29.no-designated-products-or-services', citation: { article: 29 } }) },
    });
  }
}

function validate(t: AnyTransition, input: unknown): Record<string, unknown> {
  const value = input ?? {};
  if (!t.input) {
    if (value && typeof value === 'object' && Object.keys(value).length) {
      throw validationError(Object.keys(value).map((k) => ({ field: `input.${k}`, rule: 'additionalProperties', message: { zh: `input.${k}：此操作不需要该字段`, en: `input.${k} is not a field of this action` } })));
    }
    return {};
  }
  const issues = checkInput(t.input, value);
  if (issues.length) throw validationError(issues.map((i) => ({ ...i, field: `input.${i.field}` })));
  return value as Record<string, unknown>;
}

interface Applied {
  item: ItemRow;
  documents: { id: number; kind: string; number: string }[];
}

/** Enters `toState`: the deadline it sets, the jobs it schedules, the misses it resolves. */
/**
 * Enters `toState`: voids the deadlines of the state left, resolves a miss
 * recorded on it, schedules the new state's deadline. `fresh` is a new item
 * (nothing to void or resolve).
 */
async function enterState(c: TrxContext, machine: AnyMachine, item: ItemRow, toState: string, data: unknown, changed: boolean, fresh = false) {
  const st = machine.states[toState];
  const deadline = st.deadline ? st.deadline(data as never, c.now) : null;
  const now = c.now.toISOString();
  const db = c.trx;
  if (changed) {
    if (!fresh) {
      await db.updateTable('workflowJobs').set({ status: 'void', finishedAt: now }).where('itemId', '=', item.id).where('status', '=', 'pending').execute();
      // A miss is recorded only for a passed deadline that had no transition of its own.
      const left = machine.states[item.state]?.deadline?.(item.data as never, c.now);
      if (item.dueAt && item.dueAt <= now && !left?.onExpiry) {
        await db
          .updateTable('workflowMissedDeadlines')
          .set({ resolvedAt: now, resolvedBy: c.acting.kind === 'person' ? c.acting.actor.userId : null })
          .where('itemId', '=', item.id)
          .where('resolvedAt', 'is', null)
          .execute();
      }
    }
    if (deadline) {
      await db
        .insertInto('workflowJobs')
        .values({ itemId: item.id, state: toState, party: deadline.party, onExpiry: deadline.onExpiry ?? null, dueAt: deadline.dueAt, status: 'pending', leaseOwner: null, leaseUntil: null, lastError: null, createdAt: now, finishedAt: null })
        .execute();
    }
  }
  return deadline;
}

async function ledger(c: TrxContext, type: string, subjectRef: string, rule: string, payload: unknown) {
  await c.ports.ledger.append(c.trx, {
    type,
    actorUserId: c.acting.kind === 'person' ? c.acting.actor.userId : null,
    subjectRef,
    rule,
    digest: digest(payload),
    at: c.now.toISOString(),
  });
}

function effectContext<D>(c: TrxContext, w: Workflow<D>, item: ItemRow<D>, t: TransitionDef<D, Record<string, unknown>>, input: Record<string, unknown>, data: D, toState: string, facts: Record<string, unknown>, issued: Applied['documents']): EffectContext<D> {
  const actor = c.acting.kind === 'person' ? c.acting.actor : null;
  return {
    ...c,
    item,
    data,
    input,
    transition: t,
    toState,
    guard: { state: item.state, data: item.data, input, actor, now: c.now, facts, divisionCode: item.divisionCode, competentOrgan: item.competentOrgan },
    async issue(kind, content, publicSubject) {
      if (!isDocumentKind(kind)) throw new Error(`unknown document kind ${kind}`);
      // The issuing organ is the acting official's; the scheduler issues nothing.
      const organDivision = actor?.jurisdiction ?? item.competentOrgan ?? item.divisionCode;
      // Art 19: the public verifier never names the subject of a restricted item.
      const doc = await issueDocument(c.trx, { itemId: item.id, kind, organDivision, issuedBy: actor?.userId ?? null, now: c.now, content, publicSubject: item.restricted ? null : publicSubject });
      issued.push({ id: doc.id, kind: doc.kind, number: doc.number });
      await ledger(c, 'workflow/document', `workflow-document:${doc.id}`, t.rule.id, { number: doc.number, content });
      return doc;
    },
    async openChild(machine, opener, childInput) {
      const child = await openInTrx(c, machine, opener, childInput, item.id);
      // The child's documents are issued by this act too.
      issued.push(...child.documents);
      return child.item;
    },
  };
  void w;
}

/** Opens a new item with an opening transition, inside an existing transaction. */
async function openInTrx(c: TrxContext, machineName: string, openerName: string, rawInput: unknown, parentId: number | null): Promise<Applied> {
  const w = workflowOf(machineName);
  const t = w.machine.transition(openerName);
  if (!t || t.from.length !== 0) throw new AppError(WorkflowErrors.JF_WF_UNKNOWN_TRANSITION, { params: { machine: machineName, transition: openerName } });
  const actor = c.acting.kind === 'person' ? c.acting.actor : null;
  if (t.by === 'system' || !actor) throw new AppError(WorkflowErrors.JF_WF_NOT_YOUR_TRANSITION, { params: { transition: t.label.zh, party: PARTY_NAMES[t.by].zh, partyEn: PARTY_NAMES[t.by].en, transitionEn: t.label.en } });
  await checkOfficialInput(c, t, rawInput, []);
  const input = validate(t, rawInput);
  const placed = await w.place({ ...c, input: input as never, transition: t as never, parentId });
  const p: Placement = placed.placement;
  const itemLike = {
    divisionCode: p.divisionCode,
    keyUnitId: p.keyUnitId ?? null,
    providerId: p.providerId ?? null,
    ownerUserId: p.ownerUserId ?? null,
    restricted: p.restricted ? 1 : 0,
  };
  const ref = resourceRef(w.machine, itemLike, t.by);
  if (!isAllowed(actor, 'create', ref)) {
    throw outsideJurisdiction(actor, 'create', ref) ?? new AppError(CommonErrors.JF_FORBIDDEN);
  }
  const toState = t.to!;
  const g = { state: '', data: placed.data, input, actor, now: c.now, facts: placed.facts ?? {}, divisionCode: p.divisionCode, competentOrgan: p.competentOrgan ?? null };
  const refusal = t.guard?.(g as never);
  if (refusal) throw refusalError(refusal);
  const data = (t.update ? t.update(g as never) : placed.data) as Record<string, unknown>;
  const now = c.now.toISOString();
  const st = w.machine.states[toState];
  const row = await c.trx
    .insertInto('workflowItems')
    .values({
      machine: w.machine.name,
      state: toState,
      version: 1,
      awaiting: st.awaiting ?? null,
      divisionCode: p.divisionCode,
      competentOrgan: p.competentOrgan ?? null,
      keyUnitId: p.keyUnitId ?? null,
      providerId: p.providerId ?? null,
      ownerUserId: p.ownerUserId ?? null,
      parentId: p.parentId ?? parentId,
      title: p.title,
      data: JSON.stringify(data),
      dueAt: null,
      dueParty: null,
      restricted: p.restricted ? 1 : 0,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      closedAt: st.terminal ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  let item = (await loadItem(c.trx, id))!;
  const issued: Applied['documents'] = [];
  const effect = w.effects?.[t.name];
  if (effect) {
    const patch = await effect(effectContext(c, w, item, t as never, input, data, toState, g.facts, issued) as never);
    if (patch && Object.keys(patch).length) {
      await c.trx.updateTable('workflowItems').set({ data: JSON.stringify({ ...data, ...patch }) }).where('id', '=', id).execute();
      item = (await loadItem(c.trx, id))!;
    }
  }
  const deadline = await enterState(c, w.machine, item, toState, item.data, true, true);
  if (deadline) {
    await c.trx.updateTable('workflowItems').set({ dueAt: deadline.dueAt, dueParty: deadline.party }).where('id', '=', id).execute();
  }
  await logTransition(c, item, t as never, null, toState, 1, input);
  return { item: (await loadItem(c.trx, id))!, documents: issued };
}

async function logTransition(c: TrxContext, item: ItemRow, t: AnyTransition, from: string | null, to: string, version: number, input: Record<string, unknown>) {
  const actor = c.acting.kind === 'person' ? c.acting.actor : null;
  const row = {
    itemId: item.id,
    version,
    transition: t.name,
    fromState: from,
    toState: to,
    ruleId: t.rule.id,
    actorUserId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    actorRole: actorRole(c.acting),
    actorJurisdiction: actor?.jurisdiction ?? null,
    at: c.now.toISOString(),
    input: JSON.stringify(input),
  };
  await c.trx.insertInto('workflowTransitions').values(row).execute();
  await ledger(c, 'workflow/transition', `workflow-item:${item.id}`, t.rule.id, row);
}

/** Records a refused attempt (Art 29, 36): who, what, which rule. Outside the refused transaction. */
export async function recordRefusal(deps: WorkflowDeps, acting: Acting, e: AppError, where: { itemId?: number | null; machine?: string | null; transition?: string | null; input?: unknown }) {
  const actor = acting.kind === 'person' ? acting.actor : null;
  const rule = (e.extra?.rule as { id?: string } | undefined)?.id ?? null;
  const now = deps.clock.now();
  const detail = { status: e.status, message: e.bilingual, ...(e.extra ?? {}), ...(where.input !== undefined ? { input: where.input } : {}) };
  const db = workflowDb(deps.jdb.db);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('workflowRefusals')
      .values({
        at: now.toISOString(),
        userId: actor?.userId ?? null,
        username: actor?.username ?? null,
        role: actor?.role ?? 'system',
        jurisdiction: actor?.jurisdiction ?? null,
        itemId: where.itemId ?? null,
        machine: where.machine ?? null,
        transition: where.transition ?? null,
        code: e.code,
        ruleId: rule,
        citation: e.citation ? JSON.stringify(e.citation) : null,
        detail: JSON.stringify(detail),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await portsFor(deps.jdb).ledger.append(trx, {
      type: 'workflow/refused',
      actorUserId: actor?.userId ?? null,
      subjectRef: where.itemId ? `workflow-item:${where.itemId}` : `workflow-refusal:${row.id}`,
      ...(rule ? { rule } : {}),
      digest: digest(detail),
      at: now.toISOString(),
    });
  });
}

/** Codes whose attempts oversight sees. Validation mistakes and lost races are not misconduct. */
const RECORDED = new Set(['JF_WF_ILLEGAL_TRANSITION', 'JF_WF_RULE_REFUSED', 'JF_WF_ART29_FORBIDDEN', 'JF_WF_BACKDATED', 'JF_WF_OUTSIDE_JURISDICTION', 'JF_WF_NOT_YOUR_TRANSITION', 'JF_FORBIDDEN']);

async function recordingRefusals<T>(deps: WorkflowDeps, acting: Acting, where: { itemId?: number | null; machine?: string | null; transition?: string | null; input?: unknown }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && RECORDED.has(e.code)) await recordRefusal(deps, acting, e, where);
    throw e;
  }
}

export interface OpenOptions {
  /**
   * Runs in the transaction that opens the item, after it: another context
   * links its own record to the new item here (an operation alert to its
   * art 21 case), so both commit or neither.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  within?: (trx: Kysely<any>, applied: Applied) => Promise<void>;
}

/** Opens a new item: a provider files, an officer plans an inspection, a citizen complains. */
export async function openItem(deps: WorkflowDeps, actor: Actor, machine: string, opener: string, input: unknown, opts: OpenOptions = {}): Promise<Applied> {
  const acting: Acting = { kind: 'person', actor };
  return recordingRefusals(deps, acting, { machine, transition: opener, input }, () =>
    workflowDb(deps.jdb.db)
      .transaction()
      .execute(async (trx) => {
        const applied = await openInTrx({ trx, deps, ports: portsFor(deps.jdb), acting, now: deps.clock.now() }, machine, opener, input, null);
        await opts.within?.(trx, applied);
        return applied;
      }),
  );
}

export interface TransitionRequest {
  /** The version the caller saw; a different current version is a conflict. */
  version?: number;
  input?: unknown;
}

/** Takes a transition on an existing item, as a person or as the scheduler. */
export async function transitionItem(deps: WorkflowDeps, acting: Acting, itemId: number, name: string, req: TransitionRequest): Promise<Applied> {
  return recordingRefusals(deps, acting, { itemId, transition: name, input: req.input }, () =>
    workflowDb(deps.jdb.db)
      .transaction()
      .execute((trx) => transitionInTrx({ trx, deps, ports: portsFor(deps.jdb), acting, now: deps.clock.now() }, itemId, name, req)),
  );
}

/** `loaded` is the item as the caller has just read it in this transaction (the scheduler does). */
export async function transitionInTrx(c: TrxContext, itemId: number, name: string, req: TransitionRequest, loaded?: ItemRow): Promise<Applied> {
  const item = loaded ?? (await loadItem(c.trx, itemId));
  const unknownItem = () => notFound({ zh: `事项 ${itemId}`, en: `item ${itemId}` });
  if (!item) throw unknownItem();
  const w = workflowOf(item.machine);
  const m = w.machine;
  const actor = c.acting.kind === 'person' ? c.acting.actor : null;
  if (actor && !mayRead(actor, m as never, item)) {
    throw outsideJurisdiction(actor, 'read', resourceRef(m as never, item, 'reader')) ?? unknownItem();
  }
  const t = m.transition(name);
  if (!t || t.from.length === 0) throw new AppError(WorkflowErrors.JF_WF_UNKNOWN_TRANSITION, { params: { machine: m.name, transition: name } });

  // Who: the scheduler takes only system transitions, and only it does.
  if (t.by === 'system' ? c.acting.kind !== 'system' : !actor) {
    throw new AppError(WorkflowErrors.JF_WF_NOT_YOUR_TRANSITION, { params: { transition: t.label.zh, party: PARTY_NAMES[t.by].zh, partyEn: PARTY_NAMES[t.by].en, transitionEn: t.label.en }, citation: t.rule.citation, extra: { rule: ruleBody(t.rule) } });
  }
  if (actor && !mayAct(actor, m as never, item, t.by)) {
    const ref = resourceRef(m as never, item, t.by);
    throw (
      outsideJurisdiction(actor, PARTY_ACTION[t.by as Exclude<Party, 'system'>], ref) ??
      new AppError(WorkflowErrors.JF_WF_NOT_YOUR_TRANSITION, { params: { transition: t.label.zh, party: PARTY_NAMES[t.by].zh, partyEn: PARTY_NAMES[t.by].en, transitionEn: t.label.en }, citation: t.rule.citation, extra: { rule: ruleBody(t.rule) } })
    );
  }

  // Two officers at once: the one who saw an older version loses.
  if (req.version !== undefined && req.version !== item.version) {
    throw new AppError(WorkflowErrors.JF_WF_VERSION_CONFLICT, { params: { current: item.version, expected: req.version }, extra: { currentState: item.state, currentVersion: item.version } });
  }
  if (!t.from.includes(item.state)) {
    const allowed = m.available(item.state).map(transitionSummary);
    const from = m.states[item.state]?.label ?? { zh: item.state, en: item.state };
    throw errorWith(
      WorkflowErrors.JF_WF_ILLEGAL_TRANSITION,
      { zh: `当前状态“${from.zh}”下不能进行“${t.label.zh}”`, en: `"${t.label.en}" cannot be taken in the current state "${from.en}"` },
      { citation: t.rule.citation, extra: { currentState: item.state, currentStateLabel: from, allowedTransitions: allowed, rule: ruleBody(t.rule) } },
    );
  }

  const exclude = [item.title];
  await checkOfficialInput(c, t, req.input, exclude);
  const input = validate(t, req.input);
  const facts = w.facts ? await w.facts({ ...c, item, transition: t, input }) : {};
  const g = { state: item.state, data: item.data, input, actor, now: c.now, facts, divisionCode: item.divisionCode, competentOrgan: item.competentOrgan };
  const refusal = t.guard?.(g);
  if (refusal) throw refusalError(refusal, { currentState: item.state });

  let data = t.update ? t.update(g) : item.data;
  const toState = t.to ?? item.state;
  const issued: Applied['documents'] = [];
  const effect = w.effects?.[t.name];
  if (effect) {
    const patch = await effect(effectContext(c, w, item, t, input, data, toState, facts, issued) as never);
    if (patch) data = { ...data, ...patch };
  }
  const st = m.states[toState];
  const changed = t.to !== null;
  const deadline = await enterState(c, m as never, item, toState, data, changed);
  const now = c.now.toISOString();
  const res = await c.trx
    .updateTable('workflowItems')
    .set({
      state: toState,
      version: item.version + 1,
      data: JSON.stringify(data),
      updatedAt: now,
      ...(changed
        ? { awaiting: st.awaiting ?? null, dueAt: deadline?.dueAt ?? null, dueParty: deadline?.party ?? null, closedAt: st.terminal ? now : null }
        : {}),
    })
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const current = await loadItem(c.trx, item.id);
    throw new AppError(WorkflowErrors.JF_WF_VERSION_CONFLICT, { params: { current: current?.version ?? '?', expected: item.version }, extra: { currentState: current?.state, currentVersion: current?.version } });
  }
  await logTransition(c, item, t, item.state, toState, item.version + 1, input);
  const after: ItemRow = {
    ...item,
    state: toState,
    version: item.version + 1,
    data: data as Record<string, unknown>,
    updatedAt: now,
    ...(changed ? { awaiting: st.awaiting ?? null, dueAt: deadline?.dueAt ?? null, dueParty: deadline?.party ?? null, closedAt: st.terminal ? now : null } : {}),
  };
  return { item: after, documents: issued };
}
