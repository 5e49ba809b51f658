import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { workflow } from './i18n';
import { DueTag, StateTag } from './tags';
import { chinaDateTime, type Item } from './types';

/** How the server sorts a list of items. */
export interface ItemSort {
  sort: 'updated' | 'due' | 'created';
  order: 'asc' | 'desc';
}

export interface ItemsPagination {
  current: number;
  pageSize: number;
  total: number;
  pageSizeOptions: number[];
  onChange(page: number, pageSize: number): void;
  showTotal(total: number): string;
}

/**
 * A list of items: title (a link), kind, state, deadline. With `sort` and
 * `pagination`, the deadline and update columns sort on the server and the
 * list pages; without, it shows the items as given (the inbox).
 */
export function ItemsTable({
  items,
  loading,
  caption,
  sort,
  onSort,
  pagination,
}: {
  items: Item[];
  loading: boolean;
  caption: string;
  sort?: ItemSort;
  onSort?: (s: ItemSort) => void;
  pagination?: ItemsPagination;
}) {
  const t = useT(workflow);
  const sortOrder = (key: ItemSort['sort']) => (sort?.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);
  return (
    <Table<Item>
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={pagination ? { ...pagination, showSizeChanger: true, onChange: undefined } : false}
      onChange={(p, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const next: ItemSort = s?.order ? { sort: s.columnKey as ItemSort['sort'], order: s.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'updated', order: 'desc' };
        if (onSort && (next.sort !== sort?.sort || next.order !== sort?.order)) onSort(next);
        else if (pagination && (p.current !== pagination.current || p.pageSize !== pagination.pageSize)) pagination.onChange(p.current ?? 1, p.pageSize ?? pagination.pageSize);
      }}
      className="jf-wf-table"
      rowClassName={(r) => (r.overdue ? 'jf-wf-row-overdue' : '')}
      title={() => <span className="jf-visually-hidden">{caption}</span>}
      columns={[
        { title: t('colTitle'), dataIndex: 'title', render: (title: string, r) => <Link to={`/work/items/${r.id}`}>{title}</Link> },
        { title: t('colKind'), dataIndex: 'machine', width: 170, render: (m: string) => t(`machine.${m}` as never) },
        { title: t('colState'), key: 'state', width: 220, render: (_, r) => <StateTag item={r} /> },
        {
          title: t('colDue'),
          key: 'due',
          width: 240,
          sorter: !!onSort,
          sortOrder: onSort ? sortOrder('due') : undefined,
          render: (_, r) => (r.dueAt ? <DueTag item={r} /> : <span className="jf-muted">{t('noDeadline')}</span>),
        },
        { title: t('colUpdated'), key: 'updated', dataIndex: 'updatedAt', width: 150, sorter: !!onSort, sortOrder: onSort ? sortOrder('updated') : undefined, render: (v: string) => chinaDateTime(v) },
      ]}
    />
  );
}
