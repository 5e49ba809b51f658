import type { ChunkResult } from './merkle-chunk.js';

export interface RangeTask {
  kind: 'range';
  /** The SQLite database file. */
  file: string;
  from: number;
  to: number;
  /** Prefix sizes k in (0, to - from] whose complete subtrees are wanted. */
  marks: number[];
}

export interface RangeResult extends ChunkResult {
  /** The first index of the range with no entry, or -1. */
  gapAt: number;
}

export function hashRange(task: RangeTask): RangeResult;
export function closeReaders(): void;
