import type { LedgerHashAddon } from './sha256-native.js';

export interface ChunkTask {
  start: number;
  count: number;
  /** Records `0x00 || leaf`, back to back. */
  data: ArrayBuffer;
  /** Uint32 offsets of the records, count + 1 of them. */
  offsets: ArrayBuffer;
  /** Prefix sizes k in (0, count] whose complete subtrees are wanted (checkpoints inside the chunk). */
  marks: number[];
  /** Also return every complete subtree hash, level by level (used to build node tables in bulk). */
  levels?: boolean;
}

export interface ChunkSubtree {
  level: number;
  hash: Uint8Array;
}

export interface ChunkResult {
  start: number;
  count: number;
  badAt: number;
  subtrees: ChunkSubtree[];
  marks: { k: number; subtrees: ChunkSubtree[] }[];
  /** With `levels`: level L holds floor(count / 2^L) hashes of 32 bytes, back to back. */
  levels?: Uint8Array[];
}

/** Hashes with `addon` (by default the built native/ledger-hash addon; null for JavaScript). */
export function hashChunk(task: ChunkTask, addon?: LedgerHashAddon | null): ChunkResult;

export interface TextChunkTask {
  start: number;
  /** Leaf i of the chunk as text (leaves are printable ASCII). */
  texts: string[];
  marks: number[];
  levels?: boolean;
}

export function hashTextChunk(task: TextChunkTask): ChunkResult;

export interface FramedChunk {
  /** One page: the leaves' byte lengths, comma-separated (null for an empty page), and the leaves back to back. */
  add(lengths: string | null, data: Uint8Array | null): void;
  finish(task: { marks: number[]; levels?: boolean }): ChunkResult;
}

/** Leaves fed a page at a time and hashed by the native/ledger-hash addon (throws without it). */
export function framedChunk(start: number, capacity: number, addon?: LedgerHashAddon | null): FramedChunk;
