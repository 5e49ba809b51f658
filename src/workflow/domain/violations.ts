import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { getRule, INSPECTION_CHECKLIST, RULES, type AnyRule } from '../ports/law.js';

/**
 * What a hazard or a case can be about: a rule of the law catalogue, by id.
 * The procedure a case follows is the penalty article the rule's breach leads
 * to, as the law context records it (`sanction`); the workflows never restate
 * an article's consequence.
 * - `rectify-then-fine`: Art 31, 32 — order to rectify within a time limit; a fine once it is missed;
 * - `removal`: Art 33 — order to remove; forced removal if refused;
 * - `penalty`: Art 34, 35 — a penalty decision directly;
 * - `rectify`: no penalty in Chapter 5 — the police urge rectification (Art 26) and nothing follows.
 */
export const CASE_PATHS = ['rectify-then-fine', 'removal', 'penalty', 'rectify'] as const;
export type CasePath = (typeof CASE_PATHS)[number];

export interface ViolationInfo {
  ruleId: string;
  title: Bilingual;
  citation: Citation;
  path: CasePath;
  penaltyArticle: 31 | 32 | 33 | 34 | 35 | null;
  penaltyItem: number | null;
  /** Art 27 ¶1: the item of the inspection checklist it falls under. */
  checklistItem: 1 | 2 | 3 | 4 | 5;
  /** Art 28: a breach by a service provider, which can put it on the warning list. */
  providerDuty: boolean;
}

/** Articles whose duties bind units, providers or persons (not the government or the police). */
const PARTY_ARTICLES = new Set([4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 27]);
const PROVIDER_ARTICLES = new Set([16, 17, 20]);

/** Art 27 ¶1: the checklist item whose rules include it, as the law lists them; the rest is item 5, "other matters". */
function checklistItemOf(ruleId: string): ViolationInfo['checklistItem'] {
  return (INSPECTION_CHECKLIST.find((c) => c.rules.includes(ruleId))?.item ?? 5) as ViolationInfo['checklistItem'];
}

function info(r: AnyRule): ViolationInfo | undefined {
  const s = r.sanction;
  if (s && s.article === 36) return undefined;
  const eligible = !!s || (['obligation', 'prohibition', 'procedure'].includes(r.kind) && PARTY_ARTICLES.has(r.citation.article));
  if (!eligible) return undefined;
  const article = (s?.article ?? null) as ViolationInfo['penaltyArticle'];
  const path: CasePath = article === 31 || article === 32 ? 'rectify-then-fine' : article === 33 ? 'removal' : article === 34 || article === 35 ? 'penalty' : 'rectify';
  return {
    ruleId: r.id,
    title: r.title,
    citation: r.citation,
    path,
    penaltyArticle: article,
    penaltyItem: s?.item ?? null,
    checklistItem: checklistItemOf(r.id),
    providerDuty: PROVIDER_ARTICLES.has(r.citation.article),
  };
}

let cache: ViolationInfo[] | null = null;

export function violationCatalogue(): ViolationInfo[] {
  cache ??= RULES.map(info).filter((v): v is ViolationInfo => !!v);
  return cache;
}

export function violationOf(ruleId: string): ViolationInfo | undefined {
  const r = getRule(ruleId);
  return r ? info(r) : undefined;
}
