/**
 * C2SP tlog-checkpoint bodies (c2sp.org/tlog-checkpoint v1.0.0) for a
 * SHA-256 log: origin line, decimal tree size, base64 root hash, optional
 * non-empty extension lines.
 */
import { HASH_SIZE } from './merkle.js';
import { openNote, type NoteRejection, type NoteSignature, type NoteVerifier } from './note.js';

export interface Checkpoint {
  origin: string;
  /** Tree size; a string-free bigint would be exact to 2^64-1, but Jifang's trees stop at 2^40. */
  size: number;
  rootHash: Buffer;
  extensions: string[];
}

export const CHECKPOINT_VIOLATIONS = [
  'missing_final_newline',
  'too_few_lines',
  'empty_origin',
  'bad_size',
  'root_not_base64',
  'root_noncanonical_base64',
  'root_not_32_bytes',
  'empty_extension_line',
] as const;
export type CheckpointViolation = (typeof CHECKPOINT_VIOLATIONS)[number];

const UINT64_MAX = (1n << 64n) - 1n;

export function formatCheckpoint(c: { origin: string; size: number; rootHash: Uint8Array; extensions?: readonly string[] }): string {
  if (!c.origin || c.origin.includes('\n')) throw new Error('a checkpoint needs a one-line origin');
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new Error('a checkpoint needs a non-negative integer size');
  if (c.rootHash.length !== HASH_SIZE) throw new Error('a checkpoint root is 32 bytes');
  const ext = (c.extensions ?? []).map((e) => {
    if (!e || e.includes('\n')) throw new Error('extension lines are non-empty single lines');
    return `${e}\n`;
  });
  return `${c.origin}\n${c.size}\n${Buffer.from(c.rootHash).toString('base64')}\n${ext.join('')}`;
}

/**
 * Strict parse. Reports every rule it can check, so one body may break
 * several; `checkpoint` is set only when there is no violation. Sizes beyond
 * 2^53 parse (they are valid checkpoints of other logs) but lose precision in
 * `size`; `sizeText` keeps the exact digits.
 */
export function parseCheckpoint(text: string):
  | { ok: true; checkpoint: Checkpoint; sizeText: string }
  | { ok: false; violations: CheckpointViolation[] } {
  const v = new Set<CheckpointViolation>();
  let body = text;
  if (!body.endsWith('\n')) v.add('missing_final_newline');
  else body = body.slice(0, -1);
  const lines = body.split('\n');
  if (lines.length < 3) v.add('too_few_lines');
  const [origin, sizeText, root, ...extensions] = lines;
  if (origin !== undefined && origin.length === 0) v.add('empty_origin');
  if (sizeText !== undefined && !(/^(0|[1-9][0-9]*)$/.test(sizeText) && BigInt(sizeText) <= UINT64_MAX)) v.add('bad_size');
  let rootHash: Buffer | null = null;
  if (root !== undefined) {
    if (root.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(root)) v.add('root_not_base64');
    else {
      rootHash = Buffer.from(root, 'base64');
      if (rootHash.toString('base64') !== root) v.add('root_noncanonical_base64');
      if (rootHash.length !== HASH_SIZE) v.add('root_not_32_bytes');
    }
  }
  if (extensions.some((l) => l.length === 0)) v.add('empty_extension_line');
  if (v.size > 0) return { ok: false, violations: [...v].sort() };
  return { ok: true, sizeText, checkpoint: { origin, size: Number(sizeText), rootHash: rootHash!, extensions } };
}

export type CheckpointRejection = NoteRejection | 'bad_checkpoint_body' | 'origin_mismatch';

export type OpenedCheckpoint =
  | { ok: true; checkpoint: Checkpoint; text: string; verified: NoteSignature[]; ignored: NoteSignature[] }
  | { ok: false; code: CheckpointRejection; reason: string };

/** Opens a signed checkpoint: the note must verify, the body must parse, the origin must be the one expected. */
export function openCheckpoint(note: Uint8Array | string, trusted: readonly NoteVerifier[], expectedOrigin?: string): OpenedCheckpoint {
  const n = openNote(note, trusted);
  if (!n.ok) return { ok: false, code: n.code, reason: n.reason };
  const p = parseCheckpoint(n.text);
  if (!p.ok) return { ok: false, code: 'bad_checkpoint_body', reason: `the checkpoint text breaks ${p.violations.join(', ')}` };
  if (expectedOrigin !== undefined && p.checkpoint.origin !== expectedOrigin) {
    return { ok: false, code: 'origin_mismatch', reason: `the checkpoint is for origin "${p.checkpoint.origin}", not "${expectedOrigin}"` };
  }
  return { ok: true, checkpoint: p.checkpoint, text: n.text, verified: n.verified, ignored: n.ignored };
}
