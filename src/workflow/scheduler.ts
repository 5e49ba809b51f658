import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { AppError } from '../shared/errors.js';
import { loadItem, loadItems, transitionInTrx } from './engine.js';
import { portsFor } from './ports/index.js';
import { workflowDb, type WfTrx } from './tables.js';
import type { ItemRow, WorkflowDeps } from './workflow.js';

/**
 * The deadline scheduler. Deadlines are rows of `workflow_jobs`, written in
 * the same transaction as the transition that set them, so they survive
 * restarts. A tick claims due jobs by setting a lease (owner and expiry) in
 * one UPDATE; on PostgreSQL the candidates are locked with SKIP LOCKED, on
 * SQLite the write lock serialises claims. A job is finished only by the
 * owner of its lease, in the transaction that acts on it, so two server
 * processes never act on the same job; a crashed owner's lease expires and
 * another process takes the job over.
 */

export interface SchedulerOptions {
  /** Identifies this process in leases. */
  owner?: string;
  /** How long a claim holds. */
  leaseMs?: number;
  /** Jobs claimed per tick: the bound on one tick's work; a backlog drains over successive ticks. */
  batchSize?: number;
  /** Jobs acted on at once (PostgreSQL uses the pool; SQLite serialises anyway). */
  concurrency?: number;
  /** Attempts before a job is marked failed. */
  maxAttempts?: number;
  /** Jobs acted on in one transaction (one by one again if any of them fails). */
  runLength?: number;
}

export interface TickResult {
  claimed: number;
  /** System transitions taken (a time limit passed). */
  transitioned: number;
  /** Deadlines recorded as missed (shown to oversight and in inboxes). */
  missed: number;
  /** Jobs whose item had already moved on. */
  voided: number;
  failed: number;
  ms: number;
}

/** Jobs one tick claims by default. */
export const DEFAULT_BATCH = 200;

export function defaultOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

interface ClaimedJob {
  id: number;
  itemId: number;
  state: string;
  party: string;
  onExpiry: string | null;
  dueAt: string;
  attempts: number;
}

async function claim(deps: WorkflowDeps, owner: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedJob[]> {
  const db = workflowDb(deps.jdb.db);
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const pg = deps.jdb.dialect === 'postgres';
  const rows = await db
    .updateTable('workflowJobs')
    .set((eb) => ({ leaseOwner: owner, leaseUntil: until, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      let q = eb
        .selectFrom('workflowJobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('dueAt', '<=', nowIso)
        .where((w) => w.or([w('leaseUntil', 'is', null), w('leaseUntil', '<', nowIso)]))
        .orderBy('dueAt')
        .limit(limit);
      if (pg) q = q.forUpdate().skipLocked();
      return q;
    })
    // The lease is re-checked by the UPDATE itself: a row another process claimed meanwhile is not taken.
    .where((w) => w.or([w('leaseUntil', 'is', null), w('leaseUntil', '<', nowIso)]))
    .returning(['id', 'itemId', 'state', 'party', 'onExpiry', 'dueAt', 'attempts'])
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), itemId: Number(r.itemId), attempts: Number(r.attempts) }));
}

/** Finishes a job if this process still holds its lease; otherwise the transaction is abandoned. */
async function finish(trx: WfTrx, job: ClaimedJob, owner: string, status: 'done' | 'void', now: string) {
  const r = await trx.updateTable('workflowJobs').set({ status, finishedAt: now, leaseUntil: null }).where('id', '=', job.id).where('leaseOwner', '=', owner).where('status', '=', 'pending').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new LeaseLost();
}

class LeaseLost extends Error {}

type Outcome = 'transitioned' | 'missed' | 'voided';

/** Acts on one job inside `trx`. `pre` is the job's item read with its run, and `finished` that its job is already finished. */
async function actIn(trx: WfTrx, deps: WorkflowDeps, job: ClaimedJob, owner: string, now: Date, pre?: ItemRow, finished = false): Promise<Outcome> {
  const nowIso = now.toISOString();
  const item = pre ?? (await loadItem(trx, job.itemId));
  if (!item || item.state !== job.state) {
    if (!finished) await finish(trx, job, owner, 'void', nowIso);
    return 'voided';
  }
  if (job.onExpiry) {
    // Finished first: the transition voids the item's pending jobs, this one included.
    if (!finished) await finish(trx, job, owner, 'done', nowIso);
    await transitionInTrx({ trx, deps, ports: portsFor(deps.jdb), acting: { kind: 'system' }, now }, job.itemId, job.onExpiry, {}, item);
    return 'transitioned';
  }
  await trx
    .insertInto('workflowMissedDeadlines')
    .values({
      itemId: job.itemId,
      machine: item.machine,
      state: job.state,
      party: job.party,
      divisionCode: item.divisionCode,
      competentOrgan: item.competentOrgan,
      dueAt: job.dueAt,
      detectedAt: nowIso,
      resolvedAt: null,
      resolvedBy: null,
    })
    .execute();
  if (!finished) await finish(trx, job, owner, 'done', nowIso);
  return 'missed';
}

/**
 * Acts on a run inside `trx` with two queries for the whole run instead of
 * two per job: its items read at once, its jobs finished at once (voided
 * where the item has moved on) — each round trip to the database is what a
 * tick spends its time on. A run naming an item twice goes job by job.
 */
async function actInRun(trx: WfTrx, deps: WorkflowDeps, run: ClaimedJob[], owner: string, now: Date): Promise<Outcome[]> {
  const ids = run.map((j) => j.itemId);
  if (new Set(ids).size !== ids.length) {
    const out: Outcome[] = [];
    for (const job of run) out.push(await actIn(trx, deps, job, owner, now));
    return out;
  }
  const items = await loadItems(trx, ids);
  const nowIso = now.toISOString();
  const stale = run.filter((j) => items.get(j.itemId)?.state !== j.state);
  const live = run.filter((j) => items.get(j.itemId)?.state === j.state);
  for (const [jobs, status] of [
    [stale, 'void'],
    [live, 'done'],
  ] as const) {
    if (jobs.length === 0) continue;
    const r = await trx
      .updateTable('workflowJobs')
      .set({ status, finishedAt: nowIso, leaseUntil: null })
      .where('id', 'in', jobs.map((j) => j.id))
      .where('leaseOwner', '=', owner)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== jobs.length) throw new LeaseLost();
  }
  const out: Outcome[] = [];
  for (const job of run) out.push(await actIn(trx, deps, job, owner, now, items.get(job.itemId), true));
  return out;
}

/**
 * Acts on a run of jobs in one transaction: the common case, where nothing
 * fails, pays one commit for the run. If anything in it fails, the run is
 * rolled back and its jobs are acted on one by one, so a failure holds back
 * only its own job.
 */
async function actOnRun(deps: WorkflowDeps, run: ClaimedJob[], owner: string, now: Date, result: TickResult, maxAttempts: number) {
  if (run.length > 1) {
    try {
      const outcomes = await workflowDb(deps.jdb.db)
        .transaction()
        .execute((trx) => actInRun(trx, deps, run, owner, now));
      for (const o of outcomes) result[o]++;
      return;
    } catch {
      // Fall through: one by one.
    }
  }
  for (const job of run) {
    try {
      result[await workflowDb(deps.jdb.db).transaction().execute((trx) => actIn(trx, deps, job, owner, now))]++;
    } catch (e) {
      if (e instanceof LeaseLost) continue;
      result.failed++;
      await release(deps, job, owner, now, e, maxAttempts);
    }
  }
}

async function release(deps: WorkflowDeps, job: ClaimedJob, owner: string, now: Date, error: unknown, maxAttempts: number) {
  const message = error instanceof AppError ? `${error.code}: ${error.bilingual.en}` : String((error as Error)?.message ?? error);
  const failed = job.attempts >= maxAttempts;
  // Back off by a minute per attempt; a failed job stays visible for an administrator.
  await workflowDb(deps.jdb.db)
    .updateTable('workflowJobs')
    .set({ status: failed ? 'failed' : 'pending', lastError: message.slice(0, 2000), leaseUntil: new Date(now.getTime() + 60_000 * job.attempts).toISOString(), ...(failed ? { finishedAt: now.toISOString() } : {}) })
    .where('id', '=', job.id)
    .where('leaseOwner', '=', owner)
    .execute();
}

/** One pass: claim due jobs and act on each. */
export async function tick(deps: WorkflowDeps, opts: SchedulerOptions = {}): Promise<TickResult> {
  const started = performance.now();
  const owner = opts.owner ?? defaultOwner();
  const now = deps.clock.now();
  const jobs = await claim(deps, owner, now, opts.leaseMs ?? 60_000, opts.batchSize ?? DEFAULT_BATCH);
  const result: TickResult = { claimed: jobs.length, transitioned: 0, missed: 0, voided: 0, failed: 0, ms: 0 };
  const concurrency = deps.jdb.dialect === 'postgres' ? Math.max(1, opts.concurrency ?? 8) : 1;
  const runLength = Math.max(1, opts.runLength ?? 25);
  const runs: ClaimedJob[][] = [];
  for (let i = 0; i < jobs.length; i += runLength) runs.push(jobs.slice(i, i + runLength));
  let next = 0;
  const worker = async () => {
    while (next < runs.length) await actOnRun(deps, runs[next++], owner, now, result, opts.maxAttempts ?? 5);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, runs.length) }, worker));
  result.ms = Math.round((performance.now() - started) * 10) / 10;
  return result;
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/**
 * Ticks every `intervalMs` (and again at once while full batches keep
 * coming) until stopped. Errors are reported, never fatal: the next tick
 * retries.
 */
export function startScheduler(
  deps: WorkflowDeps,
  opts: SchedulerOptions & {
    intervalMs?: number;
    onTick?: (r: TickResult) => void;
    onError?: (e: unknown) => void;
    /** Other periodic work that rides on the same tick (device operations' offline check); its failure does not stop the deadlines. */
    alsoOnTick?: () => Promise<unknown>;
  } = {},
): RunningScheduler {
  const owner = opts.owner ?? defaultOwner();
  const batch = opts.batchSize ?? DEFAULT_BATCH;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    if (stopped) return;
    let again = false;
    try {
      const r = await tick(deps, { ...opts, owner });
      if (r.claimed) opts.onTick?.(r);
      again = r.claimed >= batch;
    } catch (e) {
      opts.onError?.(e);
    }
    if (opts.alsoOnTick && !again) {
      try {
        await opts.alsoOnTick();
      } catch (e) {
        opts.onError?.(e);
      }
    }
    if (!stopped) timer = setTimeout(() => (running = loop()), again ? 0 : opts.intervalMs ?? 5_000);
  };
  running = loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
