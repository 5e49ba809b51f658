/**
 * A small SIP message parser and serializer (RFC 3261 §7), enough for what a
 * GB/T 28181 device sends a platform over UDP: REGISTER, MESSAGE and
 * OPTIONS, answered with a response that echoes the dialog headers. Header
 * names are compared case-insensitively and compact forms are expanded; the
 * body is kept as bytes, since GB/T 28181 bodies are often GB2312.
 */

export interface SipRequest {
  kind: 'request';
  method: string;
  uri: string;
  headers: SipHeaders;
  body: Buffer;
}

export interface SipResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: SipHeaders;
  body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

/** Headers in arrival order; a name may repeat (Via). */
export type SipHeaders = [string, string][];

const COMPACT: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type', k: 'supported', s: 'subject', e: 'content-encoding' };

const canonical = (name: string) => {
  const n = name.trim().toLowerCase();
  return COMPACT[n] ?? n;
};

export class SipParseError extends Error {}

export function parseSip(data: Buffer): SipMessage {
  const end = data.indexOf('\r\n\r\n');
  const headEnd = end >= 0 ? end : data.length;
  const head = data.subarray(0, headEnd).toString('utf8');
  const lines = head.split('\r\n');
  // Continuation lines (RFC 3261 §7.3.1) fold into the header above.
  const unfolded: string[] = [];
  for (const l of lines.slice(1)) {
    if (/^[ \t]/.test(l) && unfolded.length) unfolded[unfolded.length - 1] += ` ${l.trim()}`;
    else if (l) unfolded.push(l);
  }
  const headers: SipHeaders = [];
  for (const l of unfolded) {
    const i = l.indexOf(':');
    if (i <= 0) throw new SipParseError(`bad header line: ${l.slice(0, 40)}`);
    headers.push([canonical(l.slice(0, i)), l.slice(i + 1).trim()]);
  }
  let body = end >= 0 ? data.subarray(end + 4) : Buffer.alloc(0);
  const length = header(headers, 'content-length');
  if (length !== undefined) {
    const n = Number(length);
    if (!Number.isInteger(n) || n < 0 || n > body.length) throw new SipParseError('bad Content-Length');
    body = body.subarray(0, n);
  }
  const start = lines[0] ?? '';
  const resp = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/.exec(start);
  if (resp) return { kind: 'response', status: Number(resp[1]), reason: resp[2], headers, body };
  const req = /^([A-Z]+)\s+(\S+)\s+SIP\/2\.0$/.exec(start);
  if (!req) throw new SipParseError('bad start line');
  return { kind: 'request', method: req[1], uri: req[2], headers, body };
}

export function header(h: SipHeaders, name: string): string | undefined {
  const n = canonical(name);
  return h.find(([k]) => k === n)?.[1];
}

export function headers(h: SipHeaders, name: string): string[] {
  const n = canonical(name);
  return h.filter(([k]) => k === n).map(([, v]) => v);
}

/** The user part of a From/To/Contact value: `<sip:34020000001320000001@3402000000>;tag=…` → the id. */
export function userOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /sips?:([^@;>\s]+)@/i.exec(value);
  return m?.[1];
}

/** A parameter of a header value (`;tag=…`, `;expires=…`), outside the angle brackets. */
export function paramOf(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const tail = value.includes('>') ? value.slice(value.lastIndexOf('>') + 1) : value;
  const m = new RegExp(`;\\s*${name}\\s*=\\s*("?)([^;,"\\s]*)\\1`, 'i').exec(tail);
  return m?.[2];
}

const PRETTY: Record<string, string> = { via: 'Via', from: 'From', to: 'To', 'call-id': 'Call-ID', cseq: 'CSeq', contact: 'Contact', 'content-length': 'Content-Length', 'content-type': 'Content-Type', 'www-authenticate': 'WWW-Authenticate', expires: 'Expires', date: 'Date', 'user-agent': 'User-Agent', allow: 'Allow' };
const pretty = (n: string) => PRETTY[n] ?? n.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => `${d}${c.toUpperCase()}`);

export function serializeResponse(r: Omit<SipResponse, 'kind'>): Buffer {
  const lines = [`SIP/2.0 ${r.status} ${r.reason}`];
  for (const [k, v] of r.headers) if (k !== 'content-length') lines.push(`${pretty(k)}: ${v}`);
  lines.push(`Content-Length: ${r.body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), r.body]);
}

/**
 * A response to `req` (RFC 3261 §8.2.6): the Via headers, From, Call-ID and
 * CSeq copied, To given a tag when it has none, and the source address added
 * to the top Via as `received`/`rport` so the answer finds a device behind NAT.
 */
export function responseTo(req: SipRequest, status: number, reason: string, extra: SipHeaders = [], source?: { address: string; port: number }, toTag?: string): Buffer {
  const out: SipHeaders = [];
  headers(req.headers, 'via').forEach((v, i) => {
    let via = v;
    if (i === 0 && source) {
      if (!/;\s*received=/i.test(via)) via += `;received=${source.address}`;
      via = /;\s*rport(?=;|$)/i.test(via) ? via.replace(/;\s*rport(?=;|$)/i, `;rport=${source.port}`) : via;
    }
    out.push(['via', via]);
  });
  const from = header(req.headers, 'from');
  if (from) out.push(['from', from]);
  let to = header(req.headers, 'to');
  if (to && !paramOf(to, 'tag') && toTag) to += `;tag=${toTag}`;
  if (to) out.push(['to', to]);
  for (const n of ['call-id', 'cseq']) {
    const v = header(req.headers, n);
    if (v) out.push([n, v]);
  }
  out.push(...extra);
  return serializeResponse({ status, reason, headers: out, body: Buffer.alloc(0) });
}
