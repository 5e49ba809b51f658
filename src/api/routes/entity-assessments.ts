import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { assessEntity, complianceContext, EntityAssessmentSchema, EntityKindSchema, type EntityKind } from '../../compliance/index.js';
import { noStore } from '../auth.js';

const Params = Type.Object({ entityType: EntityKindSchema, id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const Query = Type.Object({ at: Type.Optional(Type.String({ format: 'date', description: 'The day the regulation is applied as it stood (YYYY-MM-DD); today in China when omitted' })) });

/**
 * `GET /api/v1/assessments/{entityType}/{id}`: every rule of the regulation
 * over one registry entity as its facts stand now. Needs a session; the
 * entity is read through the policy (404 unknown, 403 not yours to read).
 */
export const entityAssessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = complianceContext(app.deps.jdb, app.deps.clock);
  app.get(
    '/api/v1/assessments/:entityType/:id',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Assess one registry entity (key unit, site, public area, system, device, provider, product) against every rule of the regulation',
        params: Params,
        querystring: Query,
        response: { 200: EntityAssessmentSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const { entityType, id } = req.params as { entityType: EntityKind; id: number };
      return assessEntity(ctx, req.actor, entityType, id, (req.query as { at?: string }).at) as never;
    },
  );
};
