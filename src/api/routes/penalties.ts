import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { calculatePenalty, chinaDate, PenaltyDecisionSchema, PenaltyInputSchema } from '../../law/index.js';

const CalculateBody = Type.Object(
  {
    ...PenaltyInputSchema.properties,
    at: Type.Optional(Type.String({ format: 'date', description: 'The day the violation is judged by (YYYY-MM-DD); today in China when omitted' })),
  },
  { additionalProperties: false },
);

/**
 * `POST /api/v1/penalties/calculate`: what Chapter 5 provides for one
 * violation (art 31-35). Public: the law is for everyone to read. An article
 * and item with no such penalty answer 422 `JF_LAW_NO_SUCH_PENALTY`.
 */
export const penaltyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/penalties/calculate',
    {
      config: { public: true },
      schema: {
        tags: ['law'],
        summary: 'Orders, fines, confiscation and referrals the regulation provides for one violation (art 31-35)',
        body: CalculateBody,
        response: { 200: PenaltyDecisionSchema },
      },
    },
    async (req) => {
      // The type provider reads schemas with a newer TypeBox that does not see through `StringEnum`; the schema validated the body.
      const { at, ...input } = req.body as Static<typeof CalculateBody>;
      return calculatePenalty(input, at ?? chinaDate(app.deps.clock.now()));
    },
  );
};
