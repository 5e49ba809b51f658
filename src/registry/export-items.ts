import type { Readable } from 'node:stream';
import { listScope, type Actor } from '../access/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import type { RegistryContext } from './context.js';
import { KINDS, type RegistryKind } from './domain/kinds.js';
import { RegistryErrors } from './errors.js';
import { CONTENT_TYPES, writeTable, XLSX_MAX_ROWS, type Cell, type TableFormat } from './io/table-file.js';
import type { Item, ListQuery } from './repository.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  rows: number;
  stream: Readable;
}

/** The header of an export: the id, every field, and the division names. */
export function exportColumns(kind: RegistryKind): string[] {
  const k = KINDS[kind];
  return ['id', ...k.fields.map((f) => f.name), ...(k.hasDivision ? ['divisionName', 'cityName'] : [])];
}

function cell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * The rows a list with the same filters would show (all pages), as CSV or
 * XLSX, streamed a batch at a time. An import of the file recreates them.
 */
export async function exportItems(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, query: Pick<ListQuery, 'q' | 'filters'>, format: TableFormat): Promise<ExportFile> {
  const scope = listScope(actor, 'export', KINDS[kind].resource);
  if (scope.kind === 'none') throw new AppError(CommonErrors.JF_FORBIDDEN);
  const rows = await ctx.repo.count(kind, scope, query);
  if (format === 'xlsx' && rows > XLSX_MAX_ROWS) throw new AppError(RegistryErrors.JF_REGISTRY_EXPORT_TOO_LARGE, { params: { count: rows, limit: XLSX_MAX_ROWS } });
  const columns = exportColumns(kind);
  const writer = writeTable(format, columns, kind);
  const pump = async () => {
    for await (const batch of ctx.repo.iterate(kind, scope, query)) {
      await writer.write(batch.map((item: Item) => columns.map((c) => cell(item[c]))));
    }
    await writer.end();
  };
  pump().catch((e: Error) => writer.stream.destroy(e));
  const stamp = ctx.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
  return { filename: `${kind}-${stamp}.${format}`, contentType: CONTENT_TYPES[format], rows, stream: writer.stream };
}
