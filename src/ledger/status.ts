/** What the public may read about the ledger besides proofs: checkpoints, keys, and how it keeps up. */
import { AppError } from '../shared/errors.js';
import { LedgerErrors } from './errors.js';
import { checkpoint, keys, leaseHolder, queueStats, readState, recentMergeDelays, type StoredCheckpoint } from './repository.js';
import type { AnyDb } from './tables.js';

/** The latest signed checkpoint, or the one of `size`. */
export async function signedCheckpoint(db: AnyDb, size?: number): Promise<StoredCheckpoint> {
  const c = await checkpoint(db, size);
  if (!c) {
    if (size === undefined) throw new AppError(LedgerErrors.JF_LEDGER_NOT_STARTED);
    throw new AppError(LedgerErrors.JF_LEDGER_NO_CHECKPOINT, { params: { size } });
  }
  return c;
}

/** The verifier key of the key signing now, `<name>+<hex key id>+<base64 key>`. */
export async function activeVerifierKey(db: AnyDb): Promise<string> {
  const k = (await keys(db)).find((x) => x.status === 'active');
  if (!k) throw new AppError(LedgerErrors.JF_LEDGER_NOT_STARTED);
  return k.vkey;
}

export async function ledgerKeys(db: AnyDb) {
  return (await keys(db)).map((k) => ({
    vkey: k.vkey,
    name: k.name,
    keyId: k.keyId,
    status: k.status,
    createdAt: k.createdAt,
    firstSize: k.firstSize,
    lastSize: k.lastSize,
    announcedAtIndex: k.announcedAtIndex,
  }));
}

export interface LedgerStatus {
  origin: string | null;
  treeSize: number;
  rootHash: string;
  signedAt: string | null;
  queued: number;
  /** How long the oldest queued leaf has waited so far. */
  oldestQueuedMs: number | null;
  mergeDelay: { boundMs: number; recentBatches: number; recentMaxMs: number; recentP99Ms: number };
  sequencer: { holder: string | null; leaseExpiresAt: string | null };
}

export async function ledgerStatus(db: AnyDb, boundMs: number, nowMs = Date.now()): Promise<LedgerStatus> {
  const [state, latest, q, recent, lease] = [await readState(db), await checkpoint(db), await queueStats(db), await recentMergeDelays(db, 1000), await leaseHolder(db)];
  const delays = recent.map((r) => r.maxMergeDelayMs).sort((a, b) => a - b);
  const p99 = delays.length ? delays[Math.min(delays.length - 1, Math.ceil(0.99 * delays.length) - 1)] : 0;
  return {
    origin: state.origin,
    treeSize: state.treeSize,
    rootHash: state.rootHash.toString('base64'),
    signedAt: latest?.signedAt ?? null,
    queued: q.count,
    oldestQueuedMs: q.oldestMs == null ? null : Math.max(0, nowMs - q.oldestMs),
    mergeDelay: { boundMs, recentBatches: delays.length, recentMaxMs: delays.length ? delays[delays.length - 1] : 0, recentP99Ms: p99 },
    sequencer: { holder: lease.holder && lease.expiresAtMs >= nowMs ? lease.holder : null, leaseExpiresAt: lease.holder && lease.expiresAtMs >= nowMs ? new Date(lease.expiresAtMs).toISOString() : null },
  };
}
