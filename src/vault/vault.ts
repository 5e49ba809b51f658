import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { DEFAULT_SETTINGS, type VaultDeps, type VaultSettings } from './context.js';
import { fileKeyProtector, type PiiProtector } from './pii.js';
import { appendToLedger, type LedgerPort } from './ports/ledger.js';
import { lawRetention, type RetentionLaw } from './ports/retention-law.js';
import type { SystemDirectory } from './ports/system-directory.js';
import type { BlobStore } from './store/blob-store.js';
import { FsBlobStore } from './store/fs-blob-store.js';

export interface CreateVaultOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  dialect: DialectName;
  clock: Clock;
  /** `JIFANG_DATA_DIR`: blobs go to `<dataDir>/blobs`, the personal-data key to `<dataDir>/keys`. */
  dataDir: string;
  directory: SystemDirectory;
  store?: BlobStore;
  ledger?: LedgerPort;
  law?: RetentionLaw;
  pii?: PiiProtector;
  settings?: Partial<VaultSettings>;
  onIngestStage?: VaultDeps['onIngestStage'];
}

/** Wires the vault's ports: the file system store, the law's minimum, the ledger, the registry. */
export function createVault(o: CreateVaultOptions): VaultDeps {
  return {
    db: o.db,
    dialect: o.dialect,
    clock: o.clock,
    store: o.store ?? new FsBlobStore(path.join(o.dataDir, 'blobs')),
    directory: o.directory,
    ledger: o.ledger ?? appendToLedger,
    law: o.law ?? lawRetention(),
    pii: o.pii ?? fileKeyProtector(o.dataDir),
    settings: { ...DEFAULT_SETTINGS, ...(o.settings ?? {}) },
    onIngestStage: o.onIngestStage,
  };
}
