/**
 * Device operations (art 11(2), 21): systems report in by GB/T 28181
 * registration and keepalive, or by an uploaded operation log; each ingest
 * is one ledger leaf over its records (art 21 ¶1 (4)); a silent or
 * interrupted system raises an alert that a supervisor can turn into an
 * art 21 case. The context's only public face.
 */
export * from './domain/kinds.js';
export { DEFAULT_OPERATIONS_SETTINGS, type OperationsDeps, type OperationsSettings } from './context.js';
export { OperationsErrors } from './errors.js';
export { ingestRecords, checkRecords, recordDigest, batchDigest, type RecordInput, type IngestResult, type Sender } from './ingest.js';
export { parseUpload, detectFormat, UPLOAD_FORMATS, type UploadFormat } from './parse-upload.js';
export { setEndpoint, listEndpoints, type EndpointInput, type EndpointView } from './endpoints.js';
export { checkOffline, type CheckResult } from './check.js';
export { openCaseFromAlert, type OpenCaseInput } from './alerts.js';
export { listStatus, listRecords, listAlerts, MAX_OPERATIONS_PAGE, type StatusRow, type StatusQuery, type RecordRow, type RecordsQuery, type SystemRecords, type AlertRow, type AlertQuery, type PageOf } from './queries.js';
export { startSipListener, DEFAULT_SIP_SETTINGS, type SipSettings, type SipListener, type ListenerStats } from './sip/listener.js';
export { ha1Of } from './sip/digest-auth.js';
export * from './schemas.js';
export { seedOperationsDemo, DEMO_DEVICE_PASSWORD } from './seed-demo.js';
