import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { FieldMeta, KindMeta } from '../../../src/registry/describe-registry';

/**
 * The answer of `GET /api/v1/registry/meta`, typed by the server's own
 * description of it (a type-only import: nothing of the server is bundled).
 */
export type { FieldMeta, KindMeta } from '../../../src/registry/describe-registry';
export type FieldType = FieldMeta['type'];
export type FieldOption = NonNullable<FieldMeta['enum']>[number];

export interface RegistryMeta {
  kinds: KindMeta[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Names of the records the rows refer to, by `kind:id`, where the caller may be shown them. */
  refNames?: Record<string, string>;
}

export type RegistryRecord = Record<string, unknown> & { id: number };

let cached: Promise<RegistryMeta> | null = null;

/** The metadata changes only with a new server release: fetched once per page load. */
export function loadRegistryMeta(): Promise<RegistryMeta> {
  if (!cached) {
    cached = api<RegistryMeta>('/api/v1/registry/meta');
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useKindMeta(kind: string | undefined): { meta: KindMeta | undefined; all: RegistryMeta | undefined; error: ApiError | undefined; loading: boolean } {
  const [all, setAll] = useState<RegistryMeta>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let live = true;
    loadRegistryMeta().then(
      (m) => live && setAll(m),
      (e: unknown) => live && setError(e instanceof ApiError ? e : undefined),
    );
    return () => {
      live = false;
    };
  }, []);
  return { meta: all?.kinds.find((k) => k.kind === kind), all, error, loading: !all && !error };
}

/** The name a registry row is known by in lists and confirmations. */
export function recordName(r: Record<string, unknown> | undefined): string {
  if (!r) return '';
  return String(r.name ?? r.id ?? '');
}
