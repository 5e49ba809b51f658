/**
 * The vocabulary of captured information (采获信息, Chapter 3). Each list is a
 * const tuple: one source for the schema, the type and the SQL check.
 */

/** What happened to a recording after capture. @see art 23 ¶2 (封存 / 消除) */
export const SEGMENT_STATES = ['kept', 'sealed', 'erased'] as const;
export type SegmentState = (typeof SEGMENT_STATES)[number];

/** What a segment holds. */
export const CAPTURE_KINDS = ['video', 'audio', 'image', 'data'] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

/** Which systems art 23 ¶2 sets a minimum for. */
export const RETENTION_SCOPES = ['public_area', 'key_unit', 'other'] as const;
export type RetentionScope = (typeof RETENTION_SCOPES)[number];

/** 查看、复制、使用 (art 24 ¶1). */
export const PURPOSES = ['view', 'copy', 'use'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** What a unit's retention policy does with recordings past their minimum. @see art 23 ¶2 */
export const RETENTION_ACTIONS = ['report', 'seal', 'erase'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** Kinds of access request. @see art 24 ¶1 (official), art 24 ¶2 (emergency) */
export const ACCESS_REQUEST_KINDS = ['official', 'emergency'] as const;
export type AccessRequestKind = (typeof ACCESS_REQUEST_KINDS)[number];

/**
 * Art 24 ¶1: filed by one officer → every officer confirms in their own session
 * → the capturing unit registers → granted → closed. Expiry is computed, not stored.
 */
export const OFFICIAL_STATES = ['awaiting_officers', 'awaiting_registration', 'granted', 'refused', 'withdrawn', 'closed'] as const;
/** Art 24 ¶2: active at once → ended (or expired) → reviewed by a superior. */
export const EMERGENCY_STATES = ['active', 'ended', 'reviewed'] as const;
export type AccessRequestState = (typeof OFFICIAL_STATES)[number] | (typeof EMERGENCY_STATES)[number];

/** Art 24 ¶2: use the system directly, or connect it to a designated platform. */
export const EMERGENCY_MODES = ['direct_use', 'connect_platform'] as const;
export type EmergencyMode = (typeof EMERGENCY_MODES)[number];

export const REVIEW_VERDICTS = ['justified', 'unjustified'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** 公民、法人和其他组织 (art 25). */
export const APPLICANT_KINDS = ['citizen', 'legal_person', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/**
 * Art 25 ¶1: submitted online → registered at the station (identity seen) →
 * approved or refused → visited at the capturing unit → closed.
 */
export const VIEWING_STATES = ['submitted', 'registered', 'approved', 'refused', 'visited', 'closed'] as const;
export type ViewingState = (typeof VIEWING_STATES)[number];

/** Art 25 ¶1 (2): 由公安民警现场陪同 或 持公安派出所出具的查看采获信息文书. */
export const VIEWING_MODES = ['accompany', 'document'] as const;
export type ViewingMode = (typeof VIEWING_MODES)[number];

/** Art 25 ¶2: 行政、民事、刑事案件. */
export const CASE_KINDS = ['administrative', 'civil', 'criminal'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Art 25 ¶2: written application → recorded by the police with formalities → handed over → closed. */
export const EVIDENCE_STATES = ['submitted', 'recorded', 'refused', 'handed_over', 'closed'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/** Where a retention hold comes from. @see art 23 ¶2 (公安机关要求提取) */
export const HOLD_SOURCES = ['police_request', 'access_request', 'viewing_application', 'evidence_request'] as const;
export type HoldSource = (typeof HOLD_SOURCES)[number];

/** Every recorded action on captured information, allowed or refused (art 22, 24, 25). */
export const EVENT_ACTIONS = [
  'ingest',
  'view',
  'copy',
  'use',
  'export',
  'seal',
  'erase',
  'alter',
  'hold',
  'release-hold',
  'request',
  'confirm',
  'register',
  'refuse',
  'review',
  'close',
  'verify-document',
  'visit',
  'handover',
  'download-package',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/**
 * The acts that are accesses to captured information: viewing, copying and
 * using it (Art 24 ¶1), exporting it, a visit to view it at the unit
 * (Art 25 ¶1) and handing over or downloading an evidence package (Art 25 ¶2).
 * Filing, confirming, registering or reviewing a request is none.
 */
export const ACCESS_ACTIONS = ['view', 'copy', 'use', 'export', 'visit', 'handover', 'download-package'] as const satisfies readonly EventAction[];

export const OUTCOMES = ['allowed', 'refused'] as const;
export type EventOutcome = (typeof OUTCOMES)[number];

/** The kinds of grant content access can stand under. */
export const GRANT_KINDS = ['access-request', 'viewing-visit', 'evidence-request'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/** A half-open time window `[from, to)` of ISO timestamps. */
export interface Window {
  from: string;
  to: string;
}

/** A system, optionally narrowed to one device. */
export interface ScopeEntry {
  systemId: number;
  deviceId: number | null;
}
