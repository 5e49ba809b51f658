import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HTTP digest authentication as SIP uses it (RFC 2617, MD5; GB/T 28181 §9.1
 * registers devices this way). The platform keeps HA1 = MD5(user:realm:password),
 * never the password.
 */

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

export function ha1Of(username: string, realm: string, password: string): string {
  return md5(`${username}:${realm}:${password}`);
}

export interface DigestCredentials {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  algorithm?: string;
  qop?: string;
  nc?: string;
  cnonce?: string;
  opaque?: string;
}

/** Parses `Digest username="…", realm="…", …`; undefined when it is not a digest header. */
export function parseDigest(header: string): DigestCredentials | undefined {
  const m = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  const re = /([A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (let p = re.exec(m[1]); p; p = re.exec(m[1])) out[p[1].toLowerCase()] = p[2] ?? p[3];
  if (!out.username || !out.realm || !out.nonce || !out.uri || !out.response) return undefined;
  return out as unknown as DigestCredentials;
}

/** The response a client holding HA1 gives for `method` (RFC 2617 §3.2.2.1). */
export function expectedResponse(ha1: string, method: string, c: DigestCredentials): string {
  const ha2 = md5(`${method}:${c.uri}`);
  if (c.qop === 'auth' || c.qop === 'auth-int') return md5(`${ha1}:${c.nonce}:${c.nc}:${c.cnonce}:${c.qop}:${ha2}`);
  return md5(`${ha1}:${c.nonce}:${ha2}`);
}

export function responseMatches(ha1: string, method: string, c: DigestCredentials): boolean {
  if (c.algorithm && c.algorithm.toUpperCase() !== 'MD5') return false;
  const want = Buffer.from(expectedResponse(ha1, method, c), 'utf8');
  const got = Buffer.from(c.response.toLowerCase(), 'utf8');
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * Stateless nonces: the issue time and an HMAC over it, so any nonce the
 * platform did not issue, or issued too long ago, is refused without a table.
 */
export function issueNonce(secret: Buffer, nowMs: number): string {
  const t = nowMs.toString(16);
  return `${t}.${createHmac('sha256', secret).update(t).digest('hex').slice(0, 24)}`;
}

export function nonceValid(secret: Buffer, nonce: string, nowMs: number, maxAgeMs: number): boolean {
  const [t, mac] = nonce.split('.');
  if (!t || !mac || !/^[0-9a-f]+$/.test(t)) return false;
  const want = createHmac('sha256', secret).update(t).digest('hex').slice(0, 24);
  if (want.length !== mac.length || !timingSafeEqual(Buffer.from(want), Buffer.from(mac))) return false;
  const age = nowMs - parseInt(t, 16);
  return age >= -5_000 && age <= maxAgeMs;
}
