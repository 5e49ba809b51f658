import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError, CommonErrors } from '../shared/errors.js';
import { installAuth } from './auth.js';
import type { AppDeps } from './context.js';
import { errorBody, errorHandler } from './error-handler.js';
import { installOpenApiDefaults } from './openapi-defaults.js';
import { accessRequestRoutes } from './routes/access-requests.js';
import { accountRoutes } from './routes/accounts.js';
import { assessmentRoutes } from './routes/assessments.js';
import { capturedRoutes } from './routes/captured.js';
import { complianceRoutes } from './routes/compliance.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { entityAssessmentRoutes } from './routes/entity-assessments.js';
import { evidenceRoutes } from './routes/evidence.js';
import { healthRoutes } from './routes/health.js';
import { lawRoutes } from './routes/law.js';
import { operationsRoutes } from './routes/operations.js';
import { ledgerRoutes } from './routes/ledger.js';
import { registryRoutes } from './routes/registry.js';
import { penaltyRoutes } from './routes/penalties.js';
import { publicRoutes } from './routes/public.js';
import { sessionRoutes } from './routes/session.js';
import { viewingRoutes } from './routes/viewing.js';
import { workflowRoutes } from './routes/workflow.js';
import './context.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuildOptions {
  logger?: boolean | object;
  /** Serve the built web app from web/dist (on by default when it exists). */
  serveWeb?: boolean;
}

/** Builds the whole HTTP application; tests drive it with `inject()`. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('deps', deps);
  app.setErrorHandler(errorHandler);
  installOpenApiDefaults(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jifang API',
        version: '1.0.0',
        description: 'Jifang (技防): the Liaoning Province Regulations on Public Security Technical Prevention, carried out. Errors answer `{ code, message, messages: {zh,en}, citation?, errors? }`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jifang_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(accountRoutes);
  // Context plugins register below, one line each.
  await app.register(lawRoutes);
  await app.register(capturedRoutes);
  await app.register(accessRequestRoutes);
  await app.register(viewingRoutes);
  await app.register(evidenceRoutes);
  await app.register(penaltyRoutes);
  await app.register(assessmentRoutes);
  await app.register(entityAssessmentRoutes);
  await app.register(complianceRoutes);
  await app.register(ledgerRoutes);
  await app.register(registryRoutes);
  await app.register(workflowRoutes);
  await app.register(publicRoutes);
  await app.register(dashboardRoutes);
  await app.register(operationsRoutes);

  const serveWeb = opts.serveWeb ?? fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, serve: true, decorateReply: true });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !serveWeb || req.method !== 'GET') {
      const e = new AppError(CommonErrors.JF_NOT_FOUND, { params: { what: req.url } });
      return reply.status(404).send(errorBody(req, e));
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
