import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ALERT_KIND_LABELS,
  AlertPageSchema,
  AlertQuerySchema,
  EndpointBodySchema,
  EndpointSchema,
  IngestBodySchema,
  IngestResultSchema,
  ingestRecords,
  listAlerts,
  listEndpoints,
  listRecords,
  MAX_OPERATIONS_PAGE,
  listStatus,
  openCaseFromAlert,
  OpenCaseBodySchema,
  parseUpload,
  RECORD_KIND_LABELS,
  RecordsQuerySchema,
  setEndpoint,
  STATUS_LABELS,
  StatusPageSchema,
  StatusQuerySchema,
  SystemRecordsSchema,
  type AlertKind,
  type AlertQuery,
  type AlertRow,
  type IngestBody,
  type RecordKind,
  type RecordRow,
  type RecordsQuery,
  type StatusQuery,
  type StatusRow,
} from '../../operations/index.js';
import { validationError } from '../../shared/errors.js';
import { bi } from '../../shared/text.js';
import { noStore } from '../auth.js';
import { allPages, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';
import { operationsOf } from './operations-deps.js';

const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const STATUS_COLUMNS: ExportColumn<StatusRow>[] = [
  { header: { zh: '系统编号', en: 'System ID' }, value: (r) => r.systemId },
  { header: { zh: '技防系统', en: 'Security system' }, value: (r) => r.systemName },
  { header: { zh: '重点单位', en: 'Key unit' }, value: (r) => r.keyUnitName },
  { header: { zh: '行政区划', en: 'Division' }, value: (r) => r.divisionName },
  { header: { zh: '行政区划代码', en: 'Division code' }, value: (r) => r.divisionCode },
  { header: { zh: '运行状态', en: 'Status' }, value: (r) => `${STATUS_LABELS[r.status].zh} / ${STATUS_LABELS[r.status].en}` },
  { header: { zh: '状态起始', en: 'Since' }, value: (r) => r.since },
  { header: { zh: '最近上报', en: 'Last report' }, value: (r) => r.lastReportAt },
  { header: { zh: '最近记录类型', en: 'Last record' }, value: (r) => (r.lastKind ? RECORD_KIND_LABELS[r.lastKind as RecordKind]?.zh ?? r.lastKind : null) },
  { header: { zh: '未解除告警', en: 'Open alert' }, value: (r) => r.openAlertId },
];

const ALERT_COLUMNS: ExportColumn<AlertRow>[] = [
  { header: { zh: '告警编号', en: 'Alert ID' }, value: (r) => r.id },
  { header: { zh: '告警类型', en: 'Kind' }, value: (r) => `${ALERT_KIND_LABELS[r.kind as AlertKind].zh} / ${ALERT_KIND_LABELS[r.kind as AlertKind].en}` },
  { header: { zh: '系统编号', en: 'System ID' }, value: (r) => r.systemId },
  { header: { zh: '技防系统', en: 'Security system' }, value: (r) => r.systemName },
  { header: { zh: '行政区划', en: 'Division' }, value: (r) => r.divisionName },
  { header: { zh: '发生时间', en: 'Raised at' }, value: (r) => r.raisedAt },
  { header: { zh: '解除时间', en: 'Cleared at' }, value: (r) => r.clearedAt },
  { header: { zh: '案件编号', en: 'Case' }, value: (r) => r.caseId },
];

const RECORD_COLUMNS: ExportColumn<RecordRow>[] = [
  { header: { zh: '记录编号', en: 'Record ID' }, value: (r) => r.id },
  { header: { zh: '系统编号', en: 'System ID' }, value: (r) => r.systemId },
  { header: { zh: '设备编号', en: 'Device ID' }, value: (r) => r.deviceId },
  { header: { zh: '记录类型', en: 'Kind' }, value: (r) => { const l = RECORD_KIND_LABELS[r.kind as RecordKind]; return l ? `${l.zh} / ${l.en}` : r.kind; } },
  { header: { zh: '发生时间', en: 'Occurred at' }, value: (r) => r.occurredAt },
  { header: { zh: '接收时间', en: 'Received at' }, value: (r) => r.receivedAt },
  { header: { zh: '来源', en: 'Via' }, value: (r) => r.via },
  { header: { zh: '批次', en: 'Batch' }, value: (r) => r.batchId },
  { header: { zh: '说明', en: 'Detail' }, value: (r) => r.detail },
  { header: { zh: '摘要 (SHA-256)', en: 'Digest (SHA-256)' }, value: (r) => r.digest },
  { header: { zh: '依据条款', en: 'Article' }, value: () => '第二十一条第一款第（四）项 / Art 21 ¶1 (4)' },
];

/**
 * Device operations (art 11(2), 21): the operating status of the systems a
 * caller may see, each system's operation records, uploads of a recorder's
 * operation log, the alerts and the art 21 case a supervisor opens from one,
 * and the GB/T 28181 identities devices report with.
 */
export const operationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = operationsOf(app.deps);

  app.get(
    '/api/v1/operations/status',
    {
      schema: {
        tags: ['operations'],
        summary: 'Every system you may see with its operating status (online, offline, interrupted, never reported), filtered, sorted, a page at a time (Art 11(2), 21)',
        querystring: StatusQuerySchema,
        response: { 200: StatusPageSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listStatus(deps, req.actor, req.query as StatusQuery) as never;
    },
  );

  const { limit: _l, offset: _o, ...statusFilters } = StatusQuerySchema.properties;
  app.get(
    '/api/v1/operations/status/export',
    {
      schema: {
        tags: ['operations'],
        summary: 'Export the status list for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX',
        querystring: Type.Object({ ...statusFilters, format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as StatusQuery & { format?: ExportFormat };
      const rows = await allPages((offset) => listStatus(deps, req.actor, { ...filters, limit: 100, offset }));
      return sendExport(reply, { format, name: 'operating-status', now: deps.clock.now(), columns: STATUS_COLUMNS, rows });
    },
  );

  app.get(
    '/api/v1/operations/systems/:id/records',
    {
      schema: {
        tags: ['operations'],
        summary: 'One system’s operation records by when they occurred, newest first unless `order=asc`, with its status; records are never altered (Art 21 ¶1 (4))',
        params: IdParam,
        querystring: RecordsQuerySchema,
        response: { 200: SystemRecordsSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listRecords(deps, req.actor, req.params.id, req.query as RecordsQuery) as never;
    },
  );

  app.get(
    '/api/v1/operations/systems/:id/records/export',
    {
      schema: {
        tags: ['operations'],
        summary: 'Export one system’s operation records for the same kind filter and order (every page) as CSV (UTF-8 with BOM) or XLSX (Art 21 ¶1 (4))',
        params: IdParam,
        querystring: Type.Object({ kind: RecordsQuerySchema.properties.kind, sort: RecordsQuerySchema.properties.sort, order: RecordsQuerySchema.properties.order, format: ExportFormatQuery }, { additionalProperties: false }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as RecordsQuery & { format?: ExportFormat };
      const rows = await allPages((offset) => listRecords(deps, req.actor, req.params.id, { ...filters, limit: MAX_OPERATIONS_PAGE, offset }));
      return sendExport(reply, { format, name: `operation-records-${req.params.id}`, now: deps.clock.now(), columns: RECORD_COLUMNS, rows });
    },
  );

  app.post(
    '/api/v1/operations/records',
    {
      schema: {
        tags: ['operations'],
        summary: 'Take in a batch of operation records for one of your systems, all or nothing, with one ledger leaf over the batch (Art 21 ¶1 (4))',
        body: IngestBodySchema,
        response: { 201: IngestResultSchema },
      },
    },
    async (req, reply) => {
      const body = req.body as IngestBody;
      if ((body.records == null) === (body.content == null)) {
        throw validationError([{ field: 'records', rule: 'one-of', message: bi('请提供 records（记录数组）或 content（运行日志文本）之一', 'Give either records (an array) or content (the log as text), not both or neither') }]);
      }
      const records = body.records ?? parseUpload(body.content!, body.format);
      const r = await ingestRecords(deps, { kind: 'user', actor: req.actor! }, body.systemId, 'upload', records);
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/operations/alerts',
    {
      schema: {
        tags: ['operations'],
        summary: 'Alerts raised by offline or interrupted systems you may see, newest first or sorted by system or kind (Art 21)',
        querystring: AlertQuerySchema,
        response: { 200: AlertPageSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listAlerts(deps, req.actor, req.query as AlertQuery) as never;
    },
  );

  const { limit: _al, offset: _ao, ...alertFilters } = AlertQuerySchema.properties;
  app.get(
    '/api/v1/operations/alerts/export',
    {
      schema: {
        tags: ['operations'],
        summary: 'Export the alerts for the same filters and order (every page) as CSV (UTF-8 with BOM) or XLSX',
        querystring: Type.Object({ ...alertFilters, format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as AlertQuery & { format?: ExportFormat };
      const rows = await allPages((offset) => listAlerts(deps, req.actor, { ...filters, limit: 100, offset }));
      return sendExport(reply, { format, name: 'operation-alerts', now: deps.clock.now(), columns: ALERT_COLUMNS, rows });
    },
  );

  app.post(
    '/api/v1/operations/alerts/:id/case',
    {
      schema: {
        tags: ['operations'],
        summary: 'Open an Art 21 case from an alert through the case procedure (police supervisors in their area); the alert keeps the case id',
        params: IdParam,
        body: OpenCaseBodySchema,
        response: { 201: Type.Object({ alertId: Type.Integer(), caseId: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      const r = await openCaseFromAlert(deps, req.actor!, req.params.id, (req.body ?? {}) as { facts?: string });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/v1/operations/systems/:id/endpoints',
    {
      schema: { tags: ['operations'], summary: 'The GB/T 28181 ids that report for a system, and whether each is registered', params: IdParam, response: { 200: Type.Array(EndpointSchema) } },
    },
    async (req, reply) => {
      noStore(reply);
      return listEndpoints(deps, req.actor!, req.params.id) as never;
    },
  );

  app.post(
    '/api/v1/operations/systems/:id/endpoints',
    {
      schema: {
        tags: ['operations'],
        summary: 'Register a GB/T 28181 id for a system (or set its password anew): the key unit for its own systems, or the administrator; the password is kept only as HA1',
        params: IdParam,
        body: EndpointBodySchema,
        response: { 200: EndpointSchema },
      },
    },
    async (req) => setEndpoint(deps, req.actor!, req.params.id, req.body as { gbId: string; password: string; deviceId?: number | null }) as never,
  );
};
