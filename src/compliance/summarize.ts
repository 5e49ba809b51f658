import { sql } from 'kysely';
import type { Actor } from '../access/index.js';
import { getRule, OUTCOMES, type Outcome } from '../law/index.js';
import { citationHref, formatCitation } from '../shared/citation.js';
import type { ComplianceContext } from './context.js';
import { ENTITY_KINDS, type EntityKind } from './domain/entities.js';
import { divisionName } from './entity-ref.js';
import { assertDivision } from './list-findings.js';
import type { Condition } from './repository.js';
import type { Summary, SummaryQuery } from './schemas.js';
import { complianceScope, placeCondition } from './scope.js';

const zero = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

/** Entities with a place: products have none, so they appear in the findings list but not here. */
const PLACED: readonly EntityKind[] = ENTITY_KINDS.filter((k) => k !== 'products');

/**
 * The stored findings per city (or per county of a city), within the
 * caller's scope: how many entities, how many with a violation, how many
 * findings of each outcome; and per rule, with the link to its article.
 * Read from the per-county counts, never by walking the entities, unless the
 * scope is a single unit's or provider's.
 */
export async function summarize(ctx: ComplianceContext, actor: Actor | null, q: SummaryQuery): Promise<Summary> {
  const by = q.by ?? 'city';
  const scope = complianceScope(actor, q.kind ? [q.kind] : PLACED);
  const on: Condition[] = [scope.where, sql<boolean>`c.entity_kind <> 'products'`];
  if (q.division) on.push(placeCondition(assertDivision(q.division)));
  if (q.kind) on.push(sql<boolean>`c.entity_kind = ${q.kind}`);
  const where = sql<boolean>`${sql.join(on, sql` and `)}`;

  const [rows, rules, run] = [
    await ctx.repo.summary(by, where, scope.needsEntities),
    await ctx.repo.byRule(where, scope.needsEntities),
    await ctx.repo.lastRun('finished'),
  ];

  const total = { entities: 0, entitiesWithViolations: 0, counts: zero() };
  const out = rows.map((r) => {
    const counts = zero();
    for (const o of OUTCOMES) counts[o] = Number(r[o] ?? 0);
    const row = { code: String(r.code), name: divisionName(String(r.code)) ?? String(r.code), entities: Number(r.entities), entitiesWithViolations: Number(r.with_violation), counts };
    total.entities += row.entities;
    total.entitiesWithViolations += row.entitiesWithViolations;
    for (const o of OUTCOMES) total.counts[o] += counts[o];
    return row;
  });

  const byRule = new Map<string, Summary['rules'][number]>();
  for (const r of rules) {
    const id = String(r.rule_id);
    let x = byRule.get(id);
    if (!x) {
      const rule = getRule(id);
      const citation = rule?.citation ?? { article: Number(r.article) };
      x = { ruleId: id, title: rule?.title ?? { zh: id, en: id }, citation, citationLabel: formatCitation(citation), href: citationHref(citation), counts: zero() };
      byRule.set(id, x);
    }
    x.counts[r.outcome as Outcome] += Number(r.n);
  }
  const ruleRows = [...byRule.values()].sort(
    (a, b) => b.counts.violation - a.counts.violation || b.counts.obligation - a.counts.obligation || a.citation.article - b.citation.article || a.ruleId.localeCompare(b.ruleId),
  );

  return {
    by,
    division: q.division ? { code: q.division, name: divisionName(q.division) ?? q.division } : null,
    run: run ? { id: run.id, mode: run.mode, asOf: run.asOf, startedAt: run.startedAt, finishedAt: run.finishedAt } : null,
    rows: out,
    total,
    rules: ruleRows,
  };
}
