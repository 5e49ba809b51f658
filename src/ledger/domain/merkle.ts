/**
 * RFC 6962 / RFC 9162 Merkle tree arithmetic, pure and synchronous.
 *
 * Leaf hash SHA-256(0x00 || leaf), node hash SHA-256(0x01 || left || right),
 * empty tree SHA-256(""). Proofs are described first as ranges of leaves
 * (RFC 6962 §2.1.1 PATH, §2.1.2 PROOF/SUBPROOF); the store turns each range into
 * stored complete-subtree hashes, so a proof costs O(log n) reads and no
 * recomputation. Verification follows RFC 9162 §2.1.3.2 and §2.1.4.2 step by
 * step, in BigInt so sizes up to 2^64 - 1 are handled exactly.
 *
 * @see art 21 ¶1 (4): operation records must not be altered; the tree is how
 *   anyone can check that they were not.
 */
import crypto from 'node:crypto';

export const HASH_SIZE = 32;

/**
 * One-shot hashing returning a latin1 string is several times faster in
 * Node than asking for a Buffer (no Buffer allocation per call); callers that
 * need bytes convert once. `crypto.hash` exists from Node 20.12.
 */
const oneShot: ((data: Uint8Array) => string) | null =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (data) => (crypto as unknown as { hash(a: string, d: Uint8Array, e: 'latin1'): string }).hash('sha256', data, 'latin1')
    : null;

export function sha256(data: Uint8Array): Buffer {
  return oneShot ? Buffer.from(oneShot(data), 'latin1') : crypto.createHash('sha256').update(data).digest();
}

export const EMPTY_ROOT: Buffer = sha256(new Uint8Array(0));

const nodeScratch = Buffer.alloc(1 + 2 * HASH_SIZE);

/** SHA-256(0x00 || leaf). */
export function leafHash(leaf: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(leaf.length + 1);
  b[0] = 0x00;
  b.set(leaf, 1);
  return sha256(b);
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  nodeScratch[0] = 0x01;
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return sha256(nodeScratch);
}

/** The largest power of two strictly below n (n >= 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Leaves [lo, hi). Every range used below is a node of the RFC 6962 tree. */
export interface LeafRange {
  lo: number;
  hi: number;
}

/** A complete subtree: `level` L, `index` j covers leaves [j·2^L, (j+1)·2^L). */
export interface SubtreeId {
  level: number;
  index: number;
}

/**
 * Trees are limited to 2^40 leaves (a trillion) so that a subtree id fits one
 * integer key, `level · 2^40 + index`, exactly representable in a double.
 */
export const MAX_TREE_SIZE = 2 ** 40;
const LEVEL_STRIDE = 2 ** 40;

export function subtreeKey(s: SubtreeId): number {
  return s.level * LEVEL_STRIDE + s.index;
}

export function subtreeFromKey(key: number): SubtreeId {
  const level = Math.floor(key / LEVEL_STRIDE);
  return { level, index: key - level * LEVEL_STRIDE };
}

/**
 * The complete subtrees of a range that is a node of the RFC 6962 tree (its
 * start aligned to the next power of two at or above its size), left to right,
 * largest first. Its hash is their right fold (see `foldSubtrees`).
 */
export function subtreesOf(r: LeafRange): SubtreeId[] {
  const out: SubtreeId[] = [];
  let pos = r.lo;
  let rest = r.hi - r.lo;
  for (let level = 40; level >= 0 && rest > 0; level--) {
    const width = 2 ** level;
    if (rest >= width) {
      out.push({ level, index: pos / width });
      pos += width;
      rest -= width;
    }
  }
  return out;
}

/** The complete subtrees that make up a tree of `size` leaves (its compact range). */
export function frontierOf(size: number): SubtreeId[] {
  return subtreesOf({ lo: 0, hi: size });
}

/** Hash of a node range from its complete subtrees, left to right. */
export function foldSubtrees(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let acc: Buffer = Buffer.from(hashes[hashes.length - 1]);
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i], acc);
  return acc;
}

/** RFC 6962 PATH(m, D[n]) as ranges, nearest to the leaf first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const out: LeafRange[] = [];
  const path = (m: number, lo: number, n: number) => {
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      path(m, lo, k);
      out.push({ lo: lo + k, hi: lo + n });
    } else {
      path(m - k, lo + k, n - k);
      out.push({ lo, hi: lo + k });
    }
  };
  path(index, 0, size);
  return out;
}

/** RFC 6962 PROOF(m, D[n]) as ranges; empty when m = n. */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  const out: LeafRange[] = [];
  if (m === n) return out;
  const sub = (mm: number, lo: number, nn: number, b: boolean) => {
    if (mm === nn) {
      if (!b) out.push({ lo, hi: lo + nn });
      return;
    }
    const k = splitPoint(nn);
    if (mm <= k) {
      sub(mm, lo, k, b);
      out.push({ lo: lo + k, hi: lo + nn });
    } else {
      sub(mm - k, lo + k, nn - k, false);
      out.push({ lo, hi: lo + k });
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** MTH over leaf hashes held in memory (tests, small trees, verification of a slice). */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let level: Uint8Array[] = hashes.slice();
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
    // An odd node is carried up unchanged: that is RFC 6962's split at the largest power of two.
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return Buffer.from(level[0]);
}

/**
 * An append-only compact range: the roots of the complete subtrees of the
 * tree so far. Appending a leaf returns the complete subtrees it closes (the
 * leaf itself first), which are exactly the rows the node table gains.
 */
export class CompactRange {
  private readonly levels: number[] = [];
  private readonly hashes: Buffer[] = [];

  constructor(
    public size: number,
    frontier: readonly Uint8Array[] = [],
  ) {
    const ids = frontierOf(size);
    if (ids.length !== frontier.length) throw new Error(`compact range of size ${size} needs ${ids.length} hashes, got ${frontier.length}`);
    ids.forEach((id, i) => {
      this.levels.push(id.level);
      this.hashes.push(Buffer.from(frontier[i]));
    });
  }

  /** Appends one leaf hash; returns every complete subtree it closes, with its hash. */
  append(leaf: Buffer, out: { id: SubtreeId; hash: Buffer }[] = []): { id: SubtreeId; hash: Buffer }[] {
    let index = this.size;
    let level = 0;
    let h = leaf;
    out.push({ id: { level: 0, index }, hash: h });
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] === level) {
      this.levels.pop();
      h = nodeHash(this.hashes.pop()!, h);
      level += 1;
      index = Math.floor(index / 2);
      out.push({ id: { level, index }, hash: h });
    }
    this.levels.push(level);
    this.hashes.push(h);
    this.size += 1;
    return out;
  }

  root(): Buffer {
    return foldSubtrees(this.hashes);
  }

  frontier(): Buffer[] {
    return this.hashes.slice();
  }
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

const big = (x: number | bigint) => (typeof x === 'bigint' ? x : BigInt(x));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or why it cannot. */
export function rootFromInclusionProof(index: number | bigint, size: number | bigint, leaf: Uint8Array, proof: readonly Uint8Array[]): { ok: true; root: Buffer } | { ok: false; reason: string } {
  const i = big(index);
  const n = big(size);
  if (i < 0n || n < 0n) return { ok: false, reason: 'negative index or size' };
  if (i >= n) return { ok: false, reason: `leaf index ${i} is not below tree size ${n}` };
  if (leaf.length !== HASH_SIZE) return { ok: false, reason: 'leaf hash is not 32 bytes' };
  let fn = i;
  let sn = n - 1n;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (p.length !== HASH_SIZE) return { ok: false, reason: 'proof element is not 32 bytes' };
    if (sn === 0n) return { ok: false, reason: 'proof is too long' };
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: 'proof is too short' };
  return { ok: true, root: r };
}

/** RFC 9162 §2.1.3.2: does `proof` show leaf `index` in the tree of `size` with `root`? */
export function verifyInclusion(index: number | bigint, size: number | bigint, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): VerifyResult {
  const r = rootFromInclusionProof(index, size, leaf, proof);
  if (!r.ok) return r;
  if (!sameBytes(r.root, root)) return { ok: false, reason: 'the computed root differs from the expected root' };
  return { ok: true };
}

/**
 * RFC 9162 §2.1.4.2 for 0 < size1 < size2, with the edge cases decided as
 * transparency-dev/merkle decides them (the golden probes encode this):
 * size1 > size2 is refused; size1 = 0 proves nothing and is refused;
 * size1 = size2 needs an empty proof and identical roots.
 */
export function verifyConsistency(size1: number | bigint, size2: number | bigint, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): VerifyResult {
  const m = big(size1);
  const n = big(size2);
  if (m < 0n || n < 0n) return { ok: false, reason: 'negative size' };
  if (n < m) return { ok: false, reason: `size ${m} is larger than size ${n}` };
  if (m === 0n) return { ok: false, reason: 'consistency with the empty tree proves nothing' };
  if (m === n) {
    if (proof.length !== 0) return { ok: false, reason: 'equal sizes need an empty proof' };
    return sameBytes(root1, root2) ? { ok: true } : { ok: false, reason: 'equal sizes but different roots' };
  }
  if (proof.length === 0) return { ok: false, reason: 'the proof is empty' };
  if (proof.some((p) => p.length !== HASH_SIZE)) return { ok: false, reason: 'proof element is not 32 bytes' };
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) return { ok: false, reason: 'root is not 32 bytes' };
  // When size1 is a power of two the old root is not in the proof: put it back in front.
  const path = (m & (m - 1n)) === 0n ? [root1, ...proof] : proof;
  let fn = m - 1n;
  let sn = n - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0n) return { ok: false, reason: 'proof is too long' };
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: 'proof is too short' };
  if (!sameBytes(fr, root1)) return { ok: false, reason: 'the proof does not lead to the old root' };
  if (!sameBytes(sr, root2)) return { ok: false, reason: 'the proof does not lead to the new root' };
  return { ok: true };
}
