/**
 * Threads hashing chunks of leaves in parallel: `threads` of them in all (one
 * per core by default), this one included. This thread hashes a chunk
 * whenever it has nothing else to do, and `threads - 1` worker threads take
 * chunks once they have started; so the tens of milliseconds of CPU a worker
 * takes to start are spent once less, and not waited for. With one thread (or
 * 0) every chunk is hashed here, which suits small trees and tests.
 *
 * Hashing here blocks this thread for one chunk at a time: the pool is for
 * `jifang ledger verify` and the bench, not for a server's request path.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { hashChunk, type ChunkResult, type ChunkTask } from './merkle-chunk.js';
import { closeReaders, hashRange, type RangeResult, type RangeTask } from './range-task.js';

type Task = (ChunkTask | RangeTask) & { id: number };

interface Job {
  task: Task;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolve: (r: any) => void;
  reject: (e: Error) => void;
}

/** Chunks handed to a worker ahead, so it never waits while this thread is busy hashing. */
const AHEAD = 2;

export function defaultPoolSize(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function runHere(task: ChunkTask | RangeTask): ChunkResult | RangeResult {
  return 'kind' in task ? hashRange(task) : hashChunk(task);
}

export class HashPool {
  private readonly workers: Worker[] = [];
  /** Per started worker, the jobs handed to it, oldest first (it answers in order). */
  private readonly handed = new Map<Worker, Job[]>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private hashingHere = false;
  private closed = false;
  private readonly started: Promise<void>;
  private onStarted = () => {};

  constructor(readonly threads = defaultPoolSize()) {
    this.started = new Promise((resolve) => (this.onStarted = resolve));
    if (threads <= 1) this.onStarted();
    for (let i = 1; i < threads; i++) {
      // Plain JavaScript all the way down: no TypeScript loader (which `tsx` would pass on) to start in each thread.
      const w = new Worker(new URL('./hash-worker.js', import.meta.url), { execArgv: [] });
      w.on('message', (m: { id?: number; result?: ChunkResult; error?: string; ready?: boolean }) => {
        if (m.ready) {
          this.handed.set(w, []);
          if (this.handed.size === this.workers.length) this.onStarted();
        } else {
          const job = this.handed.get(w)?.shift();
          if (job) {
            if (m.error) job.reject(new Error(m.error));
            else job.resolve(m.result!);
          }
        }
        this.pump();
      });
      w.on('error', (e) => {
        // A worker that fails gives its jobs' errors to their callers and takes no more.
        for (const job of this.handed.get(w) ?? []) job.reject(e);
        this.handed.delete(w);
      });
      this.workers.push(w);
    }
  }

  /** Resolves once every worker thread has started (for measuring the hashing alone). */
  whenStarted(): Promise<void> {
    return this.started;
  }

  run(task: ChunkTask): Promise<ChunkResult> {
    return this.submit(task);
  }

  /** Reads the entries of a range of indexes from SQLite and hashes them. */
  runRange(task: RangeTask): Promise<RangeResult> {
    return this.submit(task);
  }

  private submit<R>(task: ChunkTask | RangeTask): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    for (const [w, jobs] of this.handed) {
      while (jobs.length < AHEAD && this.queue.length > 0) {
        const job = this.queue.shift()!;
        jobs.push(job);
        const t = job.task;
        if ('kind' in t) w.postMessage(t);
        else w.postMessage(t, [t.data, t.offsets]);
      }
    }
    if (!this.hashingHere && this.queue.length > 0) {
      // On a later turn, so the caller can queue more and the workers' answers are taken first.
      this.hashingHere = true;
      setImmediate(() => {
        const job = this.closed ? undefined : this.queue.shift();
        try {
          job?.resolve(runHere(job.task));
        } catch (e) {
          job?.reject(e as Error);
        } finally {
          this.hashingHere = false;
          this.pump();
        }
      });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    // This thread's own read connections.
    closeReaders();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
