import { Type } from '@sinclair/typebox';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { AppError, defineErrors } from '../shared/errors.js';
import type { Bilingual } from '../shared/text.js';

/**
 * Lists exported as a spreadsheet: CSV (UTF-8 with a byte-order mark, so
 * Excel reads Chinese correctly) or XLSX. A route gathers the whole filtered
 * list the caller may see — the same query and scope as its list — and this
 * writes it with bilingual column headers.
 */

export type ExportFormat = 'csv' | 'xlsx';
export type ExportCell = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  header: Bilingual;
  value: (row: T) => ExportCell;
}

/** The most rows an export holds; a larger list is refused, so it is narrowed first. */
export const EXPORT_MAX_ROWS = 100_000;

export const ExportErrors = defineErrors({
  JF_EXPORT_TOO_LARGE: {
    status: 422,
    message: { zh: '共{count}行，超过导出上限{limit}行；请缩小筛选范围后再导出', en: '{count} rows exceed the export limit of {limit} rows; narrow the filters and export again' },
  },
});

/** Refuses an export of more rows than an export holds, before any row is read. */
export function checkExportSize(count: number): void {
  if (count > EXPORT_MAX_ROWS) throw new AppError(ExportErrors.JF_EXPORT_TOO_LARGE, { params: { count, limit: EXPORT_MAX_ROWS } });
}

/**
 * Every row of a paged list, page after page through the list's own query
 * (so the same filters and scope), refused first if there are more than an
 * export holds.
 */
export async function allPages<T>(page: (offset: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const first = await page(0);
  checkExportSize(first.total);
  const rows = [...first.items];
  while (rows.length < first.total) {
    const next = await page(rows.length);
    if (!next.items.length) break;
    rows.push(...next.items);
  }
  return rows;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE };

/** `format` for an export's query string. */
export const ExportFormatQuery = Type.Optional(Type.Unsafe<ExportFormat>({ type: 'string', enum: ['csv', 'xlsx'], default: 'csv', description: 'csv (UTF-8 with BOM) or xlsx' }));

/** The OpenAPI response of an export. */
export const exportResponse = {
  200: {
    description: 'The file; its header row names the columns in Chinese and English',
    content: { 'text/csv': { schema: { type: 'string' } }, [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  },
} as const;

const headerOf = (b: Bilingual) => `${b.zh} / ${b.en}`;

function cellOf(v: ExportCell): string | number | boolean | null {
  return v === undefined ? null : v;
}

export async function renderExport<T>(format: ExportFormat, columns: ExportColumn<T>[], rows: T[], sheetName: string): Promise<Buffer> {
  const header = columns.map((c) => headerOf(c.header));
  const data = rows.map((r) => columns.map((c) => cellOf(c.value(r))));
  if (format === 'csv') {
    const body = stringify([header, ...data.map((r) => r.map((c) => (c === null ? '' : c === true ? 'true' : c === false ? 'false' : c)))]);
    return Buffer.from(`\uFEFF${body}`, 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header);
  for (const r of data) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Answers with the file as an attachment named `<name>-<yyyymmdd>.<format>`. */
export async function sendExport<T>(
  reply: FastifyReply,
  opts: { format: ExportFormat | undefined; name: string; now: Date; columns: ExportColumn<T>[]; rows: T[]; cacheControl?: string },
): Promise<FastifyReply> {
  const format = opts.format ?? 'csv';
  const body = await renderExport(format, opts.columns, opts.rows, opts.name);
  const stamp = opts.now.toISOString().slice(0, 10).replace(/-/g, '');
  reply.header('cache-control', opts.cacheControl ?? 'no-store');
  reply.header('content-type', CONTENT_TYPES[format]);
  reply.header('content-disposition', `attachment; filename="${opts.name}-${stamp}.${format}"`);
  reply.header('x-total-count', String(opts.rows.length));
  return reply.send(body);
}
