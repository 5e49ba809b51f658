import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { isAllowed, type Action, type ListScope, type ResourceRef } from '../../access/index.js';
import { AppError, CommonErrors } from '../../shared/errors.js';
import {
  EVENT_ACTIONS,
  capturedSystemPage,
  CAPTURE_KINDS,
  citationOf,
  coverage,
  dispose,
  getSegment,
  ingest,
  pageSegments,
  openPlayback,
  checkTicket,
  authorizeContent,
  placeHolds,
  policyFor,
  recordEvent,
  pageHolds,
  getHold,
  releaseHold,
  listEvents,
  refuseAlteration,
  resolveScope,
  resolveSource,
  retentionStatus,
  setPolicy,
  sweep,
  minimumFor,
  parseWindow,
  RETENTION_ACTIONS,
  SEGMENT_STATES,
  SEGMENT_SORTS,
  LIST_ORDERS,
  HOLD_SOURCES,
  erasableFromOf,
  VAULT_RULES,
  type VaultDeps,
  type VaultRuleId,
  type Segment,
  type CaptureKind,
  type SegmentState,
  type RetentionAction,
  type SegmentSort,
  type ListOrder,
  type HoldSource,
  type Hold,
} from '../../vault/index.js';
import { noStore, scopeOf } from '../auth.js';
import { citationBody } from '../error-handler.js';
import {
  CoverageSchema,
  EventSchema,
  GrantRefSchema,
  HoldSchema,
  IdParams,
  Paging,
  PolicySchema,
  RetentionStatusSchema,
  ScopeSchema,
  SegmentSchema,
  Str,
  SweepSchema,
  scopeIn,
  Text,
  WindowSchema,
} from './captured-schemas.js';
import { grantRef, sendBlob, usernamesOf, vaultOf } from './captured-vault.js';
import { allPages, checkExportSize, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';

const tags = ['captured'];

function segmentRef(s: Pick<Segment, 'divisionCode' | 'keyUnitId' | 'restricted'>): ResourceRef {
  return { kind: 'captured-info', divisionCode: s.divisionCode, keyUnitId: s.keyUnitId, restricted: s.restricted };
}

/** Applies a list scope of the policy as the vault's filters. */
function filterOf(scope: ListScope): { keyUnitId?: number; divisionPrefix?: string; includeRestricted: boolean } {
  if (scope.kind === 'key-unit') return { keyUnitId: scope.keyUnitId, includeRestricted: scope.includeRestricted };
  if (scope.kind === 'division') return { divisionPrefix: scope.prefix, includeRestricted: scope.includeRestricted };
  if (scope.kind === 'all') return { includeRestricted: scope.includeRestricted };
  throw new AppError(CommonErrors.JF_FORBIDDEN);
}

/**
 * Refuses an action the policy does not allow on a recording, and records the
 * attempt: destroying or altering another's captured information has no path (art 22 (3)).
 */
async function guard(v: VaultDeps, req: FastifyRequest, action: Action, seg: Segment, eventAction: 'erase' | 'seal', rule: VaultRuleId): Promise<void> {
  if (isAllowed(req.actor, action, segmentRef(seg))) return;
  await v.db.transaction().execute((trx) => recordEvent(trx, v, req.actor, { action: eventAction, outcome: 'refused', ruleId: rule, errorCode: 'JF_FORBIDDEN', systemId: seg.systemId, segmentId: seg.id, keyUnitId: seg.keyUnitId, divisionCode: seg.divisionCode }));
  throw new AppError(CommonErrors.JF_FORBIDDEN, { citation: citationOf(rule) });
}

type EventOut = Awaited<ReturnType<typeof listEvents>>[number] & { actorUsername: string | null; citation: ReturnType<typeof citationBody> | null };

/** An exported entry of the access record: who, what, when, under which grant and rule; never the content. */
const EVENT_COLUMNS: ExportColumn<EventOut>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (e) => e.id },
  { header: { zh: '时间', en: 'Time' }, value: (e) => e.at },
  { header: { zh: '账号', en: 'Account' }, value: (e) => e.actorUsername },
  { header: { zh: '角色', en: 'Role' }, value: (e) => e.actorRole },
  { header: { zh: '操作', en: 'Action' }, value: (e) => e.action },
  { header: { zh: '结果', en: 'Outcome' }, value: (e) => (e.outcome === 'allowed' ? '准许 allowed' : '拒绝 refused') },
  { header: { zh: '系统编号', en: 'System ID' }, value: (e) => e.systemId },
  { header: { zh: '片段编号', en: 'Segment ID' }, value: (e) => e.segmentId },
  { header: { zh: '重点单位编号', en: 'Key unit ID' }, value: (e) => e.keyUnitId },
  { header: { zh: '行政区划代码', en: 'Division code' }, value: (e) => e.divisionCode },
  { header: { zh: '依据类型', en: 'Grant kind' }, value: (e) => e.grantKind },
  { header: { zh: '依据编号', en: 'Grant ID' }, value: (e) => e.grantId },
  { header: { zh: '条款', en: 'Article' }, value: (e) => e.citation?.label.zh ?? null },
  { header: { zh: '错误代码', en: 'Error code' }, value: (e) => e.errorCode },
];

/** The filters and sort of the list of recordings, shared with its export. */
const SegmentFilters = {
  systemId: Type.Optional(Type.Integer({ minimum: 1 })),
  deviceId: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Recordings that end after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Recordings that start before this instant' })),
  state: Type.Optional(Str(SEGMENT_STATES)),
  sort: Type.Optional(Str(SEGMENT_SORTS, 'started (start of the recording, the default) or id')),
  order: Type.Optional(Str(LIST_ORDERS, 'desc (newest first, the default) or asc')),
};
type SegmentFilterQuery = { systemId?: number; deviceId?: number; from?: string; to?: string; state?: unknown; sort?: unknown; order?: unknown; afterId?: number };

/** The filters of the list of holds, shared with its export. */
const HoldFilters = {
  active: Type.Optional(Type.Boolean({ description: 'In force (not released and not run out), or not' })),
  source: Type.Optional(Str(HOLD_SOURCES, 'What placed the hold: the police directly, an art 24 request, an art 25 ¶1 application or an art 25 ¶2 request')),
  systemId: Type.Optional(Type.Integer({ minimum: 1 })),
  order: Type.Optional(Str(LIST_ORDERS, 'desc (newest placed first, the default) or asc')),
};
type HoldFilterQuery = { active?: boolean; source?: unknown; systemId?: number; order?: unknown };

type SegmentOut = Segment & { systemName: string | null; minimumDays: number | null; erasableFrom: string };
type HoldOut = Hold & { systemName: string | null };

const seconds = (from: string, to: string) => Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000);
const STATE_WORDS: Record<string, string> = { kept: '保存 kept', sealed: '封存 sealed', erased: '消除 erased' };
const SOURCE_WORDS: Record<HoldSource, string> = {
  police_request: '公安机关要求提取 police request',
  access_request: '调取申请 access request (Art 24)',
  viewing_application: '查看申请 viewing application (Art 25 ¶1)',
  evidence_request: '证据调取 evidence request (Art 25 ¶2)',
};

/** An exported recording: its metadata and when it may be disposed of (art 23 ¶2); never the content, never where it is stored. */
const SEGMENT_COLUMNS: ExportColumn<SegmentOut>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (s) => s.id },
  { header: { zh: '系统编号', en: 'System ID' }, value: (s) => s.systemId },
  { header: { zh: '系统名称', en: 'System' }, value: (s) => s.systemName },
  { header: { zh: '设备编号', en: 'Device ID' }, value: (s) => s.deviceId },
  { header: { zh: '类型', en: 'Kind' }, value: (s) => s.captureKind },
  { header: { zh: '开始时间', en: 'Started' }, value: (s) => s.startedAt },
  { header: { zh: '结束时间', en: 'Ended' }, value: (s) => s.endedAt },
  { header: { zh: '时长（秒）', en: 'Duration (s)' }, value: (s) => seconds(s.startedAt, s.endedAt) },
  { header: { zh: '大小（字节）', en: 'Size (bytes)' }, value: (s) => s.size },
  { header: { zh: '状态', en: 'State' }, value: (s) => STATE_WORDS[s.state] ?? s.state },
  { header: { zh: 'SHA-256', en: 'SHA-256' }, value: (s) => s.sha256 },
  { header: { zh: '最短保存天数', en: 'Minimum days' }, value: (s) => s.minimumDays },
  { header: { zh: '可封存或消除起始', en: 'Erasable from' }, value: (s) => s.erasableFrom },
  { header: { zh: '条款', en: 'Article' }, value: () => '第二十三条第二款 Art 23 ¶2' },
];

/** An exported hold: what the list shows of it, the case reference to the same callers. */
const HOLD_COLUMNS: ExportColumn<HoldOut>[] = [
  { header: { zh: '编号', en: 'ID' }, value: (h) => h.id },
  { header: { zh: '系统编号', en: 'System ID' }, value: (h) => h.systemId },
  { header: { zh: '系统名称', en: 'System' }, value: (h) => h.systemName },
  { header: { zh: '设备编号', en: 'Device ID' }, value: (h) => h.deviceId },
  { header: { zh: '起始时间', en: 'From' }, value: (h) => h.window.from },
  { header: { zh: '截止时间', en: 'To' }, value: (h) => h.window.to },
  { header: { zh: '来源', en: 'Source' }, value: (h) => SOURCE_WORDS[h.source] ?? h.source },
  { header: { zh: '来源编号', en: 'Source ID' }, value: (h) => h.sourceId },
  { header: { zh: '事由', en: 'Reason' }, value: (h) => h.reason },
  { header: { zh: '案件编号', en: 'Case reference' }, value: (h) => h.caseRef },
  { header: { zh: '提出时间', en: 'Placed' }, value: (h) => h.placedAt },
  { header: { zh: '到期时间', en: 'Expires' }, value: (h) => h.expiresAt },
  { header: { zh: '解除时间', en: 'Released' }, value: (h) => h.releasedAt },
  { header: { zh: '有效', en: 'Active' }, value: (h) => (h.active ? '有效 active' : '已解除或到期 released or expired') },
  { header: { zh: '条款', en: 'Article' }, value: () => '第二十三条第二款 Art 23 ¶2' },
];

export const capturedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const v = () => vaultOf(app.deps);
  /** Who acted, by name: supervisors and oversight read the record without a second lookup (art 36). */
  const withNames = async (rows: Awaited<ReturnType<typeof listEvents>>) => {
    const names = await usernamesOf(app.deps, rows.map((r) => r.actorUserId));
    return rows.map((r) => ({
      ...r,
      actorUsername: r.actorUserId == null ? null : (names.get(r.actorUserId) ?? null),
      citation: r.ruleId && r.ruleId in VAULT_RULES ? citationBody(citationOf(r.ruleId as VaultRuleId)) : null,
    }));
  };

  // Recordings arrive as the raw body: streamed to disk and hashed, never buffered whole.
  app.addContentTypeParser(/^(application\/octet-stream|video\/|audio\/|image\/)/, (_req, payload, done) => done(null, payload));

  app.post(
    '/api/v1/captured',
    {
      schema: {
        tags,
        summary: 'Take in one recording (streamed upload); a retry of the same file and span answers with the existing record',
        description:
          'Send the file as the raw body (`video/*`, `audio/*`, `image/*` or `application/octet-stream`) with `Content-Length`. A truncated body, a digest that does not match `sha256`, an empty file or a system not on record is refused and leaves nothing behind (art 23 ¶1).',
        querystring: Type.Object(
          {
            systemId: Type.Integer({ minimum: 1 }),
            deviceId: Type.Optional(Type.Integer({ minimum: 1 })),
            startedAt: Type.String({ format: 'date-time' }),
            endedAt: Type.String({ format: 'date-time' }),
            sha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'The digest the sender computed' })),
            captureKind: Type.Optional(Str(CAPTURE_KINDS)),
            name: Type.Optional(Type.String({ maxLength: 255, description: "The recorder's file name" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ created: Type.Literal(false), segment: SegmentSchema }), 201: Type.Object({ created: Type.Literal(true), segment: SegmentSchema }) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const vault = v();
      const body = req.body as NodeJS.ReadableStream | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') throw new AppError(CommonErrors.JF_VALIDATION, { errors: [{ field: 'body', rule: 'content-type', message: { zh: '请以文件原始内容作为请求体上传', en: 'Send the file itself as the request body' } }] });
      const source = await resolveSource(vault, q.systemId, q.deviceId);
      if (!isAllowed(req.actor, 'create', { kind: 'captured-info', divisionCode: source.system.divisionCode, keyUnitId: source.system.keyUnitId, restricted: source.system.restricted })) {
        (body as NodeJS.ReadableStream).resume();
        throw new AppError(CommonErrors.JF_FORBIDDEN);
      }
      const length = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
      const r = await ingest(
        vault,
        req.actor,
        { systemId: q.systemId, deviceId: q.deviceId ?? null, startedAt: q.startedAt, endedAt: q.endedAt, sha256: q.sha256 ?? null, size: length, captureKind: q.captureKind as CaptureKind | undefined, mediaType: (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0], originalName: q.name ?? null, source: 'upload' },
        body as import('node:stream').Readable,
        source,
      );
      return r.created ? reply.status(201).send({ created: true as const, segment: r.segment }) : reply.status(200).send({ created: false as const, segment: r.segment });
    },
  );

  /** One page of the recordings the caller may list: the policy's scope, then the filters. */
  const segmentPage = (req: FastifyRequest, q: SegmentFilterQuery, limit: number, offset: number) =>
    pageSegments(v(), scopeOf(req, 'read', 'captured-info'), { ...q, state: q.state as SegmentState | undefined, sort: q.sort as SegmentSort | undefined, order: q.order as ListOrder | undefined, limit, offset });

  /** The name of each system to callers who may read it in the registry; a number to the others. */
  const systemNames = async (req: FastifyRequest, ids: number[]) => {
    const names = new Map<number, string | null>();
    for (const id of new Set(ids)) {
      const s = await v().directory.getSystem(id);
      names.set(id, s && isAllowed(req.actor, 'read', { kind: 'security-system', keyUnitId: s.keyUnitId, divisionCode: s.divisionCode, restricted: s.restricted }) ? s.name : null);
    }
    return names;
  };

  app.get(
    '/api/v1/captured',
    {
      schema: {
        tags,
        summary: 'Recordings the caller may list: a unit its own, the police those of their area (metadata only); paged, with the total',
        description: 'Newest recording first (`sort=started`, `order=desc`) unless asked otherwise. `afterId` keeps only recordings with a smaller id (keyset paging by id).',
        querystring: Type.Object(
          { ...SegmentFilters, ...Paging, afterId: Type.Optional(Type.Integer({ minimum: 1, description: 'Keyset paging: recordings with a smaller id' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ total: Type.Integer({ description: 'How many the filters find' }), items: Type.Array(SegmentSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const { limit, offset, ...q } = req.query;
      return segmentPage(req, q, limit ?? 50, offset ?? 0);
    },
  );

  app.get(
    '/api/v1/captured/export',
    {
      schema: {
        tags,
        summary: 'Export the recordings the list shows for the same filters and sort (every page) as CSV (UTF-8 with BOM) or XLSX: metadata and the art 23 ¶2 dates, never the content or where it is stored',
        querystring: Type.Object({ ...SegmentFilters, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const segs = await allPages((offset) => segmentPage(req, q, 200, offset));
      const [names, due] = await Promise.all([systemNames(req, segs.map((s) => s.systemId)), erasableFromOf(v(), segs)]);
      const rows: SegmentOut[] = segs.map((s) => ({ ...s, systemName: names.get(s.systemId) ?? null, ...due.get(s.id)! }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'captured-recordings', now: app.deps.clock.now(), columns: SEGMENT_COLUMNS, rows });
    },
  );

  app.get(
    '/api/v1/captured/:id',
    { schema: { tags, summary: 'One recording with its retention status (art 23 ¶2)', params: IdParams, response: { 200: Type.Object({ segment: SegmentSchema, retention: RetentionStatusSchema }) } } },
    async (req, reply) => {
      noStore(reply);
      const seg = await getSegment(v(), req.params.id);
      if (!isAllowed(req.actor, 'read', segmentRef(seg))) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return { segment: seg, retention: await retentionStatus(v(), seg) };
    },
  );

  app.delete(
    '/api/v1/captured/:id',
    { schema: { tags, summary: 'Erase a recording (消除): only after the minimum and when not held (art 23 ¶2); refused and recorded otherwise', params: IdParams, response: { 200: Type.Object({ segment: SegmentSchema }) } } },
    async (req) => {
      const vault = v();
      const seg = await getSegment(vault, req.params.id);
      await guard(vault, req, 'delete', seg, 'erase', 'art22.i3.alter');
      return { segment: await dispose(vault, req.actor, seg.id, 'erase') };
    },
  );

  app.post(
    '/api/v1/captured/:id/seal',
    { schema: { tags, summary: 'Seal a recording (封存): only after the minimum and when not held (art 23 ¶2)', params: IdParams, response: { 200: Type.Object({ segment: SegmentSchema }) } } },
    async (req) => {
      const vault = v();
      const seg = await getSegment(vault, req.params.id);
      await guard(vault, req, 'update', seg, 'seal', 'art22.i3.alter');
      return { segment: await dispose(vault, req.actor, seg.id, 'seal') };
    },
  );

  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/api/v1/captured/:id',
      schema: { tags, summary: 'No path: captured information is never altered (art 22 (3)); the attempt is refused and recorded', params: IdParams, response: { 403: { $ref: 'ErrorBody#' } } },
      handler: async (req) => {
        (req.body as NodeJS.ReadableStream | undefined)?.resume?.();
        return refuseAlteration(v(), req.actor, (req.params as { id: number }).id);
      },
    });
  }

  app.post(
    '/api/v1/captured/:id/playback',
    {
      schema: {
        tags,
        summary: 'Open a recording for playback under a grant; the view is recorded here, once',
        description: 'Answers a stream URL that serves HTTP range requests for the same viewer until the ticket or the grant runs out, and the watermark text the player lays over the picture. Without a grant, or outside its scope or time, refused with the article (art 22 (1), art 24 ¶1 (4), art 25 ¶1 (4)).',
        params: IdParams,
        body: GrantRefSchema,
        response: { 200: Type.Object({ streamUrl: Type.String(), expiresAt: Type.String(), watermark: Type.String(), segment: SegmentSchema }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const t = await openPlayback(v(), req.actor!, req.params.id, grantRef(req.body.grantKind as string, req.body.grantId)!);
      return { streamUrl: `/api/v1/captured/${req.params.id}/stream?ticket=${encodeURIComponent(t.ticket)}`, expiresAt: t.expiresAt, watermark: t.watermark, segment: t.segment };
    },
  );

  app.get(
    '/api/v1/captured/:id/stream',
    {
      schema: {
        tags,
        summary: 'Stream a recording opened for playback (HTTP range requests); the watermark is in `X-Jifang-Watermark`',
        params: IdParams,
        querystring: Type.Object({ ticket: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Type.String({ contentEncoding: 'binary', description: 'The recording' }), 206: Type.String({ contentEncoding: 'binary', description: 'Part of the recording' }) },
      },
    },
    async (req, reply) => {
      const { segment, watermark } = await checkTicket(v(), req.actor!, req.params.id, req.query.ticket);
      return sendBlob(req, reply, v(), segment, { 'x-jifang-watermark': encodeURIComponent(watermark), 'content-disposition': 'inline' });
    },
  );

  app.get(
    '/api/v1/captured/:id/download',
    {
      schema: {
        tags,
        summary: 'Copy a recording under a grant that allows copying; the copy is recorded (art 24 ¶1); without one refused (art 22 (3))',
        params: IdParams,
        querystring: Type.Object({ grantKind: Type.Optional(GrantRefSchema.properties.grantKind), grantId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: Type.String({ contentEncoding: 'binary' }), 206: Type.String({ contentEncoding: 'binary' }) },
      },
    },
    async (req, reply) => {
      const vault = v();
      const { segment } = await authorizeContent(vault, req.actor, req.params.id, 'copy', grantRef(req.query.grantKind as string | undefined, req.query.grantId));
      return sendBlob(req, reply, vault, segment, { 'content-disposition': `attachment; filename="captured-${segment.id}-${segment.sha256.slice(0, 12)}"` });
    },
  );

  const ScopeFilter = Type.Object(
    {
      systemId: Type.Optional(Type.Integer({ minimum: 1 })),
      keyUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Systems a page (at most 100), by system id' })),
      offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Systems skipped' })),
    },
    { additionalProperties: false },
  );
  const PageInfo = Type.Object({ total: Type.Integer({ description: 'Systems holding recordings in the scope' }), limit: Type.Integer(), offset: Type.Integer() });
  /** The page of systems a retention or coverage table shows: never a whole city's at once. */
  const systemPage = async (req: FastifyRequest, q: { systemId?: number; keyUnitId?: number; limit?: number; offset?: number }) => {
    const f = filterOf(scopeOf(req, 'read', 'captured-info'));
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const p = await capturedSystemPage(v(), { keyUnitId: f.keyUnitId ?? q.keyUnitId, divisionPrefix: f.divisionPrefix, includeRestricted: f.includeRestricted, systemId: q.systemId }, { limit, offset });
    return { f, systemIds: p.systemIds, page: { total: p.total, limit, offset } };
  };

  app.get(
    '/api/v1/captured/retention',
    {
      schema: {
        tags,
        summary: "What has reached its keep period, per system, and what the unit's policy would do (art 23 ¶2); a page of systems at a time, the totals those of the page",
        querystring: ScopeFilter,
        response: { 200: Type.Composite([SweepSchema, Type.Object({ page: PageInfo })]) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const { f, systemIds, page } = await systemPage(req, req.query);
      return { ...(await sweep(v(), req.actor, { keyUnitId: f.keyUnitId ?? req.query.keyUnitId, divisionPrefix: f.divisionPrefix, systemIds })), page };
    },
  );

  app.post(
    '/api/v1/captured/retention/sweep',
    { schema: { tags, summary: "Carry out the unit's own policy (seal or erase) on what has reached its keep period and is not held (art 23 ¶2)", response: { 200: SweepSchema } } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role !== 'key_unit' || actor.keyUnitId == null || !isAllowed(actor, 'update', { kind: 'captured-info', keyUnitId: actor.keyUnitId })) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return sweep(v(), actor, { keyUnitId: actor.keyUnitId, execute: true });
    },
  );

  app.get(
    '/api/v1/captured/coverage',
    { schema: { tags, summary: 'Whether each system keeps recordings reaching back the minimum without gaps; violations per unit (art 23 ¶2); a page of systems at a time', querystring: ScopeFilter, response: { 200: Type.Object({ items: Type.Array(CoverageSchema), page: PageInfo }) } } },
    async (req, reply) => {
      noStore(reply);
      const { f, systemIds, page } = await systemPage(req, req.query);
      return { items: await coverage(v(), { keyUnitId: f.keyUnitId ?? req.query.keyUnitId, divisionPrefix: f.divisionPrefix, includeRestricted: f.includeRestricted, systemIds }), page };
    },
  );

  app.get(
    '/api/v1/captured/retention-policy',
    { schema: { tags, summary: "A unit's policy for recordings past their minimum (report, seal or erase)", querystring: Type.Object({ systemId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }), response: { 200: PolicySchema } } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role !== 'key_unit' || actor.keyUnitId == null) throw new AppError(CommonErrors.JF_FORBIDDEN);
      return policyFor(v(), req.query.systemId ?? -1, actor.keyUnitId);
    },
  );

  app.put(
    '/api/v1/captured/retention-policy',
    {
      schema: {
        tags,
        summary: "Set the unit's policy (or one system's); keeping fewer days than the minimum is refused (art 23 ¶2)",
        body: Type.Object({ systemId: Type.Optional(Type.Integer({ minimum: 1 })), action: Str(RETENTION_ACTIONS), keepDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }, { additionalProperties: false }),
        response: { 200: PolicySchema },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const vault = v();
      if (actor.role !== 'key_unit' || actor.keyUnitId == null) throw new AppError(CommonErrors.JF_FORBIDDEN);
      let minimumDays: number | null = 30;
      if (req.body.systemId) {
        const { system } = await resolveSource(vault, req.body.systemId, null);
        if (!isAllowed(actor, 'update', { kind: 'captured-info', keyUnitId: system.keyUnitId, divisionCode: system.divisionCode, restricted: system.restricted })) throw new AppError(CommonErrors.JF_FORBIDDEN);
        minimumDays = minimumFor(vault, { retentionScope: system.retentionScope, art10Item: system.art10Item, captures: system.captures })?.days ?? null;
      }
      return setPolicy(vault, actor, { keyUnitId: req.body.systemId ? null : actor.keyUnitId, systemId: req.body.systemId ?? null, action: req.body.action as RetentionAction, keepDays: req.body.keepDays ?? null, minimumDays });
    },
  );

  /** One page of the holds in the caller's place, as the list has always scoped them. */
  const holdPage = (req: FastifyRequest, q: HoldFilterQuery, limit: number, offset: number) => {
    const f = filterOf(scopeOf(req, 'read', 'captured-hold'));
    return pageHolds(v(), { keyUnitId: f.keyUnitId, divisionPrefix: f.divisionPrefix, active: q.active, source: q.source as HoldSource | undefined, systemId: q.systemId, order: q.order as ListOrder | undefined, limit, offset });
  };

  app.get(
    '/api/v1/captured/holds',
    {
      schema: {
        tags,
        summary: 'Holds: what the police asked to extract, kept past the minimum (art 23 ¶2); newest placed first, paged, with the total',
        querystring: Type.Object({ ...HoldFilters, ...Paging }, { additionalProperties: false }),
        response: { 200: Type.Object({ total: Type.Integer({ description: 'How many the filters find' }), items: Type.Array(HoldSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const { limit, offset, ...q } = req.query;
      return holdPage(req, q, limit ?? 50, offset ?? 0);
    },
  );

  app.get(
    '/api/v1/captured/holds/export',
    {
      schema: {
        tags,
        summary: 'Export the holds the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX (art 23 ¶2)',
        querystring: Type.Object({ ...HoldFilters, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const holds = await allPages((offset) => holdPage(req, q, 200, offset));
      const names = await systemNames(req, holds.map((h) => h.systemId));
      const rows: HoldOut[] = holds.map((h) => ({ ...h, systemName: names.get(h.systemId) ?? null }));
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'captured-holds', now: app.deps.clock.now(), columns: HOLD_COLUMNS, rows });
    },
  );

  app.post(
    '/api/v1/captured/holds',
    {
      schema: {
        tags,
        summary: 'The police ask to extract: what the scope and window cover is kept past the minimum (art 23 ¶2)',
        body: Type.Object({ scope: ScopeSchema, window: WindowSchema, reason: Text(), caseRef: Type.Optional(Type.String({ maxLength: 200 })), expiresAt: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 201: Type.Object({ holdIds: Type.Array(Type.Integer()) }) },
      },
    },
    async (req, reply) => {
      const vault = v();
      const facts = await resolveScope(vault, scopeIn(req.body.scope));
      if (!isAllowed(req.actor, 'create', { kind: 'captured-hold', divisionCode: facts.divisionCode, keyUnitId: facts.keyUnitId, restricted: facts.restricted })) throw new AppError(CommonErrors.JF_FORBIDDEN);
      const window = parseWindow(req.body.window);
      const ids = await vault.db.transaction().execute((trx) => placeHolds(trx, vault, req.actor, { scope: facts.scope, window, reason: req.body.reason, caseRef: req.body.caseRef ?? null, source: 'police_request', expiresAt: req.body.expiresAt ?? null }, facts.systems));
      return reply.status(201).send({ holdIds: ids });
    },
  );

  app.post(
    '/api/v1/captured/holds/:id/release',
    { schema: { tags, summary: 'Release a hold the police placed', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      const vault = v();
      const h = await getHold(vault, req.params.id);
      if (h.source !== 'police_request' || req.actor!.role === 'key_unit' || !isAllowed(req.actor, 'update', { kind: 'captured-hold', divisionCode: h.divisionCode, keyUnitId: h.keyUnitId })) {
        throw new AppError(CommonErrors.JF_FORBIDDEN);
      }
      await releaseHold(vault, req.actor, h);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/captured/events',
    {
      schema: {
        tags,
        summary: 'Every access to captured information and every refused attempt, with who, what, when and under which grant (art 11(3), 22, 24, 25)',
        querystring: Type.Object(
          {
            outcome: Type.Optional(Str(['allowed', 'refused'])),
            action: Type.Optional(Type.String({ pattern: `^(${EVENT_ACTIONS.join('|')})(,(${EVENT_ACTIONS.join('|')}))*$`, maxLength: 200, description: 'one action, or several separated by commas' })),
            division: Type.Optional(Type.String({ pattern: '^21[0-9]{4}$', description: 'a Liaoning GB/T 2260 code: events there, within your own scope' })),
            from: Type.Optional(Type.String({ format: 'date-time', description: 'events at or after this time' })),
            grantKind: Type.Optional(Type.String({ maxLength: 32 })),
            grantId: Type.Optional(Type.Integer({ minimum: 1 })),
            segmentId: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
            beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(EventSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const f = filterOf(scopeOf(req, 'read', 'captured-event'));
      const rows = await listEvents(v(), { ...req.query, outcome: req.query.outcome as string | undefined, keyUnitId: f.keyUnitId, divisionPrefix: f.divisionPrefix });
      return { items: await withNames(rows) };
    },
  );

  app.get(
    '/api/v1/captured/events/export',
    {
      schema: {
        tags,
        summary: 'Export the access record the list shows for the same filters (all of it, newest first) as CSV (UTF-8 with BOM) or XLSX; who, what, when, never the content',
        querystring: Type.Object(
          {
            outcome: Type.Optional(Str(['allowed', 'refused'])),
            action: Type.Optional(Type.String({ pattern: `^(${EVENT_ACTIONS.join('|')})(,(${EVENT_ACTIONS.join('|')}))*$`, maxLength: 200, description: 'one action, or several separated by commas' })),
            division: Type.Optional(Type.String({ pattern: '^21[0-9]{4}$', description: 'a Liaoning GB/T 2260 code: events there, within your own scope' })),
            from: Type.Optional(Type.String({ format: 'date-time', description: 'events at or after this time' })),
            grantKind: Type.Optional(Type.String({ maxLength: 32 })),
            grantId: Type.Optional(Type.Integer({ minimum: 1 })),
            segmentId: Type.Optional(Type.Integer({ minimum: 1 })),
            format: ExportFormatQuery,
          },
          { additionalProperties: false },
        ),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const f = filterOf(scopeOf(req, 'read', 'captured-event'));
      const { format, ...query } = req.query;
      const rows: Awaited<ReturnType<typeof listEvents>> = [];
      for (let beforeId: number | undefined; ; ) {
        const page = await listEvents(v(), { ...query, outcome: query.outcome as string | undefined, keyUnitId: f.keyUnitId, divisionPrefix: f.divisionPrefix, limit: 1000, beforeId });
        rows.push(...page);
        checkExportSize(rows.length);
        if (page.length < 1000) break;
        beforeId = page[page.length - 1].id;
      }
      return sendExport(reply, { format: format as ExportFormat | undefined, name: 'captured-access-record', now: app.deps.clock.now(), columns: EVENT_COLUMNS, rows: await withNames(rows) });
    },
  );
};

