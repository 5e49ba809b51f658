import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import { within } from '../access/index.js';
import { checkResidentId } from '../shared/standards/gb11643.js';
import { AppError } from '../shared/errors.js';
import { answersForUnit } from './access-requests.js';
import { applicationNumber, newStatusCode } from './application-status.js';
import { bagEntries, jsonFile, type PayloadFile } from './bagit/bagit.js';
import { tarStream } from './bagit/tar.js';
import type { Grant } from './content.js';
import type { VaultActor, VaultDeps } from './context.js';
import { inScope, overlaps } from './domain/scope.js';
import type { ApplicantKind, CaseKind, EvidenceState, ScopeEntry, Window } from './domain/types.js';
import { LIST_SORT_COLUMNS, type ListOrder, type ListPage, type ListSort } from './domain/list.js';
import { VaultErrors } from './errors.js';
import { recordEvent, refuse, ruleError } from './events.js';
import { maskName, maskResidentId } from './pii.js';
import { placeHolds, releaseHoldsOf } from './retention.js';
import { checkWindowInRetention, loadScope, parseWindow, resolveScope, saveScope } from './scope-facts.js';
import { getSegment, type Segment } from './segments.js';
import { vaultDb, type EvidenceRequestsTable } from './tables.js';

type Row = Selectable<EvidenceRequestsTable>;

export interface EvidenceView {
  id: number;
  state: EvidenceState;
  applicantUserId: number;
  partyKind: ApplicantKind;
  partyName: string;
  residentIdMasked: string | null;
  caseKind: CaseKind;
  caseRef: string;
  applicationText: string;
  proofDescription: string;
  window: Window;
  scope: ScopeEntry[];
  keyUnitId: number | null;
  divisionCode: string;
  createdAt: string;
  recordedAt: string | null;
  recordedBy: number | null;
  formalityNo: string | null;
  refusalReason: string | null;
  handedOverAt: string | null;
  packageSha256: string | null;
  packageSize: number | null;
  packageSegmentIds: number[];
  closedAt: string | null;
  /** The receipt's number, to follow the request on the public portal. */
  applicationNo: string | null;
  /** The receipt's status code: shown to the applicant only. */
  statusCode: string | null;
}

function notFound(id: number): AppError {
  return new AppError({ ...VaultErrors.JF_VAULT_SEGMENT_NOT_FOUND, message: { zh: '未找到调取证据申请{id}', en: 'Evidence request {id} not found' } }, { params: { id } });
}

async function rowOf(deps: VaultDeps, id: number): Promise<Row> {
  const r = await vaultDb(deps.db).selectFrom('evidenceRequests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound(id);
  return r;
}

export async function getEvidence(deps: VaultDeps, id: number, opts: { maskParty?: boolean } = {}): Promise<EvidenceView> {
  const r = await rowOf(deps, id);
  return {
    id: Number(r.id),
    state: r.state as EvidenceState,
    applicantUserId: Number(r.applicantUserId),
    partyKind: r.partyKind as ApplicantKind,
    partyName: opts.maskParty ? maskName(r.partyName) : r.partyName,
    residentIdMasked: r.residentIdMasked,
    caseKind: r.caseKind as CaseKind,
    caseRef: r.caseRef,
    applicationText: r.applicationText,
    proofDescription: r.proofDescription,
    window: { from: r.windowFrom, to: r.windowTo },
    scope: await loadScope(deps, 'evidence_request', id),
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    divisionCode: r.divisionCode,
    createdAt: r.createdAt,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy == null ? null : Number(r.recordedBy),
    formalityNo: r.formalityNo,
    refusalReason: r.refusalReason,
    handedOverAt: r.handedOverAt,
    packageSha256: r.packageSha256,
    packageSize: r.packageSize == null ? null : Number(r.packageSize),
    packageSegmentIds: r.packageSegmentIds ? (JSON.parse(r.packageSegmentIds) as number[]) : [],
    closedAt: r.closedAt,
    applicationNo: r.applicationNo,
    statusCode: opts.maskParty ? null : r.statusCode,
  };
}

export interface EvidenceInput {
  partyKind: ApplicantKind;
  partyName: string;
  /** A citizen's resident ID (GB 11643); kept masked only. */
  residentId?: string | null;
  caseKind: CaseKind;
  caseRef: string;
  /** The written application (书面申请). */
  applicationText: string;
  /** The valid proof (有效证明), e.g. a court's notice of acceptance and its number. */
  proofDescription: string;
  /** The applicant bears the burden of proof in the case. */
  bearsBurdenOfProof: boolean;
  /** The county-level division where the footage is. */
  divisionCode: string;
  window: { from: string; to: string };
  scope?: ScopeEntry[];
}

/**
 * Art 25 ¶2: the party bearing the burden of proof applies to the police in
 * writing, with valid proof.
 */
export async function fileEvidence(deps: VaultDeps, actor: NonNullable<VaultActor>, input: EvidenceInput): Promise<EvidenceView> {
  if (!input.bearsBurdenOfProof || input.applicationText.trim().length < 10 || !input.proofDescription.trim()) {
    throw await refuse(deps, actor, { action: 'request', detail: { kind: 'evidence' } }, ruleError(VaultErrors.JF_VAULT_BURDEN_REQUIRED, 'art25.p2.evidence'));
  }
  let masked: string | null = null;
  if (input.residentId) {
    const id = input.residentId.trim().toUpperCase();
    if (checkResidentId(id)) throw ruleError({ ...VaultErrors.JF_VAULT_RESIDENT_ID, message: { zh: '居民身份证号码无效（GB 11643）', en: 'Invalid resident ID number (GB 11643)' } }, 'art25.p2.evidence');
    masked = maskResidentId(id);
  }
  const window = parseWindow(input.window);
  const facts = input.scope?.length ? await resolveScope(deps, input.scope) : null;
  if (facts?.restricted) throw ruleError(VaultErrors.JF_VAULT_RESTRICTED_EXCLUDED, 'art25.p1.exclusions');
  if (facts) await checkWindowInRetention(deps, facts, window);
  const now = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (trxAny) => {
    const r = await vaultDb(trxAny)
      .insertInto('evidenceRequests')
      .values({
        state: 'submitted',
        applicantUserId: actor.userId,
        partyKind: input.partyKind,
        partyName: input.partyName.trim(),
        residentIdMasked: masked,
        caseKind: input.caseKind,
        caseRef: input.caseRef.trim(),
        applicationText: input.applicationText.trim(),
        proofDescription: input.proofDescription.trim(),
        windowFrom: window.from,
        windowTo: window.to,
        keyUnitId: facts?.keyUnitId ?? null,
        divisionCode: facts?.divisionCode ?? input.divisionCode,
        createdAt: now,
        recordedAt: null,
        recordedBy: null,
        formalityNo: null,
        refusalReason: null,
        handedOverAt: null,
        handedOverBy: null,
        packageSha256: null,
        packageSize: null,
        packageSegmentIds: null,
        closedAt: null,
        applicationNo: null,
        statusCode: newStatusCode(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(r.id);
    await vaultDb(trxAny).updateTable('evidenceRequests').set({ applicationNo: applicationNumber('evidence', input.divisionCode, id) }).where('id', '=', id).execute();
    if (facts) await saveScope(trxAny, 'evidence_request', id, facts.scope);
    await recordEvent(trxAny, deps, actor, { action: 'request', outcome: 'allowed', ruleId: 'art25.p2.evidence', keyUnitId: facts?.keyUnitId ?? null, divisionCode: facts?.divisionCode ?? input.divisionCode, grant: { kind: 'evidence-request', id }, detail: { caseKind: input.caseKind } });
    return id;
  });
  return getEvidence(deps, id);
}

function isRecordingPolice(actor: NonNullable<VaultActor>, divisionCode: string): boolean {
  return actor.role.endsWith('_supervisor') && actor.jurisdiction != null && within(actor.jurisdiction, divisionCode);
}

/**
 * Art 25 ¶2: the police record (备案) the application and issue the
 * formalities (出具手续): a formality number the unit checks. They set the
 * systems and window; what those cover is held until the request closes.
 */
export async function recordEvidence(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, d: { approve: boolean; reason?: string | null; scope?: ScopeEntry[]; window?: { from: string; to: string } }): Promise<EvidenceView> {
  const r = await rowOf(deps, id);
  if (!isRecordingPolice(actor, r.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  if (r.state !== 'submitted') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '备案', actionEn: 'record' } });
  const now = deps.clock.now().toISOString();
  if (!d.approve) {
    const reason = d.reason?.trim();
    if (!reason) throw ruleError(VaultErrors.JF_VAULT_REASONS_REQUIRED, 'art25.p2.evidence');
    await deps.db.transaction().execute(async (trxAny) => {
      await vaultDb(trxAny).updateTable('evidenceRequests').set({ state: 'refused', refusalReason: reason, recordedAt: now, recordedBy: actor.userId }).where('id', '=', id).execute();
      await recordEvent(trxAny, deps, actor, { action: 'refuse', outcome: 'allowed', ruleId: 'art25.p2.evidence', keyUnitId: r.keyUnitId, divisionCode: r.divisionCode, grant: { kind: 'evidence-request', id } });
    });
    return getEvidence(deps, id);
  }
  const window = d.window ? parseWindow(d.window) : { from: r.windowFrom, to: r.windowTo };
  const rawScope = d.scope?.length ? d.scope : await loadScope(deps, 'evidence_request', id);
  if (!rawScope.length) throw ruleError(VaultErrors.JF_VAULT_SCOPE_MISSING, 'art25.p2.evidence');
  const facts = await resolveScope(deps, rawScope);
  if (facts.restricted) throw ruleError(VaultErrors.JF_VAULT_RESTRICTED_EXCLUDED, 'art25.p1.exclusions');
  if (!within(actor.jurisdiction!, facts.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  await checkWindowInRetention(deps, facts, window);
  const formalityNo = `DZ${facts.divisionCode}${now.slice(0, 10).replace(/-/g, '')}${String(id).padStart(6, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
  await deps.db.transaction().execute(async (trxAny) => {
    const trx = vaultDb(trxAny);
    await trx
      .updateTable('evidenceRequests')
      .set({ state: 'recorded', recordedAt: now, recordedBy: actor.userId, formalityNo, windowFrom: window.from, windowTo: window.to, keyUnitId: facts.keyUnitId, divisionCode: facts.divisionCode })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('vaultScopes').where('ownerKind', '=', 'evidence_request').where('ownerId', '=', id).execute();
    await saveScope(trxAny, 'evidence_request', id, facts.scope);
    await placeHolds(trxAny, deps, actor, { scope: facts.scope, window, reason: 'art 25 ¶2 evidence', caseRef: r.caseRef, source: 'evidence_request', sourceId: id }, facts.systems);
    await recordEvent(trxAny, deps, actor, { action: 'register', outcome: 'allowed', ruleId: 'art25.p2.evidence', keyUnitId: facts.keyUnitId, divisionCode: facts.divisionCode, grant: { kind: 'evidence-request', id }, detail: { formalityNo } });
  });
  return getEvidence(deps, id);
}

const EXT: Record<string, string> = { 'video/mp4': 'mp4', 'video/mp2t': 'ts', 'video/x-matroska': 'mkv', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'image/jpeg': 'jpg', 'image/png': 'png' };

export function footageName(s: Segment): string {
  return `footage/${s.id}-${s.sha256.slice(0, 12)}.${EXT[s.mediaType] ?? 'bin'}`;
}

/** The BagIt payload of a package: files, their metadata, the request, the approvals and the chain of custody. */
export async function packagePayload(deps: VaultDeps, segments: Segment[], doc: { request: unknown; approvals: unknown; grant: { kind: string; id: number } }): Promise<PayloadFile[]> {
  const db = vaultDb(deps.db);
  const segIds = segments.map((s) => s.id);
  const events = await db
    .selectFrom('capturedEvents')
    .select(['id', 'at', 'actorUserId', 'actorRole', 'action', 'outcome', 'ruleId', 'segmentId', 'grantKind', 'grantId'])
    .where((eb) => eb.or([eb.and([eb('grantKind', '=', doc.grant.kind), eb('grantId', '=', doc.grant.id)]), ...(segIds.length ? [eb.and([eb('segmentId', 'in', segIds), eb('action', '=', 'ingest')])] : [])]))
    .orderBy('id')
    .execute();
  return [
    ...segments.map((s) => ({ path: footageName(s), size: s.size, sha256: s.sha256, body: () => deps.store.read(s.sha256) as Readable })),
    jsonFile(
      'segments.json',
      segments.map((s) => ({ id: s.id, file: `data/${footageName(s)}`, systemId: s.systemId, deviceId: s.deviceId, startedAt: s.startedAt, endedAt: s.endedAt, sha256: s.sha256, size: s.size, mediaType: s.mediaType, ingestedAt: s.ingestedAt })),
    ),
    jsonFile('request.json', doc.request),
    jsonFile('approvals.json', doc.approvals),
    jsonFile(
      'chain-of-custody.json',
      events.map((e) => ({ event: Number(e.id), at: e.at, actorUserId: e.actorUserId == null ? null : Number(e.actorUserId), actorRole: e.actorRole, action: e.action, outcome: e.outcome, rule: e.ruleId, segmentId: e.segmentId == null ? null : Number(e.segmentId) })),
    ),
  ];
}

/** Builds a bag as a tar in the blob store and returns its digest. */
export async function storeBag(deps: VaultDeps, bagName: string, payload: PayloadFile[], info: [string, string][]): Promise<{ sha256: string; size: number }> {
  const writer = await deps.store.begin();
  try {
    const digest = await writer.receive(Readable.from(tarStream(bagEntries(bagName, payload, info), deps.clock.now())));
    await writer.commit();
    return digest;
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

/**
 * Art 25 ¶2: holding the formalities, the unit hands over an evidence package:
 * a BagIt bag (RFC 8493) of the recordings, a SHA-256 manifest, the request,
 * the approvals and the chain of custody. Each file copied is a recorded copy
 * under this request.
 */
export async function handOver(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number, input: { formalityNo: string; segmentIds: number[] }): Promise<EvidenceView> {
  const r = await rowOf(deps, id);
  const keyUnitId = r.keyUnitId == null ? null : Number(r.keyUnitId);
  if (!answersForUnit(actor, keyUnitId, r.divisionCode)) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  const ctx = { action: 'handover' as const, keyUnitId, divisionCode: r.divisionCode, grant: { kind: 'evidence-request' as const, id } };
  if (r.state !== 'recorded' || !r.formalityNo || input.formalityNo.trim().toUpperCase() !== r.formalityNo) {
    throw await refuse(deps, actor, { ...ctx, detail: { state: r.state } }, ruleError(VaultErrors.JF_VAULT_FORMALITIES_REQUIRED, 'art25.p2.evidence'));
  }
  const scope = await loadScope(deps, 'evidence_request', id);
  const window = { from: r.windowFrom, to: r.windowTo };
  const ids = [...new Set(input.segmentIds)].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (const sid of ids) {
    const s = await getSegment(deps, sid);
    if (s.state === 'erased') throw new AppError(VaultErrors.JF_VAULT_SEGMENT_ERASED, { params: { id: sid } });
    if (s.restricted || !inScope(scope, s) || !overlaps(s, window)) {
      throw await refuse(deps, actor, { ...ctx, segmentId: sid }, ruleError(VaultErrors.JF_VAULT_OUTSIDE_SCOPE, 'art25.p2.evidence', { reason: `采获信息${sid}不在公安机关出具的手续范围内`, reasonEn: `recording ${sid} is outside the formalities the police issued` }));
    }
    segments.push(s);
  }
  const now = deps.clock.now().toISOString();
  // Copies are recorded first, so the package's chain of custody includes them.
  await deps.db.transaction().execute(async (trx) => {
    for (const s of segments) await recordEvent(trx, deps, actor, { ...ctx, action: 'copy', outcome: 'allowed', ruleId: 'art25.p2.evidence', systemId: s.systemId, segmentId: s.id });
  });
  const view = await getEvidence(deps, id, { maskParty: false });
  const request = {
    evidenceRequest: id,
    partyKind: view.partyKind,
    partyName: view.partyName,
    residentIdMasked: view.residentIdMasked,
    caseKind: view.caseKind,
    caseRef: view.caseRef,
    applicationText: view.applicationText,
    proofDescription: view.proofDescription,
    window: view.window,
    scope: view.scope,
    submittedAt: view.createdAt,
    legalBasis: '辽宁省公共安全技术防范条例第二十五条第二款 / Liaoning Regulations Art 25 ¶2',
  };
  const approvals = { recordedAt: view.recordedAt, recordedBy: view.recordedBy, formalityNo: view.formalityNo, handedOverAt: now, handedOverBy: actor.userId, keyUnitId };
  const payload = await packagePayload(deps, segments, { request, approvals, grant: { kind: 'evidence-request', id } });
  const bagName = `jifang-evidence-${id}`;
  const digest = await storeBag(deps, bagName, payload, [
    ['Source-Organization', keyUnitId != null ? `key-unit/${keyUnitId}` : `division/${r.divisionCode}`],
    ['Bagging-Date', now.slice(0, 10)],
    ['External-Identifier', r.formalityNo],
    ['External-Description', `Evidence retrieval under Art 25 para 2, case ${r.caseRef}`],
    ['Internal-Sender-Identifier', `evidence-request/${id}`],
    ['Bag-Software-Agent', 'Jifang'],
  ]);
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny)
      .updateTable('evidenceRequests')
      .set({ state: 'handed_over', handedOverAt: now, handedOverBy: actor.userId, packageSha256: digest.sha256, packageSize: digest.size, packageSegmentIds: JSON.stringify(ids) })
      .where('id', '=', id)
      .execute();
    await recordEvent(trxAny, deps, actor, { ...ctx, outcome: 'allowed', ruleId: 'art25.p2.evidence', detail: { packageSha256: digest.sha256, packageSize: digest.size, segments: ids.length } });
  });
  return getEvidence(deps, id);
}

/** Who may download a handed-over package: the applicant, the unit, the police who recorded it. */
export async function openPackage(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number): Promise<{ view: EvidenceView; stream: Readable }> {
  const r = await rowOf(deps, id);
  const keyUnitId = r.keyUnitId == null ? null : Number(r.keyUnitId);
  const ctx = { action: 'download-package' as const, keyUnitId, divisionCode: r.divisionCode, grant: { kind: 'evidence-request' as const, id } };
  const may = Number(r.applicantUserId) === actor.userId || answersForUnit(actor, keyUnitId, r.divisionCode) || isRecordingPolice(actor, r.divisionCode);
  if (!may) throw await refuse(deps, actor, ctx, ruleError(VaultErrors.JF_VAULT_NO_GRANT, 'art22.i3.copy-without-grant', { action: '复制', actionEn: 'copied' }));
  if (!r.packageSha256 || (r.state !== 'handed_over' && r.state !== 'closed')) throw ruleError(VaultErrors.JF_VAULT_FORMALITIES_REQUIRED, 'art25.p2.evidence');
  await deps.db.transaction().execute((trx) => recordEvent(trx, deps, actor, { ...ctx, outcome: 'allowed', ruleId: 'art25.p2.evidence', detail: { packageSha256: r.packageSha256 } }));
  return { view: await getEvidence(deps, id), stream: deps.store.read(r.packageSha256) };
}

export async function closeEvidence(deps: VaultDeps, actor: NonNullable<VaultActor>, id: number): Promise<EvidenceView> {
  const r = await rowOf(deps, id);
  const keyUnitId = r.keyUnitId == null ? null : Number(r.keyUnitId);
  const may = Number(r.applicantUserId) === actor.userId || answersForUnit(actor, keyUnitId, r.divisionCode) || isRecordingPolice(actor, r.divisionCode);
  if (!may) throw new AppError(VaultErrors.JF_VAULT_NOT_A_PARTY);
  if (r.state === 'closed' || r.state === 'refused') throw new AppError(VaultErrors.JF_VAULT_BAD_STATE, { params: { state: r.state, action: '结束', actionEn: 'close' } });
  await deps.db.transaction().execute(async (trxAny) => {
    await vaultDb(trxAny).updateTable('evidenceRequests').set({ state: 'closed', closedAt: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await releaseHoldsOf(trxAny, deps, actor, 'evidence_request', id);
    await recordEvent(trxAny, deps, actor, { action: 'close', outcome: 'allowed', keyUnitId, divisionCode: r.divisionCode, grant: { kind: 'evidence-request', id } });
  });
  return getEvidence(deps, id);
}

/** A handed-over package as a grant (copy of exactly those recordings, for the applicant). */
export async function getEvidenceGrant(deps: VaultDeps, id: number): Promise<Grant> {
  const v = await getEvidence(deps, id);
  return {
    kind: 'evidence-request',
    id,
    purposes: ['copy'],
    scope: v.scope,
    window: v.window,
    validUntil: '9999-12-31T00:00:00.000Z',
    holders: [v.applicantUserId],
    unitId: null,
    segmentIds: v.packageSegmentIds,
    scopeRule: 'art25.p2.evidence',
    active: v.state === 'handed_over',
  };
}

export interface EvidenceFilter {
  applicantUserId?: number;
  keyUnitId?: number;
  divisionPrefix?: string;
  states?: EvidenceState[];
  limit?: number;
  offset?: number;
  sort?: ListSort;
  order?: ListOrder;
}

export async function listEvidence(deps: VaultDeps, f: EvidenceFilter, opts: { maskParty?: boolean } = {}): Promise<ListPage<EvidenceView>> {
  let q = vaultDb(deps.db).selectFrom('evidenceRequests');
  if (f.applicantUserId != null) q = q.where('applicantUserId', '=', f.applicantUserId);
  if (f.keyUnitId != null) q = q.where('keyUnitId', '=', f.keyUnitId);
  if (f.divisionPrefix) q = q.where('divisionCode', 'like', `${f.divisionPrefix}%`);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  const { total } = await q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const order = f.order ?? 'desc';
  const rows = await q
    .select('id')
    .orderBy(LIST_SORT_COLUMNS[f.sort ?? 'id'], order)
    .orderBy('id', order)
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  return { total: Number(total), items: await Promise.all(rows.map((r) => getEvidence(deps, Number(r.id), opts))) };
}
