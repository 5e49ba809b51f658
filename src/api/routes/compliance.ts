import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  complianceContext,
  FindingsPageSchema,
  FindingsQuerySchema,
  listFindings,
  MAX_FINDINGS_PAGE,
  summarize,
  SummaryQuerySchema,
  SummarySchema,
  type FindingsPage,
  type FindingsQuery,
  type SummaryQuery,
} from '../../compliance/index.js';
import { noStore } from '../auth.js';
import { checkExportSize, exportResponse, ExportFormatQuery, sendExport, type ExportColumn, type ExportFormat } from '../export.js';

type FindingRow = FindingsPage['items'][number];

/** An exported finding: what the list shows of it. */
const FINDING_COLUMNS: ExportColumn<FindingRow>[] = [
  { header: { zh: '对象类型', en: 'Entity kind' }, value: (r) => r.entity.type },
  { header: { zh: '对象编号', en: 'Entity ID' }, value: (r) => r.entity.id },
  { header: { zh: '对象名称', en: 'Entity' }, value: (r) => r.entity.name },
  { header: { zh: '市', en: 'City' }, value: (r) => r.entity.cityName },
  { header: { zh: '行政区划', en: 'Division' }, value: (r) => r.entity.divisionName },
  { header: { zh: '行政区划代码', en: 'Division code' }, value: (r) => r.entity.divisionCode },
  { header: { zh: '规则', en: 'Rule' }, value: (r) => r.finding.ruleId },
  { header: { zh: '条款', en: 'Article' }, value: (r) => r.finding.citationLabel.zh },
  { header: { zh: '结论', en: 'Outcome' }, value: (r) => r.finding.outcome },
  { header: { zh: '说明', en: 'Message' }, value: (r) => r.finding.message.zh },
  { header: { zh: 'Message (English)', en: 'Message (English)' }, value: (r) => r.finding.message.en },
  { header: { zh: '评估日期', en: 'Assessed on' }, value: (r) => r.assessedOn },
];

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

  const { page: _page, pageSize: _pageSize, ...filterProperties } = FindingsQuerySchema.properties;
  app.get(
    '/api/v1/compliance/findings/export',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Export the findings the list shows for the same filters (every page) as CSV (UTF-8 with BOM) or XLSX, within your jurisdiction',
        querystring: Type.Object({ ...filterProperties, format: ExportFormatQuery }),
        response: exportResponse,
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query as FindingsQuery & { format?: ExportFormat };
      const pageSize = MAX_FINDINGS_PAGE;
      const first = await listFindings(ctx, req.actor, { ...filters, page: 1, pageSize });
      checkExportSize(first.total);
      const rows = [...first.items];
      for (let page = 2; rows.length < first.total; page++) {
        const next = await listFindings(ctx, req.actor, { ...filters, page, pageSize });
        if (!next.items.length) break;
        rows.push(...next.items);
      }
      return sendExport(reply, { format, name: 'compliance-findings', now: app.deps.clock.now(), columns: FINDING_COLUMNS, rows });
    },
  );
};
