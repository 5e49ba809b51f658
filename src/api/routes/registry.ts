import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyRequest } from 'fastify';
import { AppError, CommonErrors } from '../../shared/errors.js';
import {
  CONTENT_TYPES,
  createItem,
  deleteItem,
  describeRegistry,
  exportItems,
  getItem,
  importItems,
  KINDS,
  listItems,
  REGISTRY_KINDS,
  RegistryRepository,
  updateItem,
  type ListQuery,
  type RegistryContext,
  type RegistryKind,
  type TableFormat,
} from '../../registry/index.js';
import {
  createBodySchema,
  DivisionSchema,
  filterQueryProperties,
  ImportResultSchema,
  itemSchema,
  listQuerySchema,
  pageSchema,
  patchBodySchema,
  RegistryMetaSchema,
} from '../../registry/schemas.js';
import { noStore, scopeOf } from '../auth.js';
import { issuesFromValidation } from '../error-handler.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const FormatQuery = Type.Optional(Type.Unsafe<TableFormat>({ type: 'string', enum: ['csv', 'xlsx'] }));

/**
 * Bodies of writes are checked by the registry's own validator, which names
 * every broken rule at once (the schema stays for the OpenAPI document);
 * anything else that fails its schema is answered as usual.
 */
function rethrowNonBodyValidation(req: FastifyRequest) {
  const err = (req as FastifyRequest & { validationError?: FastifyError & { validation?: never[]; validationContext?: string } }).validationError;
  if (err && err.validationContext !== 'body') {
    throw new AppError(CommonErrors.JF_VALIDATION, { errors: issuesFromValidation(err.validation ?? [], err.validationContext) });
  }
}

/** The body as sent, before schema validation coerces it (ajv would turn `null` into `0`). */
const sentBodies = new WeakMap<FastifyRequest, unknown>();
async function keepSentBody(req: FastifyRequest) {
  sentBodies.set(req, structuredClone(req.body));
}

function splitQuery(kind: RegistryKind, query: Record<string, unknown>): ListQuery {
  const filters: Record<string, unknown> = {};
  for (const f of KINDS[kind].fields) if (f.filterable && query[f.name] !== undefined) filters[f.name] = query[f.name];
  return {
    q: typeof query.q === 'string' ? query.q : undefined,
    filters,
    page: query.page as number | undefined,
    pageSize: query.pageSize as number | undefined,
    sort: query.sort as string | undefined,
    order: query.order as 'asc' | 'desc' | undefined,
  };
}

/**
 * The registries (art 3, 8, 10, 16-19): one set of routes per kind, described
 * by `GET /api/v1/registry/meta`, each list filtered in SQL by the caller's
 * scope from the policy.
 */
export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { jdb, clock } = app.deps;
  const ctx: RegistryContext = { repo: RegistryRepository.of(jdb), clock };

  // Imports arrive as the file itself.
  app.addContentTypeParser(['text/csv', XLSX, 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get(
    '/api/v1/registry/meta',
    { schema: { tags: ['registry'], summary: 'The registries, their fields, vocabularies and what lists may filter and sort by', response: { 200: RegistryMetaSchema } } },
    async () => describeRegistry(),
  );

  app.get(
    '/api/v1/divisions',
    {
      schema: {
        tags: ['registry'],
        summary: 'Liaoning GB/T 2260 divisions under a parent (the province itself when none)',
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) }),
        response: { 200: Type.Object({ items: Type.Array(DivisionSchema) }) },
      },
    },
    async (req) => {
      scopeOf(req, 'read', 'division');
      return { items: await ctx.repo.divisions(req.query.parent ?? null) };
    },
  );

  for (const kind of REGISTRY_KINDS) {
    const k = KINDS[kind];
    const base = `/api/v1/registry/${kind}`;
    const Item = itemSchema(kind);
    const tags = ['registry'];

    app.get(
      base,
      { schema: { tags, summary: `List ${k.label.en.toLowerCase()} (${k.label.zh}): search, filters, sorting, paging`, querystring: listQuerySchema(kind), response: { 200: pageSchema(kind) } } },
      async (req, reply) => {
        noStore(reply);
        // Items are built from the field definitions the schema is made from.
        return (await listItems(ctx, req.actor, kind, splitQuery(kind, req.query as Record<string, unknown>))) as never;
      },
    );

    app.get(
      `${base}/export`,
      {
        schema: {
          tags,
          summary: `Export ${k.label.en.toLowerCase()} as CSV (UTF-8 with BOM) or XLSX, with the list's search and filters`,
          querystring: Type.Object({ ...filterQueryProperties(kind), format: FormatQuery }),
          response: {
            200: {
              description: 'The file; its header row names the fields',
              content: { 'text/csv': { schema: { type: 'string' } }, [XLSX]: { schema: { type: 'string', format: 'binary' } } },
            },
          },
        },
      },
      async (req, reply) => {
        const query = req.query as Record<string, unknown>;
        const format = (query.format as TableFormat | undefined) ?? 'csv';
        const { q, filters } = splitQuery(kind, query);
        const file = await exportItems(ctx, req.actor, kind, { q, filters }, format);
        noStore(reply);
        reply.header('content-type', file.contentType);
        reply.header('content-disposition', `attachment; filename="${file.filename}"`);
        reply.header('x-total-count', String(file.rows));
        return reply.send(file.stream as never);
      },
    );

    app.post(
      `${base}/import`,
      {
        attachValidation: true,
        schema: {
          tags,
          summary: `Import ${k.label.en.toLowerCase()} from CSV or XLSX: all rows or none`,
          querystring: Type.Object({ format: FormatQuery }),
          body: { content: { 'text/csv': { schema: { type: 'string' } }, [XLSX]: { schema: { type: 'string', format: 'binary' } } } },
          response: { 200: ImportResultSchema },
        },
      },
      async (req) => {
        rethrowNonBodyValidation(req);
        const ct = String(req.headers['content-type'] ?? '');
        const format: TableFormat = (req.query as { format?: TableFormat }).format ?? (ct.startsWith(XLSX) ? 'xlsx' : 'csv');
        if (!Buffer.isBuffer(req.body)) {
          throw new AppError(CommonErrors.JF_VALIDATION, {
            errors: [{ field: 'body', rule: 'content-type', message: { zh: `请以${CONTENT_TYPES[format]}上传文件本身`, en: `Send the file itself as ${CONTENT_TYPES[format]}` } }],
          });
        }
        return importItems(ctx, req.actor, kind, format, req.body);
      },
    );

    app.get(
      `${base}/:id`,
      { schema: { tags, summary: `One of the ${k.label.en.toLowerCase()}`, params: IdParams, response: { 200: Item } } },
      async (req, reply) => {
        noStore(reply);
        return (await getItem(ctx, req.actor, kind, (req.params as { id: number }).id)) as never;
      },
    );

    app.post(
      base,
      { attachValidation: true, preValidation: keepSentBody, schema: { tags, summary: `Record one of the ${k.label.en.toLowerCase()}`, body: createBodySchema(kind), response: { 201: Item } } },
      async (req, reply) => {
        rethrowNonBodyValidation(req);
        const item = await createItem(ctx, req.actor, kind, bodyObject(sentBodies.get(req)));
        return reply.status(201).send(item as never);
      },
    );

    app.patch(
      `${base}/:id`,
      { attachValidation: true, preValidation: keepSentBody, schema: { tags, summary: `Change some fields of one of the ${k.label.en.toLowerCase()}`, params: IdParams, body: patchBodySchema(kind), response: { 200: Item } } },
      async (req) => {
        rethrowNonBodyValidation(req);
        return (await updateItem(ctx, req.actor, kind, (req.params as { id: number }).id, bodyObject(sentBodies.get(req)))) as never;
      },
    );

    app.delete(
      `${base}/:id`,
      { schema: { tags, summary: `Delete one of the ${k.label.en.toLowerCase()} nothing refers to`, params: IdParams, response: { 204: Type.Null() } } },
      async (req, reply) => {
        await deleteItem(ctx, req.actor, kind, (req.params as { id: number }).id);
        return reply.status(204).send(null);
      },
    );
  }
};

function bodyObject(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) return body as Record<string, unknown>;
  throw new AppError(CommonErrors.JF_VALIDATION, { errors: [{ field: 'body', rule: 'type', message: { zh: '请求体应为JSON对象', en: 'The body must be a JSON object' } }] });
}
