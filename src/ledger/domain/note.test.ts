import { describe, expect, it } from 'vitest';
import { hex, readVectorBytes, readVectorJson } from '../test-vectors.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint } from './checkpoint.js';
import { consistencyRanges, inclusionRanges, leafHash, rootFromLeafHashes, verifyConsistency, verifyInclusion, EMPTY_ROOT } from './merkle.js';
import { ed25519KeyId, generateNoteKey, noteText, openNote, parseVerifierKey, signerFromKey, signNote, verifierFromKey, type NoteVerifier } from './note.js';

interface KeyVector {
  label: string;
  vkey: string;
  skey?: string;
  seed_hex?: string;
}
const keyVectors = readVectorJson('checkpoint/keys.json').keys as KeyVector[];
const verifiers = new Map<string, NoteVerifier>(keyVectors.map((k) => [k.label, verifierFromKey(k.vkey)]));
const trusted = (labels: string[]) => labels.map((l) => verifiers.get(l)!);

/** The Go private-key text for a raw Ed25519 seed. */
function skeyFromSeed(name: string, seed: Buffer, keyId: string) {
  return `PRIVATE+KEY+${name}+${keyId}+${Buffer.concat([Buffer.from([1]), seed]).toString('base64')}`;
}

describe('verifier keys (checkpoint/keys.json)', () => {
  it.each(keyVectors.map((k) => [k.label, k] as const))('%s: parses, and its key id is the one the spec defines', (_l, k) => {
    const v = verifierFromKey(k.vkey);
    const p = parseVerifierKey(k.vkey);
    expect(v.keyId).toBe(k.vkey.split('+')[1]);
    if (p.type === 1) expect(ed25519KeyId(p.name, p.key).toString('hex')).toBe(v.keyId);
  });

  it('splits on the first two "+" only: the sum.golang.org key has "+" in its base64', () => {
    const p = parseVerifierKey(verifiers.get('sum.golang.org')!.vkey);
    expect(p).toMatchObject({ name: 'sum.golang.org', keyId: '033de0ae', type: 1 });
    expect(p.key).toHaveLength(32);
  });

  it.each(keyVectors.filter((k) => k.skey || k.seed_hex).map((k) => [k.label, k] as const))('%s: the private key gives back the published verifier key', (_l, k) => {
    const v = verifiers.get(k.label)!;
    const s = signerFromKey(k.skey ?? skeyFromSeed(v.name, hex(k.seed_hex!), v.keyId));
    expect(s.verifier.vkey).toBe(k.vkey);
  });

  it('refuses a key whose id does not match, and a foreign signature type to sign with', () => {
    const good = verifiers.get('PeterNeumann')!.vkey;
    expect(() => verifierFromKey(good.replace('c74f20a3', 'c74f20a4'))).toThrow(/key id/);
    expect(() => verifierFromKey('Bad Name+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/name/);
    expect(() => verifierFromKey('x+00000000+BAAA')).toThrow(/not supported/);
  });

  it('generates keys that sign notes it can open, and others cannot', () => {
    const a = generateNoteKey('jifang.test/ledger');
    const b = generateNoteKey('jifang.test/ledger');
    const note = signNote('hello\n', [signerFromKey(a.skey)]);
    expect(openNote(note, [verifierFromKey(a.vkey)])).toMatchObject({ ok: true, verified: [{ name: 'jifang.test/ledger' }] });
    expect(openNote(note, [verifierFromKey(b.vkey)])).toMatchObject({ ok: false, code: 'no_trusted_signature' });
  });
});

interface NoteCase {
  verifiers: string[];
  expect: 'accept' | 'reject';
  reject_reason?: string;
  verified?: string[];
  unverified?: string[];
  expected_origin?: string;
}
interface NoteVector {
  file: string;
  kind: 'note' | 'checkpoint';
  body?: { origin: string; tree_size: number; root_b64: string; extension_lines: string[] };
  expected_text?: string;
  cases: NoteCase[];
  resign_with?: string;
}

function runCase(bytes: Buffer, c: NoteCase, checkpoint: boolean) {
  const res = checkpoint ? openCheckpoint(bytes, trusted(c.verifiers), c.expected_origin) : openNote(bytes, trusted(c.verifiers));
  if (c.expect === 'accept') {
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    if (c.verified) expect(res.verified.map((s) => s.name)).toEqual(c.verified);
    if (c.unverified) expect(res.ignored.map((s) => s.name)).toEqual(c.unverified);
  } else {
    expect(res).toMatchObject({ ok: false, code: c.reject_reason });
    if (!res.ok) expect(res.reason.length).toBeGreaterThan(10);
  }
}

describe('signed notes and checkpoints (checkpoint/signed-notes.json)', () => {
  const notes = readVectorJson('checkpoint/signed-notes.json').notes as NoteVector[];
  for (const n of notes) {
    const bytes = readVectorBytes(`checkpoint/${n.file}`);
    describe(n.file, () => {
      it.each(n.cases.map((c) => [`${c.expect}${c.reject_reason ? ` (${c.reject_reason})` : ''} with [${c.verifiers.join(', ')}]`, c] as const))('%s', (_l, c) =>
        runCase(bytes, c, n.kind === 'checkpoint'),
      );
      if (n.body) {
        it('has the published checkpoint body', () => {
          const text = noteText(bytes.toString('utf8'))!;
          const p = parseCheckpoint(text);
          expect(p.ok).toBe(true);
          if (!p.ok) return;
          expect(p.checkpoint.origin).toBe(n.body!.origin);
          expect(p.sizeText).toBe(String(n.body!.tree_size));
          expect(p.checkpoint.rootHash.toString('base64')).toBe(n.body!.root_b64);
          expect(p.checkpoint.extensions).toEqual(n.body!.extension_lines);
        });
      }
      if (n.expected_text !== undefined) {
        it('splits text from signatures at the last empty line', () => {
          const res = openNote(bytes, trusted(['PeterNeumann']));
          expect(res.ok).toBe(false);
          expect(noteText(bytes.toString('utf8'))!).toBe(n.expected_text);
        });
      }
      if (n.resign_with) {
        it(`re-signing with ${n.resign_with} reproduces the signature line byte for byte`, () => {
          const k = keyVectors.find((x) => x.label === n.resign_with)!;
          const v = verifiers.get(k.label)!;
          const signer = signerFromKey(k.skey ?? skeyFromSeed(v.name, hex(k.seed_hex!), v.keyId));
          const text = noteText(bytes.toString('utf8'))!;
          const line = signNote(text, [signer]).slice(text.length + 1);
          expect(bytes.toString('utf8')).toContain(line);
        });
      }
    });
  }
});

describe('malformed and adversarial notes (checkpoint/malformed-notes.json)', () => {
  const cases = readVectorJson('checkpoint/malformed-notes.json').cases as (NoteCase & { desc: string; note_b64: string })[];
  it('holds 12 cases', () => expect(cases).toHaveLength(12));
  it.each(cases.map((c) => [c.desc, c] as const))('%s', (_d, c) => runCase(Buffer.from(c.note_b64, 'base64'), c, false));
});

describe('checkpoint bodies (checkpoint/checkpoint-bodies.json)', () => {
  const cases = readVectorJson('checkpoint/checkpoint-bodies.json').cases as { desc: string; body: string; strict_violations: string[]; strict_expect: string; expect?: string; origin?: string; tree_size?: string; root_is_leaf_hash_of_ascii?: string }[];
  it.each(cases.map((c) => [c.desc, c] as const))('%s', (_d, c) => {
    const p = parseCheckpoint(c.body);
    expect(p.ok ? [] : p.violations).toEqual([...c.strict_violations].sort());
    expect(p.ok).toBe(c.strict_expect === 'accept');
    if (c.expect) expect(p.ok).toBe(c.expect === 'accept');
    if (p.ok && c.root_is_leaf_hash_of_ascii !== undefined) {
      expect(p.checkpoint.rootHash).toEqual(leafHash(Buffer.from(c.root_is_leaf_hash_of_ascii)));
      expect(p.checkpoint.origin).toBe(c.origin);
      expect(p.sizeText).toBe(c.tree_size);
    }
  });
  it('formats what it parses', () => {
    const text = formatCheckpoint({ origin: 'go.sum database tree', size: 123456789012, rootHash: leafHash(Buffer.from('hello world')) });
    expect(text).toBe(cases[0].body);
    expect(formatCheckpoint({ origin: 'o', size: 0, rootHash: EMPTY_ROOT })).toBe('o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');
  });
});

describe('the serverless log with a signed checkpoint at every size (checkpoint/serverless-log)', () => {
  const log = readVectorJson('checkpoint/serverless-log/log.json');
  const key = verifiers.get(log.verifier)!;
  const astra = keyVectors.find((k) => k.label === 'astra')!;
  const hashes: Buffer[] = (log.entries as string[]).map((e) => leafHash(Buffer.from(e, 'utf8')));
  const roots: Buffer[] = [];
  it.each((log.checkpoints as { file: string; tree_size: number; root_b64: string }[]).map((c) => [c.tree_size, c] as const))('checkpoint.%i verifies and commits to its entries', (_n, c) => {
    const bytes = readVectorBytes(`checkpoint/${c.file}`);
    const res = openCheckpoint(bytes, [key], log.origin);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.checkpoint.size).toBe(c.tree_size);
    expect(res.checkpoint.rootHash.toString('base64')).toBe(c.root_b64);
    expect(res.checkpoint.rootHash).toEqual(rootFromLeafHashes(hashes.slice(0, c.tree_size)));
    roots[c.tree_size] = res.checkpoint.rootHash;
    // Signing the same text with the published test key gives the same bytes (Ed25519 is deterministic).
    expect(signNote(res.text, [signerFromKey(astra.skey!)])).toBe(bytes.toString('utf8'));
  });
  it('proves every leaf in, and every size consistent with, the signed roots', () => {
    const mat = (rs: { lo: number; hi: number }[]) => rs.map((r) => rootFromLeafHashes(hashes.slice(r.lo, r.hi)));
    let count = 0;
    for (let n = 1; n <= hashes.length; n++) {
      for (let i = 0; i < n; i++, count++) expect(verifyInclusion(i, n, hashes[i], mat(inclusionRanges(i, n)), roots[n]).ok).toBe(true);
      for (let m = 1; m <= n; m++, count++) expect(verifyConsistency(m, n, mat(consistencyRanges(m, n)), roots[m], roots[n]).ok).toBe(true);
    }
    expect(count).toBe(120 + 120);
    expect(roots[0]).toEqual(EMPTY_ROOT);
  });
  it('rejects a checkpoint whose body was edited after signing, or that is opened with a foreign key', () => {
    const bytes = readVectorBytes('checkpoint/serverless-log/checkpoint.5').toString('utf8');
    expect(openCheckpoint(bytes.replace('\n5\n', '\n6\n'), [key])).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(openCheckpoint(bytes, [verifiers.get('PeterNeumann')!])).toMatchObject({ ok: false, code: 'no_trusted_signature', reason: /astra\+cad5a3d2/ });
    expect(openCheckpoint(bytes, [key], 'example.com/other')).toMatchObject({ ok: false, code: 'origin_mismatch' });
  });
});
