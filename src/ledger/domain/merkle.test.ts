import { describe, expect, it } from 'vitest';
import { hex, readVectorJson } from '../test-vectors.js';
import {
  CompactRange,
  consistencyRanges,
  EMPTY_ROOT,
  foldSubtrees,
  inclusionRanges,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
  subtreesOf,
  verifyConsistency,
  verifyInclusion,
  type LeafRange,
} from './merkle.js';

/** Resolves ranges against leaf hashes in memory, as the store does against its node table. */
function materialise(leaves: Buffer[], ranges: LeafRange[]): Buffer[] {
  return ranges.map((r) => rootFromLeafHashes(leaves.slice(r.lo, r.hi)));
}

describe('RFC 6962 hashing (rfc6962/hasher.json)', () => {
  const v = readVectorJson('rfc6962/hasher.json');
  it('hashes the empty tree to SHA-256("")', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(v.empty_hash);
  });
  it.each(v.leaf_hashes as { data_hex: string; leaf_hash: string }[])('leaf hash of 0x$data_hex', (l) => {
    expect(leafHash(hex(l.data_hex)).toString('hex')).toBe(l.leaf_hash);
  });
  it('hashes an interior node as SHA-256(0x01 || left || right)', () => {
    for (const n of v.node_hashes) expect(nodeHash(hex(n.left), hex(n.right)).toString('hex')).toBe(n.node_hash);
  });
});

describe('the 8-leaf reference tree (rfc6962/tree-8-leaves.json)', () => {
  const t = readVectorJson('rfc6962/tree-8-leaves.json');
  const leaves: Buffer[] = t.leaves.map((l: { data_hex: string }) => leafHash(hex(l.data_hex)));

  it('hashes every leaf', () => {
    t.leaves.forEach((l: { leaf_hash: string }, i: number) => expect(leaves[i].toString('hex')).toBe(l.leaf_hash));
  });
  it('has the published root at every size 0..8', () => {
    for (const r of t.roots) expect(rootFromLeafHashes(leaves.slice(0, r.tree_size)).toString('hex')).toBe(r.root);
  });
  it('has the published complete subtree hashes, and an append-only compact range reproduces them', () => {
    const c = new CompactRange(0);
    const closed = new Map<string, string>();
    for (const l of leaves) for (const x of c.append(l)) closed.set(`${x.id.level}/${x.id.index}`, x.hash.toString('hex'));
    for (const [name, list] of Object.entries(t.complete_subtree_hashes)) {
      if (!name.startsWith('level_')) continue;
      (list as string[]).forEach((h, j) => expect(closed.get(`${Number(name.slice(6))}/${j}`)).toBe(h));
    }
  });
  it('folds a compact range to the root at every size, and restarts from a stored frontier', () => {
    for (let n = 0; n <= 8; n++) {
      const c = new CompactRange(0);
      leaves.slice(0, n).forEach((l) => c.append(l));
      expect(c.root().toString('hex')).toBe(t.roots[n].root);
      const again = new CompactRange(n, c.frontier());
      for (const l of leaves.slice(n)) again.append(l);
      expect(again.root().toString('hex')).toBe(t.roots[8].root);
      expect(foldSubtrees(subtreesOf({ lo: 0, hi: n }).map((s) => rootFromLeafHashes(leaves.slice(s.index * 2 ** s.level, (s.index + 1) * 2 ** s.level))))).toEqual(c.root());
    }
  });

  const inc = readVectorJson('rfc6962/inclusion-proofs.json');
  it.each(inc.vectors as { leaf_index: number; tree_size: number; audit_path: string[]; leaf_hash: string; root: string }[])(
    'inclusion proof of leaf $leaf_index in size $tree_size: generated and verified',
    (x) => {
      expect(materialise(leaves, inclusionRanges(x.leaf_index, x.tree_size)).map((b) => b.toString('hex'))).toEqual(x.audit_path);
      expect(verifyInclusion(x.leaf_index, x.tree_size, hex(x.leaf_hash), x.audit_path.map(hex), hex(x.root))).toEqual({ ok: true });
    },
  );

  const con = readVectorJson('rfc6962/consistency-proofs.json');
  it.each(con.vectors as { size1: number; size2: number; proof: string[]; root1: string; root2: string }[])('consistency proof $size1 -> $size2: generated and verified', (x) => {
    expect(materialise(leaves, consistencyRanges(x.size1, x.size2)).map((b) => b.toString('hex'))).toEqual(x.proof);
    expect(verifyConsistency(x.size1, x.size2, x.proof.map(hex), hex(x.root1), hex(x.root2))).toEqual({ ok: true });
  });

  it('generates and verifies every inclusion and consistency proof in the tree', () => {
    const roots = t.roots.map((r: { root: string }) => hex(r.root));
    for (let n = 1; n <= 8; n++) {
      for (let i = 0; i < n; i++) expect(verifyInclusion(i, n, leaves[i], materialise(leaves, inclusionRanges(i, n)), roots[n])).toEqual({ ok: true });
      for (let m = 1; m <= n; m++) expect(verifyConsistency(m, n, materialise(leaves, consistencyRanges(m, n)), roots[m], roots[n])).toEqual({ ok: true });
    }
  });
});

interface InclusionProbe {
  file: string;
  desc: string;
  want_error: boolean;
  leaf_index: number;
  tree_size: number;
  leaf_hash: string;
  root: string;
  proof: string[];
}
interface ConsistencyProbe {
  file: string;
  desc: string;
  want_error: boolean;
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[];
}

describe('golden inclusion probes (rfc6962/golden-inclusion-probes.json)', () => {
  const probes = readVectorJson('rfc6962/golden-inclusion-probes.json').probes as InclusionProbe[];
  it('holds 98 probes', () => expect(probes).toHaveLength(98));
  it.each(probes.map((p) => [p.file, p] as const))('%s', (_f, p) => {
    const r = verifyInclusion(p.leaf_index, p.tree_size, hex(p.leaf_hash), p.proof.map(hex), hex(p.root));
    expect(r.ok).toBe(!p.want_error);
  });
});

describe('golden consistency probes (rfc6962/golden-consistency-probes.json)', () => {
  const probes = readVectorJson('rfc6962/golden-consistency-probes.json').probes as ConsistencyProbe[];
  it('holds 98 probes', () => expect(probes).toHaveLength(98));
  it.each(probes.map((p) => [p.file, p] as const))('%s', (_f, p) => {
    const r = verifyConsistency(p.size1, p.size2, p.proof.map(hex), hex(p.root1), hex(p.root2));
    expect(r.ok).toBe(!p.want_error);
  });
});

describe('a real proof from a production CT log (rfc6962/ct-log-inclusion.json)', () => {
  const v = readVectorJson('rfc6962/ct-log-inclusion.json');
  const leaf = leafHash(hex(v.leaf_input_hex));
  const proof = (v.audit_path as string[]).map(hex);
  it('hashes the MerkleTreeLeaf to the published leaf hash', () => expect(leaf.toString('hex')).toBe(v.leaf_hash));
  it(`verifies leaf ${v.leaf_index} in a tree of ${v.tree_size}`, () => {
    expect(verifyInclusion(v.leaf_index, v.tree_size, leaf, proof, hex(v.root))).toEqual({ ok: true });
  });
  it('rejects a flipped bit, a wrong index and a truncated path, with the reason', () => {
    const flipped = proof.map((p, i) => (i === 7 ? Buffer.from(p.map((b, j) => (j === 0 ? b ^ 1 : b))) : p));
    expect(verifyInclusion(v.leaf_index, v.tree_size, leaf, flipped, hex(v.root))).toMatchObject({ ok: false, reason: /root differs/ });
    expect(verifyInclusion(v.leaf_index + 1, v.tree_size, leaf, proof, hex(v.root)).ok).toBe(false);
    expect(verifyInclusion(v.leaf_index, v.tree_size, leaf, proof.slice(0, -1), hex(v.root))).toMatchObject({ ok: false, reason: /too short/ });
  });
});
