/**
 * The checks the ledger screens run in the browser, as pure functions of what
 * the public endpoints return: one entry against the latest signed
 * checkpoint, and two checkpoints against each other. Each answer says which
 * step held and, at the first that did not, why.
 */
import { bytesOfBase64, Ed25519Unsupported, hexOf, leafHash, openCheckpoint, parseCheckpoint, parseVerifierKey, verifyConsistency, verifyInclusion, type Checkpoint, type VerifierKey } from './verify';

export const STEPS = ['key', 'signature', 'leaf', 'inclusion'] as const;
export type Step = (typeof STEPS)[number];

export type StepOutcome = 'ok' | 'failed' | 'unsupported' | 'skipped';

/** Why a check failed, as a key of the ledger catalogue, with the technical reason beside it. */
export type Failure =
  | 'badKey'
  | 'badSignature'
  | 'badCheckpoint'
  | 'wrongIndex'
  | 'altered'
  | 'badProof'
  | 'olderRoot'
  | 'inconsistent';

export interface CheckResult {
  ok: boolean;
  steps: Record<Step, StepOutcome>;
  failure?: Failure;
  reason?: string;
  /** The checkpoint the entry was checked against, when its body could be read. */
  checkpoint?: { size: bigint; rootHex: string; signedBy: string[] };
  leafHashHex?: string;
}

export interface InclusionProofBody {
  leafIndex: number;
  treeSize: number;
  hashes: string[];
}

const initial = (): Record<Step, StepOutcome> => ({ key: 'skipped', signature: 'skipped', leaf: 'skipped', inclusion: 'skipped' });

/**
 * Opens the checkpoint with the verifier key (Ed25519 in Web Crypto; when the
 * browser lacks it, the body is read unsigned and the step says so).
 */
async function openWith(note: string, key: VerifierKey, steps: Record<Step, StepOutcome>): Promise<{ ok: true; cp: Checkpoint; signedBy: string[] } | { ok: false; failure: Failure; reason: string }> {
  try {
    const o = await openCheckpoint(note, [key]);
    if (!o.ok) {
      steps.signature = 'failed';
      return { ok: false, failure: 'badSignature', reason: o.reason };
    }
    steps.signature = 'ok';
    return { ok: true, cp: o.checkpoint, signedBy: o.verified.map((v) => `${v.name}+${v.keyId}`) };
  } catch (e) {
    if (!(e instanceof Ed25519Unsupported)) throw e;
    steps.signature = 'unsupported';
    const split = note.lastIndexOf('\n\n');
    const body = parseCheckpoint(split < 0 ? note : note.slice(0, split + 1));
    if (!body.ok) return { ok: false, failure: 'badCheckpoint', reason: body.reason };
    return { ok: true, cp: body.checkpoint, signedBy: [] };
  }
}

/** The `index N` line of a leaf, if it has one. */
function leafIndexOf(leaf: Uint8Array): number | null {
  const m = /^jifang\.ledger\/v1\nindex (0|[1-9][0-9]{0,15})\n/.exec(new TextDecoder('latin1').decode(leaf.subarray(0, 64)));
  return m ? Number(m[1]) : null;
}

/**
 * One entry, as served, against the latest signed checkpoint: the key is
 * well-formed and its id belongs to it; the checkpoint is signed by it; the
 * leaf's own bytes hash (RFC 6962, 0x00 prefix) and its audit path lead to
 * the signed root.
 */
export async function checkEntry(input: { index: number; leafBase64: string; note: string; vkey: string; proof: InclusionProofBody }): Promise<CheckResult> {
  const steps = initial();
  const fail = (failure: Failure, reason: string, extra: Partial<CheckResult> = {}): CheckResult => ({ ok: false, steps, failure, reason, ...extra });
  let key: VerifierKey;
  try {
    key = await parseVerifierKey(input.vkey.trim());
    steps.key = 'ok';
  } catch (e) {
    steps.key = 'failed';
    return fail('badKey', (e as Error).message);
  }
  const opened = await openWith(input.note, key, steps);
  if (!opened.ok) return fail(opened.failure, opened.reason);
  const cp = opened.cp;
  const checkpoint = { size: cp.size, rootHex: hexOf(cp.rootHash), signedBy: opened.signedBy };

  const leaf = bytesOfBase64(input.leafBase64);
  if (!leaf) {
    steps.leaf = 'failed';
    return fail('altered', 'the entry is not base64', { checkpoint });
  }
  const claimed = leafIndexOf(leaf);
  if (claimed !== input.index) {
    steps.leaf = 'failed';
    return fail('wrongIndex', `the leaf names index ${claimed ?? 'none'}, but it is served as entry ${input.index}`, { checkpoint });
  }
  const lh = await leafHash(leaf);
  steps.leaf = 'ok';
  if (BigInt(input.proof.treeSize) !== cp.size || input.proof.leafIndex !== input.index) {
    steps.inclusion = 'failed';
    return fail('badProof', `the proof is for leaf ${input.proof.leafIndex} in a tree of ${input.proof.treeSize}, not leaf ${input.index} in the checkpoint's ${cp.size}`, { checkpoint, leafHashHex: hexOf(lh) });
  }
  const path = input.proof.hashes.map(bytesOfBase64);
  if (path.some((h) => !h)) {
    steps.inclusion = 'failed';
    return fail('badProof', 'a proof hash is not base64', { checkpoint, leafHashHex: hexOf(lh) });
  }
  const v = await verifyInclusion(input.index, cp.size, lh, path as Uint8Array[], cp.rootHash);
  if (!v.ok) {
    steps.inclusion = 'failed';
    return fail('altered', v.reason, { checkpoint, leafHashHex: hexOf(lh) });
  }
  steps.inclusion = 'ok';
  return { ok: true, steps, checkpoint, leafHashHex: hexOf(lh) };
}

export interface ConsistencyResult {
  ok: boolean;
  /** Signatures: each checkpoint by one of the keys; 'unsupported' when the browser lacks Ed25519. */
  signatures: StepOutcome;
  proof: StepOutcome;
  failure?: Failure;
  reason?: string;
}

/**
 * Two signed checkpoints: each signed by one of the ledger's keys, and the
 * newer tree an extension of the older (RFC 6962 consistency proof), so
 * nothing in the older was rewritten.
 */
export async function checkConsistency(input: { older: string; newer: string; vkeys: readonly string[]; proof: { from: number; to: number; hashes: string[] } }): Promise<ConsistencyResult> {
  const keys: VerifierKey[] = [];
  for (const k of input.vkeys) {
    try {
      keys.push(await parseVerifierKey(k.trim()));
    } catch (e) {
      return { ok: false, signatures: 'failed', proof: 'skipped', failure: 'badKey', reason: (e as Error).message };
    }
  }
  const cps: Checkpoint[] = [];
  let signatures: StepOutcome = 'ok';
  for (const note of [input.older, input.newer]) {
    try {
      const o = await openCheckpoint(note, keys);
      if (!o.ok) return { ok: false, signatures: 'failed', proof: 'skipped', failure: 'badSignature', reason: o.reason };
      cps.push(o.checkpoint);
    } catch (e) {
      if (!(e instanceof Ed25519Unsupported)) throw e;
      signatures = 'unsupported';
      const split = note.lastIndexOf('\n\n');
      const body = parseCheckpoint(split < 0 ? note : note.slice(0, split + 1));
      if (!body.ok) return { ok: false, signatures, proof: 'skipped', failure: 'badCheckpoint', reason: body.reason };
      cps.push(body.checkpoint);
    }
  }
  const [a, b] = cps;
  if (a.origin !== b.origin) return { ok: false, signatures, proof: 'failed', failure: 'inconsistent', reason: `the origins differ ("${a.origin}", "${b.origin}")` };
  if (a.size > b.size) return { ok: false, signatures, proof: 'failed', failure: 'olderRoot', reason: `the first checkpoint (${a.size}) is larger than the second (${b.size})` };
  if (BigInt(input.proof.from) !== a.size || BigInt(input.proof.to) !== b.size) return { ok: false, signatures, proof: 'failed', failure: 'badProof', reason: `the proof is from ${input.proof.from} to ${input.proof.to}, not ${a.size} to ${b.size}` };
  const path = input.proof.hashes.map(bytesOfBase64);
  if (path.some((h) => !h)) return { ok: false, signatures, proof: 'failed', failure: 'badProof', reason: 'a proof hash is not base64' };
  const v = await verifyConsistency(a.size, b.size, path as Uint8Array[], a.rootHash, b.rootHash);
  if (!v.ok) return { ok: false, signatures, proof: 'failed', failure: 'inconsistent', reason: v.reason };
  return { ok: true, signatures, proof: 'ok' };
}
