import { randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { divisionLevel } from '../access/index.js';
import type { Citation } from '../shared/citation.js';
import { findDivision } from '../shared/standards/gb2260.js';
import type { Bilingual } from '../shared/text.js';
import { chinaDate } from './domain/time.js';
import type { AnyDb, RegistryPort } from './ports/index.js';
import { workflowDb, type WfDb } from './tables.js';
import type { IssuedDocument } from './workflow.js';

/**
 * Official documents, generated from the data of an item at the moment of the
 * act and never edited afterwards. Each has a number unique per kind, issuing
 * organ and year, and a verification code the public portal checks.
 */
export const DOCUMENT_KINDS = {
  'filing-receipt': { code: 'BA', title: { zh: '备案回执', en: 'Filing receipt' }, citation: { article: 18 } },
  'inspection-record': { code: 'JC', title: { zh: '监督检查记录', en: 'Supervisory inspection record' }, citation: { article: 27 } },
  'rectification-notice': { code: 'ZG', title: { zh: '责令限期改正通知书', en: 'Notice of order to rectify within a time limit' }, citation: { article: 31 }, basis: 'Art 26, 31, 32' },
  'removal-notice': { code: 'CC', title: { zh: '责令拆除通知书', en: 'Notice of order to remove' }, citation: { article: 33 } },
  'penalty-decision': { code: 'CF', title: { zh: '行政处罚决定书', en: 'Administrative penalty decision' }, citation: { article: 31 }, basis: 'Art 31, 32, 34, 35' },
  'warning-notice': { code: 'JS', title: { zh: '警示公告', en: 'Warning announcement' }, citation: { article: 28 } },
} as const satisfies Record<string, { code: string; title: Bilingual; citation: Citation; basis?: string }>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export function isDocumentKind(k: string): k is DocumentKind {
  return k in DOCUMENT_KINDS;
}

/** Without 0/O, 1/I: a code read off paper and typed in. 32 symbols, 10 of them: 50 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;

export function newVerificationCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** `CF-210100-2026-00003`: kind, issuing organ's division, year, sequence. */
export function documentNumber(kind: DocumentKind, organDivision: string, year: number, seq: number): string {
  return `${DOCUMENT_KINDS[kind].code}-${organDivision}-${year}-${String(seq).padStart(5, '0')}`;
}

/** The name of the police organ of a division, from the registry when it has it. */
export async function organName(db: AnyDb, registry: RegistryPort, division: string): Promise<Bilingual> {
  const fromRegistry = await registry.organName(db, division);
  if (fromRegistry) return fromRegistry;
  return defaultOrganName(division);
}

/** 辽宁省公安厅, 沈阳市公安局, 沈阳市公安局和平分局, 新民市公安局. */
export function defaultOrganName(division: string): Bilingual {
  const d = findDivision(division);
  if (!d) return { zh: `公安机关（${division}）`, en: `Public security organ (${division})` };
  const level = divisionLevel(division);
  if (level === 'province') return { zh: `${d.name}公安厅`, en: `${d.name} Provincial Public Security Department` };
  if (level === 'city') return { zh: `${d.name}公安局`, en: `${d.name} Public Security Bureau` };
  const city = findDivision(`${division.slice(0, 4)}00`);
  if (d.name.endsWith('区') && city) {
    const short = d.name.replace(/区$/, '');
    return { zh: `${city.name}公安局${short}分局`, en: `${city.name} Public Security Bureau, ${d.name} Branch` };
  }
  return { zh: `${d.name}公安局`, en: `${d.name} Public Security Bureau` };
}

export async function issueDocument(
  trx: WfDb,
  args: { itemId: number; kind: DocumentKind; organDivision: string; issuedBy: number | null; now: Date; content: Record<string, unknown>; publicSubject: string | null },
): Promise<IssuedDocument> {
  const year = Number(chinaDate(args.now).slice(0, 4));
  const counter = await trx
    .insertInto('workflowDocumentCounters')
    .values({ kind: args.kind, organDivision: args.organDivision, year, last: 1 })
    .onConflict((oc) => oc.columns(['kind', 'organDivision', 'year']).doUpdateSet({ last: sql`workflow_document_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  const number = documentNumber(args.kind, args.organDivision, year, Number(counter.last));
  const verificationCode = newVerificationCode();
  const issuedAt = args.now.toISOString();
  const content = { ...args.content, kind: args.kind, title: DOCUMENT_KINDS[args.kind].title, number, verificationCode, issuedAt, organDivision: args.organDivision };
  const row = await trx
    .insertInto('workflowDocuments')
    .values({
      itemId: args.itemId,
      kind: args.kind,
      number,
      verificationCode,
      organDivision: args.organDivision,
      issuedAt,
      issuedBy: args.issuedBy,
      publicSubject: args.publicSubject,
      content: JSON.stringify(content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), kind: args.kind, number, verificationCode };
}

export interface VerifiedDocument {
  number: string;
  kind: DocumentKind;
  title: Bilingual;
  issuedAt: string;
  issuingOrgan: { divisionCode: string; name: Bilingual };
  /** The recipient when it is an organisation; never a person's name. */
  subject: string | null;
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The public check of a printed document: undefined unless number and code belong together. */
export async function verifyDocument(db: AnyDb, registry: RegistryPort, number: string, code: string): Promise<VerifiedDocument | undefined> {
  const row = await workflowDb(db)
    .selectFrom('workflowDocuments')
    .select(['number', 'kind', 'verificationCode', 'issuedAt', 'organDivision', 'publicSubject'])
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst();
  if (!row || !sameCode(row.verificationCode, code.trim().toUpperCase()) || !isDocumentKind(row.kind)) return undefined;
  return {
    number: row.number,
    kind: row.kind,
    title: DOCUMENT_KINDS[row.kind].title,
    issuedAt: row.issuedAt,
    issuingOrgan: { divisionCode: row.organDivision, name: await organName(db, registry, row.organDivision) },
    subject: row.publicSubject,
  };
}
