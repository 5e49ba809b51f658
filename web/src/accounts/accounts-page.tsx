import { Button, Dropdown, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ROLES, ROLE_NAMES } from '../../../src/access/roles';
import { ApiError, download } from '../api/client';
import { useBilingual, useLang, useT } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { AccountDrawer } from './account-drawer';
import { accounts } from './i18n';
import type { Account, AccountPage } from './types';
import './accounts.css';

const SORTS = ['username', 'displayName', 'role', 'jurisdiction', 'updatedAt'] as const;
const PAGE_SIZES = [20, 50, 100];

interface Query {
  q: string;
  role: string;
  jurisdiction: string;
  status: string;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function readQuery(p: URLSearchParams): Query {
  const n = (k: string, d: number) => (Number.isInteger(Number(p.get(k))) && Number(p.get(k)) > 0 ? Number(p.get(k)) : d);
  return {
    q: p.get('q') ?? '',
    role: p.get('role') ?? '',
    jurisdiction: p.get('jurisdiction') ?? '',
    status: p.get('status') ?? '',
    sort: (SORTS as readonly string[]).includes(p.get('sort') ?? '') ? p.get('sort')! : 'username',
    order: p.get('order') === 'desc' ? 'desc' : 'asc',
    page: n('page', 1),
    pageSize: PAGE_SIZES.includes(n('pageSize', 20)) ? n('pageSize', 20) : 20,
  };
}

function writeQuery(q: Query): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20) && !(k === 'sort' && v === 'username') && !(k === 'order' && v === 'asc')) out.set(k, String(v));
  return out;
}

/** The filters as the API takes them (the list and its export share them). */
const filtersOf = (q: Query) => ({ q: q.q || undefined, role: q.role || undefined, jurisdiction: q.jurisdiction || undefined, status: q.status || undefined });

/** `/accounts`: the administrator's list of accounts, with a drawer to change each. */
export default function AccountsPage() {
  const t = useT(accounts);
  const b = useBilingual();
  const { lang } = useLang();
  const { user } = useSession();
  useDocumentTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const [searchText, setSearchText] = useState(query.q);
  const [open, setOpen] = useState<Account | null>(null);
  const [exportError, setExportError] = useState<ApiError>();
  const { data, error, loading, reload } = useApi<AccountPage>('/api/v1/accounts', { ...filtersOf(query), sort: query.sort, order: query.order, page: query.page, pageSize: query.pageSize });
  const go = (patch: Partial<Query>) => setParams(writeQuery({ ...query, page: 1, ...patch }));

  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/accounts/export', { format, ...filtersOf(query) }, `accounts.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }

  const sorted = (key: string) => ({ sorter: true, sortOrder: query.sort === key ? (query.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null });
  const columns: TableProps<Account>['columns'] = [
    { key: 'username', title: t('colUsername'), ...sorted('username'), render: (_, a) => <code>{a.username}</code> },
    { key: 'displayName', title: t('colDisplayName'), ...sorted('displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('colRole'), ...sorted('role'), render: (_, a) => b(a.roleName) },
    { key: 'jurisdiction', title: t('colJurisdiction'), ...sorted('jurisdiction'), render: (_, a) => (a.jurisdiction ? `${a.jurisdictionName ?? ''} ${a.jurisdiction}`.trim() : '—') },
    {
      key: 'status',
      title: t('colStatus'),
      render: (_, a) => (
        <Tag className={`jf-account-tag jf-account-tag-${a.disabled ? 'disabled' : 'active'}`}>
          {t(a.disabled ? 'status.disabled' : 'status.active')}
        </Tag>
      ),
    },
    { key: 'sessions', title: t('colSessions'), dataIndex: 'activeSessions' },
    { key: 'updatedAt', title: t('colUpdated'), ...sorted('updatedAt'), render: (_, a) => new Date(a.updatedAt).toLocaleString(lang) },
    {
      key: 'actions',
      title: t('colActions'),
      render: (_, a) => (
        <Button size="small" onClick={() => setOpen(a)} aria-label={t('manageLabel', { username: a.username })}>
          {t('manage')}
        </Button>
      ),
    },
  ];

  return (
    <div className="jf-page jf-accounts">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <Space wrap className="jf-accounts-filters">
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          style={{ width: 240 }}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => go({ q: v.trim() })}
        />
        <Select
          aria-label={t('role')}
          style={{ width: 200 }}
          value={query.role}
          onChange={(v) => go({ role: v })}
          popupMatchSelectWidth={false}
          options={[{ value: '', label: t('allRoles') }, ...ROLES.map((r) => ({ value: r, label: b(ROLE_NAMES[r]) }))]}
        />
        <DivisionCascader aria-label={t('jurisdiction')} mode="any" className="jf-accounts-division" value={query.jurisdiction || null} onChange={(v) => go({ jurisdiction: v ?? '' })} />
        <Select
          aria-label={t('status')}
          style={{ width: 140 }}
          value={query.status}
          onChange={(v) => go({ status: v })}
          options={[{ value: '', label: t('allStatuses') }, ...(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
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
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />
      <ApiErrorAlert error={exportError} />
      <Table<Account>
        rowKey="id"
        size="middle"
        className="jf-accounts-table"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 'max-content' }}
        onRow={(a) => ({ 'data-username': a.username }) as never}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const sort = s?.order ? String(s.columnKey) : 'username';
          const order = s?.order === 'descend' ? 'desc' : 'asc';
          const page = sort !== query.sort || order !== query.order || pagination.pageSize !== query.pageSize ? 1 : (pagination.current ?? 1);
          setParams(writeQuery({ ...query, sort, order, page, pageSize: pagination.pageSize ?? query.pageSize }));
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('total', { total }),
        }}
      />
      <AccountDrawer
        account={open}
        own={open != null && open.id === user?.id}
        onClose={() => setOpen(null)}
        onChanged={(a) => {
          setOpen(a);
          reload();
        }}
      />
    </div>
  );
}
