import { Type, type Static } from '@sinclair/typebox';
import { BilingualSchema, CitationSchema, FindingSchema, OUTCOMES, SituationSchema, StringEnum } from '../law/index.js';
import { ENTITY_KINDS } from './domain/entities.js';

/**
 * The compliance API's bodies: the schema is the type. Every finding carries
 * its citation and the link to the article (`/law/N#pX-iY`).
 */

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

export const EntityKindSchema = StringEnum(ENTITY_KINDS, { description: 'The registry the entity is in' });

export const OutcomeCountsSchema = Type.Object(
  Object.fromEntries(OUTCOMES.map((o) => [o, Type.Integer({ minimum: 0 })])) as Record<(typeof OUTCOMES)[number], ReturnType<typeof Type.Integer>>,
);

export const EntityRefSchema = Type.Object({
  type: EntityKindSchema,
  id: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  divisionCode: nullable(Type.String()),
  divisionName: nullable(Type.String()),
  cityCode: nullable(Type.String()),
  cityName: nullable(Type.String()),
});
export type EntityRef = Static<typeof EntityRefSchema>;

export const UnknownFactSchema = Type.Object({
  fact: Type.String({ description: 'Path of the fact in the situation' }),
  label: BilingualSchema,
  citation: CitationSchema,
  citationLabel: BilingualSchema,
  href: Type.String(),
});

export const EntityAssessmentSchema = Type.Object({
  entity: EntityRefSchema,
  at: Type.String({ description: 'The day the regulation was applied as it stood' }),
  situation: SituationSchema,
  findings: Type.Array(FindingSchema),
  counts: OutcomeCountsSchema,
  unknownFacts: Type.Array(UnknownFactSchema, { description: 'Facts the rules read that the registry does not hold: their duties answer `obligation`' }),
  sweep: nullable(
    Type.Object({
      runId: Type.Integer(),
      assessedAt: Type.String(),
      asOf: Type.String(),
      current: Type.Boolean({ description: 'The stored findings are from the same facts as now' }),
    }),
  ),
});
export type EntityAssessment = Static<typeof EntityAssessmentSchema>;

export const SummaryRowSchema = Type.Object({
  code: Type.String({ description: 'GB/T 2260 code of the city or county' }),
  name: Type.String(),
  entities: Type.Integer({ minimum: 0 }),
  entitiesWithViolations: Type.Integer({ minimum: 0 }),
  counts: OutcomeCountsSchema,
});

export const RuleRowSchema = Type.Object({
  ruleId: Type.String(),
  title: BilingualSchema,
  citation: CitationSchema,
  citationLabel: BilingualSchema,
  href: Type.String(),
  counts: OutcomeCountsSchema,
});

export const RunSchema = Type.Object({
  id: Type.Integer(),
  mode: Type.String(),
  asOf: Type.String(),
  startedAt: Type.String(),
  finishedAt: nullable(Type.String()),
});

export const SummarySchema = Type.Object({
  by: StringEnum(['city', 'county'] as const),
  division: nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  run: nullable(RunSchema),
  rows: Type.Array(SummaryRowSchema),
  total: Type.Object({ entities: Type.Integer(), entitiesWithViolations: Type.Integer(), counts: OutcomeCountsSchema }),
  rules: Type.Array(RuleRowSchema),
});
export type Summary = Static<typeof SummarySchema>;

export const FindingsPageSchema = Type.Object({
  items: Type.Array(Type.Object({ entity: EntityRefSchema, finding: FindingSchema, assessedOn: Type.String() })),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
});
export type FindingsPage = Static<typeof FindingsPageSchema>;

export const MAX_FINDINGS_PAGE = 100;

export const FindingsQuerySchema = Type.Object({
  division: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'A city or county (GB/T 2260), or the province' })),
  kind: Type.Optional(EntityKindSchema),
  rule: Type.Optional(Type.String({ maxLength: 100, description: 'A rule id, e.g. `art14.no-capture-in-private-places`' })),
  article: Type.Optional(Type.Integer({ minimum: 1, maximum: 37 })),
  outcome: Type.Optional(StringEnum(OUTCOMES)),
  keyUnitId: Type.Optional(Type.Integer({ minimum: 1, description: 'A key unit with its sites, systems and devices' })),
  order: Type.Optional(StringEnum(['asc', 'desc'] as const, { description: 'By place (county), then kind and id: `asc` (the default) or `desc`' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FINDINGS_PAGE, default: 20 })),
});
export type FindingsQuery = Static<typeof FindingsQuerySchema>;

export const SummaryQuerySchema = Type.Object({
  by: Type.Optional(StringEnum(['city', 'county'] as const, { default: 'city' })),
  division: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'Only within this city or county (GB/T 2260)' })),
  kind: Type.Optional(EntityKindSchema),
});
export type SummaryQuery = Static<typeof SummaryQuerySchema>;
