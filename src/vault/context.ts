import type { Kysely } from 'kysely';
import type { Actor } from '../access/index.js';
import type { DialectName } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { LedgerPort } from './ports/ledger.js';
import type { RetentionLaw } from './ports/retention-law.js';
import type { SystemDirectory } from './ports/system-directory.js';
import type { PiiProtector } from './pii.js';
import type { BlobStore } from './store/blob-store.js';

/**
 * Operational settings: not numbers of the regulation (those come from the
 * law), but limits the platform chooses and a deployment may change.
 */
export interface VaultSettings {
  /** Longest an art 24 ¶1 grant may run once registered. */
  maxGrantDays: number;
  /** Longest an art 24 ¶2 emergency use may run before it must be filed again. */
  emergencyMaxMinutes: number;
  /** How long a playback ticket serves range requests. */
  ticketMinutes: number;
  /** How long a viewing document (查看采获信息文书) stays valid. */
  documentValidDays: number;
  /** How long a visit at the capturing unit stays open. */
  visitHours: number;
  /** A pause in recording longer than this is a gap in coverage. */
  gapToleranceSeconds: number;
  /** Largest single upload. */
  maxUploadBytes: number;
  /** Files older than this without a database record are orphans and removed by reconciliation. */
  orphanGraceSeconds: number;
}

export const DEFAULT_SETTINGS: VaultSettings = {
  maxGrantDays: 30,
  emergencyMaxMinutes: 24 * 60,
  ticketMinutes: 120,
  documentValidDays: 15,
  visitHours: 4,
  gapToleranceSeconds: 300,
  maxUploadBytes: 16 * 1024 ** 3,
  orphanGraceSeconds: 3600,
};

/** Points in an ingest where a test can make the process fail, as a crash would. */
export type IngestStage = 'received' | 'stored' | 'recorded';

export interface VaultDeps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  dialect: DialectName;
  clock: Clock;
  store: BlobStore;
  directory: SystemDirectory;
  ledger: LedgerPort;
  law: RetentionLaw;
  pii: PiiProtector;
  settings: VaultSettings;
  /** Test hook: called at each stage of an ingest; throwing there simulates a crash. */
  onIngestStage?: (stage: IngestStage) => void | Promise<void>;
}

/** Who acts: a logged-in account, or the operator at the command line. */
export type VaultActor = Actor | null;
