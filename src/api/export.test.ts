import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { checkExportSize, EXPORT_MAX_ROWS, renderExport, type ExportColumn } from './export.js';

const columns: ExportColumn<{ name: string; n: number | null }>[] = [
  { header: { zh: '名称', en: 'Name' }, value: (r) => r.name },
  { header: { zh: '数量', en: 'Count' }, value: (r) => r.n },
];
const rows = [
  { name: '沈阳市和平区实验中学, "东门"', n: 3 },
  { name: '大连港', n: null },
];

describe('list exports', () => {
  it('writes CSV with a byte-order mark, bilingual headers, quoting and empty cells', async () => {
    const raw = await renderExport('csv', columns, rows, 'x');
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parse(raw, { bom: true })).toEqual([
      ['名称 / Name', '数量 / Count'],
      ['沈阳市和平区实验中学, "东门"', '3'],
      ['大连港', ''],
    ]);
  });

  it('writes XLSX with the same header and cells, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderExport('xlsx', columns, rows, 'workflow-items')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('workflow-items');
    expect(sheet.getRow(1).values).toEqual([undefined, '名称 / Name', '数量 / Count']);
    expect(sheet.getRow(2).getCell(2).value).toBe(3);
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses more rows than an export holds with 422, in Chinese and English', () => {
    expect(() => checkExportSize(EXPORT_MAX_ROWS)).not.toThrow();
    let err: unknown;
    try {
      checkExportSize(EXPORT_MAX_ROWS + 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e).toMatchObject({ code: 'JF_EXPORT_TOO_LARGE', status: 422 });
    expect(e.bilingual.zh).toContain('100001');
    expect(e.bilingual.zh).toContain('缩小筛选范围');
    expect(e.bilingual.en).toContain('narrow the filters');
  });
});
