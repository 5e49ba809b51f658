/**
 * `jifang ledger verify`: recomputes the whole tree from the stored entries,
 * checks every stored checkpoint's signature and root against it, checks
 * that the signing keys form an unbroken chain back to a key known from
 * outside the database, and names the first bad index when anything was
 * altered, deleted or moved.
 *
 * Hashing runs on every core (this thread and a worker thread per other
 * core, see HashPool) over aligned chunks of 2^14 leaves; only O(log n)
 * hashes per chunk come back, and this thread combines them as RFC 6962
 * does. On SQLite each thread reads its own chunks (a range of indexes, on a
 * read-only connection of its own) so reading is spread over the cores too;
 * on PostgreSQL this thread reads the next chunk while the others hash.
 */
import { performance } from 'node:perf_hooks';
import { sqliteFileOf } from '../../db/database.js';
import type { Bilingual } from '../../shared/text.js';
import { openCheckpoint } from '../domain/checkpoint.js';
import { decodeLeaf, digestOf } from '../domain/leaf.js';
import { foldSubtrees, frontierOf, leafHash, nodeHash, subtreeKey } from '../domain/merkle.js';
import { verifierFromKey, type NoteVerifier } from '../domain/note.js';
import { keyRef } from '../keys.js';
import { checkpointPage, entries as readEntries, entryPage, keys as readKeys, leafHashes, maxEntryIndex, nodesByIds, readState, type KeyRow } from '../repository.js';
import { readSigningKey } from '../signing-key.js';
import type { AnyDb } from '../tables.js';
import { defaultPoolSize, HashPool } from './hash-pool.js';
import { native, nativeUnavailable } from './sha256-native.js';
import type { ChunkResult, ChunkSubtree } from './merkle-chunk.js';
import type { RangeResult } from './range-task.js';

export const PROBLEM_CODES = [
  'entry-missing',
  'entry-out-of-place',
  'entry-altered',
  'entries-beyond-checkpoint',
  'root-mismatch',
  'checkpoint-signature',
  'node-table',
  'key-chain',
  'key-anchor',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface VerifyProblem {
  code: ProblemCode;
  /** The first leaf index the problem concerns, when it concerns one. */
  index?: number;
  checkpointSize?: number;
  message: Bilingual;
}

export type TrustAnchor = 'given-keys' | 'key-file' | 'database';

export interface VerifyReport {
  ok: boolean;
  origin: string | null;
  /** Size of the latest signed tree. */
  treeSize: number;
  /** Entries read. */
  entries: number;
  checkpoints: number;
  firstBadIndex: number | null;
  problems: VerifyProblem[];
  /** Where trust in the signing keys comes from; `database` means nothing outside it vouched for them. */
  anchor: TrustAnchor;
  keys: { vkey: string; status: string; firstSize: number | null; lastSize: number | null; trusted: boolean }[];
  elapsedMs: number;
  leavesPerSecond: number;
  /** How the leaves were hashed: by the native/ledger-hash addon, or in JavaScript (slower) with the reason. */
  hashing: { by: 'native'; reason: null } | { by: 'javascript'; reason: string };
}

export interface VerifyOptions {
  /** Verifier keys known from outside the database: the anchor of trust. */
  anchorKeys?: string[];
  /** The signing key file; its public half anchors trust when no key is given. */
  keyFile?: string;
  /** Hashing threads, this one included (1 or 0: this thread alone). Default: one per core. */
  workers?: number;
  /** Leaves per chunk, a power of two: small enough that the threads finish together. */
  chunkSize?: number;
}

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** Complete subtrees of the chunks done so far: the compact range at a chunk boundary. */
class Outer {
  levels: number[] = [];
  hashes: Buffer[] = [];
  push(level: number, hash: Uint8Array) {
    let h: Buffer = Buffer.from(hash);
    let l = level;
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] === l) {
      this.levels.pop();
      h = nodeHash(this.hashes.pop()!, h);
      l++;
    }
    this.levels.push(l);
    this.hashes.push(h);
  }
  rootWith(tail: ChunkSubtree[]): Buffer {
    return foldSubtrees([...this.hashes, ...tail.map((t) => t.hash)]);
  }
}

interface SignedRoot {
  size: number;
  root: Buffer;
  ok: boolean;
}

export async function verifyLedger(db: AnyDb, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const t0 = performance.now();
  // The worker threads start while this thread reads the keys and checkpoints, and hashes the first chunks.
  const pool = new HashPool(opts.workers ?? defaultPoolSize());
  try {
    return await verifyWith(db, opts, pool, t0);
  } finally {
    await pool.close();
  }
}

async function verifyWith(db: AnyDb, opts: VerifyOptions, pool: HashPool, t0: number): Promise<VerifyReport> {
  const chunk = opts.chunkSize ?? 16_384;
  if (!Number.isInteger(Math.log2(chunk))) throw new Error('chunk size must be a power of two');
  const problems: VerifyProblem[] = [];
  const add = (p: VerifyProblem) => problems.push(p);
  const state = await readState(db);
  const origin = state.origin;

  // --- keys: the chain of signing keys, anchored outside the database when possible
  const keyRows = (await readKeys(db)).filter((k) => k.status !== 'pending' && k.firstSize != null).sort((a, b) => a.firstSize! - b.firstSize!);
  const verifiers = new Map<string, NoteVerifier>(keyRows.map((k) => [k.vkey, verifierFromKey(k.vkey)]));
  let anchor: TrustAnchor = 'database';
  let anchorVkeys: string[] = keyRows.map((k) => k.vkey);
  if (opts.anchorKeys && opts.anchorKeys.length > 0) {
    anchor = 'given-keys';
    anchorVkeys = opts.anchorKeys.map((k) => verifierFromKey(k.trim()).vkey);
  } else if (opts.keyFile) {
    try {
      anchorVkeys = [readSigningKey(opts.keyFile).verifier.vkey];
      anchor = 'key-file';
    } catch {
      // No readable key file here (another host, or no permission): fall back to the keys the database lists.
    }
  }
  const trusted = new Set(anchorVkeys.filter((v) => verifiers.has(v)));
  if (keyRows.length > 0 && trusted.size === 0) {
    add({ code: 'key-anchor', message: bi('给定的验证密钥都不是本账本的签名密钥', 'None of the given verifier keys is a signing key of this ledger') });
  }

  // --- checkpoints: read them all, note each signed root
  const cpNotes = new Map<number, string>();
  const signed: SignedRoot[] = [];
  for (let after = -1; ; ) {
    const page = await checkpointPage(db, after, 5000);
    if (page.length === 0) break;
    for (const c of page) {
      cpNotes.set(c.treeSize, c.note);
      signed.push({ size: c.treeSize, root: c.rootHash, ok: true });
    }
    after = page[page.length - 1].treeSize;
  }

  // The latest checkpoint lives in the state row until the history keeps it.
  if (state.checkpoint && !cpNotes.has(state.treeSize)) {
    cpNotes.set(state.treeSize, state.checkpoint);
    signed.push({ size: state.treeSize, root: state.rootHash, ok: true });
  }

  // A key hand-over is a checkpoint signed by the outgoing and the incoming key: trust flows both ways across it.
  const handovers: [KeyRow, KeyRow, boolean][] = [];
  for (let i = 0; i + 1 < keyRows.length; i++) {
    const [a, b] = [keyRows[i], keyRows[i + 1]];
    const note = cpNotes.get(b.firstSize!);
    const good = !!note && openCheckpoint(note, [verifiers.get(a.vkey)!], origin ?? undefined).ok && openCheckpoint(note, [verifiers.get(b.vkey)!], origin ?? undefined).ok;
    handovers.push([a, b, good]);
    if (!good) {
      add({ code: 'key-chain', checkpointSize: b.firstSize!, message: bi(`大小为 ${b.firstSize} 的交接检查点未由新旧两把密钥共同签署`, `The hand-over checkpoint of size ${b.firstSize} is not signed by both the outgoing and the incoming key`) });
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b, good] of handovers) {
      if (!good) continue;
      if (trusted.has(a.vkey) !== trusted.has(b.vkey)) {
        trusted.add(a.vkey);
        trusted.add(b.vkey);
        changed = true;
      }
    }
  }

  const keyFor = (size: number) => keyRows.filter((k) => k.firstSize! <= size && (k.lastSize == null || size <= k.lastSize) && trusted.has(k.vkey)).map((k) => verifiers.get(k.vkey)!);
  for (const s of signed) {
    const o = openCheckpoint(cpNotes.get(s.size)!, keyFor(s.size), origin ?? undefined);
    if (!o.ok) {
      s.ok = false;
      add({ code: 'checkpoint-signature', checkpointSize: s.size, message: bi(`大小为 ${s.size} 的检查点未通过验证：${o.reason}`, `The checkpoint of size ${s.size} does not verify: ${o.reason}`) });
    } else if (o.checkpoint.size !== s.size || !o.checkpoint.rootHash.equals(s.root)) {
      s.ok = false;
      add({ code: 'checkpoint-signature', checkpointSize: s.size, message: bi(`大小为 ${s.size} 的检查点行与其签名内容不符`, `The stored columns of checkpoint ${s.size} differ from what its signature covers`) });
    } else {
      s.root = o.checkpoint.rootHash;
    }
  }
  cpNotes.clear();

  // --- the entries: recompute every root
  const marksBySize = new Map<number, SignedRoot>(signed.filter((s) => s.ok && s.size > 0).map((s) => [s.size, s]));
  const sizes = [...marksBySize.keys()].sort((a, b) => a - b);
  const recomputed = new Map<number, boolean>();
  const outer = new Outer();
  let position = 0;
  let nextIdx = 0;
  let gapAt: number | null = null;
  let sizeCursor = 0;
  const inflight: Promise<ChunkResult>[] = [];
  const consume = (r: ChunkResult) => {
    if (r.badAt >= 0) {
      add({ code: 'entry-out-of-place', index: r.start + r.badAt, message: bi(`第 ${r.start + r.badAt} 条记录所载的序号与其位置不符（被移动或替换）`, `Entry ${r.start + r.badAt} does not carry its own index: it was moved or replaced`) });
    }
    for (const m of r.marks) {
      const s = marksBySize.get(r.start + m.k)!;
      recomputed.set(s.size, outer.rootWith(m.subtrees).equals(s.root));
    }
    if (r.count === chunk) outer.push(Math.log2(chunk), r.subtrees[0].hash);
    else for (const t of r.subtrees) outer.push(t.level, t.hash);
  };
  const file = sqliteFileOf(db);
  try {
    if (file) {
      // SQLite: the workers read and hash aligned ranges of indexes; a deleted entry shows as a gap in its range.
      const max = await maxEntryIndex(db);
      const end = max === null ? 0 : max + 1;
      const ranges: Promise<RangeResult>[] = [];
      const take = (r: RangeResult) => {
        if (gapAt === null && r.gapAt >= 0) gapAt = r.gapAt;
        position += r.count;
        consume(r);
      };
      for (let from = 0; from < end; from += chunk) {
        const to = Math.min(end, from + chunk);
        const marks: number[] = [];
        while (sizeCursor < sizes.length && sizes[sizeCursor] <= to) marks.push(sizes[sizeCursor++] - from);
        ranges.push(pool.runRange({ kind: 'range', file, from, to, marks }));
        while (ranges.length > 2 * Math.max(1, pool.threads)) take(await ranges.shift()!);
      }
      while (ranges.length > 0) take(await ranges.shift()!);
    } else {
      for (;;) {
        const rows = await entryPage(db, nextIdx, chunk);
        if (rows.length === 0) break;
        let total = 0;
        for (const r of rows) total += r.leaf.length + 1;
        const data = new Uint8Array(total);
        const offsets = new Uint32Array(rows.length + 1);
        let o = 0;
        for (let i = 0; i < rows.length; i++) {
          const idx = Number(rows[i].idx);
          if (gapAt === null && idx !== position + i) gapAt = position + i;
          offsets[i] = o;
          data[o] = 0;
          data.set(rows[i].leaf, o + 1);
          o += rows[i].leaf.length + 1;
        }
        offsets[rows.length] = o;
        const marks: number[] = [];
        while (sizeCursor < sizes.length && sizes[sizeCursor] <= position + rows.length) marks.push(sizes[sizeCursor++] - position);
        inflight.push(pool.run({ start: position, count: rows.length, data: data.buffer, offsets: offsets.buffer, marks }));
        nextIdx = Number(rows[rows.length - 1].idx) + 1;
        position += rows.length;
        while (inflight.length > Math.max(1, pool.threads) + 1) consume(await inflight.shift()!);
        if (rows.length < chunk) break;
      }
      while (inflight.length > 0) consume(await inflight.shift()!);
    }
  } finally {
    await pool.close();
  }
  const entryCount = position;

  if (gapAt !== null) add({ code: 'entry-missing', index: gapAt, message: bi(`第 ${gapAt} 条记录缺失（被删除）`, `Entry ${gapAt} is missing: it was deleted`) });
  const latest = signed.length ? signed[signed.length - 1].size : 0;
  if (gapAt === null && entryCount < latest) add({ code: 'entry-missing', index: entryCount, message: bi(`第 ${entryCount} 条及之后的记录缺失`, `Entries from ${entryCount} on are missing`) });
  if (entryCount > latest) add({ code: 'entries-beyond-checkpoint', index: latest, message: bi(`第 ${latest} 条起的记录不在任何已签名检查点内`, `Entries from ${latest} on are in no signed checkpoint`) });

  // --- name the first bad entry behind the first root that does not match
  let lastGood = 0;
  for (const size of sizes) {
    if (recomputed.get(size) === true) {
      lastGood = size;
      continue;
    }
    // Every entry below the last matching checkpoint is sound: the culprit lies in [lastGood, size).
    const bad = await firstBadEntry(db, lastGood, size);
    add({
      code: 'root-mismatch',
      checkpointSize: size,
      ...(bad ? {} : { index: lastGood }),
      message: bad
        ? bi(`从存储的记录重算的树根与大小为 ${size} 的签名检查点不符`, `The root recomputed from the stored entries differs from the signed checkpoint of size ${size}`)
        : bi(`记录 ${lastGood} 至 ${size - 1} 与大小为 ${size} 的签名检查点不符，且节点表也被改写`, `Entries ${lastGood} to ${size - 1} do not lead to the signed checkpoint of size ${size}, and the node table was rewritten to match them`),
    });
    if (bad) add(bad);
    break;
  }

  // --- the node table must lead to the latest signed root, or proofs served from it would fail
  if (latest > 0 && signed[signed.length - 1].ok) {
    const ids = frontierOf(latest).map(subtreeKey);
    const found = await nodesByIds(db, ids);
    const hs = ids.map((id) => found.get(id));
    if (hs.some((h) => !h) || !foldSubtrees(hs as Buffer[]).equals(signed[signed.length - 1].root)) {
      add({ code: 'node-table', message: bi('节点表与最新签名检查点的树根不符，据此给出的证明将无法验证', 'The node table does not lead to the latest signed root; proofs served from it would not verify') });
    }
  }

  // --- every key was announced in the log, with its digest
  for (const k of keyRows) {
    if (k.announcedAtIndex == null) {
      add({ code: 'key-chain', message: bi(`密钥 ${k.name}+${k.keyId} 未在账本中公告`, `Key ${k.name}+${k.keyId} was never announced in the log`) });
      continue;
    }
    const [e] = await readEntries(db, k.announcedAtIndex, k.announcedAtIndex + 1);
    const d = e ? decodeLeaf(e.leaf) : null;
    if (!d?.ok || !d.leaf.type.startsWith('ledger/key.') || d.leaf.subjectRef !== keyRef(k.keyId) || d.leaf.digest !== digestOf(k.vkey)) {
      add({ code: 'key-chain', index: k.announcedAtIndex, message: bi(`第 ${k.announcedAtIndex} 条记录不是密钥 ${k.keyId} 的公告`, `Entry ${k.announcedAtIndex} is not the announcement of key ${k.keyId}`) });
    }
  }

  const indexes = problems.map((p) => p.index).filter((i): i is number => i !== undefined);
  const elapsedMs = performance.now() - t0;
  return {
    ok: problems.length === 0,
    origin,
    treeSize: state.treeSize,
    entries: entryCount,
    checkpoints: signed.length,
    firstBadIndex: indexes.length ? Math.min(...indexes) : null,
    problems,
    anchor,
    keys: (await readKeys(db)).map((k) => ({ vkey: k.vkey, status: k.status, firstSize: k.firstSize, lastSize: k.lastSize, trusted: trusted.has(k.vkey) })),
    elapsedMs,
    leavesPerSecond: elapsedMs > 0 ? Math.round((entryCount / elapsedMs) * 1000) : 0,
    hashing: native ? { by: 'native', reason: null } : { by: 'javascript', reason: nativeUnavailable ?? 'not built' },
  };
}

/** Walks [from, to) by index: the first entry missing, out of place, or unlike the leaf hash stored when it was integrated. */
async function firstBadEntry(db: AnyDb, from: number, to: number): Promise<VerifyProblem | null> {
  const PAGE = 5000;
  for (let a = from; a < to; a += PAGE) {
    const b = Math.min(to, a + PAGE);
    const rows = new Map((await readEntries(db, a, b)).map((r) => [r.idx, r.leaf]));
    const stored = await leafHashes(db, a, b);
    for (let i = a; i < b; i++) {
      const leaf = rows.get(i);
      if (!leaf) return { code: 'entry-missing', index: i, message: bi(`第 ${i} 条记录缺失（被删除）`, `Entry ${i} is missing: it was deleted`) };
      const d = decodeLeaf(leaf);
      if (d.ok && d.leaf.index !== i) return { code: 'entry-out-of-place', index: i, message: bi(`第 ${i} 条位置上是第 ${d.leaf.index} 条记录（被移动）`, `Entry ${i} holds the leaf of index ${d.leaf.index}: it was moved`) };
      const h = stored.get(i);
      if (!h || !leafHash(leaf).equals(h)) return { code: 'entry-altered', index: i, message: bi(`第 ${i} 条记录在写入账本后被改动`, `Entry ${i} was altered after it was integrated`) };
    }
  }
  return null;
}
