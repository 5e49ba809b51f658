import type { ResourceRef } from '../access/index.js';
import type { FieldIssue } from '../shared/errors.js';
import { derive } from './domain/derive.js';
import { KINDS, type RegistryKind } from './domain/kinds.js';
import { issue, type Values } from './domain/validate.js';
import type { Item, RegistryRepository } from './repository.js';

export interface Prepared {
  row: Values;
  issues: FieldIssue[];
}

/**
 * Checks what only the database can tell (references exist, unique values are
 * free) and derives the copied columns, for one record or a whole imported
 * file at once: references are loaded in batches, not row by row.
 */
export async function prepareRecords(repo: RegistryRepository, kind: RegistryKind, records: readonly { values: Values; id?: number }[]): Promise<Prepared[]> {
  const k = KINDS[kind];
  // Load every row the records refer to, a kind at a time, with the rows those refer to in turn
  // (a system's site leads to its unit).
  const loaded = new Map<RegistryKind, Map<number, Item>>();
  const want = new Map<RegistryKind, Set<number>>();
  const ask = (to: RegistryKind, id: unknown) => {
    if (id === null || id === undefined || !Number.isSafeInteger(Number(id))) return;
    if (!want.has(to)) want.set(to, new Set());
    want.get(to)!.add(Number(id));
  };
  for (const r of records) for (const f of k.fields) if (f.type === 'ref' && !f.readOnly) ask(f.ref!, r.values[f.name]);
  const load = async () => {
    for (const [to, ids] of want) {
      const have = loaded.get(to) ?? new Map<number, Item>();
      const missing = [...ids].filter((id) => !have.has(id));
      if (missing.length) for (const [id, item] of await repo.getMany(to, missing)) have.set(id, item);
      loaded.set(to, have);
    }
    want.clear();
  };
  await load();
  if (kind === 'security-systems') {
    for (const site of loaded.get('sites')?.values() ?? []) ask('key-units', site.keyUnitId);
    await load();
  }
  const refs = (to: RegistryKind, id: number) => loaded.get(to)?.get(id);

  const out: Prepared[] = records.map((r) => derive(kind, r.values, refs));

  for (const f of k.fields.filter((x) => x.unique)) {
    const values = records.map((r) => r.values[f.name]).filter((v): v is string => typeof v === 'string');
    const taken = await repo.taken(kind, f.name, values);
    const seen = new Map<string, number>();
    records.forEach((r, i) => {
      const v = r.values[f.name];
      if (typeof v !== 'string') return;
      const holder = taken.get(v);
      if (holder !== undefined && holder !== r.id) {
        out[i].issues.push(issue(f, 'unique', `“${v}”已登记（编号${holder}）`, `"${v}" is already recorded (id ${holder})`));
      } else if (seen.has(v)) {
        out[i].issues.push(issue(f, 'unique', `与第${seen.get(v)! + 1}行重复`, `repeats row ${seen.get(v)! + 1}`));
      } else {
        seen.set(v, i);
      }
    });
  }
  return out;
}

/** What the authorization decision needs to know about a row. */
export function resourceRefOf(kind: RegistryKind, row: Values & { id?: number }): ResourceRef {
  const k = KINDS[kind];
  return {
    kind: k.resource,
    // A provider from outside files with the province (art 17): its jurisdiction is the province's.
    divisionCode: kind === 'providers' && row.fromOutsideLiaoning ? String(row.cityCode ?? '210000') : ((row.divisionCode as string | null | undefined) ?? null),
    keyUnitId: kind === 'key-units' ? (row.id ?? null) : ((row.keyUnitId as number | null | undefined) ?? null),
    // The provider a row is, or the one that installed it (a system, art 20).
    providerId: k.providerColumn ? ((row[k.providerColumn] as number | null | undefined) ?? null) : null,
    restricted: row.restricted === true || row.restricted === 1,
  };
}
