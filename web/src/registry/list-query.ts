import type { FieldMeta, KindMeta } from './meta';

/** A registry list's state, kept in the address so Back, reload and a shared link show the same page. */
export interface ListQuery {
  q: string;
  page: number;
  pageSize: number;
  sort: string;
  order: 'asc' | 'desc';
  filters: Record<string, string>;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The filters a list offers: a `divisionCode` filter already means "within a city or county", so `cityCode` is not offered beside it. */
export function filterFields(meta: KindMeta): FieldMeta[] {
  const fs = meta.fields.filter((f) => f.filterable);
  const hasWithin = fs.some((f) => f.name === 'divisionCode');
  return fs.filter((f) => !(hasWithin && f.name === 'cityCode'));
}

export function readListQuery(params: URLSearchParams, meta: KindMeta | undefined): ListQuery {
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const size = Number(params.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
  const sortable = new Set(meta?.fields.filter((f) => f.sortable).map((f) => f.name) ?? []);
  const sortParam = params.get('sort') ?? '';
  const sort = sortable.has(sortParam) ? sortParam : 'name';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const filters: Record<string, string> = {};
  for (const f of meta ? filterFields(meta) : []) {
    const v = params.get(f.name);
    if (v !== null && v !== '') filters[f.name] = v;
  }
  return { q: params.get('q') ?? '', page, pageSize, sort, order, filters };
}

export function writeListQuery(q: ListQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  for (const [k, v] of Object.entries(q.filters)) if (v !== '') p.set(k, v);
  if (q.sort !== 'name') p.set('sort', q.sort);
  if (q.order !== 'asc') p.set('order', q.order);
  if (q.page !== 1) p.set('page', String(q.page));
  if (q.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(q.pageSize));
  return p;
}

/** What the list endpoint is asked: `?q=&page=&pageSize=&sort=&order=&<filter>=`. */
export function apiQuery(q: ListQuery): Record<string, string | number> {
  const out: Record<string, string | number> = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  if (q.q.trim()) out.q = q.q.trim();
  for (const [k, v] of Object.entries(q.filters)) out[k] = v;
  return out;
}
