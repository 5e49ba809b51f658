import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { formatCitation, citationHref, type Citation } from '../shared/citation.js';
import type { Bilingual } from '../shared/text.js';
import type { VaultDeps } from './context.js';
import { citationOf, type VaultRuleId } from './domain/rules.js';
import type { EvidenceState, ViewingState } from './domain/types.js';
import { vaultDb } from './tables.js';

/**
 * Every citizen's application under Art 25 gets a number and a status code
 * when it is filed: the receipt the applicant keeps. With both, anyone can
 * see how far it went and what was decided, on the public portal, without an
 * account (a station files for applicants who have none). The answer holds
 * no name, no ID number and none of the applicant's own words.
 *
 * GAP(art 28): a complaint about a provider is filed by a logged-in user and
 * followed in their workflow inbox; it has no receipt code to follow it here.
 */

/** Without 0/O, 1/I: read off a receipt and typed in. 10 symbols of 32: 50 bits. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newStatusCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** `CKSQ-210102-000042`: viewing (查看申请), by the station's division; `DZSQ-…` for evidence (调证申请). */
export function applicationNumber(kind: 'viewing' | 'evidence', division: string, id: number): string {
  return `${kind === 'viewing' ? 'CKSQ' : 'DZSQ'}-${division}-${String(id).padStart(6, '0')}`;
}

export type ApplicationKind = 'viewing' | 'evidence';

export interface ApplicationStatus {
  kind: ApplicationKind;
  kindLabel: Bilingual;
  number: string;
  state: string;
  stateLabel: Bilingual;
  filedAt: string;
  decidedAt: string | null;
  decision: null | {
    outcome: 'approved' | 'refused';
    outcomeLabel: Bilingual;
    /** The police's reasons, with any ID or phone number masked. */
    reasons: string | null;
    /** Art 25 ¶1 (2): accompanied by an officer, or with a viewing document. */
    mode: string | null;
    documentExpiresAt: string | null;
    citation: { article: number; paragraph?: number; item?: number; label: Bilingual; href: string };
  };
  citation: { article: number; paragraph?: number; item?: number; label: Bilingual; href: string };
}

const KIND_LABEL: Record<ApplicationKind, Bilingual> = {
  viewing: { zh: '查看采获信息申请', en: 'Application to view captured information' },
  evidence: { zh: '调取采获信息作为证据申请', en: 'Request to retrieve captured information as evidence' },
};

const VIEWING_LABEL: Record<ViewingState, Bilingual> = {
  submitted: { zh: '已提交，待到派出所登记', en: 'Submitted; to be registered at the police station' },
  registered: { zh: '已登记，待派出所审批', en: 'Registered; awaiting the police station’s decision' },
  approved: { zh: '已同意查看', en: 'Approved for viewing' },
  refused: { zh: '不予同意', en: 'Refused' },
  visited: { zh: '已在采获单位查看', en: 'Viewed at the capturing unit' },
  closed: { zh: '已结束', en: 'Closed' },
};

const EVIDENCE_LABEL: Record<EvidenceState, Bilingual> = {
  submitted: { zh: '已提交，待公安机关备案', en: 'Submitted; awaiting the police’s recording' },
  recorded: { zh: '已备案并出具手续', en: 'Recorded; formalities issued' },
  refused: { zh: '不予备案', en: 'Refused' },
  handed_over: { zh: '已调取交付', en: 'Retrieved and handed over' },
  closed: { zh: '已结束', en: 'Closed' },
};

const OUTCOME_LABEL = { approved: { zh: '同意', en: 'Approved' }, refused: { zh: '不予同意', en: 'Refused' } } as const;

function cite(rule: VaultRuleId) {
  const c: Citation = citationOf(rule);
  return { ...c, label: formatCitation(c), href: citationHref(c) };
}

/**
 * Officers write reasons for the applicant, and may name them: the applicant's
 * and organisation's names, and any ID or phone number, stay off the public page.
 * GAP(art 25 ¶1 (2)): a third person named in the reasons is not recognised;
 * officers are asked to write reasons without names.
 */
export function maskPersonal(text: string, names: (string | null)[] = []): string {
  let out = text;
  for (const n of names) {
    const name = n?.trim();
    if (name) out = out.split(name).join('●●');
  }
  return out.replace(/\d{17}[\dXx]|\d{15}/g, '●●●●').replace(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '●●●●');
}

function sameCode(stored: string | null, given: string): boolean {
  if (!stored) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(given.trim().toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The status of one application; undefined unless the number and the code belong together. */
export async function applicationStatus(deps: Pick<VaultDeps, 'db'>, number: string, code: string): Promise<ApplicationStatus | undefined> {
  const no = number.trim().toUpperCase();
  const db = vaultDb(deps.db);
  if (no.startsWith('CKSQ-')) {
    const r = await db
      .selectFrom('viewingApplications')
      .select(['applicationNo', 'statusCode', 'state', 'createdAt', 'decidedAt', 'decisionReasons', 'mode', 'documentExpiresAt', 'applicantName', 'organisationName'])
      .where('applicationNo', '=', no)
      .executeTakeFirst();
    if (!r || !sameCode(r.statusCode, code)) return undefined;
    const state = r.state as ViewingState;
    const decided = r.decidedAt != null && (state === 'refused' || state === 'approved' || state === 'visited' || state === 'closed');
    return {
      kind: 'viewing',
      kindLabel: KIND_LABEL.viewing,
      number: no,
      state,
      stateLabel: VIEWING_LABEL[state] ?? { zh: state, en: state },
      filedAt: r.createdAt,
      decidedAt: r.decidedAt,
      decision: decided
        ? {
            outcome: state === 'refused' ? 'refused' : 'approved',
            outcomeLabel: OUTCOME_LABEL[state === 'refused' ? 'refused' : 'approved'],
            reasons: r.decisionReasons ? maskPersonal(r.decisionReasons, [r.applicantName, r.organisationName]) : null,
            mode: r.mode,
            documentExpiresAt: state === 'refused' ? null : r.documentExpiresAt,
            citation: cite('art25.p1.station-approval'),
          }
        : null,
      citation: cite('art25.p1.station-registration'),
    };
  }
  if (no.startsWith('DZSQ-')) {
    const r = await db
      .selectFrom('evidenceRequests')
      .select(['applicationNo', 'statusCode', 'state', 'createdAt', 'recordedAt', 'refusalReason', 'partyName'])
      .where('applicationNo', '=', no)
      .executeTakeFirst();
    if (!r || !sameCode(r.statusCode, code)) return undefined;
    const state = r.state as EvidenceState;
    const decided = r.recordedAt != null;
    return {
      kind: 'evidence',
      kindLabel: KIND_LABEL.evidence,
      number: no,
      state,
      stateLabel: EVIDENCE_LABEL[state] ?? { zh: state, en: state },
      filedAt: r.createdAt,
      decidedAt: r.recordedAt,
      decision: decided
        ? {
            outcome: state === 'refused' ? 'refused' : 'approved',
            outcomeLabel: OUTCOME_LABEL[state === 'refused' ? 'refused' : 'approved'],
            reasons: state === 'refused' && r.refusalReason ? maskPersonal(r.refusalReason, [r.partyName]) : null,
            mode: null,
            documentExpiresAt: null,
            citation: cite('art25.p2.evidence'),
          }
        : null,
      citation: cite('art25.p2.evidence'),
    };
  }
  return undefined;
}

export interface PublicViewingDocument {
  number: string;
  issuedAt: string;
  /** The county whose police station issued it (Art 25 ¶1 (1)). */
  stationDivision: string;
  validUntil: string | null;
  /** Whether the holder may still view with it: issued, not yet used up, not run out. */
  inForce: boolean;
}

/**
 * Art 25 ¶1 (2): anyone handed a printed viewing document (查看文书) checks it
 * by its number and verification code, as every other document the police
 * issue through the platform. Only the hash of the code is stored; a wrong
 * code answers as an unknown number. The answer names the issuing station's
 * county and the dates, never the holder, the unit or the recordings.
 */
export async function publicViewingDocument(deps: Pick<VaultDeps, 'db'>, number: string, code: string, now: Date): Promise<PublicViewingDocument | undefined> {
  const no = number.trim().toUpperCase();
  if (!/^CK\d{14}\d{6,}$/.test(no)) return undefined;
  const r = await vaultDb(deps.db)
    .selectFrom('viewingApplications')
    .select(['documentNo', 'documentCodeHash', 'decidedAt', 'stationDivision', 'documentExpiresAt', 'state'])
    .where('documentNo', '=', no)
    .executeTakeFirst();
  const given = createHash('sha256').update(code.trim().toUpperCase()).digest();
  const stored = r?.documentCodeHash ? Buffer.from(r.documentCodeHash, 'hex') : null;
  if (!r || !r.decidedAt || !stored || stored.length !== given.length || !timingSafeEqual(stored, given)) return undefined;
  const expired = r.documentExpiresAt != null && r.documentExpiresAt <= now.toISOString();
  return {
    number: no,
    issuedAt: r.decidedAt,
    stationDivision: r.stationDivision,
    validUntil: r.documentExpiresAt,
    inForce: r.state === 'approved' && !expired,
  };
}
