import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../shared/errors.js';
import { applicationStatus, publicViewingDocument } from '../../vault/index.js';
import { organName, portsFor, publicProviders, publicWarnings, verifyDocument, type PublicProviderFilters } from '../../workflow/index.js';
import { signageSvg } from './public-signage.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

/** One value of a closed list: refused with 400 naming the field and the values it may take, in both languages. */
const OneOf = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** The orders of the public lists; the list and its export take the same ones. */
const ProviderSort = {
  sort: Type.Optional(OneOf(['filed', 'name'] as const, '`filed`: by filing date (the default, newest first); `name`: by the provider’s name')),
  order: Type.Optional(OneOf(['asc', 'desc'] as const, '`desc` by default for `filed`, `asc` for `name`')),
};
const WarningSort = {
  sort: Type.Optional(OneOf(['published', 'name'] as const, '`published`: by date of publication (the default, newest first); `name`: by the provider’s name')),
  order: Type.Optional(OneOf(['asc', 'desc'] as const, '`desc` by default for `published`, `asc` for `name`')),
};

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

type ProviderRow = Awaited<ReturnType<typeof publicProviders>>['items'][number];
type WarningRow = Awaited<ReturnType<typeof publicWarnings>>['items'][number];
// The type provider does not see through `Type.Unsafe`; the schemas below validated the query.
type WarningFilters = Parameters<typeof publicWarnings>[1];

/** The public list of providers as a table: the list's fields, nothing more. */
const PROVIDER_COLUMNS: ExportColumn<ProviderRow>[] = [
  { header: { zh: '单位名称', en: 'Name' }, value: (p) => p.name },
  { header: { zh: '统一社会信用代码', en: 'Unified social credit code' }, value: (p) => p.creditCode },
  { header: { zh: '服务项目', en: 'Services' }, value: (p) => p.services.map((s) => s.label.zh).join('、') },
  { header: { zh: '经营地', en: 'Place of business' }, value: (p) => p.placeOfBusiness.name.zh },
  { header: { zh: '备案机关', en: 'Filed with' }, value: (p) => p.filingAuthority.name.zh },
  { header: { zh: '备案日期', en: 'Filed on' }, value: (p) => p.filedAt },
  { header: { zh: '备案回执编号', en: 'Receipt number' }, value: (p) => p.receiptNumber },
  { header: { zh: '列入警示名单', en: 'On the warning list' }, value: (p) => (p.warning.listed ? '是' : '否') },
  { header: { zh: '警示次数', en: 'Warnings' }, value: (p) => p.warning.count },
];

/** The public warning list as a table: the list's fields, nothing more. */
const WARNING_COLUMNS: ExportColumn<WarningRow>[] = [
  { header: { zh: '公告编号', en: 'Number' }, value: (w) => w.number },
  { header: { zh: '服务单位', en: 'Provider' }, value: (w) => w.provider.name },
  { header: { zh: '统一社会信用代码', en: 'Unified social credit code' }, value: (w) => w.provider.creditCode },
  { header: { zh: '警示依据', en: 'Basis' }, value: (w) => w.basisLabel.zh },
  { header: { zh: '查证事实', en: 'Finding' }, value: (w) => w.finding },
  { header: { zh: '违反条款', en: 'Rule' }, value: (w) => (w.rule ? w.rule.title.zh : null) },
  { header: { zh: '发布日期', en: 'Published on' }, value: (w) => w.publishedAt },
  { header: { zh: '发布机关', en: 'Published by' }, value: (w) => w.authority.name.zh },
];

const CitationBody = Type.Object({
  article: Type.Integer(),
  paragraph: Type.Optional(Type.Integer()),
  item: Type.Optional(Type.Integer()),
  label: Bilingual,
  href: Type.String({ description: 'The article in the web app, e.g. /law/25#p1-i2' }),
});

/** What anyone holding an application's receipt may see: no name, no ID number, none of the applicant's words. */
const ApplicationStatusBody = Type.Object({
  kind: Type.String({ enum: ['viewing', 'evidence'], description: '`viewing` (Art 25 ¶1) or `evidence` (Art 25 ¶2)' }),
  kindLabel: Bilingual,
  number: Type.String(),
  state: Type.String(),
  stateLabel: Bilingual,
  filedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decision: Type.Union([
    Type.Object({
      outcome: Type.String({ enum: ['approved', 'refused'] }),
      outcomeLabel: Bilingual,
      reasons: Type.Union([Type.String(), Type.Null()], { description: 'The police’s reasons (any ID or phone number in them masked)' }),
      mode: Type.Union([Type.String({ enum: ['accompany', 'document'] }), Type.Null()], { description: 'Art 25 ¶1 (2): with an officer, or with a viewing document' }),
      documentExpiresAt: Type.Union([Type.String(), Type.Null()]),
      citation: CitationBody,
    }),
    Type.Null(),
  ]),
  citation: CitationBody,
});

const SignageBody = Type.Object({
  titleZh: Type.String(),
  textZh: Type.String(),
  titleEn: Type.String(),
  textEn: Type.String(),
  english: Type.Boolean({ description: 'Whether the English lines are printed' }),
  widthMm: Type.Integer(),
  heightMm: Type.Integer(),
  citation: CitationBody,
});

const ART15 = { article: 15, label: { zh: '第十五条', en: 'Art 15' }, href: '/law/15' };

export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { jdb, config } = app.deps;

  app.get(
    '/api/v1/public/providers',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Art 18: the filed providers, searchable by name or credit code, sorted by filing date or name; with their warning status (Art 28)',
        security: [],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or of the unified social credit code' })),
          service: Type.Optional(Type.String({ enum: ['design', 'installation', 'maintenance', 'alarm_operation'] })),
          filingOrgan: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'Division code of the police organ filed with' })),
          warned: Type.Optional(Type.Boolean({ description: 'Only providers on (true) or off (false) the warning list' })),
          ...ProviderSort,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PublicProvider) }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return publicProviders(jdb, req.query as PublicProviderFilters);
    },
  );

  app.get(
    '/api/v1/public/warnings',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Art 28: the warning list — providers with a verified violation or a verified complaint — sorted by publication or name',
        security: [],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...WarningSort,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PublicWarning) }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return publicWarnings(jdb, req.query as WarningFilters);
    },
  );

  app.get(
    '/api/v1/public/providers/export',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Art 18: the filed providers the list shows for the same search, filters and order, all of them, as CSV (UTF-8 with BOM) or XLSX',
        security: [],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or of the unified social credit code' })),
          service: Type.Optional(Type.String({ enum: ['design', 'installation', 'maintenance', 'alarm_operation'] })),
          filingOrgan: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'Division code of the police organ filed with' })),
          warned: Type.Optional(Type.Boolean({ description: 'Only providers on (true) or off (false) the warning list' })),
          ...ProviderSort,
          format: ExportFormatQuery,
        }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as PublicProviderFilters & { format?: ExportFormat };
      const rows = await allPages((offset) => publicProviders(jdb, { ...filters, limit: 200, offset }));
      return sendExport(reply, { format, name: 'public-providers', now: app.deps.clock.now(), columns: PROVIDER_COLUMNS, rows, cacheControl: 'public, max-age=30' });
    },
  );

  app.get(
    '/api/v1/public/warnings/export',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Art 28: the warning list the list shows for the same search and order, all of it, as CSV (UTF-8 with BOM) or XLSX',
        security: [],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...WarningSort,
          format: ExportFormatQuery,
        }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as WarningFilters & { format?: ExportFormat };
      const rows = await allPages((offset) => publicWarnings(jdb, { ...filters, limit: 200, offset }));
      return sendExport(reply, { format, name: 'public-warnings', now: app.deps.clock.now(), columns: WARNING_COLUMNS, rows, cacheControl: 'public, max-age=30' });
    },
  );

  app.get(
    '/api/v1/public/documents/verify',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Check a printed document by its number and verification code: filing receipts, inspection records, rectification and removal notices, penalty decisions, warning announcements (kind as in the document) and viewing documents (kind `viewing-document`, Art 25 ¶1). 404 for an unknown pair',
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
            validUntil: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'A viewing document: the last moment it may be used' })),
            inForce: Type.Optional(Type.Boolean({ description: 'A viewing document: whether it may still be used (issued, not used up, not run out)' })),
          }),
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const registry = portsFor(jdb).registry;
      const d = await verifyDocument(jdb.db, registry, req.query.number, req.query.code);
      if (d) return { valid: true as const, ...d };
      const v = await publicViewingDocument({ db: jdb.db }, req.query.number, req.query.code, app.deps.clock.now());
      if (!v) throw notFound({ zh: '该编号与验证码对应的文书', en: 'a document with this number and verification code' });
      return {
        valid: true as const,
        number: v.number,
        kind: 'viewing-document',
        title: { zh: '查看文书', en: 'Viewing document' },
        issuedAt: v.issuedAt,
        issuingOrgan: { divisionCode: v.stationDivision, name: await organName(jdb.db, registry, v.stationDivision) },
        subject: null,
        validUntil: v.validUntil,
        inForce: v.inForce,
      };
    },
  );

  app.get(
    '/api/v1/public/applications/status',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Art 25: the state and decision of a viewing application or evidence request, by the number and status code on its receipt. 404 for an unknown pair',
        security: [],
        querystring: Type.Object({
          number: Type.String({ minLength: 1, maxLength: 40, description: 'The receipt number, e.g. CKSQ-210102-000042' }),
          code: Type.String({ minLength: 1, maxLength: 20, description: 'The status code printed with it' }),
        }),
        response: { 200: ApplicationStatusBody },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const s = await applicationStatus({ db: jdb.db }, req.query.number, req.query.code);
      // A wrong code answers as an unknown number: the pair is the key, the number alone tells nothing.
      if (!s) throw notFound({ zh: '该编号与查询码对应的申请', en: 'an application with this number and status code' });
      return s;
    },
  );

  app.get(
    '/api/v1/public/signage',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Art 15: the configured wording and size of the sign for areas under video capture',
        security: [],
        response: { 200: SignageBody },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { ...config.signage, citation: ART15 };
    },
  );

  app.get(
    '/api/v1/public/signage.svg',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Art 15: the sign as a standalone SVG at its configured size in millimetres, ready to print at 100 %',
        security: [],
        querystring: Type.Object({
          unit: Type.Optional(Type.String({ maxLength: 60, description: 'The unit’s name, printed under the wording' })),
          english: Type.Optional(Type.Boolean({ description: 'Print the English lines (default from the configuration)' })),
        }),
        response: { 200: { description: 'The sign', content: { 'image/svg+xml': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300').type('image/svg+xml; charset=utf-8');
      return signageSvg(config.signage, { unitName: req.query.unit, english: req.query.english });
    },
  );
};
