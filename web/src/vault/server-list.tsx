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

/**
 * A list paged and sorted by the server, every choice in the address: `page`,
 * `pageSize`, `sort`, `order` and the list's own filters. Any change of filter
 * or sort starts again at the first page.
 */
export function useServerList(filterKeys: readonly string[]) {
  const t = useT(vault);
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort: ListSort = sortParam === 'created' || sortParam === 'window' ? sortParam : 'id';
  const order: Order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 50;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: Record<string, string | undefined> = {};
  for (const k of filterKeys) filters[k] = params.get(k) ?? undefined;

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  /** The column's server sort as the table shows it. */
  const sortOrder = (key: ListSort) => (sort === key ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);

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
        const nextSort: ListSort = s?.order ? (s.columnKey as ListSort) : 'id';
        const nextOrder: Order = s?.order === 'ascend' ? 'asc' : 'desc';
        if (nextSort !== sort || nextOrder !== order) set({ sort: nextSort === 'id' ? undefined : nextSort, order: nextOrder === 'desc' ? undefined : nextOrder });
        else if (p.pageSize !== pageSize) set({ pageSize: String(p.pageSize) });
        else if (p.current !== page) set({ page: String(p.current) });
      },
    };
  }

  return { params, filters, set, sort, order, page, pageSize, sortOrder, tableProps, query: { ...filters, sort: sort === 'id' ? undefined : sort, order, limit: pageSize, offset: (page - 1) * pageSize } };
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
