import { PassThrough, type Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FieldIssue } from '../../shared/errors.js';

/**
 * Tables exchanged with spreadsheets: CSV (UTF-8 with a byte-order mark, so
 * Excel reads Chinese correctly) and XLSX. A table is a header row of field
 * names and data rows; row numbers count data rows from 1.
 */

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The most rows an Excel sheet holds below its header. */
export const XLSX_MAX_ROWS = 1_048_575;

export type Cell = string | number | boolean | null;

export interface Table {
  header: string[];
  /** Data rows with their 1-based row numbers. */
  rows: { row: number; cells: Cell[] }[];
}

export class TableFileError extends Error {
  constructor(readonly issue: FieldIssue) {
    super(issue.message.en);
  }
}

const unreadable = (format: TableFormat, detail: string): TableFileError =>
  new TableFileError({
    row: 0,
    field: 'file',
    rule: `${format}-format`,
    message: { zh: `无法读取${format.toUpperCase()}文件：${detail}`, en: `Cannot read the ${format.toUpperCase()} file: ${detail}` },
  });

export async function readTable(format: TableFormat, data: Buffer): Promise<Table> {
  return format === 'csv' ? readCsv(data) : readXlsx(data);
}

function readCsv(data: Buffer): Table {
  let records: string[][];
  try {
    records = parse(data, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw unreadable('csv', (e as Error).message);
  }
  if (!records.length) throw unreadable('csv', '文件为空 / the file is empty');
  const [header, ...rest] = records;
  return {
    header: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

async function readXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable('xlsx', (e as Error).message);
  }
  const sheet = wb.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw unreadable('xlsx', '没有工作表或工作表为空 / no sheet, or the sheet is empty');
  const width = sheet.getRow(1).cellCount;
  const header: string[] = [];
  for (let c = 1; c <= width; c++) header.push(String(cellValue(sheet.getRow(1).getCell(c).value) ?? '').trim());
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(r.getCell(c).value));
    if (cells.some((x) => x !== null && String(x).trim() !== '')) rows.push({ row: n - 1, cells });
  });
  return { header, rows };
}

/** Writes a table as it is produced, a batch of rows at a time. */
export interface TableWriter {
  stream: Readable;
  write(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}

export function writeTable(format: TableFormat, header: string[], sheetName: string): TableWriter {
  const out = new PassThrough();
  if (format === 'csv') {
    out.write('\uFEFF');
    out.write(stringify([header]));
    return {
      stream: out,
      async write(rows) {
        if (!out.write(stringify(rows.map((r) => r.map((c) => (c === null ? '' : c === true ? 'true' : c === false ? 'false' : c)))))) {
          await new Promise((resolve) => out.once('drain', resolve));
        }
      },
      async end() {
        out.end();
      },
    };
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  return {
    stream: out,
    async write(rows) {
      for (const r of rows) sheet.addRow(r).commit();
    },
    async end() {
      sheet.commit();
      await wb.commit();
    },
  };
}
