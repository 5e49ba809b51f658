import { Button, Dropdown, type TableProps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
import { useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { vault } from './i18n';

const PAGE_SIZES = [20, 50, 100, 200];

/** How the server sorts the lists of applications and requests. */
export type ListSort = 'id' | 'created' | 'window';
type Order = 'asc' | 'desc';

export interface ServerListOptions<S extends string> {
  /**
   * Prefix of this list's parameters in the address (`page`, `pageSize`,
   * `sort`, `order` and its filters), so that two lists on one page keep
   * their own choices apart. None by default.
   */
  prefix?: string;
  /** The sorts the server knows for this list; the first is its default. */
  sorts?: readonly S[];
}

const APPLICATION_SORTS = ['id', 'created', 'window'] as const;

/**
 * A list paged and sorted by the server, every choice in the address: `page`,
 * `pageSize`, `sort`, `order` and the list's own filters (each under the
 * list's prefix, if it has one). Any change of filter or sort starts again at
 * the first page.
 */
export function useServerList<S extends string = ListSort>(filterKeys: readonly string[], opts: ServerListOptions<S> = {}) {
  const t = useT(vault);
  const [params, setParams] = useSearchParams();
  const prefix = opts.prefix ?? '';
  const sorts = (opts.sorts ?? APPLICATION_SORTS) as readonly S[];
  const defaultSort = sorts[0];
  const key = (k: string) => `${prefix}${k}`;
  const sortParam = params.get(key('sort')) as S | null;
  const sort: S = sortParam && sorts.includes(sortParam) ? sortParam : defaultSort;
  const order: Order = params.get(key('order')) === 'asc' ? 'asc' : 'desc';
  const pageSize = PAGE_SIZES.includes(Number(params.get(key('pageSize')))) ? Number(params.get(key('pageSize'))) : 50;
  const page = Math.max(1, Number(params.get(key('page'))) || 1);
  const filters: Record<string, string | undefined> = {};
  for (const k of filterKeys) filters[k] = params.get(key(k)) ?? undefined;

  /** Changes this list's choices (named without the prefix) in the address. */
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(key(k), v);
      else next.delete(key(k));
    }
    if (!('page' in changes)) next.delete(key('page'));
    setParams(next);
  };

  /** The column's server sort as the table shows it. */
  const sortOrder = (col: S) => (sort === col ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);

  /** The table's paging and sorting, answered by changing the address. */
  function tableProps<T>(total: number | undefined): Pick<TableProps<T>, 'pagination' | 'onChange'> {
    return {
      pagination: {
        current: page,
        pageSize,
        total: total ?? 0,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        hideOnSinglePage: false,
        showTotal: (n) => t('listTotal', { total: n }),
      },
      onChange: (p, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const nextSort: S = s?.order ? (s.columnKey as S) : defaultSort;
        const nextOrder: Order = s?.order === 'ascend' ? 'asc' : 'desc';
        if (nextSort !== sort || nextOrder !== order) set({ sort: nextSort === defaultSort ? undefined : nextSort, order: nextOrder === 'desc' ? undefined : nextOrder });
        else if (p.pageSize !== pageSize) set({ pageSize: String(p.pageSize) });
        else if (p.current !== page) set({ page: String(p.current) });
      },
    };
  }

  return {
    params,
    filters,
    set,
    sort,
    order,
    page,
    pageSize,
    sortOrder,
    tableProps,
    query: { ...filters, sort: sort === defaultSort ? undefined : sort, order, limit: pageSize, offset: (page - 1) * pageSize },
  };
}

/** Export the list with its filters and sort, every page, as CSV or XLSX. */
export function ExportMenu({ url, query, name }: { url: string; query: Record<string, string | undefined>; name: string }) {
  const t = useT(vault);
  const [error, setError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setError(undefined);
    try {
      await download(url, { format, ...query }, `${name}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
    }
  }
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'csv', label: t('exportCsv') },
            { key: 'xlsx', label: t('exportXlsx') },
          ],
          onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx'),
        }}
      >
        <Button>{t('exportMenu')} ▾</Button>
      </Dropdown>
      <ApiErrorAlert error={error} />
    </>
  );
}
