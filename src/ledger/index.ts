/**
 * The tamper-evident ledger's public face (art 21 ¶1 (4), art 24-25, art 36).
 *
 * Other contexts record events with `appendEvent(trx, …)` inside the
 * transaction of the action itself; the sequencer integrates them into an
 * RFC 6962 Merkle tree and signs C2SP checkpoints; anyone can check the
 * result with the proofs and the verifiers below.
 */
export { appendEvent, userRef, pseudonymRef, SYSTEM_ACTOR, type AppendInput } from './append-event.js';
export { recordLogin, recordLogout, recordPermissionChange, recordRefusedLogin, type AccountRights } from './access-events.js';
export {
  EVENT_TYPES,
  LEAF_HEADER,
  canonicalJson,
  decodeLeaf,
  digestOf,
  digestOfRecord,
  encodeLeaf,
  oneWayRef,
  type KnownEventType,
  type LedgerEvent,
  type LedgerLeaf,
} from './domain/leaf.js';
export { EMPTY_ROOT, leafHash, nodeHash, rootFromLeafHashes, verifyConsistency, verifyInclusion, type VerifyResult } from './domain/merkle.js';
export { formatCheckpoint, openCheckpoint, parseCheckpoint, type Checkpoint, type OpenedCheckpoint } from './domain/checkpoint.js';
export { openNote, signNote, signerFromKey, verifierFromKey, generateNoteKey, type NoteSigner, type NoteVerifier } from './domain/note.js';
export { LedgerErrors, LEDGER_CITATION } from './errors.js';
export { ledgerConfigFrom, defaultKeyFile, DEFAULT_MAX_MERGE_DELAY_MS, type LedgerConfig } from './ledger-config.js';
export { ensureLedgerKey, rotateLedgerKey } from './keys.js';
export { Sequencer, drainQueue, type SequencerOptions, type SequencerStats, type BatchResult } from './sequencer.js';
export { inclusionProof, consistencyProof, listEntries, rootAt, MAX_ENTRIES_PER_REQUEST, type InclusionProof, type ConsistencyProof, type LedgerEntry } from './proofs.js';
export { subjectHistory, checkpointHistory, MAX_HISTORY_ENTRIES, type SubjectHistory } from './history.js';
export type { StoredCheckpoint } from './repository.js';
export { signedCheckpoint, activeVerifierKey, ledgerKeys, ledgerStatus, type LedgerStatus } from './status.js';
export { verifyLedger, PROBLEM_CODES, type VerifyReport, type VerifyProblem, type VerifyOptions } from './verify/verify-local.js';
export { verifyRemote, httpSource, type RemoteSource, type RemoteVerifyResult } from './verify/verify-remote.js';
