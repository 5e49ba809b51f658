import { Button, Dropdown, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
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

/** One system's operation records, newest first, never altered (art 21 ¶1 (4)), with its current status. */
export default function RecordsPage() {
  const t = useT(operations);
  const fmt = useWhen();
  const { id } = useParams();
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(1);
  const data = useApi<SystemRecords>(`/api/v1/operations/systems/${Number(id)}/records`, { kind: kind || undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const d = data.data;
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download(`/api/v1/operations/systems/${Number(id)}/records/export`, { kind: kind || undefined, format }, `operation-records-${Number(id)}.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
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
            setKind(v);
            setPage(1);
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
        onChange={(pg) => setPage(pg.current ?? 1)}
        pagination={{ current: page, pageSize: PAGE, total: d?.total ?? 0, showSizeChanger: false, showTotal: (n) => t('recordsTotal', { count: n }) }}
        scroll={{ x: true }}
        columns={[
          { title: t('colOccurredAt'), key: 'occurredAt', render: (_, r) => fmt(r.occurredAt) },
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
