import { App, Button, Dropdown, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, download } from '../api/client';
import { ArticleLink } from '../compliance/citation';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useAddressSort } from '../ui/address-sort';
import { useApi } from '../ui/use-api';
import { ALERT_KINDS } from '../../../src/operations/domain/kinds';
import { operations } from './i18n';
import { useWhen } from './parts';
import type { AlertRow, Page } from './types';

const PAGE = 50;
type Sort = 'raisedAt' | 'system' | 'kind';
const SORTS: readonly [Sort, ...Sort[]] = ['raisedAt', 'system', 'kind'];
/** Who opens a case (the policy's `decide` on operation alerts): the police supervisors. */
const SUPERVISORS = ['province_supervisor', 'city_supervisor', 'county_supervisor'];

/** Alerts of offline and interrupted systems; a supervisor opens an art 21 case from one. */
export default function AlertsPage() {
  const t = useT(operations);
  const fmt = useWhen();
  const { message } = App.useApp();
  const { user } = useSession();
  useDocumentTitle(t('alertsTitle'));
  const [params, setParams] = useSearchParams();
  const open = params.get('open') ?? '';
  const kind = params.get('kind') ?? '';
  const systemId = params.get('systemId') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  // Newest first unless the address says otherwise; the list and its export take the same order.
  const { sort, order, onTableChange, sorted } = useAddressSort<Sort>(SORTS, ['raisedAt']);
  const filters = { open: open || undefined, kind: kind || undefined, systemId: systemId || undefined, sort, order };
  const list = useApi<Page<AlertRow>>('/api/v1/operations/alerts', { ...filters, limit: PAGE, offset: (page - 1) * PAGE });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<number | null>(null);
  const mayOpen = !!user && SUPERVISORS.includes(user.role);

  const update = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  async function openCase(a: AlertRow) {
    setError(undefined);
    setBusy(a.id);
    try {
      const r = await api<{ caseId: number }>(`/api/v1/operations/alerts/${a.id}/case`, { method: 'POST', json: {} });
      void message.success(t('caseOpened', { id: r.caseId }));
      list.reload();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
    } finally {
      setBusy(null);
    }
  }
  async function exportAs(format: 'csv' | 'xlsx') {
    setError(undefined);
    try {
      await download('/api/v1/operations/alerts/export', { ...filters, format }, `operation-alerts.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
    }
  }

  return (
    <div className="jf-page jf-operations-alerts">
      <Typography.Title level={1}>{t('alertsTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('alertsIntro')} <ArticleLink citation={{ article: 21, paragraph: 1, item: 2 }} />
      </Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('filterOpen')}
          style={{ width: 160 }}
          value={open}
          onChange={(v) => update('open', v || null)}
          options={[
            { value: '', label: t('allAlerts') },
            { value: 'true', label: t('openOnly') },
            { value: 'false', label: t('clearedOnly') },
          ]}
        />
        <Select
          aria-label={t('colKind')}
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => update('kind', v || null)}
          options={[{ value: '', label: t('colKind') }, ...ALERT_KINDS.map((k) => ({ value: k, label: t(`alert.${k}`) }))]}
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
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <ApiErrorAlert error={error} />
      <Table<AlertRow>
        rowKey="id"
        size="small"
        data-testid="operations-alerts"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('noAlerts') }}
        onChange={onTableChange}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (n) => t('alertsTotal', { count: n }) }}
        scroll={{ x: true }}
        columns={[
          { title: t('colKind'), key: 'kind', ...sorted('kind'), render: (_, a) => t(`alert.${a.kind}`) },
          { title: t('colSystem'), key: 'system', ...sorted('system'), render: (_, a) => <Link to={`/operations/systems/${a.systemId}`}>{a.systemName}</Link> },
          { title: t('colDivision'), key: 'division', render: (_, a) => a.divisionName ?? a.divisionCode },
          { title: t('colRaisedAt'), key: 'raisedAt', ...sorted('raisedAt'), render: (_, a) => fmt(a.raisedAt) },
          { title: t('colClearedAt'), key: 'clearedAt', render: (_, a) => (a.clearedAt ? fmt(a.clearedAt) : t('stillOpen')) },
          {
            title: t('colCase'),
            key: 'case',
            render: (_, a) =>
              a.caseId ? (
                <Link to={`/work/items/${a.caseId}`}>{t('caseLink', { id: a.caseId })}</Link>
              ) : mayOpen ? (
                <Button size="small" loading={busy === a.id} onClick={() => void openCase(a)}>
                  {busy === a.id ? t('openingCase') : t('openCase')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}
