import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { divisionLevel, within, type Role } from '../access/index.js';
import { AppError } from '../shared/errors.js';
import type { VaultActor, VaultDeps } from './context.js';
import { iso, ms } from './domain/time.js';
import { PURPOSES, type AccessRequestKind, type AccessRequestState, type EmergencyMode, type Purpose, type ReviewVerdict, type ScopeEntry, type Window } from './domain/types.js';
import { LIST_SORT_COLUMNS, type ListOrder, type ListPage, type ListSort } from './domain/list.js';
import { VaultErrors } from './errors.js';
import { recordEvent, refuse, ruleError } from './events.js';
import { ORGAN_POWERS, type OrganKind } from '../law/index.js';
import { placeHolds, releaseHoldsOf } from './retention.js';
import { checkWindowInRetention, loadScope, parseWindow, resolveScope, saveScope } from './scope-facts.js';
import { vaultDb, type AccessRequestsTable } from './tables.js';

/** Accounts that act as officers of an investigating organ (art 24 ¶1). */
export const OFFICER_ROLES: readonly Role[] = ['investigator', 'station_officer'];
/** Accounts of public security that may use a system directly in an emergency (art 24 ¶2). */
export const EMERGENCY_ROLES: readonly Role[] = ['investigator', 'station_officer', 'county_supervisor', 'city_supervisor', 'province_supervisor'];
const RANK: Partial<Record<Role, number>> = { station_officer: 1, county_supervisor: 2, city_supervisor: 3, province_supervisor: 4 };

export interface Officer {
  userId: number;
  workIdNo: string;
  confirmedAt: string;
  confidentialityAcceptedAt: string;
}

export interface AccessRequestView {
  id: number;
  kind: AccessRequestKind;
  state: AccessRequestState;
  /** `state`, or `expired` once a grant has run out. */
  status: AccessRequestState | 'expired';
  organName: string;
  organKind: OrganKind;
  organCertificateNo: string | null;
  caseRef: string | null;
  duty: string;
  purposes: Purpose[];
  window: Window;
  validUntil: string;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: boolean;
  scope: ScopeEntry[];
  officers: Officer[];
  createdBy: number;
  createdAt: string;
  registeredAt: string | null;
  registeredBy: number | null;
  registrationNo: string | null;
  refusalReason: string | null;
  closedAt: string | null;
  emergency: null | {
    mode: EmergencyMode;
    platformName: string | null;
    reviewedAt: string | null;
    reviewedBy: number | null;
    verdict: ReviewVerdict | null;
    note: string | null;
    /** Ended or expired and not yet reviewed by a superior: shown on the oversight view. */
    awaitingReview: boolean;
  };
}

type Row = Selectable<AccessRequestsTable>;

function statusOf(r: Row, now: string): AccessRequestView['status'] {
  if ((r.state === 'granted' || r.state === 'active') && r.validUntil <= now) return 'expired';
  return r.state as AccessRequestState;
}

export async function getAccessRequest(deps: VaultDeps, id: number): Promise<AccessRequestView> {
  const db = vaultDb(deps.db);
  const r = await db.selectFrom('accessRequests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError({ ...VaultErrors.JF_VAULT_SEGMENT_NOT_FOUND, message: { zh: '未找到调取申请{id}', en: 'Access request {id} not found' } }, { params: { id } });
  const officers = await db.selectFrom('accessRequestOfficers').selectAll().where('requestId', '=', id).orderBy('confirmedAt').execute();
  return toView(r, await loadScope(deps, 'access_request', id), officers, deps.clock.now().toISOString());
}

function toView(r: Row, scope: ScopeEntry[], officers: { userId: number; workIdNo: string; confirmedAt: string; confidentialityAcceptedAt: string }[], now: string): AccessRequestView {
  const status = statusOf(r, now);
  return {
    id: Number(r.id),
    kind: r.kind as AccessRequestKind,
    state: r.state as AccessRequestState,
    status,
    organName: r.organName,
    organKind: r.organKind as OrganKind,
    organCertificateNo: r.organCertificateNo,
    caseRef: r.caseRef,
    duty: r.duty,
    purposes: JSON.parse(r.purposes) as Purpose[],
    window: { from: r.windowFrom, to: r.windowTo },
    validUntil: r.validUntil,
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    divisionCode: r.divisionCode,
    restricted: Boolean(r.restricted),
    scope,
    officers: officers.map((o) => ({ userId: Number(o.userId), workIdNo: o.workIdNo, confirmedAt: o.confirmedAt, confidentialityAcceptedAt: o.confidentialityAcceptedAt })),
    createdBy: Number(r.createdBy),
    createdAt: r.createdAt,
    registeredAt: r.registeredAt,
    registeredBy: r.registeredBy == null ? null : Number(r.registeredBy),
    registrationNo: r.registrationNo,
    refusalReason: r.refusalReason,
    closedAt: r.closedAt,
    emergency:
      r.kind === 'emergency'
        ? {
            mode: r.emergencyMode as EmergencyMode,
            platformName: r.platformName,
            reviewedAt: r.reviewedAt,
            reviewedBy: r.reviewedBy == null ? null : Number(r.reviewedBy),
            verdict: r.reviewVerdict as ReviewVerdict | null,
            note: r.reviewNote,
            awaitingReview: r.state !== 'reviewed' && (r.state === 'ended' || status === 'expired'),
          }
        : null,
  };
}

/** The user ids who are party to a request: the officers, or the emergency user. */
export function partiesOf(v: AccessRequestView): number[] {
  return [...new Set([v.createdBy, ...v.officers.map((o) => o.userId)])];
}

function badState(v: { state: string }, zh: string, en: string): AppError {
  return new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: v.state, action: zh, actionEn: en } });
}

function requireText(s: string | undefined | null): string {
  const t = (s ?? '').trim();
  if (!t) throw new AppError(VaultErrors.JF_VAULT_REASONS_REQUIRED);
  return t;
}

export interface OfficialRequestInput {
  organName: string;
  organKind?: OrganKind;
  organCertificateNo: string;
  caseRef: string;
  duty: string;
  purposes: Purpose[];
  scope: ScopeEntry[];
  window: { from: string; to: string };
  validUntil: string;
  /** The filing officer's own work ID; they confirm as the first officer. */
  workIdNo: string;
  acceptConfidentiality: boolean;
}

function organKindOf(actor: NonNullable<VaultActor>, asked: OrganKind | undefined): OrganKind {
  // A police account's organ is public security whatever the body says.
  return actor.role === 'investigator' ? (asked ?? 'other') : 'public_security';
}

/**
 * Art 24 ¶1: an officer of an organ with criminal investigation or public
 * emergency investigation power files a request with the organ's certificate,
 * a case, the duty, and a scope limited to it. The filer confirms as the first
 * officer; the request waits for at least one more.
 */
export async function fileOfficialRequest(deps: VaultDeps, actor: NonNullable<VaultActor>, input: OfficialRequestInput): Promise<AccessRequestView> {
  const organKind = organKindOf(actor, input.organKind);
  const powers = ORGAN_POWERS[organKind];
  const ctxFail = (e: AppError) => refuse(deps, actor, { action: 'request', detail: { kind: 'official', organKind } }, e);
  if (!powers.criminalInvestigation && !powers.emergencyAccidentInvestigation) {
    throw await ctxFail(ruleError(VaultErrors.JF_VAULT_ORGAN_NO_POWER, 'art24.p1.organ-power', { organ: powers.label.zh, organEn: powers.label.en }));
  }
  if (!input.acceptConfidentiality) throw ruleError(VaultErrors.JF_VAULT_CONFIDENTIALITY_REQUIRED, 'art24.p1.scope');
  const purposes = [...new Set(input.purposes)].filter((p) => (PURPOSES as readonly string[]).includes(p));
  const window = parseWindow(input.window);
  const facts = await resolveScope(deps, input.scope);
  const now = deps.clock.now();
  const validUntil = iso(ms(input.validUntil));
  if (Number.isNaN(ms(input.validUntil)) || validUntil <= now.toISOString()) {
    throw ruleError(VaultErrors.JF_VAULT_GRANT_EXPIRED, 'art24.p1.scope', { until: input.validUntil });
  }
  if (ms(validUntil) - now.getTime() > deps.settings.maxGrantDays * 86_400_000) throw ruleError(VaultErrors.JF_VAULT_SCOPE_TOO_LONG, 'art24.p1.scope', { days: deps.settings.maxGrantDays });
  try {
    await checkWindowInRetention(deps, facts, window);
  } catch (e) {
    if (e instanceof AppError) throw await ctxFail(e);
    throw e;
  }
  const nowIso = now.toISOString();
  const id = await deps.db.transaction().execute(async (trxAny) => {
    const trx = vaultDb(trxAny);
    const r = await trx
      .insertInto('accessRequests')
      .values({
        kind: 'official',
        state: 'awaiting_officers',
        organName: input.organName.trim(),
        organKind,
        organId: actor.organId,
        organCertificateNo: input.organCertificateNo.trim(),
        caseRef: input.caseRef.trim(),
        duty: requireText(input.duty),
        purposes: JSON.stringify(purposes),
        windowFrom: window.from,
        windowTo: window.to,
        validUntil,
        keyUnitId: facts.keyUnitId,
        divisionCode: facts.divisionCode,
        restricted: facts.restricted ? 1 : 0,
        createdBy: actor.userId,
        createdAt: nowIso,
        registeredAt: null,
        registeredBy: null,
        registrationNo: null,
        refusalReason: null,
        closedAt: null,
        closedBy: null,
        emergencyMode: null,
        platformName: null,
        requesterJurisdiction: actor.jurisdiction,
        requesterRole: actor.role,
        reviewedAt: null,
        reviewedBy: null,
        reviewVerdict: null,
        reviewNote: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(r.id);
    await saveScope(trxAny, 'access_request', id, facts.scope);
    await trx.insertInto('accessRequestOfficers').values({ requestId: id, userId: actor.userId, workIdNo: input.workIdNo.trim(), confirmedAt: nowIso, confidentialityAcceptedAt: nowIso }).execute();
    await recordEvent(trxAny, deps, actor, { action: 'request', outcome: 'allowed', ruleId: 'art24.p1.two-officers', keyUnitId: facts.keyUnitId, divisionCode: facts.divisionCode, grant: { kind: 'access-request', id }, detail: { kind: 'official', organKind, purposes, window } });
    return id;
  });
  return getAccessRequest(deps, id);
}

/**
 * Art 24 ¶1 (1)(2)(4): another officer confirms in their own session, with their
 * own work ID, and accepts the confidentiality duty. One account, or one work
 * ID, never counts twice; once two distinct officers have confirmed, the
 * request waits for registration at the capturing unit.
 */
export async function confirmOfficer(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, input: { workIdNo: string; acceptConfidentiality: boolean }): Promise<AccessRequestView> {
  const v = await getAccessRequest(deps, id);
  const ctx = { action: 'confirm' as const, keyUnitId: v.keyUnitId, divisionCode: v.divisionCode, grant: { kind: 'access-request' as const, id } };
  if (v.kind !== 'official' || (v.state !== 'awaiting_officers' && v.state !== 'awaiting_registration')) throw badState(v, '确认', 'confirm');
  if (!OFFICER_ROLES.includes(actor.role)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  const organ = await vaultDb(deps.db).selectFrom('accessRequests').select('organId').where('id', '=', id).executeTakeFirstOrThrow();
  if (organ.organId != null && actor.organId != null && Number(organ.organId) !== actor.organId) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  if (!input.acceptConfidentiality) throw ruleError(VaultErrors.JF_VAULT_CONFIDENTIALITY_REQUIRED, 'art24.p1.scope');
  const workId = input.workIdNo.trim();
  if (v.officers.some((o) => o.userId === actor.userId || o.workIdNo.toUpperCase() === workId.toUpperCase())) {
    throw await refuse(deps, actor, { ...ctx, detail: { sameAccount: v.officers.some((o) => o.userId === actor.userId) } }, ruleError(VaultErrors.JF_VAULT_SAME_OFFICER, 'art24.p1.two-officers'));
  }
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trxAny) => {
    const trx = vaultDb(trxAny);
    await trx.insertInto('accessRequestOfficers').values({ requestId: id, userId: actor.userId, workIdNo: workId, confirmedAt: now, confidentialityAcceptedAt: now }).execute();
    const n = await trx.selectFrom('accessRequestOfficers').select((eb) => eb.fn.countAll<number>().as('n')).where('requestId', '=', id).executeTakeFirstOrThrow();
    if (Number(n.n) >= 2) await trx.updateTable('accessRequests').set({ state: 'awaiting_registration' }).where('id', '=', id).where('state', '=', 'awaiting_officers').execute();
    await recordEvent(trxAny, deps, actor, { ...ctx, outcome: 'allowed', ruleId: 'art24.p1.two-officers', detail: { officers: Number(n.n) } });
  });
  return getAccessRequest(deps, id);
}

/** Whether the actor answers for the capturing unit of a request (its key unit; for a public-area system, the police of its area). */
export function answersForUnit(actor: NonNullable<VaultActor>, keyUnitId: number | null, divisionCode: string): boolean {
  if (keyUnitId != null) return actor.role === 'key_unit' && actor.keyUnitId === keyUnitId;
  // GAP(art 8): the departments that run public-area systems have no accounts yet;
  // the police of the area register visits to those systems in their stead.
  return ['county_supervisor', 'city_supervisor', 'province_supervisor'].includes(actor.role) && actor.jurisdiction != null && within(actor.jurisdiction, divisionCode);
}

/**
 * Art 24 ¶1 (2)(3): the capturing unit checks the organ's certificate and each
 * officer's work ID, and registers the access. Only then is it granted; the
 * footage in scope is held (art 23 ¶2) while the grant runs.
 */
export async function registerAtUnit(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, input: { certificateChecked: boolean; workIdsChecked: boolean; registrationNo?: string | null }): Promise<AccessRequestView> {
  const v = await getAccessRequest(deps, id);
  const ctx = { action: 'register' as const, keyUnitId: v.keyUnitId, divisionCode: v.divisionCode, grant: { kind: 'access-request' as const, id } };
  if (!answersForUnit(actor, v.keyUnitId, v.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  if (v.kind !== 'official') throw badState(v, '登记', 'register');
  if (v.state === 'awaiting_officers') {
    throw await refuse(deps, actor, { ...ctx, detail: { officers: v.officers.length } }, ruleError(VaultErrors.JF_VAULT_TOO_FEW_OFFICERS, 'art24.p1.two-officers', { count: v.officers.length }));
  }
  if (v.state !== 'awaiting_registration') throw badState(v, '登记', 'register');
  if (!input.certificateChecked || !input.workIdsChecked) throw ruleError(VaultErrors.JF_VAULT_CREDENTIALS_UNCHECKED, 'art24.p1.credentials');
  const now = deps.clock.now().toISOString();
  if (v.validUntil <= now) throw ruleError(VaultErrors.JF_VAULT_GRANT_EXPIRED, 'art24.p1.scope', { until: v.validUntil });
  const facts = await resolveScope(deps, v.scope);
  const registrationNo = input.registrationNo?.trim() || `DJ-${now.slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny).updateTable('accessRequests').set({ state: 'granted', registeredAt: now, registeredBy: actor.userId, registrationNo }).where('id', '=', id).where('state', '=', 'awaiting_registration').execute();
    await placeHolds(trxAny, deps, actor, { scope: v.scope, window: v.window, reason: v.duty, caseRef: v.caseRef, source: 'access_request', sourceId: id, expiresAt: v.validUntil }, facts.systems);
    await recordEvent(trxAny, deps, actor, { ...ctx, outcome: 'allowed', ruleId: 'art24.p1.registration', detail: { registrationNo, officers: v.officers.map((o) => o.userId) } });
  });
  return getAccessRequest(deps, id);
}

/** The unit refuses registration when the credentials do not hold up (art 24 ¶1 (2)). */
export async function refuseRegistration(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, reason: string): Promise<AccessRequestView> {
  const v = await getAccessRequest(deps, id);
  if (!answersForUnit(actor, v.keyUnitId, v.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  if (v.kind !== 'official' || (v.state !== 'awaiting_officers' && v.state !== 'awaiting_registration')) throw badState(v, '拒绝登记', 'refuse registration');
  const text = requireText(reason);
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny).updateTable('accessRequests').set({ state: 'refused', refusalReason: text }).where('id', '=', id).execute();
    await recordEvent(trxAny, deps, actor, { action: 'refuse', outcome: 'allowed', ruleId: 'art24.p1.credentials', keyUnitId: v.keyUnitId, divisionCode: v.divisionCode, grant: { kind: 'access-request', id } });
  });
  return getAccessRequest(deps, id);
}

/** An officer withdraws a request not yet granted, or closes a grant; the unit may close one too. */
export async function closeAccessRequest(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number): Promise<AccessRequestView> {
  const v = await getAccessRequest(deps, id);
  const isParty = partiesOf(v).includes(actor.userId);
  if (!isParty && !answersForUnit(actor, v.keyUnitId, v.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  const next = v.kind === 'emergency' ? (v.state === 'active' ? 'ended' : null) : v.state === 'granted' ? 'closed' : v.state === 'awaiting_officers' || v.state === 'awaiting_registration' ? 'withdrawn' : null;
  if (!next) throw badState(v, '结束', 'close');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny).updateTable('accessRequests').set({ state: next, closedAt: now, closedBy: actor.userId }).where('id', '=', id).execute();
    await releaseHoldsOf(trxAny, deps, actor, 'access_request', id);
    await recordEvent(trxAny, deps, actor, { action: 'close', outcome: 'allowed', keyUnitId: v.keyUnitId, divisionCode: v.divisionCode, grant: { kind: 'access-request', id }, detail: { closed: next } });
  });
  return getAccessRequest(deps, id);
}

export interface EmergencyInput {
  organName: string;
  organKind?: OrganKind;
  reason: string;
  mode: EmergencyMode;
  platformName?: string | null;
  scope: ScopeEntry[];
  durationMinutes: number;
  /** How far back recorded footage may be used; defaults to 24 hours. */
  windowFrom?: string | null;
  caseRef?: string | null;
}

/**
 * Art 24 ¶2: for the national or public interest, in an emergency, public or
 * state security may use a system directly or connect it to a platform it
 * names. Granted at once, for a limited time, with a reason; a superior
 * reviews it afterwards.
 */
export async function startEmergency(deps: VaultDeps, actor: NonNullable<VaultActor>, input: EmergencyInput): Promise<AccessRequestView> {
  const organKind = organKindOf(actor, input.organKind);
  if (!EMERGENCY_ROLES.includes(actor.role) || !ORGAN_POWERS[organKind].emergencyDirectUse) {
    throw await refuse(deps, actor, { action: 'request', detail: { kind: 'emergency', organKind } }, ruleError(VaultErrors.JF_VAULT_EMERGENCY_ORGAN, 'art24.p2.emergency'));
  }
  const reason = requireText(input.reason);
  if (input.mode === 'connect_platform') requireText(input.platformName);
  const facts = await resolveScope(deps, input.scope);
  const now = deps.clock.now();
  const minutes = Math.min(Math.max(1, Math.floor(input.durationMinutes)), deps.settings.emergencyMaxMinutes);
  const validUntil = iso(now.getTime() + minutes * 60_000);
  const from = input.windowFrom ? parseWindow({ from: input.windowFrom, to: validUntil }).from : iso(now.getTime() - 24 * 3_600_000);
  const nowIso = now.toISOString();
  const id = await deps.db.transaction().execute(async (trxAny) => {
    const r = await vaultDb(trxAny)
      .insertInto('accessRequests')
      .values({
        kind: 'emergency',
        state: 'active',
        organName: input.organName.trim(),
        organKind,
        organId: actor.organId,
        organCertificateNo: null,
        caseRef: input.caseRef?.trim() || null,
        duty: reason,
        purposes: JSON.stringify(PURPOSES),
        windowFrom: from,
        windowTo: validUntil,
        validUntil,
        keyUnitId: facts.keyUnitId,
        divisionCode: facts.divisionCode,
        restricted: facts.restricted ? 1 : 0,
        createdBy: actor.userId,
        createdAt: nowIso,
        registeredAt: null,
        registeredBy: null,
        registrationNo: null,
        refusalReason: null,
        closedAt: null,
        closedBy: null,
        emergencyMode: input.mode,
        platformName: input.platformName?.trim() || null,
        requesterJurisdiction: actor.jurisdiction,
        requesterRole: actor.role,
        reviewedAt: null,
        reviewedBy: null,
        reviewVerdict: null,
        reviewNote: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(r.id);
    await saveScope(trxAny, 'access_request', id, facts.scope);
    await placeHolds(trxAny, deps, actor, { scope: facts.scope, window: { from, to: validUntil }, reason, caseRef: input.caseRef ?? null, source: 'access_request', sourceId: id, expiresAt: validUntil }, facts.systems);
    await recordEvent(trxAny, deps, actor, { action: 'request', outcome: 'allowed', ruleId: 'art24.p2.emergency', keyUnitId: facts.keyUnitId, divisionCode: facts.divisionCode, grant: { kind: 'access-request', id }, detail: { kind: 'emergency', mode: input.mode, minutes } });
    return id;
  });
  return getAccessRequest(deps, id);
}

/**
 * Art 24 ¶2, afterwards: a superior reviews the emergency use. The reviewer is
 * a police supervisor above the user's rank whose jurisdiction covers the
 * systems, and never the user.
 */
export async function reviewEmergency(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, input: { verdict: ReviewVerdict; note: string }): Promise<AccessRequestView> {
  const v = await getAccessRequest(deps, id);
  if (v.kind !== 'emergency') throw badState(v, '审查', 'review');
  const r = await vaultDb(deps.db).selectFrom('accessRequests').select(['requesterRole']).where('id', '=', id).executeTakeFirstOrThrow();
  const reviewerRank = RANK[actor.role] ?? 0;
  const userRank = RANK[(r.requesterRole ?? 'investigator') as Role] ?? 0;
  const superior = actor.role.endsWith('_supervisor') && actor.userId !== v.createdBy && reviewerRank > userRank && actor.jurisdiction != null && within(actor.jurisdiction, v.divisionCode) && divisionLevel(actor.jurisdiction) !== undefined;
  if (!superior) throw await refuse(deps, actor, { action: 'review', grant: { kind: 'access-request', id }, keyUnitId: v.keyUnitId, divisionCode: v.divisionCode }, ruleError(VaultErrors.JF_VAULT_NOT_SUPERIOR, 'art24.p2.emergency'));
  if (v.state === 'reviewed') throw badState(v, '审查', 'review');
  const now = deps.clock.now().toISOString();
  const note = requireText(input.note);
  await deps.db.transaction().execute(async (trxAny) => {
    // Reviewing ends a use still running.
    await vaultDb(trxAny)
      .updateTable('accessRequests')
      .set({ state: 'reviewed', reviewedAt: now, reviewedBy: actor.userId, reviewVerdict: input.verdict, reviewNote: note, closedAt: v.closedAt ?? now, validUntil: v.validUntil < now ? v.validUntil : now })
      .where('id', '=', id)
      .execute();
    await releaseHoldsOf(trxAny, deps, actor, 'access_request', id);
    await recordEvent(trxAny, deps, actor, { action: 'review', outcome: 'allowed', ruleId: 'art24.p2.emergency', keyUnitId: v.keyUnitId, divisionCode: v.divisionCode, grant: { kind: 'access-request', id }, detail: { verdict: input.verdict } });
  });
  return getAccessRequest(deps, id);
}

export interface AccessRequestFilter {
  kind?: AccessRequestKind;
  /** Stored state; `expired` is the status of a granted or active request past its end. */
  state?: AccessRequestState | 'expired';
  awaitingReview?: boolean;
  partyUserId?: number;
  keyUnitId?: number;
  divisionPrefix?: string;
  includeRestricted: boolean;
  limit?: number;
  offset?: number;
  sort?: ListSort;
  order?: ListOrder;
}

export async function listAccessRequests(deps: VaultDeps, f: AccessRequestFilter): Promise<ListPage<AccessRequestView>> {
  const db = vaultDb(deps.db);
  const now = deps.clock.now().toISOString();
  let q = db.selectFrom('accessRequests');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.state === 'expired') q = q.where('state', 'in', ['granted', 'active']).where('validUntil', '<=', now);
  else if (f.state === 'granted' || f.state === 'active') q = q.where('state', '=', f.state).where('validUntil', '>', now);
  else if (f.state) q = q.where('state', '=', f.state);
  if (f.keyUnitId != null) q = q.where('keyUnitId', '=', f.keyUnitId);
  if (f.divisionPrefix) q = q.where('divisionCode', 'like', `${f.divisionPrefix}%`);
  if (!f.includeRestricted) q = q.where('restricted', '=', 0);
  if (f.partyUserId != null) {
    const uid = f.partyUserId;
    q = q.where((eb) => eb.or([eb('createdBy', '=', uid), eb('id', 'in', eb.selectFrom('accessRequestOfficers').select('requestId').where('userId', '=', uid))]));
  }
  // Art 24 ¶2: an emergency use ended, or run out while active, and not yet reviewed (as `awaitingReview` of the view).
  if (f.awaitingReview) q = q.where('kind', '=', 'emergency').where((eb) => eb.or([eb('state', '=', 'ended'), eb.and([eb('state', '=', 'active'), eb('validUntil', '<=', now)])]));
  const { total } = await q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const order = f.order ?? 'desc';
  const rows = await q
    .selectAll()
    .orderBy(LIST_SORT_COLUMNS[f.sort ?? 'id'], order)
    .orderBy('id', order)
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  const items: AccessRequestView[] = [];
  for (const r of rows) {
    const officers = await db.selectFrom('accessRequestOfficers').selectAll().where('requestId', '=', r.id).orderBy('confirmedAt').execute();
    items.push(toView(r, await loadScope(deps, 'access_request', Number(r.id)), officers, now));
  }
  return { total: Number(total), items };
}
