import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { checkConsistency, checkEntry } from './check';
import { base64Of } from './verify';
import { mth as rootOf, path, subproof } from './verify.test-trees';

// Fixtures made with node:crypto by the C2SP and RFC 6962 texts, independently of the code under test.
const ORIGIN = 'jifang.test/ledger';
const sha = (...p: Uint8Array[]) => createHash('sha256').update(Buffer.concat(p)).digest();

/** An Ed25519 note key: `<name>+<hex id>+<base64(0x01 || key)>`, id = SHA-256(name || 0x0A || 0x01 || key)[:4]. */
function noteKey(name: string): { vkey: string; id: Buffer; privateKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const id = sha(Buffer.from(`${name}\n\x01`, 'latin1'), pub).subarray(0, 4);
  return { vkey: `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.of(1), pub]).toString('base64')}`, id, privateKey };
}
const key = noteKey(ORIGIN);
const other = noteKey(ORIGIN);

/** The jifang.ledger/v1 leaf format of docs/ledger.md. */
const leaves = Array.from({ length: 11 }, (_, i) =>
  Buffer.from(`jifang.ledger/v1\nindex ${i}\nat 2026-06-01T08:00:00.000Z\ntype registry/update\nactor user:0123456789abcdef0123456789abcdef\nsubject key-unit:${i + 1}\n`, 'latin1'),
);
const hashes = leaves.map((l) => new Uint8Array(sha(Buffer.of(0), l)));

/** A C2SP tlog-checkpoint in a signed note: text, empty line, `— <name> base64(id || signature)`. */
function signed(text: string, k = key): string {
  const sig = sign(null, Buffer.from(text, 'utf8'), k.privateKey);
  return `${text}\n\u2014 ${ORIGIN} ${Buffer.concat([k.id, sig]).toString('base64')}\n`;
}
const checkpointText = (size: number, root: Uint8Array) => `${ORIGIN}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
const checkpointOf = (size: number, k = key) => signed(checkpointText(size, rootOf(hashes.slice(0, size))), k);
const proofFor = (i: number, size: number) => ({ leafIndex: i, treeSize: size, hashes: path(i, hashes.slice(0, size)).map(base64Of) });
const b64 = (b: Uint8Array) => base64Of(b);

describe('checking one ledger entry in the browser', () => {
  it('holds when the key, the checkpoint signature, the leaf hash and the audit path all agree', async () => {
    const r = await checkEntry({ index: 6, leafBase64: b64(leaves[6]), note: checkpointOf(11), vkey: key.vkey, proof: proofFor(6, 11) });
    expect(r).toMatchObject({ ok: true, steps: { key: 'ok', signature: 'ok', leaf: 'ok', inclusion: 'ok' }, checkpoint: { size: 11n } });
    expect(r.leafHashHex).toBe(Buffer.from(hashes[6]).toString('hex'));
  });

  it('fails as "altered" when one character of the stored leaf was changed after signing', async () => {
    const altered = Buffer.from(Buffer.from(leaves[6]).toString('latin1').replace('key-unit:7', 'key-unit:8'), 'latin1');
    const r = await checkEntry({ index: 6, leafBase64: b64(altered), note: checkpointOf(11), vkey: key.vkey, proof: proofFor(6, 11) });
    expect(r).toMatchObject({ ok: false, failure: 'altered', steps: { signature: 'ok', leaf: 'ok', inclusion: 'failed' } });
  });

  it('fails as "wrongIndex" when an entry is served in another place', async () => {
    const r = await checkEntry({ index: 6, leafBase64: b64(leaves[5]), note: checkpointOf(11), vkey: key.vkey, proof: proofFor(6, 11) });
    expect(r).toMatchObject({ ok: false, failure: 'wrongIndex' });
  });

  it('fails as "badSignature" when the checkpoint is signed by another key, naming both', async () => {
    const r = await checkEntry({ index: 6, leafBase64: b64(leaves[6]), note: checkpointOf(11, other), vkey: key.vkey, proof: proofFor(6, 11) });
    expect(r).toMatchObject({ ok: false, failure: 'badSignature', steps: { key: 'ok', signature: 'failed' } });
    expect(r.reason).toMatch(/no signature from a trusted key/);
  });

  it('fails as "badKey" for a verifier key whose id is not its own', async () => {
    const [name, , k] = key.vkey.split('+');
    const r = await checkEntry({ index: 6, leafBase64: b64(leaves[6]), note: checkpointOf(11), vkey: `${name}+00000000+${k}`, proof: proofFor(6, 11) });
    expect(r).toMatchObject({ ok: false, failure: 'badKey', steps: { key: 'failed' } });
  });
});

describe('checking two checkpoints against each other in the browser', () => {
  const proof = (m: number, n: number) => ({ from: m, to: n, hashes: subproof(m, hashes.slice(0, n), true).map(base64Of) });

  it('holds when both are signed and the newer tree extends the older', async () => {
    expect(await checkConsistency({ older: checkpointOf(5), newer: checkpointOf(11), vkeys: [key.vkey], proof: proof(5, 11) })).toEqual({ ok: true, signatures: 'ok', proof: 'ok' });
  });

  it('fails as "inconsistent" when the newer tree rewrote an entry the older one held', async () => {
    const rewritten = [...hashes];
    rewritten[2] = hashes[3];
    const forged = signed(checkpointText(11, rootOf(rewritten)));
    const r = await checkConsistency({ older: checkpointOf(5), newer: forged, vkeys: [key.vkey], proof: proof(5, 11) });
    expect(r).toMatchObject({ ok: false, failure: 'inconsistent', signatures: 'ok', proof: 'failed' });
  });

  it('fails as "badSignature" when a checkpoint is signed by no key of the ledger', async () => {
    const r = await checkConsistency({ older: checkpointOf(5, other), newer: checkpointOf(11), vkeys: [key.vkey], proof: proof(5, 11) });
    expect(r).toMatchObject({ ok: false, failure: 'badSignature' });
  });
});
