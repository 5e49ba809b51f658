import { Type, type TSchema } from '@sinclair/typebox';
import {
  ACCESS_REQUEST_KINDS,
  APPLICANT_KINDS,
  CAPTURE_KINDS,
  CASE_KINDS,
  EMERGENCY_MODES,
  EVIDENCE_STATES,
  GRANT_KINDS,
  PURPOSES,
  RETENTION_ACTIONS,
  REVIEW_VERDICTS,
  SEGMENT_STATES,
  VIEWING_MODES,
  VIEWING_STATES,
} from '../../vault/index.js';
import { ORGAN_KINDS } from '../../law/index.js';

/**
 * The request and response shapes of the captured-information routes. Response
 * schemas list every field that may leave the server: a resident ID leaves only
 * masked, a verification code only once, and never a file's path on disk.
 */
/** A string enum; in request schemas the type provider reads it as `unknown`, so handlers narrow it with `as`. */
export const Str = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** A scope as sent (device optional) as the vault takes it. */
export const scopeIn = (s: readonly { systemId: number; deviceId?: number | null }[]) => s.map((e) => ({ systemId: e.systemId, deviceId: e.deviceId ?? null }));
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });
const Timestamp = Type.String({ format: 'date-time' });

export const WindowSchema = Type.Object({ from: Timestamp, to: Timestamp }, { additionalProperties: false, description: 'Half-open time window [from, to)' });
export const ScopeEntrySchema = Type.Object({ systemId: Id, deviceId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });
export const ScopeSchema = Type.Array(ScopeEntrySchema, { minItems: 1, maxItems: 200 });
const ScopeOut = Type.Array(Type.Object({ systemId: Type.Integer(), deviceId: Nullable(Type.Integer()) }));

export const SegmentSchema = Type.Object({
  id: Type.Integer(),
  systemId: Type.Integer(),
  deviceId: Nullable(Type.Integer()),
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  restricted: Type.Boolean(),
  retentionScope: Type.String(),
  captureKind: Str(CAPTURE_KINDS),
  startedAt: Type.String(),
  endedAt: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
  originalName: Nullable(Type.String()),
  source: Type.String(),
  state: Str(SEGMENT_STATES),
  ingestedAt: Type.String(),
  sealedAt: Nullable(Type.String()),
  erasedAt: Nullable(Type.String()),
});

export const RetentionStatusSchema = Type.Object({
  minimumDays: Nullable(Type.Integer()),
  governedBy: Nullable(Type.Object({ instrument: Type.String(), floorId: Type.String() })),
  erasableFrom: Nullable(Type.String()),
  holds: Type.Array(Type.Integer()),
  mayDispose: Type.Boolean(),
});

export const GrantRefSchema = Type.Object({ grantKind: Str(GRANT_KINDS), grantId: Id }, { additionalProperties: false });

export const EventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable(Type.Integer()),
  actorUsername: Nullable(Type.String({ description: 'The account that acted (a username, never personal data)' })),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  outcome: Str(['allowed', 'refused']),
  ruleId: Nullable(Type.String()),
  citation: Nullable(Type.Object({ article: Type.Integer(), paragraph: Type.Optional(Type.Integer()), item: Type.Optional(Type.Integer()), label: Type.Object({ zh: Type.String(), en: Type.String() }), href: Type.String() })),
  errorCode: Nullable(Type.String()),
  systemId: Nullable(Type.Integer()),
  segmentId: Nullable(Type.Integer()),
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Nullable(Type.String()),
  grantKind: Nullable(Type.String()),
  grantId: Nullable(Type.Integer()),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

export const HoldSchema = Type.Object({
  id: Type.Integer(),
  systemId: Type.Integer(),
  deviceId: Nullable(Type.Integer()),
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  window: WindowSchema,
  source: Type.String(),
  sourceId: Nullable(Type.Integer()),
  caseRef: Nullable(Type.String()),
  reason: Type.String(),
  placedBy: Nullable(Type.Integer()),
  placedAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  releasedAt: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const PolicySchema = Type.Object({ keyUnitId: Nullable(Type.Integer()), systemId: Nullable(Type.Integer()), action: Str(RETENTION_ACTIONS), keepDays: Nullable(Type.Integer()), updatedAt: Type.String() });

export const SweepSchema = Type.Object({
  at: Type.String(),
  execute: Type.Boolean(),
  systems: Type.Array(
    Type.Object({
      systemId: Type.Integer(),
      keyUnitId: Nullable(Type.Integer()),
      divisionCode: Type.String(),
      minimumDays: Nullable(Type.Integer()),
      keepDays: Type.Integer(),
      action: Str(RETENTION_ACTIONS),
      cutoff: Type.String(),
      due: Type.Integer(),
      dueBytes: Type.Number(),
      held: Type.Integer(),
      carriedOut: Type.Integer(),
    }),
  ),
  totals: Type.Object({ due: Type.Integer(), dueBytes: Type.Number(), held: Type.Integer(), carriedOut: Type.Integer() }),
  decideMs: Type.Number(),
  executeMs: Type.Number(),
});

export const CoverageSchema = Type.Object({
  ruleId: Type.String(),
  systemId: Type.Integer(),
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  outcome: Str(['compliant', 'violation', 'not_applicable']),
  minimumDays: Nullable(Type.Integer()),
  window: Nullable(WindowSchema),
  reachesBackTo: Nullable(Type.String()),
  configuredRetentionDays: Nullable(Type.Integer()),
  reasons: Type.Array(Str(['gap', 'does-not-reach-back', 'configured-too-short'])),
  gaps: Type.Array(Type.Object({ deviceId: Nullable(Type.Integer()), from: Type.String(), to: Type.String(), seconds: Type.Integer() })),
});

const OfficerSchema = Type.Object({ userId: Type.Integer(), username: Nullable(Type.String()), workIdNo: Type.String(), confirmedAt: Type.String(), confidentialityAcceptedAt: Type.String() });

export const AccessRequestSchema = Type.Object({
  id: Type.Integer(),
  kind: Str(ACCESS_REQUEST_KINDS),
  state: Type.String(),
  status: Type.String({ description: 'The state, or `expired` once the grant has run out' }),
  organName: Type.String(),
  organKind: Str(ORGAN_KINDS),
  organCertificateNo: Nullable(Type.String()),
  caseRef: Nullable(Type.String()),
  duty: Type.String(),
  purposes: Type.Array(Str(PURPOSES)),
  window: WindowSchema,
  validUntil: Type.String(),
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  restricted: Type.Boolean(),
  scope: ScopeOut,
  officers: Type.Array(OfficerSchema),
  createdBy: Type.Integer(),
  createdAt: Type.String(),
  registeredAt: Nullable(Type.String()),
  registeredBy: Nullable(Type.Integer()),
  registrationNo: Nullable(Type.String()),
  refusalReason: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  emergency: Nullable(
    Type.Object({
      mode: Str(EMERGENCY_MODES),
      platformName: Nullable(Type.String()),
      reviewedAt: Nullable(Type.String()),
      reviewedBy: Nullable(Type.Integer()),
      verdict: Nullable(Str(REVIEW_VERDICTS)),
      note: Nullable(Type.String()),
      awaitingReview: Type.Boolean(),
    }),
  ),
});

export const ViewingSchema = Type.Object({
  id: Type.Integer(),
  state: Str(VIEWING_STATES),
  status: Type.String(),
  applicantUserId: Nullable(Type.Integer()),
  applicantKind: Str(APPLICANT_KINDS),
  applicantName: Type.String({ description: 'Masked for the capturing unit' }),
  organisationName: Nullable(Type.String()),
  residentIdMasked: Type.String({ description: 'Only the masked form is kept' }),
  reason: Type.String(),
  stationDivision: Type.String(),
  window: WindowSchema,
  scope: ScopeOut,
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  createdAt: Type.String(),
  registeredAt: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionReasons: Nullable(Type.String()),
  mode: Nullable(Str(VIEWING_MODES)),
  accompanyingOfficerId: Nullable(Type.Integer()),
  documentNo: Nullable(Type.String()),
  documentExpiresAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  visits: Type.Array(Type.Object({ id: Type.Integer(), registeredAt: Type.String(), registeredBy: Type.Integer(), segmentIds: Type.Array(Type.Integer()), endsAt: Type.String(), note: Nullable(Type.String()) })),
  applicationNo: Nullable(Type.String({ description: 'The receipt number; with the status code, the application is followed on the public portal' })),
  statusCode: Nullable(Type.String({ description: 'The receipt status code; shown to the applicant and the station only' })),
});

export const EvidenceSchema = Type.Object({
  id: Type.Integer(),
  state: Str(EVIDENCE_STATES),
  applicantUserId: Type.Integer(),
  partyKind: Str(APPLICANT_KINDS),
  partyName: Type.String(),
  residentIdMasked: Nullable(Type.String()),
  caseKind: Str(CASE_KINDS),
  caseRef: Type.String(),
  applicationText: Type.String(),
  proofDescription: Type.String(),
  window: WindowSchema,
  scope: ScopeOut,
  keyUnitId: Nullable(Type.Integer()),
  divisionCode: Type.String(),
  createdAt: Type.String(),
  recordedAt: Nullable(Type.String()),
  recordedBy: Nullable(Type.Integer()),
  formalityNo: Nullable(Type.String()),
  refusalReason: Nullable(Type.String()),
  handedOverAt: Nullable(Type.String()),
  packageSha256: Nullable(Type.String()),
  packageSize: Nullable(Type.Integer()),
  packageSegmentIds: Type.Array(Type.Integer()),
  closedAt: Nullable(Type.String()),
  applicationNo: Nullable(Type.String({ description: 'The receipt number; with the status code, the request is followed on the public portal' })),
  statusCode: Nullable(Type.String({ description: 'The receipt status code; shown to the applicant and the recording police only' })),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max });
export { Id, Nullable, Timestamp };

/** Paging of a list answered with its total: at most 200 a page. */
export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Rows a page (at most 200)' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Rows skipped' })),
};
