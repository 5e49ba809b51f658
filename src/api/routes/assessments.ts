import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { assess, countByOutcome, EXAMPLES, FindingSchema, OUTCOMES, SituationSchema } from '../../law/index.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

const AssessmentBody = Type.Object(
  {
    at: Type.String({ format: 'date', description: 'The day the regulation is applied as it stood (YYYY-MM-DD)' }),
    situation: SituationSchema,
  },
  { additionalProperties: false },
);

const AssessmentResult = Type.Object({
  at: Type.String(),
  findings: Type.Array(FindingSchema),
  counts: Type.Object(Object.fromEntries(OUTCOMES.map((o) => [o, Type.Integer()])) as Record<(typeof OUTCOMES)[number], ReturnType<typeof Type.Integer>>),
});

const ExampleList = Type.Array(
  Type.Object({ article: Type.Integer(), title: Bilingual, situation: Type.Unknown(), expect: Type.Array(Type.Object({ ruleId: Type.String(), outcome: Type.String(), subject: Type.Optional(Type.String()) })) }),
);

/** The situation schema as plain JSON Schema (TypeBox's symbols do not survive JSON). */
const SITUATION_JSON_SCHEMA = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Situation', ...JSON.parse(JSON.stringify(SituationSchema)) };

/**
 * What-if assessment: every rule of the regulation that reaches the facts
 * given, as the regulation stood on a day. Public and stateless: nothing is
 * stored, nothing is read from the database.
 */
export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/assessments',
    {
      config: { public: true },
      schema: {
        tags: ['law'],
        summary: 'Assess a situation against every applicable rule, as the regulation stood on a day',
        body: AssessmentBody,
        response: { 200: AssessmentResult },
      },
    },
    async (req) => {
      // The type provider reads schemas with a newer TypeBox that does not see through `StringEnum`; the schema validated the body.
      const body = req.body as Static<typeof AssessmentBody>;
      const findings = assess(body.situation, body.at);
      return { at: body.at, findings, counts: countByOutcome(findings) };
    },
  );

  app.get(
    '/api/v1/assessments/schema',
    {
      config: { public: true },
      schema: { tags: ['law'], summary: 'The JSON Schema of a situation', response: { 200: Type.Unknown() } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return SITUATION_JSON_SCHEMA;
    },
  );

  app.get(
    '/api/v1/assessments/examples',
    {
      config: { public: true },
      schema: { tags: ['law'], summary: 'One example situation per article, with the findings it must produce', response: { 200: ExampleList } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return EXAMPLES.map((e) => ({ article: e.article, title: e.title, situation: e.situation, expect: e.expect }));
    },
  );
};
