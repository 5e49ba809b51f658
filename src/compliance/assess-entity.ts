import type { Actor } from '../access/index.js';
import { chinaDate, countByOutcome, type IsoDate } from '../law/index.js';
import { formatCitation, citationHref } from '../shared/citation.js';
import { getItem } from '../registry/index.js';
import { AppError, notFound } from '../shared/errors.js';
import type { ComplianceContext } from './context.js';
import { cityOf, ENTITY_KINDS, isEntityKind, type EntityKind } from './domain/entities.js';
import { Evaluator } from './domain/evaluate.js';
import { factsFor, unknownFacts } from './domain/facts.js';
import { entityRef } from './entity-ref.js';
import { ComplianceErrors } from './errors.js';
import type { EntityAssessment } from './schemas.js';

/** One evaluator per day asked about; a server asks about today, and tomorrow replaces it. */
const evaluators = new Map<IsoDate, Evaluator>();
function evaluatorFor(asOf: IsoDate): Evaluator {
  let e = evaluators.get(asOf);
  if (!e) {
    if (evaluators.size >= 4) evaluators.clear();
    evaluators.set(asOf, (e = new Evaluator(asOf, 10_000)));
  }
  return e;
}

export function assertEntityKind(kind: string): EntityKind {
  if (!isEntityKind(kind)) throw new AppError(ComplianceErrors.JF_COMPLIANCE_NOT_ASSESSABLE, { params: { kind, kinds: ENTITY_KINDS.join(', ') } });
  return kind;
}

/**
 * Every rule of the regulation over one registry entity, as its facts stand
 * now and the regulation stood on `asOf` (today in China by default). Reading
 * the entity goes through the registry's own use case, so through the
 * policy: 404 when there is no such entity, 403 when the caller may not read
 * it. The findings are computed afresh; `sweep` says when the province-wide
 * sweep last stored them and whether the facts have changed since.
 */
export async function assessEntity(ctx: ComplianceContext, actor: Actor | null, kind: EntityKind, id: number, asOf?: IsoDate): Promise<EntityAssessment> {
  const item = await getItem(ctx.registry, actor, kind, id);
  const at = asOf ?? chinaDate(ctx.clock.now());
  const [row] = await ctx.rows.read(kind, { ids: [id] });
  // Deleted since it was read: as if it had never been.
  if (!row) throw notFound({ zh: `编号${id}`, en: `${kind} ${id}` });
  const { situation, place } = factsFor(kind, row);
  const e = evaluatorFor(at).evaluate(kind, situation);
  const ref = `${kind}/${id}`;
  const findings = e.findings.map((f) => ({ ...f, subject: ref }));
  const stored = await ctx.repo.assessed(kind, id);
  return {
    entity: entityRef(kind, id, String(item.name ?? ''), place.divisionCode, cityOf(place.divisionCode)),
    at,
    situation,
    findings,
    counts: countByOutcome(findings),
    unknownFacts: unknownFacts(kind, situation).map((u) => ({ ...u, citationLabel: formatCitation(u.citation), href: citationHref(u.citation) })),
    sweep: stored ? { runId: stored.runId, assessedAt: stored.assessedAt, asOf: stored.asOf, current: stored.hash === e.hash } : null,
  };
}
