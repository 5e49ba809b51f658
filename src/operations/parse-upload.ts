import { parse } from 'csv-parse/sync';
import { UPLOAD_FORMATS_LIST } from './domain/kinds.js';
import { validationError, type FieldIssue } from '../shared/errors.js';
import { bi } from '../shared/text.js';
import type { RecordInput } from './ingest.js';

/**
 * A recorder's exported operation log, as JSON lines (one object per line:
 * `{"kind":"interruption","occurredAt":"2026-06-01T08:00:00+08:00","deviceId":3,"detail":"…"}`)
 * or CSV with a header row (`kind,occurredAt,deviceId,detail`, or the Chinese
 * headers `类型,发生时间,设备编号,说明`). A line that cannot be read is
 * reported with its number; nothing is taken in while any is bad.
 */
export const UPLOAD_FORMATS = UPLOAD_FORMATS_LIST;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

const HEADERS: Record<string, keyof RecordInput> = {
  kind: 'kind',
  类型: 'kind',
  occurredat: 'occurredAt',
  occurred_at: 'occurredAt',
  发生时间: 'occurredAt',
  deviceid: 'deviceId',
  device_id: 'deviceId',
  设备编号: 'deviceId',
  detail: 'detail',
  说明: 'detail',
};

export function detectFormat(text: string): UploadFormat {
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? 'jsonl' : 'csv';
}

export function parseUpload(raw: string, format: UploadFormat = detectFormat(raw)): RecordInput[] {
  const text = raw.replace(/^\uFEFF/, '');
  const issues: FieldIssue[] = [];
  const out: RecordInput[] = [];
  if (format === 'jsonl') {
    const trimmed = text.trim();
    // A JSON array is taken as well as JSON lines.
    const lines = trimmed.startsWith('[') ? null : text.split(/\r?\n/);
    if (!lines) {
      try {
        const arr = JSON.parse(trimmed) as unknown;
        if (!Array.isArray(arr)) throw new Error('not an array');
        arr.forEach((o, i) => take(o, i + 1));
      } catch {
        issues.push({ field: 'file', rule: 'json', message: bi('文件不是有效的JSON数组', 'The file is not a valid JSON array') });
      }
    } else {
      lines.forEach((l, i) => {
        if (!l.trim()) return;
        try {
          take(JSON.parse(l), i + 1);
        } catch {
          issues.push({ row: i + 1, field: 'line', rule: 'json', message: bi(`第${i + 1}行不是有效的JSON对象`, `Line ${i + 1} is not a valid JSON object`) });
        }
      });
    }
  } else {
    let rows: string[][];
    try {
      rows = parse(text, { skip_empty_lines: true, relax_column_count: false }) as string[][];
    } catch (e) {
      throw validationError([{ field: 'file', rule: 'csv', message: bi(`CSV格式有误：${(e as Error).message.slice(0, 120)}`, `The CSV is malformed: ${(e as Error).message.slice(0, 120)}`) }]);
    }
    const [head, ...body] = rows;
    const cols = (head ?? []).map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()]);
    if (!cols.includes('kind') || !cols.includes('occurredAt')) {
      throw validationError([{ field: 'header', rule: 'columns', message: bi('CSV首行应包含列 kind（类型）和 occurredAt（发生时间）', 'The CSV header row must name the columns kind and occurredAt') }]);
    }
    body.forEach((r) => {
      const o: Record<string, unknown> = {};
      cols.forEach((c, j) => {
        if (c && r[j] !== undefined && r[j] !== '') o[c] = r[j];
      });
      out.push(normalise(o));
    });
  }
  if (issues.length) throw validationError(issues);
  return out;

  function take(o: unknown, _line: number) {
    out.push(normalise(o && typeof o === 'object' ? (o as Record<string, unknown>) : {}));
  }
}

function normalise(o: Record<string, unknown>): RecordInput {
  const dev = o.deviceId;
  const deviceId = dev == null || dev === '' ? null : typeof dev === 'number' ? dev : /^\d+$/.test(String(dev)) ? Number(dev) : -1;
  return { kind: String(o.kind ?? ''), occurredAt: String(o.occurredAt ?? ''), deviceId, detail: o.detail == null ? null : String(o.detail) };
}
