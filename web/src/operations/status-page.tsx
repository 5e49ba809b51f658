import { Button, Dropdown, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
import { ArticleLink } from '../compliance/citation';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { STATUSES, type OperatingStatus } from '../../../src/operations/domain/kinds';
import { operations } from './i18n';
import { StatusTag, useWhen } from './parts';
import type { Page, StatusRow } from './types';

const PAGE = 50;
type Sort = 'name' | 'status' | 'lastReportAt' | 'since';

/**
 * Every system the caller may see with its operating status (art 11(2), 21):
 * filters, sorting and paging on the server, kept in the address so a
 * dashboard figure can link here filtered; exported with the same filters.
 */
export default function StatusPage() {
  const t = useT(operations);
  const fmt = useWhen();
  const { user } = useSession();
  useDocumentTitle(t('statusTitle'));
  const [params, setParams] = useSearchParams();
  const status = params.getAll('status').filter((s): s is OperatingStatus => (STATUSES as readonly string[]).includes(s));
  const divisionCode = params.get('divisionCode') ?? '';
  const q = params.get('q') ?? '';
  const sort = (params.get('sort') as Sort | null) ?? 'name';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = { status, divisionCode: divisionCode || undefined, q: q || undefined, sort, order };
  const list = useApi<Page<StatusRow>>('/api/v1/operations/status', { ...filters, limit: PAGE, offset: (page - 1) * PAGE });
  const [exportError, setExportError] = useState<ApiError>();
  const [name, setName] = useState(q);

  const update = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      next.delete(k);
      if (Array.isArray(v)) for (const x of v) next.append(k, x);
      else if (v) next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/operations/status/export', { ...filters, format }, `operating-status.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }

  const sorter = (key: Sort) => ({ sorter: true, sortOrder: sort === key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null });
  const columns: TableProps<StatusRow>['columns'] = [
    { title: t('colSystem'), key: 'name', ...sorter('name'), render: (_, r) => <Link to={`/operations/systems/${r.systemId}`}>{r.systemName}</Link> },
    { title: t('colUnit'), key: 'unit', render: (_, r) => r.keyUnitName ?? '—' },
    { title: t('colDivision'), key: 'division', render: (_, r) => r.divisionName ?? r.divisionCode },
    { title: t('colStatus'), key: 'status', ...sorter('status'), render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('colSince'), key: 'since', ...sorter('since'), render: (_, r) => fmt(r.since) },
    { title: t('colLastReport'), key: 'lastReportAt', ...sorter('lastReportAt'), render: (_, r) => fmt(r.lastReportAt) },
    { title: t('colAlert'), key: 'alert', render: (_, r) => (r.openAlertId ? <Link to={`/operations/alerts?systemId=${r.systemId}`}>{t('openAlert', { id: r.openAlertId })}</Link> : '—') },
  ];

  return (
    <div className="jf-page jf-operations-status">
      <Typography.Title level={1}>{t('statusTitle')}</Typography.Title>
      <Typography.Paragraph>
        {user?.role === 'key_unit' ? t('ownStatusIntro') : t('statusIntro')} <ArticleLink citation={{ article: 11, item: 2 }} /> · <ArticleLink citation={{ article: 21 }} />
      </Typography.Paragraph>
      <Space wrap className="jf-operations-filters">
        <Select
          mode="multiple"
          allowClear
          aria-label={t('filterStatus')}
          placeholder={t('allStatuses')}
          style={{ minWidth: 220 }}
          value={status}
          onChange={(v: string[]) => update({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Input
          aria-label={t('filterDivision')}
          placeholder={t('filterDivision')}
          style={{ width: 150 }}
          defaultValue={divisionCode}
          maxLength={6}
          onPressEnter={(e) => update({ divisionCode: (e.target as HTMLInputElement).value.trim() || null })}
          onBlur={(e) => e.target.value.trim() !== divisionCode && update({ divisionCode: e.target.value.trim() || null })}
        />
        <Input.Search aria-label={t('filterName')} placeholder={t('filterName')} style={{ width: 220 }} value={name} onChange={(e) => setName(e.target.value)} onSearch={(v) => update({ q: v.trim() || null })} />
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
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ApiErrorAlert error={exportError} />
      <Table<StatusRow>
        rowKey="systemId"
        size="small"
        data-testid="operations-status"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('noSystems') }}
        onRow={(r) => ({ 'data-status': r.status }) as never}
        onChange={(pg, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          const key = (one?.columnKey as Sort | undefined) ?? null;
          const changes: Record<string, string | null> = { page: pg.current && pg.current > 1 ? String(pg.current) : null };
          if (key && one?.order) {
            changes.sort = key;
            changes.order = one.order === 'descend' ? 'desc' : 'asc';
          } else if (!one?.order) {
            changes.sort = null;
            changes.order = null;
          }
          update(changes);
        }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (n) => t('total', { count: n }) }}
        scroll={{ x: true }}
      />
    </div>
  );
}
