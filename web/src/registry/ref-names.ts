import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { RegistryKind } from './kinds';
import type { FieldMeta, RegistryRecord } from './meta';

/**
 * Names of referenced rows (a site's key unit, a device's system), fetched a
 * row at a time and remembered for the visit: a page of a list refers to at
 * most a page's worth of distinct rows.
 */
const names = new Map<string, Promise<string | null>>();

const keyOf = (kind: RegistryKind, id: number) => `${kind}:${id}`;

export function refName(kind: RegistryKind, id: number): Promise<string | null> {
  const key = keyOf(kind, id);
  let p = names.get(key);
  if (!p) {
    p = api<RegistryRecord>(`/api/v1/registry/${kind}/${id}`).then(
      (r) => (typeof r.name === 'string' ? r.name : null),
      () => null,
    );
    names.set(key, p);
  }
  return p;
}

/** Forget a row's name after it was renamed or deleted. */
export function forgetRefName(kind: RegistryKind, id: number) {
  names.delete(keyOf(kind, id));
}

export function forgetAllRefNames() {
  names.clear();
}

export type RefNames = ReadonlyMap<string, string | null>;

export function refLabel(refs: RefNames, kind: RegistryKind, id: number): string {
  return refs.get(keyOf(kind, id)) ?? `#${id}`;
}

/**
 * Resolves the names of every reference the given fields make from the given
 * rows. `known`: names the list answered with (`refNames`), taken as they are
 * instead of a fetch each; the rest are fetched a row at a time.
 */
export function useRefNames(fields: readonly FieldMeta[], rows: readonly Record<string, unknown>[] | undefined, known?: Readonly<Record<string, string>>): RefNames {
  for (const [key, name] of Object.entries(known ?? {})) if (!names.has(key)) names.set(key, Promise.resolve(name));
  const [resolved, setResolved] = useState<RefNames>(new Map());
  const wanted: [RegistryKind, number][] = [];
  for (const f of fields) {
    if (f.type !== 'ref' || !f.ref) continue;
    for (const r of rows ?? []) {
      const v = r[f.name];
      if (typeof v === 'number') wanted.push([f.ref, v]);
    }
  }
  const key = wanted.map(([k, id]) => keyOf(k, id)).join(',');
  useEffect(() => {
    if (!wanted.length) return;
    let live = true;
    Promise.all(wanted.map(async ([k, id]) => [keyOf(k, id), await refName(k, id)] as const)).then((pairs) => {
      if (live) setResolved(new Map(pairs));
    });
    return () => {
      live = false;
    };
    // `key` stands for `wanted` by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return resolved;
}
