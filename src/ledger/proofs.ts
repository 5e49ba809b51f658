/**
 * Proofs and entries as the public reads them. Every proof is assembled from
 * stored complete-subtree hashes: O(log n) rows in one query, no hashing of
 * leaves, whatever the size of the tree.
 */
import { AppError } from '../shared/errors.js';
import { decodeLeaf, type LedgerLeaf } from './domain/leaf.js';
import { consistencyRanges, foldSubtrees, inclusionRanges, subtreeKey, subtreesOf, type LeafRange } from './domain/merkle.js';
import { LedgerErrors } from './errors.js';
import { entries as readEntries, nodesByIds, readState } from './repository.js';
import type { AnyDb } from './tables.js';

/** Most entries one request may read. */
export const MAX_ENTRIES_PER_REQUEST = 1000;

async function hashRanges(db: AnyDb, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  const parts = ranges.map(subtreesOf);
  const found = await nodesByIds(db, parts.flat().map(subtreeKey));
  return parts.map((ids) =>
    foldSubtrees(
      ids.map((id) => {
        const h = found.get(subtreeKey(id));
        if (!h) throw new Error(`the node table lacks subtree ${id.level}/${id.index}`);
        return h;
      }),
    ),
  );
}

async function signedSize(db: AnyDb): Promise<number> {
  return (await readState(db)).treeSize;
}

function checkSize(size: number, treeSize: number) {
  if (size > treeSize) throw new AppError(LedgerErrors.JF_LEDGER_SIZE_BEYOND_TREE, { params: { size, treeSize } });
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  hashes: Buffer[];
}

/** RFC 6962 audit path of leaf `leafIndex` in the tree of `size` (default: the latest signed size). */
export async function inclusionProof(db: AnyDb, leafIndex: number, size?: number): Promise<InclusionProof> {
  const treeSize = await signedSize(db);
  const n = size ?? treeSize;
  checkSize(n, treeSize);
  if (leafIndex >= n) throw new AppError(LedgerErrors.JF_LEDGER_LEAF_OUT_OF_RANGE, { params: { leaf: leafIndex, size: n } });
  return { leafIndex, treeSize: n, hashes: await hashRanges(db, inclusionRanges(leafIndex, n)) };
}

export interface ConsistencyProof {
  from: number;
  to: number;
  hashes: Buffer[];
}

/** RFC 6962 consistency proof from size `from` to size `to` (default: the latest signed size). */
export async function consistencyProof(db: AnyDb, from: number, to?: number): Promise<ConsistencyProof> {
  const treeSize = await signedSize(db);
  const n = to ?? treeSize;
  checkSize(n, treeSize);
  if (from > n) throw new AppError(LedgerErrors.JF_LEDGER_FROM_AFTER_TO, { params: { from, to: n } });
  if (from < 1) throw new AppError(LedgerErrors.JF_LEDGER_FROM_EMPTY);
  return { from, to: n, hashes: await hashRanges(db, consistencyRanges(from, n)) };
}

/** The root of the tree of `size` from the node table. */
export async function rootAt(db: AnyDb, size: number): Promise<Buffer> {
  checkSize(size, await signedSize(db));
  const [h] = await hashRanges(db, [{ lo: 0, hi: size }]);
  return h;
}

export interface LedgerEntry {
  index: number;
  leaf: Buffer;
  fields: LedgerLeaf | null;
  /** Why the stored bytes do not decode, if they do not (a damaged entry is shown, never hidden). */
  problem?: string;
}

/** Entries [start, end) of the signed tree, at most MAX_ENTRIES_PER_REQUEST. */
export async function listEntries(db: AnyDb, start: number, end?: number): Promise<{ treeSize: number; entries: LedgerEntry[] }> {
  const treeSize = await signedSize(db);
  if (start >= treeSize) throw new AppError(LedgerErrors.JF_LEDGER_BAD_RANGE, { params: { reason: `start ${start} is not below the tree size ${treeSize}` } });
  const e = end ?? Math.min(treeSize, start + 100);
  if (e > treeSize) throw new AppError(LedgerErrors.JF_LEDGER_SIZE_BEYOND_TREE, { params: { size: e, treeSize } });
  if (start >= e) throw new AppError(LedgerErrors.JF_LEDGER_BAD_RANGE, { params: { reason: `start ${start} must be below end ${e}` } });
  if (e - start > MAX_ENTRIES_PER_REQUEST) throw new AppError(LedgerErrors.JF_LEDGER_BAD_RANGE, { params: { reason: `at most ${MAX_ENTRIES_PER_REQUEST} entries per request` } });
  const rows = await readEntries(db, start, e);
  return {
    treeSize,
    entries: rows.map((r) => {
      const d = decodeLeaf(r.leaf);
      return d.ok ? { index: r.idx, leaf: r.leaf, fields: d.leaf } : { index: r.idx, leaf: r.leaf, fields: null, problem: d.reason };
    }),
  };
}
