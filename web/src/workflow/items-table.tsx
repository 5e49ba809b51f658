import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { workflow } from './i18n';
import { DueTag, StateTag } from './tags';
import { chinaDateTime, type Item } from './types';

/** A list of items: title (a link), kind, state, deadline. */
export function ItemsTable({ items, loading, caption }: { items: Item[]; loading: boolean; caption: string }) {
  const t = useT(workflow);
  return (
    <Table
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      className="jf-wf-table"
      rowClassName={(r) => (r.overdue ? 'jf-wf-row-overdue' : '')}
      title={() => <span className="jf-visually-hidden">{caption}</span>}
      columns={[
        { title: t('colTitle'), dataIndex: 'title', render: (title: string, r) => <Link to={`/work/items/${r.id}`}>{title}</Link> },
        { title: t('colKind'), dataIndex: 'machine', width: 170, render: (m: string) => t(`machine.${m}` as never) },
        { title: t('colState'), key: 'state', width: 220, render: (_, r) => <StateTag item={r} /> },
        { title: t('colDue'), key: 'due', width: 240, render: (_, r) => (r.dueAt ? <DueTag item={r} /> : <span className="jf-muted">{t('noDeadline')}</span>) },
        { title: t('colUpdated'), dataIndex: 'updatedAt', width: 150, render: (v: string) => chinaDateTime(v) },
      ]}
    />
  );
}
