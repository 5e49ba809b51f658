import { createHash, randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import { within } from '../access/index.js';
import { checkResidentId } from '../shared/standards/gb11643.js';
import { AppError } from '../shared/errors.js';
import { answersForUnit } from './access-requests.js';
import { applicationNumber, newStatusCode } from './application-status.js';
import type { VaultActor, VaultDeps } from './context.js';
import type { Grant } from './content.js';
import { inScope, overlaps } from './domain/scope.js';
import { iso } from './domain/time.js';
import type { ApplicantKind, ScopeEntry, ViewingMode, ViewingState, Window } from './domain/types.js';
import { LIST_SORT_COLUMNS, type ListOrder, type ListPage, type ListSort } from './domain/list.js';
import { VaultErrors } from './errors.js';
import { recordEvent, refuse, ruleError } from './events.js';
import { maskName, maskResidentId } from './pii.js';
import { placeHolds, releaseHoldsOf } from './retention.js';
import { checkWindowInRetention, loadScope, parseWindow, resolveScope, saveScope, type ScopeFacts } from './scope-facts.js';
import { getSegment } from './segments.js';
import { vaultDb, type ViewingApplicationsTable } from './tables.js';

type Row = Selectable<ViewingApplicationsTable>;

export interface ViewingVisit {
  id: number;
  registeredAt: string;
  registeredBy: number;
  segmentIds: number[];
  endsAt: string;
  note: string | null;
}

export interface ViewingView {
  id: number;
  state: ViewingState;
  /** `state`, or `expired` once an approved document has lapsed unused. */
  status: ViewingState | 'expired';
  applicantUserId: number | null;
  applicantKind: ApplicantKind;
  applicantName: string;
  organisationName: string | null;
  residentIdMasked: string;
  reason: string;
  stationDivision: string;
  window: Window;
  scope: ScopeEntry[];
  keyUnitId: number | null;
  divisionCode: string;
  createdAt: string;
  registeredAt: string | null;
  decidedAt: string | null;
  decisionReasons: string | null;
  mode: ViewingMode | null;
  accompanyingOfficerId: number | null;
  documentNo: string | null;
  documentExpiresAt: string | null;
  closedAt: string | null;
  visits: ViewingVisit[];
  /** The receipt's number, to follow the application on the public portal. */
  applicationNo: string | null;
  /** The receipt's status code: shown to the applicant and the station only. */
  statusCode: string | null;
}

/** Who is looking decides how much of the applicant's identity shows. */
export type ViewerStanding = 'applicant' | 'station' | 'other';

const codeHash = (c: string) => createHash('sha256').update(c.trim().toUpperCase()).digest('hex');

function notFound(id: number | string): AppError {
  return new AppError({ ...VaultErrors.JF_VAULT_SEGMENT_NOT_FOUND, message: { zh: '未找到查看申请{id}', en: 'Viewing application {id} not found' } }, { params: { id } });
}

async function rowOf(deps: VaultDeps, id: number): Promise<Row> {
  const r = await vaultDb(deps.db).selectFrom('viewingApplications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound(id);
  return r;
}

export async function getViewing(deps: VaultDeps, id: number, standing: ViewerStanding): Promise<ViewingView> {
  const r = await rowOf(deps, id);
  const visits = await vaultDb(deps.db).selectFrom('viewingVisits').selectAll().where('applicationId', '=', id).orderBy('id').execute();
  const now = deps.clock.now().toISOString();
  const state = r.state as ViewingState;
  return {
    id: Number(r.id),
    state,
    status: state === 'approved' && r.documentExpiresAt != null && r.documentExpiresAt <= now ? 'expired' : state,
    applicantUserId: r.applicantUserId == null ? null : Number(r.applicantUserId),
    applicantKind: r.applicantKind as ApplicantKind,
    // The capturing unit sees a masked name; the applicant and the station see it whole.
    applicantName: standing === 'other' ? maskName(r.applicantName) : r.applicantName,
    organisationName: r.organisationName,
    residentIdMasked: r.residentIdMasked,
    reason: r.reason,
    stationDivision: r.stationDivision,
    window: { from: r.windowFrom, to: r.windowTo },
    scope: await loadScope(deps, 'viewing_application', id),
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    divisionCode: r.divisionCode,
    createdAt: r.createdAt,
    registeredAt: r.registeredAt,
    decidedAt: r.decidedAt,
    decisionReasons: r.decisionReasons,
    mode: r.mode as ViewingMode | null,
    accompanyingOfficerId: r.accompanyingOfficerId == null ? null : Number(r.accompanyingOfficerId),
    documentNo: r.documentNo,
    documentExpiresAt: r.documentExpiresAt,
    closedAt: r.closedAt,
    visits: visits.map((v) => ({ id: Number(v.id), registeredAt: v.registeredAt, registeredBy: Number(v.registeredBy), segmentIds: JSON.parse(v.segmentIds) as number[], endsAt: v.endsAt, note: v.note })),
    applicationNo: r.applicationNo,
    statusCode: standing === 'other' ? null : r.statusCode,
  };
}

function checkId(residentId: string): string {
  const id = residentId.trim().toUpperCase();
  const problem = checkResidentId(id);
  if (problem) {
    const words = { format: ['格式', 'format'], 'birth-date': ['出生日期', 'birth date'], 'check-digit': ['校验码', 'check digit'] }[problem];
    throw ruleError({ ...VaultErrors.JF_VAULT_RESIDENT_ID, message: { zh: VaultErrors.JF_VAULT_RESIDENT_ID.message.zh.replace('{problem}', words[0]), en: VaultErrors.JF_VAULT_RESIDENT_ID.message.en.replace('{problem}', words[1]) } }, 'art25.p1.station-registration');
  }
  return id;
}

/** Art 25 ¶1: exclusions first. A restricted system's footage is never viewed this way (art 19). */
async function scopeForCitizen(deps: VaultDeps, scope: ScopeEntry[]): Promise<ScopeFacts> {
  const facts = await resolveScope(deps, scope);
  if (facts.restricted) throw ruleError(VaultErrors.JF_VAULT_RESTRICTED_EXCLUDED, 'art25.p1.exclusions');
  return facts;
}

export interface ViewingInput {
  applicantKind: ApplicantKind;
  applicantName: string;
  organisationName?: string | null;
  residentId: string;
  reason: string;
  /** The county-level code of the local police station. */
  stationDivision: string;
  window: { from: string; to: string };
  /** The systems concerned, when known; the station fills them in otherwise. */
  scope?: ScopeEntry[];
}

/**
 * Art 25 ¶1 (1): a citizen, legal person or organisation applies at the local
 * police station, with a reason and a resident ID (GB 11643 checked). A
 * citizen may file ahead online (`submitted`); filed by a station officer, who
 * has seen the card, it is `registered` at once.
 */
export async function fileViewing(deps: VaultDeps, actor: NonNullable<VaultActor>, input: ViewingInput): Promise<ViewingView> {
  const byStation = actor.role === 'station_officer';
  const residentId = checkId(input.residentId);
  const reason = input.reason.trim();
  if (!reason) throw ruleError(VaultErrors.JF_VAULT_REASONS_REQUIRED, 'art25.p1.station-registration');
  const stationDivision = byStation ? actor.jurisdiction! : input.stationDivision;
  const window = parseWindow(input.window);
  const facts = input.scope?.length ? await scopeForCitizen(deps, input.scope) : null;
  if (facts) await checkWindowInRetention(deps, facts, window);
  const now = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (trxAny) => {
    const r = await vaultDb(trxAny)
      .insertInto('viewingApplications')
      .values({
        state: byStation ? 'registered' : 'submitted',
        applicantUserId: byStation ? null : actor.userId,
        applicantKind: input.applicantKind,
        applicantName: input.applicantName.trim(),
        organisationName: input.organisationName?.trim() || null,
        residentIdHash: deps.pii.hashResidentId(residentId),
        residentIdMasked: maskResidentId(residentId),
        reason,
        stationDivision,
        windowFrom: window.from,
        windowTo: window.to,
        keyUnitId: facts?.keyUnitId ?? null,
        divisionCode: facts?.divisionCode ?? stationDivision,
        createdAt: now,
        createdBy: actor.userId,
        registeredAt: byStation ? now : null,
        registeredBy: byStation ? actor.userId : null,
        decidedAt: null,
        decidedBy: null,
        decisionReasons: null,
        mode: null,
        accompanyingOfficerId: null,
        documentNo: null,
        documentCodeHash: null,
        documentExpiresAt: null,
        closedAt: null,
        applicationNo: null,
        statusCode: newStatusCode(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(r.id);
    await vaultDb(trxAny).updateTable('viewingApplications').set({ applicationNo: applicationNumber('viewing', stationDivision, id) }).where('id', '=', id).execute();
    if (facts) await saveScope(trxAny, 'viewing_application', id, facts.scope);
    await recordEvent(trxAny, deps, actor, { action: 'request', outcome: 'allowed', ruleId: 'art25.p1.station-registration', keyUnitId: facts?.keyUnitId ?? null, divisionCode: facts?.divisionCode ?? stationDivision, detail: { viewingApplication: id, byStation } });
    return id;
  });
  return getViewing(deps, id, byStation ? 'station' : 'applicant');
}

function requireStation(actor: NonNullable<VaultActor>, r: Row) {
  if (actor.role !== 'station_officer' || !actor.jurisdiction || !within(actor.jurisdiction, r.stationDivision)) {
    throw ruleError(VaultErrors.JF_VAULT_NOT_STATION, 'art25.p1.station-registration');
  }
}

/**
 * Art 25 ¶1 (1): the applicant comes to the station; the officer checks the
 * card against the application (only a keyed hash was kept) and sets the
 * systems and window concerned.
 */
export async function registerViewing(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, input: { residentId: string; scope?: ScopeEntry[]; window?: { from: string; to: string } }): Promise<ViewingView> {
  const r = await rowOf(deps, id);
  requireStation(actor, r);
  if (r.state !== 'submitted') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '登记', actionEn: 'register' } });
  const residentId = checkId(input.residentId);
  if (!deps.pii.matches(residentId, r.residentIdHash)) {
    throw await refuse(deps, actor, { action: 'register', divisionCode: r.divisionCode, detail: { viewingApplication: id, reason: 'id-mismatch' } }, ruleError(VaultErrors.JF_VAULT_ID_MISMATCH, 'art25.p1.station-registration'));
  }
  await updateScope(deps, actor, r, input.scope, input.window, { state: 'registered', registeredAt: deps.clock.now().toISOString(), registeredBy: actor.userId });
  return getViewing(deps, id, 'station');
}

async function updateScope(deps: VaultDeps, actor: NonNullable<VaultActor>, r: Row, scope: ScopeEntry[] | undefined, w: { from: string; to: string } | undefined, set: Partial<Row>): Promise<void> {
  const id = Number(r.id);
  const window = w ? parseWindow(w) : { from: r.windowFrom, to: r.windowTo };
  const facts = scope?.length ? await scopeForCitizen(deps, scope) : null;
  if (facts) await checkWindowInRetention(deps, facts, window);
  await deps.db.transaction().execute(async (trxAny) => {
    const trx = vaultDb(trxAny);
    await trx
      .updateTable('viewingApplications')
      .set({ ...set, windowFrom: window.from, windowTo: window.to, ...(facts ? { keyUnitId: facts.keyUnitId, divisionCode: facts.divisionCode } : {}) })
      .where('id', '=', id)
      .execute();
    if (facts) {
      await trx.deleteFrom('vaultScopes').where('ownerKind', '=', 'viewing_application').where('ownerId', '=', id).execute();
      await saveScope(trxAny, 'viewing_application', id, facts.scope);
    }
    await recordEvent(trxAny, deps, actor, { action: 'register', outcome: 'allowed', ruleId: 'art25.p1.station-registration', keyUnitId: facts?.keyUnitId ?? r.keyUnitId, divisionCode: facts?.divisionCode ?? r.divisionCode, detail: { viewingApplication: id } });
  });
}

export interface ViewingDecision {
  approve: boolean;
  reasons: string;
  mode?: ViewingMode;
  /** The officer who goes along, for `accompany`. */
  accompanyingOfficerId?: number | null;
  scope?: ScopeEntry[];
  window?: { from: string; to: string };
}

/**
 * Art 25 ¶1 (2): the station approves or refuses, with reasons either way.
 * Approved, an officer goes along, or the station issues a viewing document
 * (查看采获信息文书) with a number and a verification code; the code is shown
 * once, here, to be printed on the document. What it covers is held meanwhile.
 */
export async function decideViewing(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, d: ViewingDecision): Promise<{ application: ViewingView; verificationCode: string | null }> {
  let r = await rowOf(deps, id);
  requireStation(actor, r);
  if (r.state !== 'registered') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '审批', actionEn: 'decide' } });
  const reasons = d.reasons.trim();
  if (!reasons) throw ruleError(VaultErrors.JF_VAULT_REASONS_REQUIRED, 'art25.p1.station-approval');
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (d.scope?.length || d.window) {
    await updateScope(deps, actor, r, d.scope, d.window, {});
    r = await rowOf(deps, id);
  }
  if (!d.approve) {
    await deps.db.transaction().execute(async (trxAny) => {
      await vaultDb(trxAny).updateTable('viewingApplications').set({ state: 'refused', decidedAt: nowIso, decidedBy: actor.userId, decisionReasons: reasons }).where('id', '=', id).execute();
      await recordEvent(trxAny, deps, actor, { action: 'refuse', outcome: 'allowed', ruleId: 'art25.p1.station-approval', keyUnitId: r.keyUnitId, divisionCode: r.divisionCode, detail: { viewingApplication: id } });
    });
    return { application: await getViewing(deps, id, 'station'), verificationCode: null };
  }
  const scope = await loadScope(deps, 'viewing_application', id);
  if (!scope.length) throw ruleError(VaultErrors.JF_VAULT_SCOPE_MISSING, 'art25.p1.own-rights');
  const facts = await scopeForCitizen(deps, scope);
  const mode = d.mode ?? 'document';
  const expiresAt = iso(now.getTime() + deps.settings.documentValidDays * 86_400_000);
  let code: string | null = null;
  let documentNo: string | null = null;
  if (mode === 'document') {
    documentNo = `CK${r.stationDivision}${nowIso.slice(0, 10).replace(/-/g, '')}${String(id).padStart(6, '0')}`;
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    code = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
  }
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny)
      .updateTable('viewingApplications')
      .set({
        state: 'approved',
        decidedAt: nowIso,
        decidedBy: actor.userId,
        decisionReasons: reasons,
        mode,
        accompanyingOfficerId: mode === 'accompany' ? (d.accompanyingOfficerId ?? actor.userId) : null,
        documentNo,
        documentCodeHash: code ? codeHash(code) : null,
        documentExpiresAt: expiresAt,
      })
      .where('id', '=', id)
      .execute();
    await placeHolds(trxAny, deps, actor, { scope, window: { from: r.windowFrom, to: r.windowTo }, reason: 'art 25 ¶1 viewing', source: 'viewing_application', sourceId: id, expiresAt }, facts.systems);
    await recordEvent(trxAny, deps, actor, { action: 'register', outcome: 'allowed', ruleId: 'art25.p1.station-approval', keyUnitId: r.keyUnitId, divisionCode: r.divisionCode, detail: { viewingApplication: id, approved: true, mode, documentNo } });
  });
  return { application: await getViewing(deps, id, 'station'), verificationCode: code };
}

/**
 * Art 25 ¶1 (2)(3): the capturing unit checks a viewing document. An unknown
 * number, a wrong code, or a document for another unit is refused alike and
 * recorded (a forged document is an attempt on captured information).
 */
export async function verifyDocument(deps: VaultDeps, actor: NonNullable<VaultActor>, documentNo: string, verificationCode: string): Promise<ViewingView> {
  const r = await vaultDb(deps.db).selectFrom('viewingApplications').selectAll().where('documentNo', '=', documentNo.trim().toUpperCase()).executeTakeFirst();
  const valid = r && r.documentCodeHash === codeHash(verificationCode) && answersForUnit(actor, r.keyUnitId == null ? null : Number(r.keyUnitId), r.divisionCode);
  if (!r || !valid) {
    // The number is not echoed into the record unless it exists: a forged number is not personal data, but keep the log tidy.
    throw await refuse(deps, actor, { action: 'verify-document', keyUnitId: actor.keyUnitId, detail: { documentKnown: Boolean(r) } }, ruleError(VaultErrors.JF_VAULT_DOCUMENT_INVALID, 'art25.p1.station-approval'));
  }
  if (r.state !== 'approved' && r.state !== 'visited') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '查看', actionEn: 'view' } });
  const now = deps.clock.now().toISOString();
  if (r.documentExpiresAt && r.documentExpiresAt <= now) {
    throw await refuse(deps, actor, { action: 'verify-document', keyUnitId: r.keyUnitId, divisionCode: r.divisionCode, detail: { viewingApplication: Number(r.id), expired: true } }, ruleError(VaultErrors.JF_VAULT_DOCUMENT_EXPIRED, 'art25.p1.station-approval', { until: r.documentExpiresAt }));
  }
  await deps.db.transaction().execute((trx) => recordEvent(trx, deps, actor, { action: 'verify-document', outcome: 'allowed', ruleId: 'art25.p1.unit-registration', keyUnitId: r.keyUnitId, divisionCode: r.divisionCode, detail: { viewingApplication: Number(r.id) } }));
  return getViewing(deps, Number(r.id), 'other');
}

export interface VisitInput {
  documentNo?: string | null;
  verificationCode?: string | null;
  /** The number on the card the visitor shows at the unit. */
  residentId: string;
  /** The recordings to show: within the approved systems and window, concerning the applicant. */
  segmentIds: number[];
  /** The unit confirms it excluded what concerns others' privacy, state secrets and national security. */
  privacyScreened: boolean;
  /** For an accompanied visit: the officer is present. */
  officerPresent?: boolean;
  note?: string | null;
}

/**
 * Art 25 ¶1 (3)(4): the unit registers the visit: the document (or the officer
 * present), the visitor's card, and the recordings shown, each within the
 * approved scope; only those may then be played, and only viewed, never copied.
 */
export async function registerVisit(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, input: VisitInput): Promise<ViewingView> {
  const r = await rowOf(deps, id);
  const keyUnitId = r.keyUnitId == null ? null : Number(r.keyUnitId);
  if (!answersForUnit(actor, keyUnitId, r.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  const ctx = { action: 'visit' as const, keyUnitId, divisionCode: r.divisionCode, detail: { viewingApplication: id } };
  if (r.state !== 'approved' && r.state !== 'visited') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '登记查看', actionEn: 'register a visit' } });
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (r.mode === 'document') {
    if (!input.documentNo || input.documentNo.trim().toUpperCase() !== r.documentNo || r.documentCodeHash !== codeHash(input.verificationCode ?? '')) {
      throw await refuse(deps, actor, ctx, ruleError(VaultErrors.JF_VAULT_DOCUMENT_INVALID, 'art25.p1.station-approval'));
    }
  } else if (!input.officerPresent) {
    throw await refuse(deps, actor, ctx, ruleError(VaultErrors.JF_VAULT_DOCUMENT_INVALID, 'art25.p1.station-approval'));
  }
  if (r.documentExpiresAt && r.documentExpiresAt <= nowIso) throw await refuse(deps, actor, ctx, ruleError(VaultErrors.JF_VAULT_DOCUMENT_EXPIRED, 'art25.p1.station-approval', { until: r.documentExpiresAt }));
  if (!deps.pii.matches(checkId(input.residentId), r.residentIdHash)) throw await refuse(deps, actor, ctx, ruleError(VaultErrors.JF_VAULT_ID_MISMATCH, 'art25.p1.unit-registration'));
  if (!input.privacyScreened) throw ruleError(VaultErrors.JF_VAULT_PRIVACY_SCREENING, 'art25.p1.exclusions');
  const scope = await loadScope(deps, 'viewing_application', id);
  const window = { from: r.windowFrom, to: r.windowTo };
  const ids = [...new Set(input.segmentIds)];
  for (const sid of ids) {
    const s = await getSegment(deps, sid);
    if (s.restricted) throw await refuse(deps, actor, { ...ctx, segmentId: sid }, ruleError(VaultErrors.JF_VAULT_RESTRICTED_EXCLUDED, 'art25.p1.exclusions'));
    if (!inScope(scope, s) || !overlaps(s, window)) {
      throw await refuse(deps, actor, { ...ctx, segmentId: sid }, ruleError(VaultErrors.JF_VAULT_OUTSIDE_SCOPE, 'art25.p1.own-rights', { reason: `采获信息${sid}不在批准的范围内`, reasonEn: `recording ${sid} is outside what the station approved` }));
    }
  }
  const endsAt = iso(Math.min(now.getTime() + deps.settings.visitHours * 3_600_000, r.documentExpiresAt ? new Date(r.documentExpiresAt).getTime() : Number.POSITIVE_INFINITY));
  await deps.db.transaction().execute(async (trxAny) => {
    const trx = vaultDb(trxAny);
    const v = await trx.insertInto('viewingVisits').values({ applicationId: id, registeredAt: nowIso, registeredBy: actor.userId, segmentIds: JSON.stringify(ids), endsAt, note: input.note?.trim() || null }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('viewingApplications').set({ state: 'visited' }).where('id', '=', id).execute();
    await recordEvent(trxAny, deps, actor, { ...ctx, outcome: 'allowed', ruleId: 'art25.p1.unit-registration', grant: { kind: 'viewing-visit', id: Number(v.id) }, detail: { viewingApplication: id, segments: ids.length } });
  });
  return getViewing(deps, id, 'other');
}

/** A registered visit as a grant: view only, those recordings only, at that unit, until it ends. */
export async function getVisitGrant(deps: VaultDeps, visitId: number): Promise<Grant> {
  const v = await vaultDb(deps.db).selectFrom('viewingVisits').selectAll().where('id', '=', visitId).executeTakeFirst();
  if (!v) throw notFound(`visit ${visitId}`);
  const r = await rowOf(deps, Number(v.applicationId));
  return {
    kind: 'viewing-visit',
    id: visitId,
    purposes: ['view'],
    scope: await loadScope(deps, 'viewing_application', Number(r.id)),
    window: { from: r.windowFrom, to: r.windowTo },
    validUntil: v.endsAt,
    holders: [],
    // GAP(art 8): public-area systems have no unit account; their visits are unit-less and
    // cannot be played until the departments running them have accounts.
    unitId: r.keyUnitId == null ? -1 : Number(r.keyUnitId),
    segmentIds: JSON.parse(v.segmentIds) as number[],
    scopeRule: 'art25.p1.own-rights',
    active: r.state === 'visited',
  };
}

export async function closeViewing(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number): Promise<ViewingView> {
  const r = await rowOf(deps, id);
  const isApplicant = r.applicantUserId != null && Number(r.applicantUserId) === actor.userId;
  const isStation = actor.role === 'station_officer' && actor.jurisdiction != null && within(actor.jurisdiction, r.stationDivision);
  if (!isApplicant && !isStation && !answersForUnit(actor, r.keyUnitId == null ? null : Number(r.keyUnitId), r.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  if (r.state === 'closed' || r.state === 'refused') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '结束', actionEn: 'close' } });
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny).updateTable('viewingApplications').set({ state: 'closed', closedAt: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await releaseHoldsOf(trxAny, deps, actor, 'viewing_application', id);
    await recordEvent(trxAny, deps, actor, { action: 'close', outcome: 'allowed', keyUnitId: r.keyUnitId, divisionCode: r.divisionCode, detail: { viewingApplication: id } });
  });
  return getViewing(deps, id, isStation ? 'station' : isApplicant ? 'applicant' : 'other');
}

export interface ViewingFilter {
  applicantUserId?: number;
  stationPrefix?: string;
  keyUnitId?: number;
  divisionPrefix?: string;
  states?: ViewingState[];
  /** Only those for which a viewing document was issued (art 25 ¶1 (2)). */
  withDocument?: boolean;
  limit?: number;
  offset?: number;
  sort?: ListSort;
  order?: ListOrder;
}

export async function listViewing(deps: VaultDeps, f: ViewingFilter, standing: ViewerStanding): Promise<ListPage<ViewingView>> {
  let q = vaultDb(deps.db).selectFrom('viewingApplications');
  if (f.applicantUserId != null) q = q.where('applicantUserId', '=', f.applicantUserId);
  if (f.stationPrefix) q = q.where('stationDivision', 'like', `${f.stationPrefix}%`);
  if (f.keyUnitId != null) q = q.where('keyUnitId', '=', f.keyUnitId);
  if (f.divisionPrefix) q = q.where('divisionCode', 'like', `${f.divisionPrefix}%`);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  if (f.withDocument) q = q.where('documentNo', 'is not', null);
  const { total } = await q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const order = f.order ?? 'desc';
  const rows = await q
    .select('id')
    .orderBy(LIST_SORT_COLUMNS[f.sort ?? 'id'], order)
    .orderBy('id', order)
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  return { total: Number(total), items: await Promise.all(rows.map((r) => getViewing(deps, Number(r.id), standing))) };
}
