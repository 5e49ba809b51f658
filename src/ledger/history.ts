/**
 * An entity's history in the ledger: the entries that name it, for a page
 * that shows who did what to a record and lets the reader check each entry
 * against the signed tree. Who may ask is decided by the caller (the entity's
 * own read permission, src/access/policy.ts `mayReadHistory`).
 */
import { decodeLeaf } from './domain/leaf.js';
import type { LedgerEntry } from './proofs.js';
import { checkpoint, entriesOfSubjects, queuedForSubjects, readState, recentCheckpoints, type StoredCheckpoint } from './repository.js';
import type { AnyDb } from './tables.js';

/** Most entries one history answer holds, newest first. */
export const MAX_HISTORY_ENTRIES = 200;

export interface SubjectHistory {
  /** The signed tree size the entries are read against. */
  treeSize: number;
  entries: LedgerEntry[];
  /** Leaves about these subjects queued and not yet in a signed checkpoint (within the merge delay). */
  queued: number;
}

export async function subjectHistory(db: AnyDb, subjects: readonly string[], limit = MAX_HISTORY_ENTRIES): Promise<SubjectHistory> {
  const { treeSize } = await readState(db);
  const rows = await entriesOfSubjects(db, subjects, treeSize, Math.min(limit, MAX_HISTORY_ENTRIES));
  const queued = await queuedForSubjects(db, subjects);
  return {
    treeSize,
    queued,
    entries: rows.map((r) => {
      const d = decodeLeaf(r.leaf);
      return d.ok ? { index: r.idx, leaf: r.leaf, fields: d.leaf } : { index: r.idx, leaf: r.leaf, fields: null, problem: d.reason };
    }),
  };
}

/** The stored checkpoint history, newest first: sizes below `before` when given. */
export async function checkpointHistory(db: AnyDb, limit: number, before?: number): Promise<StoredCheckpoint[]> {
  const out = await recentCheckpoints(db, limit, before);
  // The latest signed checkpoint heads the list even when the history kept an older one.
  const latest = await checkpoint(db);
  if (latest && before === undefined && out[0]?.treeSize !== latest.treeSize) out.unshift(latest);
  return out;
}
