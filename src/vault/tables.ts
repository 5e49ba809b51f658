import type { Generated, Kysely } from 'kysely';

/** The vault's tables as code sees them (CamelCasePlugin maps snake_case). */
export interface CapturedBlobsTable {
  sha256: string;
  size: number;
  createdAt: string;
}

export interface CapturedSystemsTable {
  systemId: number;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: number;
  retentionScope: string;
  art10Item: number | null;
  firstCapturedAt: string;
  lastCapturedAt: string;
  updatedAt: string;
}

export interface CapturedSegmentsTable {
  id: Generated<number>;
  systemId: number;
  deviceId: number | null;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: number;
  retentionScope: string;
  captureKind: string;
  startedAt: string;
  endedAt: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string | null;
  source: string;
  state: string;
  ingestedAt: string;
  ingestedBy: number | null;
  sealedAt: string | null;
  erasedAt: string | null;
  erasedBy: number | null;
  dedupKey: string;
}

export interface RetentionPoliciesTable {
  id: Generated<number>;
  keyUnitId: number | null;
  systemId: number | null;
  action: string;
  keepDays: number | null;
  updatedAt: string;
  updatedBy: number | null;
}

export interface RetentionHoldsTable {
  id: Generated<number>;
  systemId: number;
  deviceId: number | null;
  keyUnitId: number | null;
  divisionCode: string;
  windowFrom: string;
  windowTo: string;
  source: string;
  sourceId: number | null;
  caseRef: string | null;
  reason: string;
  placedBy: number | null;
  placedAt: string;
  expiresAt: string | null;
  releasedAt: string | null;
  releasedBy: number | null;
}

export interface CapturedEventsTable {
  id: Generated<number>;
  at: string;
  actorUserId: number | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  ruleId: string | null;
  errorCode: string | null;
  systemId: number | null;
  segmentId: number | null;
  keyUnitId: number | null;
  divisionCode: string | null;
  grantKind: string | null;
  grantId: number | null;
  detail: string | null;
}

export interface VaultScopesTable {
  ownerKind: string;
  ownerId: number;
  systemId: number;
  deviceId: number | null;
}

export interface AccessRequestsTable {
  id: Generated<number>;
  kind: string;
  state: string;
  organName: string;
  organKind: string;
  organId: number | null;
  organCertificateNo: string | null;
  caseRef: string | null;
  duty: string;
  purposes: string;
  windowFrom: string;
  windowTo: string;
  validUntil: string;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: number;
  createdBy: number;
  createdAt: string;
  registeredAt: string | null;
  registeredBy: number | null;
  registrationNo: string | null;
  refusalReason: string | null;
  closedAt: string | null;
  closedBy: number | null;
  emergencyMode: string | null;
  platformName: string | null;
  requesterJurisdiction: string | null;
  requesterRole: string | null;
  reviewedAt: string | null;
  reviewedBy: number | null;
  reviewVerdict: string | null;
  reviewNote: string | null;
}

export interface AccessRequestOfficersTable {
  requestId: number;
  userId: number;
  workIdNo: string;
  confirmedAt: string;
  confidentialityAcceptedAt: string;
}

export interface PlaybackTicketsTable {
  tokenHash: string;
  userId: number;
  segmentId: number;
  grantKind: string;
  grantId: number;
  watermark: string;
  createdAt: string;
  expiresAt: string;
}

export interface ViewingApplicationsTable {
  id: Generated<number>;
  state: string;
  applicantUserId: number | null;
  applicantKind: string;
  applicantName: string;
  organisationName: string | null;
  residentIdHash: string;
  residentIdMasked: string;
  reason: string;
  stationDivision: string;
  windowFrom: string;
  windowTo: string;
  keyUnitId: number | null;
  divisionCode: string;
  createdAt: string;
  createdBy: number;
  registeredAt: string | null;
  registeredBy: number | null;
  decidedAt: string | null;
  decidedBy: number | null;
  decisionReasons: string | null;
  mode: string | null;
  accompanyingOfficerId: number | null;
  documentNo: string | null;
  documentCodeHash: string | null;
  documentExpiresAt: string | null;
  closedAt: string | null;
  /** The applicant's receipt: number and status code (migration 0007). */
  applicationNo: string | null;
  statusCode: string | null;
}

export interface ViewingVisitsTable {
  id: Generated<number>;
  applicationId: number;
  registeredAt: string;
  registeredBy: number;
  segmentIds: string;
  endsAt: string;
  note: string | null;
}

export interface EvidenceRequestsTable {
  id: Generated<number>;
  state: string;
  applicantUserId: number;
  partyKind: string;
  partyName: string;
  residentIdMasked: string | null;
  caseKind: string;
  caseRef: string;
  applicationText: string;
  proofDescription: string;
  windowFrom: string;
  windowTo: string;
  keyUnitId: number | null;
  divisionCode: string;
  createdAt: string;
  recordedAt: string | null;
  recordedBy: number | null;
  formalityNo: string | null;
  refusalReason: string | null;
  handedOverAt: string | null;
  handedOverBy: number | null;
  packageSha256: string | null;
  packageSize: number | null;
  packageSegmentIds: string | null;
  closedAt: string | null;
  /** The applicant's receipt: number and status code (migration 0007). */
  applicationNo: string | null;
  statusCode: string | null;
}

export interface VaultTables {
  capturedBlobs: CapturedBlobsTable;
  capturedSystems: CapturedSystemsTable;
  capturedSegments: CapturedSegmentsTable;
  retentionPolicies: RetentionPoliciesTable;
  retentionHolds: RetentionHoldsTable;
  capturedEvents: CapturedEventsTable;
  vaultScopes: VaultScopesTable;
  accessRequests: AccessRequestsTable;
  accessRequestOfficers: AccessRequestOfficersTable;
  playbackTickets: PlaybackTicketsTable;
  viewingApplications: ViewingApplicationsTable;
  viewingVisits: ViewingVisitsTable;
  evidenceRequests: EvidenceRequestsTable;
}

export type VaultDb = Kysely<VaultTables>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const vaultDb = (db: Kysely<any>) => db as VaultDb;
