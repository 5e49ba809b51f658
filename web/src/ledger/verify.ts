/**
 * The ledger verifier that runs in the reader's browser, with Web Crypto
 * only (SubtleCrypto: SHA-256 and Ed25519), so the answer does not rest on
 * the server's word: RFC 6962 / RFC 9162 leaf and node hashes, inclusion and
 * consistency proofs, C2SP signed notes and tlog checkpoints.
 *
 * Pure functions over bytes; the same module runs under Node in the tests
 * (globalThis.crypto.subtle is the same API there).
 */

export type Verdict = { ok: true } | { ok: false; reason: string };

const subtle = () => globalThis.crypto.subtle;
const HASH_SIZE = 32;

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', concatBytes(...parts) as BufferSource));
}

/** SHA-256(0x00 || leaf). */
export const leafHash = (leaf: Uint8Array) => sha256(Uint8Array.of(0), leaf);
/** SHA-256(0x01 || left || right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(1), left, right);

export const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export function hexOf(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function bytesOfHex(h: string): Uint8Array {
  const out = new Uint8Array(h.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Strict, padded standard base64; null when not base64 or not canonical. */
export function bytesOfBase64(s: string): Uint8Array | null {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    return null;
  }
  const out = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return base64Of(out) === s ? out : null;
}

export function base64Of(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

const big = (x: number | bigint) => (typeof x === 'bigint' ? x : BigInt(x));

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or why it cannot. */
export async function rootFromInclusionProof(
  index: number | bigint,
  size: number | bigint,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<{ ok: true; root: Uint8Array } | { ok: false; reason: string }> {
  const i = big(index);
  const n = big(size);
  if (i < 0n || n < 0n) return { ok: false, reason: 'negative index or size' };
  if (i >= n) return { ok: false, reason: `leaf index ${i} is not below tree size ${n}` };
  if (leaf.length !== HASH_SIZE) return { ok: false, reason: 'leaf hash is not 32 bytes' };
  let fn = i;
  let sn = n - 1n;
  let r = leaf;
  for (const p of proof) {
    if (p.length !== HASH_SIZE) return { ok: false, reason: 'proof element is not 32 bytes' };
    if (sn === 0n) return { ok: false, reason: 'proof is too long' };
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: 'proof is too short' };
  return { ok: true, root: r };
}

/** Does `proof` show the leaf hash at `index` in the tree of `size` whose root is `root`? */
export async function verifyInclusion(index: number | bigint, size: number | bigint, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): Promise<Verdict> {
  const r = await rootFromInclusionProof(index, size, leaf, proof);
  if (!r.ok) return r;
  return sameBytes(r.root, root) ? { ok: true } : { ok: false, reason: 'the computed root differs from the expected root' };
}

/**
 * RFC 9162 §2.1.4.2, with the edge cases of transparency-dev/merkle (the
 * golden probes): size1 = 0 proves nothing; equal sizes need an empty proof
 * and identical roots.
 */
export async function verifyConsistency(size1: number | bigint, size2: number | bigint, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): Promise<Verdict> {
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
  let fr = path[0];
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0n) return { ok: false, reason: 'proof is too long' };
    if ((fn & 1n) === 1n || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: 'proof is too short' };
  if (!sameBytes(fr, root1)) return { ok: false, reason: 'the proof does not lead to the old root' };
  if (!sameBytes(sr, root2)) return { ok: false, reason: 'the proof does not lead to the new root' };
  return { ok: true };
}

// ---------------------------------------------------------------- signed notes

const SIG_ED25519 = 0x01;
/** x/mod/sumdb/note's cap; the spec asks verifiers to accept at least 16. */
export const MAX_SIGNATURE_LINES = 100;
const utf8 = new TextEncoder();

export interface VerifierKey {
  name: string;
  /** 8 lowercase hex digits. */
  keyId: string;
  type: number;
  key: Uint8Array;
  vkey: string;
}

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

/** SHA-256(name || 0x0A || 0x01 || public key)[:4], in hex. */
export async function ed25519KeyId(name: string, publicKey: Uint8Array): Promise<string> {
  return hexOf((await sha256(utf8.encode(name), Uint8Array.of(0x0a, SIG_ED25519), publicKey)).subarray(0, 4));
}

/** Parses `<name>+<hex key id>+<base64(0x01 || key)>` and checks the id belongs to the name and key. */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  const a = vkey.indexOf('+');
  const b = vkey.indexOf('+', a + 1);
  if (a <= 0 || b < 0) throw new Error('a verifier key has the form <name>+<key id>+<base64 key>');
  const name = vkey.slice(0, a);
  const keyId = vkey.slice(a + 1, b);
  const raw = bytesOfBase64(vkey.slice(b + 1));
  if (!isValidKeyName(name)) throw new Error('the key name is empty or holds white space or "+"');
  if (!/^[0-9a-f]{8}$/.test(keyId)) throw new Error('the key id must be 8 lowercase hex digits');
  if (!raw || raw.length < 2) throw new Error('the key is not valid base64');
  if (raw[0] !== SIG_ED25519) throw new Error(`signature type 0x${raw[0].toString(16).padStart(2, '0')} is not supported here (Ed25519 only)`);
  const key = raw.subarray(1);
  if (key.length !== 32) throw new Error('an Ed25519 key is 32 bytes');
  if ((await ed25519KeyId(name, key)) !== keyId) throw new Error(`the key id ${keyId} does not belong to this name and key`);
  return { name, keyId, type: raw[0], key, vkey };
}

/** Thrown when this browser's Web Crypto has no Ed25519. */
export class Ed25519Unsupported extends Error {}

export async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    if ((e as Error).name === 'NotSupportedError') throw new Ed25519Unsupported('this browser has no Ed25519 in Web Crypto');
    return false;
  }
  if (signature.length !== 64) return false;
  return subtle().verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
}

export type NoteRejection = 'malformed' | 'too_many_signatures' | 'bad_signature' | 'no_trusted_signature';

export type OpenedNote =
  | { ok: true; text: string; verified: { name: string; keyId: string }[]; ignored: { name: string; keyId: string }[] }
  | { ok: false; code: NoteRejection; reason: string };

/**
 * Opens a C2SP signed note against trusted keys: a signature line counts for
 * a key only when name and key id both match; lines of other keys are
 * ignored; a matching line that does not verify rejects the note; at least
 * one trusted signature must verify.
 */
export async function openNote(bytes: Uint8Array, trusted: readonly VerifierKey[]): Promise<OpenedNote> {
  let str: string;
  try {
    str = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'malformed', reason: 'the note is not valid UTF-8' };
  }
  for (const ch of str) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && c !== 0x0a) return { ok: false, code: 'malformed', reason: 'the note holds a control character other than newline' };
  }
  const split = str.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, code: 'malformed', reason: 'no empty line separates the text from the signatures' };
  const text = str.slice(0, split + 1);
  const block = str.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) return { ok: false, code: 'malformed', reason: 'the signature block is empty or does not end with a newline' };
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURE_LINES) return { ok: false, code: 'too_many_signatures', reason: `more than ${MAX_SIGNATURE_LINES} signature lines` };
  const message = utf8.encode(text);
  const verified: { name: string; keyId: string }[] = [];
  const ignored: { name: string; keyId: string }[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (!line.startsWith('\u2014 ')) return { ok: false, code: 'malformed', reason: 'a line after the empty line is not a signature line' };
    const rest = line.slice(2);
    const sp = rest.indexOf(' ');
    if (sp < 0) return { ok: false, code: 'malformed', reason: 'a signature line has no space between key name and signature' };
    const name = rest.slice(0, sp);
    const sig = bytesOfBase64(rest.slice(sp + 1));
    if (!isValidKeyName(name) || !sig || sig.length < 5) return { ok: false, code: 'malformed', reason: 'a signature line has a bad key name or signature encoding' };
    const keyId = hexOf(sig.subarray(0, 4));
    const key = trusted.find((k) => k.name === name && k.keyId === keyId);
    const id = `${name}+${keyId}`;
    if (!key) {
      if (!seen.has(id)) ignored.push({ name, keyId });
      seen.add(id);
      continue;
    }
    if (!(await ed25519Verify(key.key, sig.subarray(4), message))) {
      return { ok: false, code: 'bad_signature', reason: `the signature of ${name} (key ${keyId}) does not verify` };
    }
    if (!seen.has(id)) verified.push({ name, keyId });
    seen.add(id);
  }
  if (verified.length === 0) {
    const by = ignored.map((s) => `${s.name}+${s.keyId}`).join(', ') || 'nobody';
    return { ok: false, code: 'no_trusted_signature', reason: `no signature from a trusted key (signed by ${by}; trusted: ${trusted.map((k) => `${k.name}+${k.keyId}`).join(', ') || 'none'})` };
  }
  return { ok: true, text, verified, ignored };
}

export interface Checkpoint {
  origin: string;
  size: bigint;
  rootHash: Uint8Array;
  extensions: string[];
}

/** A C2SP tlog-checkpoint body: origin, decimal size, base64 root hash, optional extension lines. */
export function parseCheckpoint(text: string): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  if (!text.endsWith('\n')) return { ok: false, reason: 'the checkpoint does not end with a newline' };
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return { ok: false, reason: 'a checkpoint has at least three lines' };
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin.length === 0) return { ok: false, reason: 'the origin line is empty' };
  if (!/^(0|[1-9][0-9]{0,19})$/.test(sizeText) || BigInt(sizeText) >= 2n ** 64n) return { ok: false, reason: 'the tree size is not a decimal without leading zeros' };
  const rootHash = bytesOfBase64(rootText);
  if (!rootHash || rootHash.length !== HASH_SIZE) return { ok: false, reason: 'the root hash is not 32 bytes of base64' };
  if (extensions.some((l) => l.length === 0)) return { ok: false, reason: 'an extension line is empty' };
  return { ok: true, checkpoint: { origin, size: BigInt(sizeText), rootHash, extensions } };
}

/** Opens a signed checkpoint: signature by a trusted key, then the body. */
export async function openCheckpoint(
  note: string | Uint8Array,
  trusted: readonly VerifierKey[],
  origin?: string,
): Promise<{ ok: true; checkpoint: Checkpoint; verified: { name: string; keyId: string }[] } | { ok: false; reason: string }> {
  const opened = await openNote(typeof note === 'string' ? utf8.encode(note) : note, trusted);
  if (!opened.ok) return { ok: false, reason: opened.reason };
  const c = parseCheckpoint(opened.text);
  if (!c.ok) return c;
  if (origin !== undefined && c.checkpoint.origin !== origin) return { ok: false, reason: `the origin is "${c.checkpoint.origin}", not "${origin}"` };
  return { ok: true, checkpoint: c.checkpoint, verified: opened.verified };
}
