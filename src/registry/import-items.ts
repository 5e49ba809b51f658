import { isAllowed, listScope, type Actor } from '../access/index.js';
import { AppError, CommonErrors, type FieldIssue } from '../shared/errors.js';
import type { RegistryContext } from './context.js';
import { KINDS, type FieldDef, type RegistryKind } from './domain/kinds.js';
import { coerceFields, missingRequired, withDefaults, type Values } from './domain/validate.js';
import { mergeIssues } from './create-item.js';
import { RegistryErrors } from './errors.js';
import { readTable, TableFileError, type TableFormat } from './io/table-file.js';
import { recordRegistryChange } from './ledger-leaf.js';
import { prepareRecords, resourceRefOf } from './prepare-records.js';

/** Columns an export writes that an import reads past: kept by the registry, not written. */
const DERIVED_COLUMNS = new Set(['id', 'divisionName', 'cityName']);

function rejected(errors: FieldIssue[]): AppError {
  return new AppError(RegistryErrors.JF_REGISTRY_IMPORT_REJECTED, { errors, params: { count: errors.length } });
}

function atRow(row: number, i: FieldIssue): FieldIssue {
  return {
    ...i,
    row,
    message: { zh: `第${row}行（表格第${row + 1}行）${i.field}：${i.message.zh}`, en: `Row ${row} (sheet line ${row + 1}), ${i.field}: ${i.message.en}` },
  };
}

/**
 * Imports a CSV or XLSX file whose header names fields. All or nothing: every
 * bad row is reported (row, column, rule) and nothing is written unless every
 * row passes, in one transaction.
 */
export async function importItems(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, format: TableFormat, data: Buffer): Promise<{ imported: number }> {
  const k = KINDS[kind];
  if (listScope(actor, 'import', k.resource).kind === 'none') throw new AppError(CommonErrors.JF_FORBIDDEN);

  let table;
  try {
    table = await readTable(format, data);
  } catch (e) {
    if (e instanceof TableFileError) throw rejected([e.issue]);
    throw e;
  }

  // The header: every column a known field, no column twice, every required field present.
  const headerIssues: FieldIssue[] = [];
  const columns: (FieldDef | null)[] = [];
  const seen = new Set<string>();
  table.header.forEach((name, i) => {
    const f = k.fields.find((x) => x.name === name);
    const col = `${name || `#${i + 1}`}`;
    if (seen.has(name)) headerIssues.push({ row: 0, field: col, rule: 'duplicate-column', message: { zh: `表头第${i + 1}列“${name}”重复`, en: `Header column ${i + 1} "${name}" appears twice` } });
    seen.add(name);
    if (f && !f.readOnly) columns.push(f);
    else {
      columns.push(null);
      if (!f && !DERIVED_COLUMNS.has(name)) {
        headerIssues.push({ row: 0, field: col, rule: 'unknown-column', message: { zh: `表头第${i + 1}列“${name}”不是${k.label.zh}的字段`, en: `Header column ${i + 1} "${name}" is not a field of ${k.label.en.toLowerCase()}` } });
      }
    }
  });
  for (const f of k.fields.filter((x) => x.required && !x.readOnly && !table.header.includes(x.name))) {
    headerIssues.push({ row: 0, field: f.name, rule: 'missing-column', message: { zh: `缺少必填列“${f.name}”（${f.label.zh}）`, en: `The required column "${f.name}" (${f.label.en}) is missing` } });
  }
  if (headerIssues.length) throw rejected(headerIssues);

  const records = table.rows.map(({ row, cells }) => {
    const input: Values = {};
    columns.forEach((f, i) => {
      if (f) input[f.name] = cells[i] ?? null;
    });
    const coerced = coerceFields(k, input);
    const values = withDefaults(k, coerced.values);
    return { row, values, issues: mergeIssues(coerced.issues, missingRequired(k, values)) };
  });
  const prepared = await prepareRecords(
    ctx.repo,
    kind,
    records.map((r) => ({ values: r.values })),
  );
  const errors: FieldIssue[] = [];
  records.forEach((r, i) => {
    const issues = mergeIssues(r.issues, prepared[i].issues);
    if (!issues.length) {
      const ref = resourceRefOf(kind, prepared[i].row);
      if (!isAllowed(actor, 'import', ref)) {
        const field = k.hasDivision && k.fields.some((f) => f.name === 'divisionCode' && !f.readOnly) ? 'divisionCode' : (k.fields.find((f) => f.type === 'ref' && !f.readOnly)?.name ?? 'name');
        issues.push({ field, rule: 'forbidden', message: { zh: '不在您可以登记的范围内', en: 'is outside what you may record' } });
      }
    }
    // In the order of the file's columns, so a report reads left to right.
    const at = (field: string) => {
      const i = table.header.indexOf(field);
      return i < 0 ? table.header.length : i;
    };
    for (const x of [...issues].sort((a, b) => at(a.field) - at(b.field))) errors.push(atRow(r.row, x));
  });
  if (errors.length) throw rejected(errors);

  const now = ctx.clock.now().toISOString();
  const rows = prepared.map((p) => p.row);
  const imported = await ctx.repo.transaction(async (repo) => {
    const n = await repo.insertMany(kind, rows, now);
    await recordRegistryChange(repo, actor, 'import', kind, null, rows, now);
    return n;
  });
  if (imported >= 10_000) await ctx.repo.refreshStatistics();
  return { imported };
}
