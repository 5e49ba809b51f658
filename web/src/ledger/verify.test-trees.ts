import { createHash } from 'node:crypto';

/** RFC 6962 §2.1 by its recursive definitions (node:crypto), independent of the
 * verifier under test: MTH, PATH and SUBPROOF, for building test proofs.
 */
const sha = (...p: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(p)).digest());
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
export function mth(l: Uint8Array[]): Uint8Array {
  if (l.length === 0) return sha();
  if (l.length === 1) return l[0];
  const k = split(l.length);
  return sha(Uint8Array.of(1), mth(l.slice(0, k)), mth(l.slice(k)));
}
export function path(m: number, l: Uint8Array[]): Uint8Array[] {
  if (l.length <= 1) return [];
  const k = split(l.length);
  return m < k ? [...path(m, l.slice(0, k)), mth(l.slice(k))] : [...path(m - k, l.slice(k)), mth(l.slice(0, k))];
}
export function subproof(m: number, l: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === l.length) return b ? [] : [mth(l)];
  const k = split(l.length);
  return m <= k ? [...subproof(m, l.slice(0, k), b), mth(l.slice(k))] : [...subproof(m - k, l.slice(k), false), mth(l.slice(0, k))];
}
