/**
 * The ledger's leaf: what one logged event looks like on the wire and in
 * the tree. Plain ASCII lines in a fixed order, so anyone can read a leaf
 * with a text editor and re-encode it byte for byte:
 *
 *     jifang.ledger/v1
 *     index 42
 *     at 2026-06-01T08:00:00.000Z
 *     type vault/view
 *     actor user:3f2a…
 *     subject captured-info:1723
 *     rule art24.p1.two-officers        (optional)
 *     grant grant:88                    (optional)
 *     digest sha256:9b1c…               (optional)
 *
 * Every line ends in "\n"; optional lines are left out, never empty. Values
 * are restricted to printable ASCII without spaces, so a leaf cannot carry
 * names, addresses or any free text: personal data stays out of the public
 * log by construction (references are ids or keyed pseudonyms, contents are
 * digests).
 *
 * @see art 21 ¶1 (4), art 24, art 25, art 36
 */
import { createHash, createHmac } from 'node:crypto';

export const LEAF_HEADER = 'jifang.ledger/v1';

/**
 * What is logged, with where the duty to log it comes from. Other contexts
 * may log further types of the same shape (`context/action`, with an optional
 * `.refused` or similar qualifier).
 */
export const EVENT_TYPES = {
  'workflow/transition': { zh: '工作流程状态变更', en: 'a workflow transition', article: 36 },
  'vault/view': { zh: '查看采获信息', en: 'a view of captured information', article: 24 },
  'vault/copy': { zh: '复制采获信息', en: 'a copy of captured information', article: 24 },
  'vault/export': { zh: '导出采获信息（调取证据）', en: 'an export of captured information (evidence retrieval)', article: 25 },
  'vault/erase': { zh: '消除采获信息', en: 'an erasure of captured information', article: 23 },
  'vault/seal': { zh: '封存采获信息', en: 'a sealing of captured information', article: 23 },
  'vault/refused': { zh: '被拒绝的采获信息访问', en: 'a refused attempt on captured information', article: 22 },
  'access/login': { zh: '登录', en: 'a login', article: 36 },
  'access/login.refused': { zh: '被拒绝的登录', en: 'a refused login', article: 36 },
  'access/logout': { zh: '退出登录', en: 'a logout', article: 36 },
  'access/permission-change': { zh: '权限变更', en: 'a permission change', article: 36 },
  'registry/create': { zh: '新增登记记录', en: 'a registry record added', article: 36 },
  'registry/update': { zh: '修改登记记录', en: 'a registry record changed', article: 36 },
  'registry/delete': { zh: '删除登记记录', en: 'a registry record removed', article: 36 },
  'registry/import': { zh: '批量导入登记记录', en: 'registry records imported', article: 36 },
  'device/operation-records': { zh: '接收设备运行记录', en: 'an ingest of device operation records', article: 21 },
  'ledger/key.activated': { zh: '启用账本签名密钥', en: 'the ledger signing key put into use', article: 21 },
  'ledger/key.rotated': { zh: '更换账本签名密钥', en: 'a rotation of the ledger signing key', article: 21 },
} as const;
export type KnownEventType = keyof typeof EVENT_TYPES;

/** `context/action`, optionally qualified: `vault/view`, `access/login.refused`, `captured.copy.granted`. */
export const TYPE_PATTERN = /^[a-z][a-z0-9-]{0,31}([./][a-z][a-z0-9-]{0,47}){1,5}$/;
/** `kind:id` (or `kind/id`): a kind, then ids, digests or pseudonyms. */
export const REF_PATTERN = /^[a-z][a-z0-9-]{0,31}[:/][A-Za-z0-9._~:/-]{1,160}$/;
/** Rule ids name their article, e.g. `art24.p1.two-officers`. */
export const RULE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/;
export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
const AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One event as the caller describes it; the sequencer adds the index. */
export interface LedgerEvent {
  type: string;
  /** Who acted: `user:<pseudonym>`, `system:sequencer`, `device:<id>`… */
  actorRef: string;
  /** What was acted on: `captured-info:<id>`, `filing:<id>`… */
  subjectRef: string;
  /** The rule that allowed or refused it, e.g. `art24.p1.two-officers`. */
  rule?: string;
  /** The grant or approval it relied on, e.g. `grant:<id>`. */
  grant?: string;
  /** `sha256:<hex>` of the affected data (see `digestOf`). */
  digest?: string;
  /** ISO-8601 UTC with milliseconds. */
  at: string;
}

export interface LedgerLeaf extends LedgerEvent {
  index: number;
}

export interface FieldProblem {
  field: keyof LedgerLeaf;
  problem: string;
}

export function eventProblems(e: LedgerEvent): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (typeof e.type !== 'string' || !TYPE_PATTERN.test(e.type)) out.push({ field: 'type', problem: 'must look like context/action in lowercase ASCII' });
  if (typeof e.actorRef !== 'string' || !REF_PATTERN.test(e.actorRef)) out.push({ field: 'actorRef', problem: 'must be kind:id in printable ASCII' });
  if (typeof e.subjectRef !== 'string' || !REF_PATTERN.test(e.subjectRef)) out.push({ field: 'subjectRef', problem: 'must be kind:id in printable ASCII' });
  if (e.rule !== undefined && !(typeof e.rule === 'string' && RULE_PATTERN.test(e.rule))) out.push({ field: 'rule', problem: 'must be a rule id such as art24.p1.two-officers' });
  if (e.grant !== undefined && !(typeof e.grant === 'string' && REF_PATTERN.test(e.grant))) out.push({ field: 'grant', problem: 'must be kind:id in printable ASCII' });
  if (e.digest !== undefined && !(typeof e.digest === 'string' && DIGEST_PATTERN.test(e.digest))) out.push({ field: 'digest', problem: 'must be sha256:<64 lowercase hex>' });
  if (typeof e.at !== 'string' || !AT_PATTERN.test(e.at) || !isCanonicalTime(e.at)) {
    out.push({ field: 'at', problem: 'must be an ISO-8601 UTC time with milliseconds' });
  }
  return out;
}

/** A real instant written exactly as toISOString writes it (so 2026-02-30 is refused): one parse. */
function isCanonicalTime(at: string): boolean {
  const d = new Date(at);
  return !Number.isNaN(d.getTime()) && d.toISOString() === at;
}

/** The lines after the index: what a writer queues before an index exists. */
export function encodeEventBody(e: LedgerEvent): string {
  let s = `at ${e.at}\ntype ${e.type}\nactor ${e.actorRef}\nsubject ${e.subjectRef}\n`;
  if (e.rule !== undefined) s += `rule ${e.rule}\n`;
  if (e.grant !== undefined) s += `grant ${e.grant}\n`;
  if (e.digest !== undefined) s += `digest ${e.digest}\n`;
  return s;
}

export function leafPrefix(index: number): string {
  return `${LEAF_HEADER}\nindex ${index}\n`;
}

/** The canonical leaf bytes for an event at `index`. */
export function encodeLeaf(index: number, e: LedgerEvent): Buffer {
  return Buffer.from(leafPrefix(index) + encodeEventBody(e), 'latin1');
}

export type DecodedLeaf = { ok: true; leaf: LedgerLeaf } | { ok: false; reason: string };

/**
 * Strict decoding: the bytes must be exactly what `encodeLeaf` produces for
 * the fields they hold, so two different byte strings never decode to the
 * same event.
 */
export function decodeLeaf(bytes: Uint8Array): DecodedLeaf {
  for (const b of bytes) if (b !== 0x0a && (b < 0x20 || b > 0x7e)) return { ok: false, reason: 'the leaf holds a byte outside printable ASCII' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (!text.endsWith('\n')) return { ok: false, reason: 'the leaf does not end with a newline' };
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== LEAF_HEADER) return { ok: false, reason: `the leaf does not start with ${LEAF_HEADER}` };
  const fields = new Map<string, string>();
  const order: string[] = [];
  for (const line of lines.slice(1)) {
    const sp = line.indexOf(' ');
    if (sp <= 0) return { ok: false, reason: `malformed line "${line.slice(0, 40)}"` };
    const k = line.slice(0, sp);
    if (fields.has(k)) return { ok: false, reason: `field ${k} appears twice` };
    fields.set(k, line.slice(sp + 1));
    order.push(k);
  }
  const indexText = fields.get('index');
  if (indexText === undefined || !/^(0|[1-9][0-9]{0,15})$/.test(indexText)) return { ok: false, reason: 'the index is missing or not a plain decimal' };
  const leaf: LedgerLeaf = {
    index: Number(indexText),
    at: fields.get('at') ?? '',
    type: fields.get('type') ?? '',
    actorRef: fields.get('actor') ?? '',
    subjectRef: fields.get('subject') ?? '',
  };
  if (fields.has('rule')) leaf.rule = fields.get('rule');
  if (fields.has('grant')) leaf.grant = fields.get('grant');
  if (fields.has('digest')) leaf.digest = fields.get('digest');
  const problems = eventProblems(leaf);
  if (problems.length) return { ok: false, reason: problems.map((p) => `${p.field} ${p.problem}`).join('; ') };
  if (!encodeLeaf(leaf.index, leaf).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) {
    return { ok: false, reason: `the leaf is not in canonical form (fields ${order.join(', ')})` };
  }
  return { ok: true, leaf };
}

/** Reads just the index of a leaf (fast path for verification); null when not found. */
export function leafIndexOf(bytes: Uint8Array): number | null {
  const start = LEAF_HEADER.length + 7; // "jifang.ledger/v1\nindex "
  if (bytes.length < start + 2) return null;
  let n = 0;
  let i = start;
  for (; i < bytes.length && i < start + 17; i++) {
    const c = bytes[i];
    if (c === 0x0a) break;
    if (c < 0x30 || c > 0x39) return null;
    n = n * 10 + (c - 0x30);
  }
  return i > start && bytes[i] === 0x0a ? n : null;
}

/** `sha256:<hex>` of bytes or a UTF-8 string: the form leaves carry for affected data. */
export function digestOf(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** Sorted-key JSON, so the same record always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/** `sha256:<hex>` of a record's canonical JSON. */
export function digestOfRecord(v: unknown): string {
  return digestOf(canonicalJson(v));
}

/**
 * A keyed pseudonym: `kind:<32 hex>` = HMAC-SHA256(salt, kind "\n" id), cut
 * to 128 bits. The public sees a stable reference it cannot turn back into
 * an account; the platform, holding the salt, can (Art 36 accountability).
 */
export function pseudonym(salt: Uint8Array, kind: string, id: string | number): string {
  return `${kind}:${createHmac('sha256', salt).update(`${kind}\n${id}`).digest('hex').slice(0, 32)}`;
}

/**
 * A one-way reference to a secret (a session token): `kind:<32 hex>` =
 * SHA-256(domain "\n" kind "\n" secret), cut to 128 bits. It ties events of
 * the same secret together without revealing anything that could be used.
 */
export function oneWayRef(kind: string, secret: string): string {
  return `${kind}:${createHash('sha256').update(`${LEAF_HEADER}\n${kind}\n${secret}`).digest('hex').slice(0, 32)}`;
}
