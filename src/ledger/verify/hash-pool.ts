/**
 * A pool of worker threads hashing chunks of leaves in parallel (one per core
 * by default). With size 0 the chunks are hashed in the calling thread, which
 * suits small trees and tests.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { hashChunk, type ChunkResult, type ChunkTask } from './merkle-chunk.js';

interface Job {
  task: ChunkTask & { id: number };
  resolve: (r: ChunkResult) => void;
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
      const w = new Worker(new URL('./hash-worker.js', import.meta.url));
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

  private pump() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage(job.task, [job.task.data, job.task.offsets]);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
