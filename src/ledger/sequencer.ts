/**
 * The sequencer: takes queued leaves in queue order, gives them contiguous
 * indexes, adds them and their closed subtrees to the node table, signs a
 * checkpoint and commits it all in one transaction. One sequencer works at a
 * time across all server processes: it holds a lease in the database, and
 * every integration re-takes that lease as its first write, so a process
 * that lost it (paused, partitioned) cannot integrate.
 *
 * The maximum merge delay (default one second) bounds how long a queued leaf
 * waits for a signed checkpoint; each checkpoint records the longest wait of
 * its batch, and `stats()` holds the distribution since start.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { formatCheckpoint } from './domain/checkpoint.js';
import { decodeLeaf, leafPrefix } from './domain/leaf.js';
import { CompactRange, frontierOf, sha256, subtreeKey } from './domain/merkle.js';
import { signNote, type NoteSigner } from './domain/note.js';
import { activeKeyOf, ensureLedgerKey, keyRef, pendingSigner } from './keys.js';
import type { LedgerConfig } from './ledger-config.js';
import {
  dequeue,
  insertCheckpoint,
  insertEntries,
  insertNodes,
  insertSubjects,
  keys,
  lastStoredCheckpoint,
  leaseHolder,
  nodesByIds,
  queued,
  readState,
  releaseLease,
  takeLease,
  updateKey,
  writeState,
  type KeyRow,
} from './repository.js';
import { promoteNextKey } from './signing-key.js';
import type { AnyDb } from './tables.js';

export interface SequencerOptions {
  db: AnyDb;
  config: LedgerConfig;
  clock?: Clock;
  /** Who holds the lease; defaults to host, pid and a random tag. */
  holder?: string;
  /** Lease lifetime; defaults to the larger of 5 s and five merge delays. */
  leaseMs?: number;
  /** Time between looks at an empty queue; defaults to a tenth of the merge delay, between 5 and 200 ms. */
  pollMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

export interface BatchResult {
  /** False when another process holds the lease. */
  leader: boolean;
  integrated: number;
  treeSize: number;
  maxMergeDelayMs: number;
  activatedKey?: string;
}

/** Merge delays in whole milliseconds, up to a minute, for exact percentiles. */
class DelayHistogram {
  private readonly buckets = new Uint32Array(60_001);
  count = 0;
  max = 0;
  add(ms: number) {
    const b = Math.min(60_000, Math.max(0, Math.round(ms)));
    this.buckets[b]++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const want = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i];
      if (seen >= want) return i;
    }
    return 60_000;
  }
  reset() {
    this.buckets.fill(0);
    this.count = 0;
    this.max = 0;
  }
}

export interface SequencerStats {
  leaves: number;
  batches: number;
  mergeDelayMs: { p50: number; p99: number; max: number; boundMs: number };
  lastError: string | null;
}

export class Sequencer {
  readonly holder: string;
  private readonly db: AnyDb;
  private readonly cfg: LedgerConfig;
  private readonly clock: Clock;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly log: NonNullable<SequencerOptions['log']>;
  private signer: NoteSigner | null = null;
  private frontier: { size: number; root: Buffer; range: CompactRange } | null = null;
  private leaseUntil = 0;
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly delays = new DelayHistogram();
  /** The history table's newest checkpoint (undefined: not looked up yet), and the longest merge delay seen since. */
  private lastStored: { ms: number; size: number } | null | undefined = undefined;
  private unstoredMaxDelayMs = 0;
  private batches = 0;
  private lastError: string | null = null;

  constructor(o: SequencerOptions) {
    this.db = o.db;
    this.cfg = o.config;
    this.clock = o.clock ?? systemClock;
    this.holder = o.holder ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = o.leaseMs ?? Math.max(5000, 5 * this.cfg.maxMergeDelayMs);
    this.pollMs = o.pollMs ?? Math.min(200, Math.max(5, Math.floor(this.cfg.maxMergeDelayMs / 10)));
    this.log = o.log ?? (() => undefined);
  }

  /**
   * Checks (or makes) the signing key, then integrates in the background until
   * `stop()`. A process whose key file is missing or wrong never takes the
   * lease (so it cannot block one that has the key): it reports why and
   * looks again every few seconds. Resolves true when the key is good.
   */
  async start(): Promise<boolean> {
    this.running = true;
    const ok = await this.loadKey();
    this.loopDone = this.loop();
    return ok;
  }

  private async loadKey(): Promise<boolean> {
    try {
      this.signer = await ensureLedgerKey(this.db, this.cfg, this.clock);
      return true;
    } catch (e) {
      const msg = e instanceof AppError ? `${e.bilingual.zh} / ${e.bilingual.en}` : e instanceof Error ? e.message : String(e);
      if (msg !== this.lastError) this.log('error', 'ledger sequencer cannot sign; leaves stay queued', { error: msg });
      this.lastError = msg;
      return false;
    }
  }

  /** Finishes the batch under way, releases the lease so another process can take over at once. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    this.loopDone = null;
    try {
      await releaseLease(this.db, this.holder);
    } catch {
      // The database may already be closing; the lease then simply expires.
    }
    this.leaseUntil = 0;
  }

  stats(): SequencerStats {
    return {
      leaves: this.delays.count,
      batches: this.batches,
      mergeDelayMs: { p50: this.delays.percentile(50), p99: this.delays.percentile(99), max: Math.round(this.delays.max), boundMs: this.cfg.maxMergeDelayMs },
      lastError: this.lastError,
    };
  }

  resetStats(): void {
    this.delays.reset();
    this.batches = 0;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let full = false;
      if (!this.signer && !(await this.loadKey())) {
        await this.pause(5000);
        continue;
      }
      try {
        const r = await this.integrateOnce();
        full = r.integrated >= this.cfg.batchLimit;
        this.lastError = null;
      } catch (e) {
        const msg = e instanceof AppError ? `${e.bilingual.zh} / ${e.bilingual.en}` : e instanceof Error ? e.message : String(e);
        if (msg !== this.lastError) this.log('error', 'ledger sequencer failed; leaves stay queued', { error: msg });
        this.lastError = msg;
        this.frontier = null;
      }
      if (!full) await this.pause(this.lastError ? Math.max(this.pollMs, 1000) : this.pollMs);
    }
  }

  private async pause(ms: number): Promise<void> {
    if (!this.running) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
    this.wake = null;
  }

  private async isLeader(nowMs: number): Promise<boolean> {
    if (this.leaseUntil - nowMs > this.leaseMs / 2) return true;
    const cur = await leaseHolder(this.db);
    if (cur.holder && cur.holder !== this.holder && cur.expiresAtMs >= nowMs) {
      this.leaseUntil = 0;
      return false;
    }
    const held = await takeLease(this.db, this.holder, nowMs, this.leaseMs);
    this.leaseUntil = held ? nowMs + this.leaseMs : 0;
    if (held && cur.holder !== this.holder) this.log('info', 'ledger sequencer lease taken', { holder: this.holder });
    return held;
  }

  private async loadFrontier(size: number, root: Buffer): Promise<CompactRange> {
    if (this.frontier && this.frontier.size === size && this.frontier.root.equals(root)) return this.frontier.range;
    const ids = frontierOf(size).map(subtreeKey);
    const found = await nodesByIds(this.db, ids);
    const hashes = ids.map((id) => found.get(id));
    if (hashes.some((h) => !h)) throw new Error(`the node table lacks subtrees of the tree of size ${size}`);
    const range = new CompactRange(size, hashes as Buffer[]);
    if (!range.root().equals(root)) throw new Error(`the node table does not lead to the ledger root at size ${size}; run "jifang ledger verify"`);
    this.frontier = { size, root, range };
    return range;
  }

  /**
   * Integrates one batch if this process holds the lease. The leaves, hashes
   * and signature are prepared before the write transaction, so the database
   * is locked only for the inserts.
   */
  async integrateOnce(): Promise<BatchResult> {
    this.signer ??= await ensureLedgerKey(this.db, this.cfg, this.clock);
    const startMs = Date.now();
    const state = await readState(this.db);
    if (!(await this.isLeader(startMs))) return { leader: false, integrated: 0, treeSize: state.treeSize, maxMergeDelayMs: 0 };
    const rows = await queued(this.db, this.cfg.batchLimit);
    if (rows.length === 0) return { leader: true, integrated: 0, treeSize: state.treeSize, maxMergeDelayMs: 0 };

    const origin = state.origin!;
    const range = await this.loadFrontier(state.treeSize, state.rootHash);
    const work = new CompactRange(range.size, range.frontier());
    const entryRows: { idx: number; leaf: Buffer }[] = new Array(rows.length);
    const subjects: string[] = new Array(rows.length);
    const nodeRows: { id: number; hash: Buffer }[] = [];
    const closed: { id: { level: number; index: number }; hash: Buffer }[] = [];
    const announced = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const idx = state.treeSize + i;
      // The leaf framed with its 0x00 hash prefix in one allocation: the entry row takes a view without it.
      const framed = Buffer.from(`\u0000${leafPrefix(idx)}${rows[i].body}`, 'latin1');
      const leaf = framed.subarray(1);
      entryRows[i] = { idx, leaf };
      const body = rows[i].body;
      const at = body.indexOf('\nsubject ') + 9;
      subjects[i] = body.slice(at, body.indexOf('\n', at));
      closed.length = 0;
      work.append(sha256(framed), closed);
      for (const c of closed) nodeRows.push({ id: subtreeKey(c.id), hash: c.hash });
      if (rows[i].body.includes('\ntype ledger/key.')) {
        const d = decodeLeaf(leaf);
        if (d.ok) announced.set(d.leaf.subjectRef, idx);
      }
    }
    const size = work.size;
    const root = work.root();

    // Signers: the active key, and a pending key whose announcement is in the log and whose file is here.
    const keyRows = await keys(this.db);
    const active = activeKeyOf(keyRows);
    if (!active || active.vkey !== this.signer.verifier.vkey) {
      this.signer = null;
      throw new Error('the active ledger key changed under the sequencer; reloading it');
    }
    const keyUpdates: { vkey: string; set: Partial<KeyRow> }[] = [];
    for (const k of keyRows) {
      const at = announced.get(keyRef(k.keyId));
      if (at !== undefined && k.announcedAtIndex == null) keyUpdates.push({ vkey: k.vkey, set: { announcedAtIndex: at } });
    }
    const pending = keyRows.find((k) => k.status === 'pending' && (k.announcedAtIndex != null || announced.has(keyRef(k.keyId))));
    const next = pending ? pendingSigner(this.cfg.keyFile, pending) : null;
    if (pending && !next) this.log('warn', 'a new ledger key is announced but its file is not beside the signing key; still signing with the old key', { keyId: pending.keyId });
    const signers = next ? [this.signer, next] : [this.signer];
    if (next) {
      keyUpdates.push({ vkey: active.vkey, set: { status: 'retired', lastSize: size } });
      keyUpdates.push({ vkey: next.verifier.vkey, set: { status: 'active', firstSize: size } });
    }
    const note = signNote(formatCheckpoint({ origin, size, rootHash: root }), signers);

    const now = this.clock.now().toISOString();
    let stored = false;
    let batchWorst = 0;
    const committed = await this.db.transaction().execute(async (trx) => {
      const nowMs = Date.now();
      if (!(await takeLease(trx, this.holder, nowMs, this.leaseMs))) return false;
      const s = await readState(trx);
      if (s.treeSize !== state.treeSize || !s.rootHash.equals(state.rootHash)) return false;
      await insertEntries(trx, entryRows);
      await insertNodes(trx, nodeRows);
      await insertSubjects(trx, subjects, state.treeSize);
      await dequeue(
        trx,
        rows.map((r) => r.id),
      );
      const signedMs = Date.now();
      let maxDelay = 0;
      for (const r of rows) maxDelay = Math.max(maxDelay, signedMs - r.queuedAtMs);
      if (this.lastStored === undefined) {
        const last = await lastStoredCheckpoint(trx);
        this.lastStored = last ? { ms: Date.parse(last.signedAt), size: last.treeSize } : null;
      }
      const worst = Math.round(Math.max(this.unstoredMaxDelayMs, maxDelay));
      stored = !!next || this.lastStored === null || Date.parse(now) - this.lastStored.ms >= this.cfg.checkpointHistoryMs;
      if (stored) await insertCheckpoint(trx, { treeSize: size, rootHash: root, note, signedAt: now, batchSize: size - (this.lastStored?.size ?? 0), maxMergeDelayMs: worst });
      await writeState(trx, { treeSize: size, rootHash: root, now, checkpoint: note });
      batchWorst = maxDelay;
      for (const u of keyUpdates) await updateKey(trx, u.vkey, u.set);
      this.leaseUntil = nowMs + this.leaseMs;
      return true;
    });
    if (!committed) {
      this.frontier = null;
      this.leaseUntil = 0;
      this.lastStored = undefined;
      return { leader: false, integrated: 0, treeSize: state.treeSize, maxMergeDelayMs: 0 };
    }
    const doneMs = Date.now();
    let maxDelay = 0;
    for (const r of rows) {
      const d = doneMs - r.queuedAtMs;
      this.delays.add(d);
      if (d > maxDelay) maxDelay = d;
    }
    this.batches++;
    this.frontier = { size, root, range: work };
    if (stored) {
      this.lastStored = { ms: Date.parse(now), size };
      this.unstoredMaxDelayMs = 0;
    } else {
      this.unstoredMaxDelayMs = Math.max(this.unstoredMaxDelayMs, batchWorst);
    }
    let activatedKey: string | undefined;
    if (next) {
      promoteNextKey(this.cfg.keyFile, this.signer.keyId);
      this.log('info', 'ledger signing key rotated', { from: this.signer.keyId, to: next.keyId, treeSize: size });
      this.signer = next;
      activatedKey = next.verifier.vkey;
    }
    if (maxDelay > this.cfg.maxMergeDelayMs) this.log('warn', 'ledger merge delay above its bound', { maxMergeDelayMs: maxDelay, boundMs: this.cfg.maxMergeDelayMs });
    return { leader: true, integrated: rows.length, treeSize: size, maxMergeDelayMs: maxDelay, activatedKey };
  }
}

/** Integrates until the queue is empty (tests, the CLI): returns the final tree size. */
export async function drainQueue(db: AnyDb, config: LedgerConfig, clock?: Clock): Promise<number> {
  const s = new Sequencer({ db, config, clock, holder: `drain:${process.pid}:${randomBytes(3).toString('hex')}`, leaseMs: 30_000 });
  try {
    for (;;) {
      const r = await s.integrateOnce();
      if (!r.leader) throw new Error('another process holds the ledger sequencer lease');
      if (r.integrated === 0) return r.treeSize;
    }
  } finally {
    await releaseLease(db, s.holder);
  }
}
