/**
 * The signing key lives in a file, never in the database: whoever can edit
 * the database still cannot sign a checkpoint. The file holds the key in the
 * signed-note private form (`PRIVATE+KEY+<name>+<id>+<base64>`), mode 0600 in
 * a 0700 directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors.js';
import { generateNoteKey, KeyFormatError, signerFromKey, type NoteSigner } from './domain/note.js';
import { LedgerErrors } from './errors.js';

/**
 * Written beside a key file when the key starts signing a ledger: a key that
 * already signed one must never start a second, empty ledger of the same
 * origin (that would fork the first, for instance after a database was wiped).
 */
export const usedMarkerFile = (file: string) => `${file}.used`;

export function markKeyUsed(file: string, origin: string, vkey: string, at: string): void {
  fs.writeFileSync(usedMarkerFile(file), `${origin}\n${vkey}\n${at}\n`, { mode: 0o600 });
}

export function keyUsedFor(file: string): string | null {
  try {
    return fs.readFileSync(usedMarkerFile(file), 'utf8').split('\n')[0] || null;
  } catch {
    return null;
  }
}

/** Where a new key waits while its rotation is announced. */
export const nextKeyFile = (file: string) => `${file}.next`;
export const retiredKeyFile = (file: string, keyId: string) => `${file}.${keyId}.retired`;

export function keyFileExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Reads and checks a key file: present, private to its owner, well formed. */
export function readSigningKey(file: string): NoteSigner {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AppError(LedgerErrors.JF_LEDGER_KEY_MISSING, { params: { file } });
  }
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    throw new AppError(LedgerErrors.JF_LEDGER_KEY_PERMISSIONS, { params: { file, mode: (st.mode & 0o777).toString(8).padStart(4, '0') } });
  }
  try {
    return signerFromKey(fs.readFileSync(file, 'utf8').trim());
  } catch (e) {
    const reason = e instanceof KeyFormatError ? e.message : 'unreadable';
    throw new AppError(LedgerErrors.JF_LEDGER_KEY_MALFORMED, { params: { file, reason } });
  }
}

/** Makes a new Ed25519 key named `name` in `file`, refusing to overwrite one. */
export function createSigningKeyFile(file: string, name: string): NoteSigner {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { skey } = generateNoteKey(name);
  fs.writeFileSync(file, `${skey}\n`, { flag: 'wx', mode: 0o600 });
  return signerFromKey(skey);
}

/** After a rotation is signed: the old key is set aside (the operator may destroy it), the new one takes its place. */
export function promoteNextKey(file: string, oldKeyId: string): void {
  const retired = retiredKeyFile(file, oldKeyId);
  if (fs.existsSync(file)) fs.renameSync(file, retired);
  if (fs.existsSync(usedMarkerFile(file))) fs.renameSync(usedMarkerFile(file), usedMarkerFile(retired));
  fs.renameSync(nextKeyFile(file), file);
  if (fs.existsSync(usedMarkerFile(nextKeyFile(file)))) fs.renameSync(usedMarkerFile(nextKeyFile(file)), usedMarkerFile(file));
}
