import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  complianceContext,
  FindingsPageSchema,
  FindingsQuerySchema,
  listFindings,
  summarize,
  SummaryQuerySchema,
  SummarySchema,
  type FindingsQuery,
  type SummaryQuery,
} from '../../compliance/index.js';
import { noStore } from '../auth.js';

/**
 * What the province-wide sweep stored: the summary per city and county and
 * the findings themselves, each within the caller's scope from the policy.
 */
export const complianceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = complianceContext(app.deps.jdb, app.deps.clock);

  app.get(
    '/api/v1/compliance/summary',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Entities and findings per city, or per county of a city, and per rule, from the last sweep, within your jurisdiction',
        querystring: SummaryQuerySchema,
        response: { 200: SummarySchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return summarize(ctx, req.actor, req.query as SummaryQuery) as never;
    },
  );

  app.get(
    '/api/v1/compliance/findings',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Stored findings, a page at a time, filtered by place, kind, key unit, rule, article and outcome, within your jurisdiction',
        querystring: FindingsQuerySchema,
        response: { 200: FindingsPageSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listFindings(ctx, req.actor, req.query as FindingsQuery) as never;
    },
  );
};
