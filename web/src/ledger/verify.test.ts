import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mth, path, subproof } from './verify.test-trees';
import { bytesOfBase64, bytesOfHex, hexOf, leafHash, nodeHash, openCheckpoint, openNote, parseCheckpoint, parseVerifierKey, verifyConsistency, verifyInclusion, type VerifierKey } from './verify';

/** The public conformance vectors beside the repository (see ../shared/vectors/README.md). */
const ROOT = [process.env.JIFANG_VECTORS_DIR, new URL('../../../../shared/vectors/', import.meta.url).pathname, new URL('../../../../../shared/vectors/', import.meta.url).pathname].find(
  (p): p is string => !!p && fs.existsSync(p),
)!;
const json = (rel: string) => JSON.parse(fs.readFileSync(`${ROOT}/${rel}`, 'utf8'));
const bytes = (rel: string) => new Uint8Array(fs.readFileSync(`${ROOT}/${rel}`));
const hexes = (a: string[]) => a.map(bytesOfHex);

describe('RFC 6962 hashing with Web Crypto', () => {
  it('gives the hasher vectors: the leaf hash SHA-256(0x00 || d) and node hash SHA-256(0x01 || l || r)', async () => {
    const h = json('rfc6962/hasher.json');
    for (const l of h.leaf_hashes) expect(hexOf(await leafHash(bytesOfHex(l.data_hex)))).toBe(l.leaf_hash);
    for (const n of h.node_hashes) expect(hexOf(await nodeHash(bytesOfHex(n.left), bytesOfHex(n.right)))).toBe(n.node_hash);
  });
  it('gives the leaf hashes of the 8-leaf reference tree', async () => {
    const t = json('rfc6962/tree-8-leaves.json');
    for (const l of t.leaves) expect(hexOf(await leafHash(bytesOfHex(l.data_hex)))).toBe(l.leaf_hash);
  });
});

describe('inclusion proofs in the browser verifier', () => {
  it('accepts every audit path of the reference tree', async () => {
    for (const v of json('rfc6962/inclusion-proofs.json').vectors) {
      expect(await verifyInclusion(v.leaf_index, v.tree_size, bytesOfHex(v.leaf_hash), hexes(v.audit_path), bytesOfHex(v.root))).toEqual({ ok: true });
    }
  });
  it('accepts the real proof from a production CT log (tree size 3,630,887)', async () => {
    const c = json('rfc6962/ct-log-inclusion.json');
    expect(hexOf(await leafHash(bytesOfHex(c.leaf_input_hex)))).toBe(c.leaf_hash);
    expect(await verifyInclusion(c.leaf_index, c.tree_size, bytesOfHex(c.leaf_hash), hexes(c.audit_path), bytesOfHex(c.root))).toEqual({ ok: true });
  });
  it('answers every golden probe of transparency-dev/merkle as it expects', async () => {
    const probes = json('rfc6962/golden-inclusion-probes.json').probes;
    expect(probes.length).toBe(98);
    for (const p of probes) {
      const r = await verifyInclusion(p.leaf_index, p.tree_size, bytesOfHex(p.leaf_hash), hexes(p.proof), bytesOfHex(p.root));
      expect(r.ok, `${p.file}: ${p.desc}`).toBe(!p.want_error);
    }
  });
});

describe('consistency proofs in the browser verifier', () => {
  it('accepts every consistency proof of the reference tree', async () => {
    for (const v of json('rfc6962/consistency-proofs.json').vectors) {
      expect(await verifyConsistency(v.size1, v.size2, hexes(v.proof), bytesOfHex(v.root1), bytesOfHex(v.root2))).toEqual({ ok: true });
    }
  });
  it('answers every golden probe as it expects (size 0 refused, equal sizes need an empty proof)', async () => {
    const probes = json('rfc6962/golden-consistency-probes.json').probes;
    expect(probes.length).toBe(98);
    for (const p of probes) {
      const r = await verifyConsistency(p.size1, p.size2, hexes(p.proof), bytesOfHex(p.root1), bytesOfHex(p.root2));
      expect(r.ok, `${p.file}: ${p.desc}`).toBe(!p.want_error);
    }
  });
});

describe('C2SP signed notes and checkpoints with Ed25519 in Web Crypto', () => {
  const keyText = new Map<string, string>(json('checkpoint/keys.json').keys.map((k: { label: string; vkey: string }) => [k.label, k.vkey]));
  const key = (label: string) => parseVerifierKey(keyText.get(label)!);
  const keys = (labels: string[]) => Promise.all(labels.map(key));

  it('reads a verifier key and refuses one whose id does not belong to its name and key', async () => {
    expect(await key('PeterNeumann')).toMatchObject({ name: 'PeterNeumann', keyId: 'c74f20a3' });
    await expect(parseVerifierKey(keyText.get('PeterNeumann')!.replace('c74f20a3', 'c74f20a4'))).rejects.toThrow(/does not belong/);
  });

  it('opens every Ed25519 note as signed-notes.json expects, with the signatures it names', async () => {
    const notes = json('checkpoint/signed-notes.json').notes.filter((n: { non_ed25519?: boolean }) => !n.non_ed25519);
    expect(notes.length).toBe(8);
    for (const n of notes) {
      for (const c of n.cases) {
        const o = await openNote(bytes(`checkpoint/${n.file}`), await keys(c.verifiers));
        // A wrong origin is a checkpoint's rejection, not the note's.
        expect(o.ok, `${n.file} with ${c.verifiers}`).toBe(c.expect === 'accept' || c.reject_reason === 'origin_mismatch');
        if (o.ok) {
          if (c.verified) expect(o.verified.map((v) => v.name)).toEqual(c.verified);
        } else expect(o.code).toBe(c.reject_reason);
        if (n.kind === 'checkpoint' && c.expected_origin) {
          const cp = await openCheckpoint(bytes(`checkpoint/${n.file}`), await keys(c.verifiers), c.expected_origin);
          expect(cp.ok, `${n.file} origin ${c.expected_origin}`).toBe(c.expect === 'accept');
        }
      }
    }
  });

  it('rejects each of the 12 malformed notes for the reason given (the one valid duplicate case accepted)', async () => {
    const cases = json('checkpoint/malformed-notes.json').cases;
    expect(cases.length).toBe(12);
    for (const c of cases) {
      const o = await openNote(bytesOfBase64(c.note_b64)!, await keys(c.verifiers));
      expect(o.ok, c.desc).toBe(c.expect === 'accept');
      if (!o.ok) expect(o.code, c.desc).toBe(c.reject_reason);
    }
  });

  it('parses the checkpoint bodies strictly, as checkpoint-bodies.json expects of a SHA-256 log', async () => {
    for (const c of json('checkpoint/checkpoint-bodies.json').cases) {
      const p = parseCheckpoint(c.body);
      expect(p.ok, c.desc).toBe(c.strict_expect === 'accept');
      if (p.ok && c.root_is_leaf_hash_of_ascii !== undefined) {
        expect(p.checkpoint.rootHash).toEqual(await leafHash(new TextEncoder().encode(c.root_is_leaf_hash_of_ascii)));
        expect(p.checkpoint.origin).toBe(c.origin);
        expect(String(p.checkpoint.size)).toBe(c.tree_size);
      }
    }
  });

  it('verifies the serverless log: every checkpoint signed by its key, its root that of the entries, and consistent with each later one', async () => {
    const log = json('checkpoint/serverless-log/log.json');
    const k: VerifierKey = await parseVerifierKey(keyText.get(log.verifier)!);
    const leaves = await Promise.all(log.entries.map((e: string) => leafHash(new TextEncoder().encode(e))));
    const cps = [];
    for (const c of log.checkpoints) {
      const o = await openCheckpoint(bytes(`checkpoint/${c.file}`), [k], log.origin);
      expect(o.ok, c.file).toBe(true);
      if (!o.ok) return;
      expect(Number(o.checkpoint.size)).toBe(c.tree_size);
      expect(o.checkpoint.rootHash).toEqual(mth(leaves.slice(0, c.tree_size)));
      cps.push(o.checkpoint);
    }
    for (let m = 1; m < cps.length; m++) {
      for (let n = m; n < cps.length; n++) {
        expect((await verifyConsistency(m, n, subproof(m, leaves.slice(0, n), true), cps[m].rootHash, cps[n].rootHash)).ok, `${m} → ${n}`).toBe(true);
      }
      expect((await verifyInclusion(m - 1, cps.length - 1, leaves[m - 1], path(m - 1, leaves), cps[cps.length - 1].rootHash)).ok).toBe(true);
    }
  });
});

