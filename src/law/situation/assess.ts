import { Value } from '@sinclair/typebox/value';
import type { FieldIssue } from '../../shared/errors.js';
import type { Outcome } from '../rules/finding.js';
import type { Finding } from '../rules/finding.js';
import { PENALTY_RULES, SITUATION_RULES } from '../rules/catalogue.js';
import { assertIsoDate, type IsoDate } from '../rules/dates.js';
import { SituationSchema, type Access, type Situation } from './schema.js';

/**
 * What-if assessment: every rule that reaches something in the situation, as
 * the regulation stood on `asOf`. The rules reading the situation run first;
 * the penalty rules of art 31-35 then answer the violations they found.
 * Pure: the same situation and date always give the same findings.
 */
export function assess(situation: Situation, asOf: IsoDate): Finding[] {
  assertIsoDate(asOf);
  const primary = SITUATION_RULES.flatMap((r) => r.assess(situation, asOf));
  const penalties = PENALTY_RULES.flatMap((r) => r.assess(situation, asOf, primary));
  return [...primary, ...penalties];
}

/**
 * One access to captured information (art 24, 25): allowed only when every
 * rule on its path allows it. A path without a rule in force is refused.
 */
export function assessAccess(access: Access, asOf: IsoDate): { outcome: Extract<Outcome, 'allowed' | 'refused'>; findings: Finding[] } {
  const findings = assess({ accesses: [access] }, asOf);
  const decisive = findings.filter((f) => f.outcome !== 'not_applicable');
  const allowed = decisive.length > 0 && decisive.every((f) => f.outcome === 'allowed');
  return { outcome: allowed ? 'allowed' : 'refused', findings };
}

export function countByOutcome(findings: readonly Finding[]): Record<Outcome, number> {
  const out: Record<Outcome, number> = { compliant: 0, violation: 0, obligation: 0, allowed: 0, refused: 0, not_applicable: 0 };
  for (const f of findings) out[f.outcome]++;
  return out;
}

/** Checks an untrusted situation against the schema; empty when it is valid. */
export function validateSituation(x: unknown): FieldIssue[] {
  return [...Value.Errors(SituationSchema, x)].map((e) => {
    const field = e.path.replace(/^\//, '').replace(/\//g, '.') || 'situation';
    return { field, rule: 'schema', message: { zh: `${field}：${e.message}`, en: `${field}: ${e.message}` } };
  });
}
