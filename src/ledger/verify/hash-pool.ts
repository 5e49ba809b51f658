/**
 * A pool of worker threads hashing chunks of leaves in parallel (one per core
 * by default). With size 0 the chunks are hashed in the calling thread, which
 * suits small trees and tests.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { hashChunk, type ChunkResult, type ChunkTask } from './merkle-chunk.js';
import { closeReaders, hashRange, type RangeResult, type RangeTask } from './range-task.js';

interface Job {
  task: (ChunkTask | RangeTask) & { id: number };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolve: (r: any) => void;
  reject: (e: Error) => void;
}

export function defaultPoolSize(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;

  constructor(readonly size = defaultPoolSize()) {
    for (let i = 0; i < size; i++) {
      // Plain JavaScript all the way down: no TypeScript loader (which `tsx` would pass on) to start in each thread.
      const w = new Worker(new URL('./hash-worker.js', import.meta.url), { execArgv: [] });
      w.on('message', (m: { id: number; result?: ChunkResult; error?: string }) => {
        const job = this.running.get(w);
        this.running.delete(w);
        if (job) {
          if (m.error) job.reject(new Error(m.error));
          else job.resolve(m.result!);
        }
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (e) => {
        const job = this.running.get(w);
        this.running.delete(w);
        job?.reject(e);
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  run(task: ChunkTask): Promise<ChunkResult> {
    if (this.size === 0) return Promise.resolve(hashChunk(task));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  /** Reads the entries of a range of indexes from SQLite and hashes them, on a worker (or here with size 0). */
  runRange(task: RangeTask): Promise<RangeResult> {
    if (this.size === 0) return Promise.resolve(hashRange(task));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      const t = job.task;
      if ('kind' in t) w.postMessage(t);
      else w.postMessage(t, [t.data, t.offsets]);
    }
  }

  async close(): Promise<void> {
    if (this.size === 0) closeReaders();
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
