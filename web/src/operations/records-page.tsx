import { Button, Dropdown, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
import { ArticleLink } from '../compliance/citation';
import { useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { RECORD_KINDS } from '../../../src/operations/domain/kinds';
import { operations } from './i18n';
import { StatusTag, useWhen } from './parts';
import type { RecordRow, SystemRecords } from './types';

const PAGE = 50;

/**
 * One system's operation records, never altered (art 21 ¶1 (4)), with its
 * current status: by when they occurred, newest first unless the address
 * says otherwise; the kind, the order and the page live in the address.
 */
export default function RecordsPage() {
  const t = useT(operations);
  const fmt = useWhen();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const filters = { kind: kind || undefined, sort: 'occurredAt', order };
  const data = useApi<SystemRecords>(`/api/v1/operations/systems/${Number(id)}/records`, { ...filters, limit: PAGE, offset: (page - 1) * PAGE });
  const d = data.data;
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download(`/api/v1/operations/systems/${Number(id)}/records/export`, { ...filters, format }, `operation-records-${Number(id)}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  /** A new kind or order starts again at the first page; a new page keeps them. */
  const onTableChange: TableProps<RecordRow>['onChange'] = (pg, _f, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const next = new URLSearchParams(params);
    const nextOrder = one?.order === 'ascend' ? 'asc' : 'desc';
    if (one?.order) {
      next.set('sort', 'occurredAt');
      next.set('order', nextOrder);
    } else {
      next.delete('sort');
      next.delete('order');
    }
    if (nextOrder === order && pg.current && pg.current > 1) next.set('page', String(pg.current));
    else next.delete('page');
    setParams(next);
  };
  useDocumentTitle(d ? t('recordsTitle', { name: d.system.name }) : t('records'));
  return (
    <div className="jf-page jf-operations-records">
      <Typography.Paragraph>
        <Link to="/operations">{t('backToStatus')}</Link>
      </Typography.Paragraph>
      <Typography.Title level={1}>{d ? t('recordsTitle', { name: d.system.name }) : t('records')}</Typography.Title>
      <Typography.Paragraph>
        {t('recordsIntro')} <ArticleLink citation={{ article: 21, paragraph: 1, item: 4 }} />
      </Typography.Paragraph>
      {d && (
        <Typography.Paragraph data-testid="current-status">
          {t('currentStatus', { status: t(`status.${d.status.status}`) })} <StatusTag status={d.status.status} /> {d.status.since ? t('sinceWhen', { when: fmt(d.status.since) }) : ''}
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Select
          aria-label={t('colKind')}
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set('kind', v);
            else next.delete('kind');
            next.delete('page');
            setParams(next);
          }}
          options={[{ value: '', label: t('colKind') }, ...RECORD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
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
      <ApiErrorAlert error={data.error} onRetry={data.reload} />
      <ApiErrorAlert error={exportError} />
      <Table<RecordRow>
        rowKey="id"
        size="small"
        loading={data.loading}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('noRecords') }}
        onChange={onTableChange}
        pagination={{ current: page, pageSize: PAGE, total: d?.total ?? 0, showSizeChanger: false, showTotal: (n) => t('recordsTotal', { count: n }) }}
        scroll={{ x: true }}
        columns={[
          { title: t('colOccurredAt'), key: 'occurredAt', sorter: true, sortOrder: order === 'asc' ? 'ascend' : 'descend', sortDirections: ['descend', 'ascend'], render: (_, r) => fmt(r.occurredAt) },
          { title: t('colKind'), key: 'kind', render: (_, r) => t(`kind.${r.kind}`) },
          { title: t('colVia'), key: 'via', render: (_, r) => t(`via.${r.via}`) },
          { title: t('colDevice'), key: 'device', render: (_, r) => r.deviceId ?? '—' },
          { title: t('colDetail'), key: 'detail', render: (_, r) => r.detail ?? '—' },
          { title: t('colReceivedAt'), key: 'receivedAt', render: (_, r) => fmt(r.receivedAt) },
          { title: t('colDigest'), key: 'digest', render: (_, r) => <code title={r.digest}>{r.digest.slice(7, 19)}…</code> },
        ]}
      />
    </div>
  );
}
