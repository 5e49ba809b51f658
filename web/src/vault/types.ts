import type { ApiCitation } from '../api/client';

/** The shapes the captured-information API answers (src/api/routes/captured-schemas.ts). */
export interface Window {
  from: string;
  to: string;
}

export interface ScopeEntry {
  systemId: number;
  deviceId: number | null;
}

export interface Segment {
  id: number;
  systemId: number;
  deviceId: number | null;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: boolean;
  captureKind: 'video' | 'audio' | 'image' | 'data';
  startedAt: string;
  endedAt: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string | null;
  state: 'kept' | 'sealed' | 'erased';
  ingestedAt: string;
}

export interface SweepSystem {
  systemId: number;
  minimumDays: number | null;
  keepDays: number;
  action: 'report' | 'seal' | 'erase';
  cutoff: string;
  due: number;
  held: number;
  carriedOut: number;
}

export interface Coverage {
  systemId: number;
  outcome: 'compliant' | 'violation' | 'not_applicable';
  minimumDays: number | null;
  reachesBackTo: string | null;
  configuredRetentionDays: number | null;
  reasons: ('gap' | 'does-not-reach-back' | 'configured-too-short')[];
  gaps: { deviceId: number | null; from: string; to: string; seconds: number }[];
}

export interface Hold {
  id: number;
  systemId: number;
  deviceId: number | null;
  window: Window;
  source: string;
  sourceId: number | null;
  caseRef: string | null;
  reason: string;
  placedAt: string;
  expiresAt: string | null;
  releasedAt: string | null;
  active: boolean;
}

export interface Officer {
  userId: number;
  username: string | null;
  workIdNo: string;
  confirmedAt: string;
  confidentialityAcceptedAt: string;
}

export type Purpose = 'view' | 'copy' | 'use';

export interface AccessRequest {
  id: number;
  kind: 'official' | 'emergency';
  state: string;
  status: string;
  organName: string;
  organKind: string;
  organCertificateNo: string | null;
  caseRef: string | null;
  duty: string;
  purposes: Purpose[];
  window: Window;
  validUntil: string;
  keyUnitId: number | null;
  divisionCode: string;
  scope: ScopeEntry[];
  officers: Officer[];
  createdBy: number;
  createdAt: string;
  registeredAt: string | null;
  registrationNo: string | null;
  refusalReason: string | null;
  closedAt: string | null;
  emergency: null | { mode: string; platformName: string | null; reviewedAt: string | null; verdict: string | null; note: string | null; awaitingReview: boolean };
}

export interface Visit {
  id: number;
  registeredAt: string;
  registeredBy: number;
  segmentIds: number[];
  endsAt: string;
  note: string | null;
}

export interface Viewing {
  id: number;
  state: string;
  status: string;
  applicantUserId: number | null;
  applicantKind: string;
  applicantName: string;
  organisationName: string | null;
  residentIdMasked: string;
  reason: string;
  stationDivision: string;
  window: Window;
  scope: ScopeEntry[];
  keyUnitId: number | null;
  createdAt: string;
  registeredAt: string | null;
  decidedAt: string | null;
  decisionReasons: string | null;
  mode: 'accompany' | 'document' | null;
  documentNo: string | null;
  documentExpiresAt: string | null;
  closedAt: string | null;
  visits: Visit[];
  /** The receipt: with the status code, followed on the public portal (/public/status). */
  applicationNo: string | null;
  statusCode: string | null;
}

export interface Evidence {
  id: number;
  state: string;
  applicantUserId: number;
  partyKind: string;
  partyName: string;
  caseKind: string;
  caseRef: string;
  applicationText: string;
  proofDescription: string;
  window: Window;
  scope: ScopeEntry[];
  keyUnitId: number | null;
  divisionCode: string;
  createdAt: string;
  recordedAt: string | null;
  formalityNo: string | null;
  refusalReason: string | null;
  handedOverAt: string | null;
  packageSha256: string | null;
  packageSize: number | null;
  packageSegmentIds: number[];
  /** The receipt: with the status code, followed on the public portal (/public/status). */
  applicationNo: string | null;
  statusCode: string | null;
}

export interface VaultEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'allowed' | 'refused';
  ruleId: string | null;
  citation: ApiCitation | null;
  errorCode: string | null;
  systemId: number | null;
  segmentId: number | null;
  grantKind: string | null;
  grantId: number | null;
}

export interface Playback {
  streamUrl: string;
  expiresAt: string;
  watermark: string;
  segment: Segment;
}

export type GrantKind = 'access-request' | 'viewing-visit' | 'evidence-request';

/** A registry system or device, as the registry lists them. */
export interface NamedRecord {
  id: number;
  name: string;
  keyUnitId?: number | null;
  systemId?: number;
  divisionCode?: string;
}
