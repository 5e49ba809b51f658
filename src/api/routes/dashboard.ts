import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dashboard, dashboardContext, DashboardQuerySchema, DashboardSchema, type DashboardQuery } from '../../dashboard/index.js';
import { noStore } from '../auth.js';

/** The supervision dashboard of a place within the caller's jurisdiction. */
export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = dashboardContext(app.deps.jdb, app.deps.clock);

  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Figures of a place within your jurisdiction, per city or county and per month: key units by art 10 category and compliance state, hazards, orders, filings, complaints, accesses and refusals',
        description:
          'Police supervisors see their province, city or county (`division` drills down); oversight and investigators the province, as the policy lets them read each kind of row. Key units, providers and citizens are refused (403): their workspaces read their own records. Every figure carries the article it rests on and the web list it is drawn from.',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return dashboard(ctx, req.actor, req.query as DashboardQuery) as never;
    },
  );
};
