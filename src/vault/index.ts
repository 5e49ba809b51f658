/**
 * Captured information (采获信息, Chapter 3 of the regulation): the content-
 * addressed store, retention (art 23), the lawful access paths (art 24-25) and
 * the record of every access and refusal (art 22). The vault's only public face.
 */
export { createVault, type CreateVaultOptions } from './vault.js';
export { DEFAULT_SETTINGS, type VaultDeps, type VaultSettings, type VaultActor, type IngestStage } from './context.js';
export * from './domain/types.js';
export { LIST_SORTS, LIST_ORDERS, type ListSort, type ListOrder, type ListPage } from './domain/list.js';
export { VAULT_RULES, citationOf, type VaultRuleId } from './domain/rules.js';
export { erasableFrom } from './domain/retention.js';
export { overlaps, inScope } from './domain/scope.js';
export { findGaps, type Gap } from './domain/coverage.js';
export { VaultErrors, type VaultErrorCode } from './errors.js';
export { recordEvent } from './events.js';
export { ingest, reconcile, resolveSource, type IngestMeta, type IngestResult } from './ingest.js';
export { getSegment, listSegments, pageSegments, SEGMENT_SORTS, type Segment, type SegmentQuery, type SegmentPageQuery, type SegmentSort } from './segments.js';
export { retentionStatus, dispose, sweep, coverage, capturedSystemPage, policyFor, setPolicy, placeHolds, holdsOn, minimumFor, erasableFromOf, type RetentionStatus, type SweepReport, type SweepSystemReport, type CoverageFinding, type RetentionPolicy, type Hold } from './retention.js';
export { resolveScope, parseWindow, checkWindowInRetention, type ScopeFacts } from './scope-facts.js';
export {
  fileOfficialRequest,
  confirmOfficer,
  registerAtUnit,
  refuseRegistration,
  closeAccessRequest,
  startEmergency,
  reviewEmergency,
  getAccessRequest,
  listAccessRequests,
  partiesOf,
  answersForUnit,
  OFFICER_ROLES,
  EMERGENCY_ROLES,
  type AccessRequestView,
  type OfficialRequestInput,
  type EmergencyInput,
} from './access-requests.js';
export { authorizeContent, openPlayback, checkTicket, refuseAlteration, resolveGrant, watermarkFor, type Grant, type GrantRef, type PlaybackTicket } from './content.js';
export { exportUnderRequest } from './export.js';
export { fileViewing, registerViewing, decideViewing, verifyDocument, registerVisit, closeViewing, getViewing, listViewing, type ViewingView, type ViewingInput, type ViewerStanding } from './viewing.js';
export { fileEvidence, recordEvidence, handOver, openPackage, closeEvidence, getEvidence, listEvidence, type EvidenceView, type EvidenceInput } from './evidence.js';
export { verifyBag, bagEntries, type BagCheck } from './bagit/bagit.js';
export { tarStream, readTar } from './bagit/tar.js';
export { memoryDirectory, type SystemDirectory, type SystemFacts, type DeviceFacts } from './ports/system-directory.js';
export { lawRetention, type RetentionLaw, type RetentionMinimum } from './ports/retention-law.js';
export { registryDirectory } from './ports/registry-directory.js';
export { noLedger, appendToLedger, type LedgerPort, type LedgerEntry } from './ports/ledger.js';

export { FsBlobStore } from './store/fs-blob-store.js';
export type { BlobStore, BlobWriter } from './store/blob-store.js';
export { hmacProtector, fileKeyProtector, maskName, maskResidentId, type PiiProtector } from './pii.js';
export { planFolder, ingestFiles, spanFromName, mediaTypeOf, MANIFEST_NAME, type FolderFile, type FolderOutcome } from './folder-ingest.js';
export { startRetentionSweeper } from './sweeper.js';
export { pageHolds, getHold, releaseHold, listEvents, type EventRow, type EventQuery, type PlaceFilter, type HoldQuery } from './queries.js';
export { applicationStatus, maskPersonal, publicViewingDocument, type ApplicationStatus, type ApplicationKind, type PublicViewingDocument } from './application-status.js';
export { seedCapturedDemo, demoVault, DEMO_CITIZEN, type CapturedDemoResult } from './seed-demo.js';
