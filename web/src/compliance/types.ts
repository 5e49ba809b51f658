import type { Bilingual } from '../i18n/i18n';

/** The answers of the compliance and penalty routes (src/compliance/schemas.ts, src/law/penalties/penalty-schema.ts). */

export const OUTCOMES = ['violation', 'obligation', 'refused', 'allowed', 'compliant', 'not_applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ENTITY_KINDS = ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'providers', 'products'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export function isEntityKind(x: string | undefined): x is EntityKind {
  return !!x && (ENTITY_KINDS as readonly string[]).includes(x);
}

export interface Citation {
  instrument?: string;
  article: number;
  paragraph?: number;
  item?: number;
}

export interface Fine {
  payer: 'unit' | 'responsible_person' | 'direct_responsible_person' | 'individual';
  amountYuan: number;
  perPerson?: boolean;
  basis: Bilingual;
  citation: Citation;
}

export interface PenaltyDecision {
  article: number;
  item?: number;
  offender: 'unit' | 'individual';
  asOf: string;
  violated?: Citation;
  orders: { kind: string; text: Bilingual; condition?: Bilingual; citation: Citation }[];
  fines: Fine[];
  contingentFines?: { condition: Bilingual; fines: Fine[] };
  confiscation?: { amountYuan: number; basis: Bilingual; citation: Citation };
  referrals: { kind: string; condition: Bilingual; text: Bilingual; citation: Citation }[];
  interpretations: string[];
  summary: Bilingual;
}

export interface Finding {
  ruleId: string;
  kind: string;
  citation: Citation;
  citationLabel: Bilingual;
  href: string;
  outcome: Outcome;
  subject: string;
  facts: Record<string, unknown>;
  message: Bilingual;
  interpretations: string[];
  penalty?: PenaltyDecision;
}

export type OutcomeCounts = Record<Outcome, number>;

export interface EntityRef {
  type: EntityKind;
  id: number;
  name: string;
  divisionCode: string | null;
  divisionName: string | null;
  cityCode: string | null;
  cityName: string | null;
}

export interface UnknownFact {
  fact: string;
  label: Bilingual;
  citation: Citation;
  citationLabel: Bilingual;
  href: string;
}

export interface EntityAssessment {
  entity: EntityRef;
  at: string;
  findings: Finding[];
  counts: OutcomeCounts;
  unknownFacts: UnknownFact[];
  sweep: { runId: number; assessedAt: string; asOf: string; current: boolean } | null;
}

export interface SummaryRow {
  code: string;
  name: string;
  entities: number;
  entitiesWithViolations: number;
  counts: OutcomeCounts;
}

export interface RuleRow {
  ruleId: string;
  title: Bilingual;
  citation: Citation;
  citationLabel: Bilingual;
  href: string;
  counts: OutcomeCounts;
}

export interface Summary {
  by: 'city' | 'county';
  division: { code: string; name: string } | null;
  run: { id: number; mode: string; asOf: string; startedAt: string; finishedAt: string | null } | null;
  rows: SummaryRow[];
  total: { entities: number; entitiesWithViolations: number; counts: OutcomeCounts };
  rules: RuleRow[];
}

export interface FindingsPage {
  items: { entity: EntityRef; finding: Finding; assessedOn: string }[];
  total: number;
  page: number;
  pageSize: number;
}

/** An instant as the time in China (UTC+8): `2026-06-01 16:00`. */
export function chinaDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
