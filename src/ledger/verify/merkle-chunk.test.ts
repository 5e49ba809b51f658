import { describe, expect, it } from 'vitest';
import { encodeLeaf } from '../domain/leaf.js';
import { foldSubtrees, leafHash, rootFromLeafHashes, subtreesOf } from '../domain/merkle.js';
import { framedChunk, hashChunk } from './merkle-chunk.js';
import { native, nativeUnavailable } from './sha256-native.js';

function pack(leaves: Buffer[]) {
  const data = new Uint8Array(leaves.reduce((n, l) => n + l.length + 1, 0));
  const offsets = new Uint32Array(leaves.length + 1);
  let o = 0;
  leaves.forEach((l, i) => {
    offsets[i] = o;
    data.set(l, o + 1);
    o += l.length + 1;
  });
  offsets[leaves.length] = o;
  return { data: data.buffer, offsets: offsets.buffer };
}

const event = { type: 'vault/view', actorRef: 'user:ab', subjectRef: 'captured-segment:1', at: '2026-06-01T08:00:00.000Z' };

// The addon's path and the JavaScript one the verifier falls back on must agree.
const paths = [
  { name: 'with the batched SHA-256 addon', addon: native! },
  { name: 'in JavaScript', addon: null },
];

describe('the batched SHA-256 addon', () => {
  it('is built by npm ci and loads, so the verifier runs at its full speed', () => {
    expect(nativeUnavailable).toBeNull();
    expect(typeof native?.hashRecords).toBe('function');
  });
});

describe.each(paths)('hashing a chunk of leaves (the verifier’s inner loop), $name', ({ addon }) => {
  const hashChunkHere = (task: Parameters<typeof hashChunk>[0]) => hashChunk(task, addon);

  it('gives the complete subtrees of every prefix, and every node of every level', () => {
    for (const count of [1, 2, 3, 7, 8, 13, 64, 100]) {
      const start = 1024;
      const leaves = Array.from({ length: count }, (_, i) => encodeLeaf(start + i, event));
      const hashes = leaves.map((l) => leafHash(l));
      const marks = Array.from({ length: count }, (_, k) => k + 1);
      const r = hashChunkHere({ start, count, ...pack(leaves), marks, levels: true });
      expect(r.badAt).toBe(-1);
      for (const m of r.marks) expect(foldSubtrees(m.subtrees.map((s) => s.hash))).toEqual(rootFromLeafHashes(hashes.slice(0, m.k)));
      expect(r.subtrees.map((s) => s.level)).toEqual(subtreesOf({ lo: 0, hi: count }).map((s) => s.level));
      r.levels!.forEach((lv, L) => {
        const w = 2 ** L;
        for (let j = 0; j < Math.floor(count / w); j++) expect(Buffer.from(lv.subarray(j * 32, j * 32 + 32))).toEqual(rootFromLeafHashes(hashes.slice(j * w, (j + 1) * w)));
      });
    }
  });

  it('points at the first leaf that does not carry its own index', () => {
    const leaves = [0, 1, 2, 9, 4].map((i) => encodeLeaf(i, event));
    expect(hashChunkHere({ start: 0, count: 5, ...pack(leaves), marks: [] }).badAt).toBe(3);
    expect(hashChunkHere({ start: 0, count: 1, ...pack([Buffer.from('junk')]), marks: [] }).badAt).toBe(0);
  });
});

describe('reading and hashing a page at a time with the addon', () => {
  it('gives the same subtrees fed page by page as in one chunk', () => {
    const start = 4096;
    const leaves = Array.from({ length: 300 }, (_, i) => encodeLeaf(start + i, event));
    const marks = [1, 5, 128, 299, 300];
    const whole = hashChunk({ start, count: 300, ...pack(leaves), marks, levels: true }, null);
    const c = framedChunk(start, 300, native!);
    for (let a = 0; a < 300; a += 64) {
      const page = leaves.slice(a, a + 64);
      c.add(page.map((l) => l.length).join(','), Buffer.concat(page));
    }
    c.add(null, null);
    expect(c.finish({ marks, levels: true })).toEqual(whole);
  });
});
