import type { Generated, Kysely } from 'kysely';

export interface LedgerStateTable {
  id: number;
  origin: string | null;
  treeSize: number;
  rootHash: Buffer;
  refSalt: Buffer;
  /** The latest signed checkpoint note. */
  checkpoint: string | null;
  signedAt: string | null;
  updatedAt: string;
}

export interface LedgerQueueTable {
  id: Generated<number>;
  body: string;
  queuedAtMs: number;
}

export interface LedgerEntriesTable {
  idx: number;
  leaf: Buffer;
}

/** Which entries name a subject: a finder derived from the leaves, proving nothing by itself. */
export interface LedgerSubjectsTable {
  subject: string;
  idx: number;
}

export interface LedgerNodesTable {
  id: number;
  hash: Buffer;
}

export interface LedgerCheckpointsTable {
  treeSize: number;
  rootHash: Buffer;
  note: string;
  signedAt: string;
  batchSize: number;
  maxMergeDelayMs: number;
}

export const KEY_STATUSES = ['pending', 'active', 'retired'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export interface LedgerKeysTable {
  vkey: string;
  name: string;
  keyId: string;
  status: KeyStatus;
  createdAt: string;
  /** First tree size this key signed. */
  firstSize: number | null;
  /** Last tree size this key signed, once retired. */
  lastSize: number | null;
  /** Index of the leaf that announced the key. */
  announcedAtIndex: number | null;
}

export interface LedgerLeaseTable {
  name: string;
  holder: string | null;
  expiresAtMs: number;
}

export interface LedgerTables {
  ledgerState: LedgerStateTable;
  ledgerQueue: LedgerQueueTable;
  ledgerEntries: LedgerEntriesTable;
  ledgerNodes: LedgerNodesTable;
  ledgerSubjects: LedgerSubjectsTable;
  ledgerCheckpoints: LedgerCheckpointsTable;
  ledgerKeys: LedgerKeysTable;
  ledgerLease: LedgerLeaseTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;
export const ledgerDb = (db: AnyDb) => db as Kysely<LedgerTables>;
