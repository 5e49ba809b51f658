/**
 * C2SP signed notes (c2sp.org/signed-note v1.0.0), pure: parsing, opening
 * against trusted keys, signing, and the verifier / signer key text forms.
 *
 * Signatures: Ed25519 (type 0x01) to sign and verify; ECDSA P-256 (type 0x02,
 * key id SHA-256(SPKI)[:4]) to verify notes of other logs. Key ids for
 * Ed25519 are SHA-256(name || 0x0A || 0x01 || public key)[:4].
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export const SIG_ED25519 = 0x01;
export const SIG_ECDSA = 0x02;
/** x/mod/sumdb/note's cap; the spec asks verifiers to accept at least 16. */
export const MAX_SIGNATURE_LINES = 100;

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SIG_PREFIX = Buffer.from('\u2014 ', 'utf8');

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Strict, padded standard base64; null when not base64 or not canonical. */
export function decodeBase64Strict(s: string): Buffer | null {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64') === s ? b : null;
}

/** Non-empty, no Unicode white space, no '+'. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

export function ed25519KeyId(name: string, publicKey: Uint8Array): Buffer {
  return sha256(Buffer.from(name, 'utf8'), Buffer.from([0x0a, SIG_ED25519]), publicKey).subarray(0, 4);
}

export interface NoteVerifier {
  name: string;
  /** 8 lowercase hex digits. */
  keyId: string;
  type: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
  /** The verifier key text, `<name>+<hex id>+<base64(type || key)>`. */
  vkey: string;
}

export interface NoteSigner {
  name: string;
  keyId: string;
  sign(message: Uint8Array): Buffer;
  verifier: NoteVerifier;
}

export class KeyFormatError extends Error {}

/** Parses `<name>+<hex id>+<base64>`, splitting on the first two '+' only (base64 may hold '+'). */
export function parseVerifierKey(vkey: string): { name: string; keyId: string; type: number; key: Buffer } {
  const a = vkey.indexOf('+');
  const b = vkey.indexOf('+', a + 1);
  if (a <= 0 || b < 0) throw new KeyFormatError('a verifier key has the form <name>+<key id>+<base64 key>');
  const name = vkey.slice(0, a);
  const keyId = vkey.slice(a + 1, b);
  const raw = decodeBase64Strict(vkey.slice(b + 1));
  if (!isValidKeyName(name)) throw new KeyFormatError('the key name is empty or holds white space or "+"');
  if (!/^[0-9a-f]{8}$/.test(keyId)) throw new KeyFormatError('the key id must be 8 lowercase hex digits');
  if (!raw || raw.length < 2) throw new KeyFormatError('the key is not valid base64');
  return { name, keyId, type: raw[0], key: raw.subarray(1) };
}

function ed25519PublicKeyObject(pub: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, pub]), format: 'der', type: 'spki' });
}

export function encodeVerifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${ed25519KeyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([SIG_ED25519]), publicKey]).toString('base64')}`;
}

/** A verifier from its text form; the key id must match the key (Ed25519 and ECDSA). */
export function verifierFromKey(vkey: string): NoteVerifier {
  const { name, keyId, type, key } = parseVerifierKey(vkey);
  if (type === SIG_ED25519) {
    if (key.length !== 32) throw new KeyFormatError('an Ed25519 key is 32 bytes');
    if (ed25519KeyId(name, key).toString('hex') !== keyId) throw new KeyFormatError(`the key id ${keyId} does not belong to this name and key`);
    const pk = ed25519PublicKeyObject(key);
    return { name, keyId, type, vkey, verify: (m, s) => s.length === 64 && verify(null, m, pk, s) };
  }
  if (type === SIG_ECDSA) {
    if (sha256(key).subarray(0, 4).toString('hex') !== keyId) throw new KeyFormatError(`the key id ${keyId} does not belong to this key`);
    let pk: KeyObject;
    try {
      pk = createPublicKey({ key, format: 'der', type: 'spki' });
    } catch {
      throw new KeyFormatError('the ECDSA key is not a valid SubjectPublicKeyInfo');
    }
    return { name, keyId, type, vkey, verify: (m, s) => { try { return verify('sha256', m, pk, s); } catch { return false; } } };
  }
  throw new KeyFormatError(`signature type 0x${type.toString(16).padStart(2, '0')} is not supported`);
}

/** Parses the private form `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>` (x/mod/sumdb/note). */
export function signerFromKey(skey: string): NoteSigner {
  const prefix = 'PRIVATE+KEY+';
  if (!skey.startsWith(prefix)) throw new KeyFormatError('a signing key starts with PRIVATE+KEY+');
  const { name, keyId, type, key } = parseVerifierKey(skey.slice(prefix.length));
  if (type !== SIG_ED25519 || key.length !== 32) throw new KeyFormatError('only Ed25519 signing keys (32-byte seed) are supported');
  const priv = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, key]), format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
  if (ed25519KeyId(name, pub).toString('hex') !== keyId) throw new KeyFormatError(`the key id ${keyId} does not belong to this name and key`);
  const verifier = verifierFromKey(encodeVerifierKey(name, pub));
  return { name, keyId, verifier, sign: (m) => sign(null, m, priv) };
}

/** A fresh Ed25519 key pair in the note text forms. */
export function generateNoteKey(name: string): { skey: string; vkey: string } {
  if (!isValidKeyName(name)) throw new KeyFormatError('the key name is empty or holds white space or "+"');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(ED25519_PKCS8_PREFIX.length);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
  const vkey = encodeVerifierKey(name, pub);
  const [, id] = vkey.split('+');
  return { skey: `PRIVATE+KEY+${name}+${id}+${Buffer.concat([Buffer.from([SIG_ED25519]), seed]).toString('base64')}`, vkey };
}

/** The text must be non-empty lines, each ending in a newline, with no control characters but \n. */
function textProblem(text: string): string | null {
  if (text.length === 0 || !text.endsWith('\n')) return 'the text must end with a newline';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && c !== 0x0a) return 'the text holds a control character';
  }
  return null;
}

/** Signs `text` with every signer: the note is the text, an empty line, one line per signature. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  const p = textProblem(text);
  if (p) throw new Error(p);
  const msg = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => `\u2014 ${s.name} ${Buffer.concat([Buffer.from(s.keyId, 'hex'), s.sign(msg)]).toString('base64')}\n`);
  return `${text}\n${lines.join('')}`;
}

export const NOTE_REJECTIONS = ['malformed', 'too_many_signatures', 'bad_signature', 'no_trusted_signature'] as const;
export type NoteRejection = (typeof NOTE_REJECTIONS)[number];

export interface NoteSignature {
  name: string;
  keyId: string;
}

export type OpenedNote =
  | { ok: true; text: string; verified: NoteSignature[]; ignored: NoteSignature[] }
  | { ok: false; code: NoteRejection; reason: string; signatures?: NoteSignature[] };

/**
 * Opens a note against trusted keys (c2sp.org/signed-note): a signature line
 * counts for a key only when name and key id both match; lines of unknown keys
 * are ignored; a matching line that fails to verify rejects the note; at least
 * one trusted signature must verify.
 */
export function openNote(input: Uint8Array | string, trusted: readonly NoteVerifier[]): OpenedNote {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.length);
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
  const split = bytes.lastIndexOf(Buffer.from('\n\n'));
  if (split < 0) return { ok: false, code: 'malformed', reason: 'no empty line separates the text from the signatures' };
  const text = bytes.subarray(0, split + 1);
  const block = bytes.subarray(split + 2);
  if (block.length === 0 || block[block.length - 1] !== 0x0a) return { ok: false, code: 'malformed', reason: 'the signature block is empty or does not end with a newline' };
  const lines = block.subarray(0, block.length - 1).toString('utf8').split('\n');
  if (lines.length > MAX_SIGNATURE_LINES) return { ok: false, code: 'too_many_signatures', reason: `more than ${MAX_SIGNATURE_LINES} signature lines` };
  const verified: NoteSignature[] = [];
  const ignored: NoteSignature[] = [];
  const seenTrusted = new Set<string>();
  const seenLines = new Set<string>();
  const all: NoteSignature[] = [];
  for (const line of lines) {
    if (!Buffer.from(line, 'utf8').subarray(0, SIG_PREFIX.length).equals(SIG_PREFIX)) return { ok: false, code: 'malformed', reason: 'a line after the empty line is not a signature line' };
    const rest = line.slice(2);
    const sp = rest.indexOf(' ');
    if (sp < 0) return { ok: false, code: 'malformed', reason: 'a signature line has no space between key name and signature' };
    const name = rest.slice(0, sp);
    const sig = decodeBase64Strict(rest.slice(sp + 1));
    if (!isValidKeyName(name) || !sig || sig.length < 5) return { ok: false, code: 'malformed', reason: 'a signature line has a bad key name or signature encoding' };
    const keyId = sig.subarray(0, 4).toString('hex');
    all.push({ name, keyId });
    const key = trusted.find((k) => k.name === name && k.keyId === keyId);
    if (!key) {
      if (!seenLines.has(line)) {
        seenLines.add(line);
        ignored.push({ name, keyId });
      }
      continue;
    }
    if (seenTrusted.has(`${name}+${keyId}`)) continue;
    seenTrusted.add(`${name}+${keyId}`);
    if (!key.verify(text, sig.subarray(4))) return { ok: false, code: 'bad_signature', reason: `the signature of trusted key ${name}+${keyId} does not verify` };
    verified.push({ name, keyId });
  }
  if (verified.length === 0) {
    const seen = all.map((s) => `${s.name}+${s.keyId}`).join(', ');
    const want = trusted.map((k) => `${k.name}+${k.keyId}`).join(', ') || 'none';
    return { ok: false, code: 'no_trusted_signature', reason: `no signature from a trusted key (signed by ${seen}; trusted: ${want})`, signatures: all };
  }
  return { ok: true, text: text.toString('utf8'), verified, ignored };
}

/** The text of a note without checking any signature (the part before the last empty line). */
export function noteText(note: string): string | null {
  const i = note.lastIndexOf('\n\n');
  return i < 0 ? null : note.slice(0, i + 1);
}
