import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../shared/errors.js';
import { portsFor, publicProviders, publicWarnings, verifyDocument } from '../../workflow/index.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

/**
 * The public portal's data: no login, cacheable, and only what the public
 * needs. The response schemas are the fence: a field not listed here (a
 * person's name, a contact, a material) cannot leave the server.
 */
const PublicProvider = Type.Object({
  name: Type.String(),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  services: Type.Array(Type.Object({ code: Type.String(), label: Bilingual })),
  placeOfBusiness: Type.Object({ code: Type.Union([Type.String(), Type.Null()]), name: Bilingual }),
  filingAuthority: Type.Object({ divisionCode: Type.String(), name: Bilingual }),
  filedAt: Type.String(),
  receiptNumber: Type.String(),
  warning: Type.Object({ listed: Type.Boolean(), count: Type.Integer() }),
});

const PublicWarning = Type.Object({
  number: Type.Union([Type.String(), Type.Null()]),
  provider: Type.Object({ name: Type.String(), creditCode: Type.Union([Type.String(), Type.Null()]) }),
  basis: Type.String({ description: '`violation` or `complaint` (Art 28)' }),
  basisLabel: Bilingual,
  finding: Type.String({ description: 'What was verified, as the police announced it' }),
  rule: Type.Union([Type.Object({ id: Type.String(), title: Bilingual, citation: Type.Object({ article: Type.Integer(), paragraph: Type.Optional(Type.Integer()), item: Type.Optional(Type.Integer()) }) }), Type.Null()]),
  publishedAt: Type.String(),
  authority: Type.Object({ divisionCode: Type.String(), name: Bilingual }),
});

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { jdb } = app.deps;

  app.get(
    '/api/v1/public/providers',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Art 18: the filed providers, searchable by name or credit code; with their warning status (Art 28)',
        security: [],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or of the unified social credit code' })),
          service: Type.Optional(Type.String({ enum: ['design', 'installation', 'maintenance', 'alarm_operation'] })),
          filingOrgan: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'Division code of the police organ filed with' })),
          warned: Type.Optional(Type.Boolean({ description: 'Only providers on (true) or off (false) the warning list' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PublicProvider) }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return publicProviders(jdb, req.query);
    },
  );

  app.get(
    '/api/v1/public/warnings',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Art 28: the warning list — providers with a verified violation or a verified complaint',
        security: [],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PublicWarning) }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return publicWarnings(jdb, req.query);
    },
  );

  app.get(
    '/api/v1/public/documents/verify',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Check a printed document: its number and verification code. 404 for an unknown pair',
        security: [],
        querystring: Type.Object({
          number: Type.String({ minLength: 1, maxLength: 40 }),
          code: Type.String({ minLength: 1, maxLength: 20 }),
        }),
        response: {
          200: Type.Object({
            valid: Type.Literal(true),
            number: Type.String(),
            kind: Type.String(),
            title: Bilingual,
            issuedAt: Type.String(),
            issuingOrgan: Type.Object({ divisionCode: Type.String(), name: Bilingual }),
            subject: Type.Union([Type.String(), Type.Null()], { description: 'The recipient when it is an organisation; never a person' }),
          }),
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const d = await verifyDocument(jdb.db, portsFor(jdb).registry, req.query.number, req.query.code);
      if (!d) throw notFound({ zh: '该编号与验证码对应的文书', en: 'a document with this number and verification code' });
      return { valid: true as const, ...d };
    },
  );
};
