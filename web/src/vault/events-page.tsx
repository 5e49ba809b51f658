import { Button, Dropdown, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ROLE_NAMES, isRole } from '../../../src/access/roles';
import { ACCESS_ACTIONS } from '../../../src/vault/domain/types';
import { ApiError, download } from '../api/client';
import { useBilingual, useT } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { vault } from './i18n';
import { Article, CitationOf, RecordName, useWhen, Empty, ToneTag } from './parts';
import type { VaultEvent } from './types';

const ACTIONS = ['ingest', 'view', 'copy', 'use', 'export', 'seal', 'erase', 'alter', 'hold', 'release-hold', 'request', 'confirm', 'register', 'refuse', 'review', 'close', 'verify-document', 'visit', 'handover', 'download-package'] as const;

/** Events a page shows. */
const EVENTS_PAGE = 50;

const grantHref = (kind: string | null, id: number | null) =>
  kind === 'access-request' ? `/captured/requests/${id}` : kind === 'evidence-request' ? `/captured/evidence?id=${id}` : null;

/** Every access to captured information and every refused attempt (art 22, 24, 25, 36), for supervisors, units and oversight. */
export default function EventsPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const b = useBilingual();
  useDocumentTitle(t('eventsTitle'));
  // The record is a log, newest first: a page at a time from the server, each page the events before the last one shown.
  const [params, setParams] = useSearchParams();
  const outcome = params.get('outcome') ?? '';
  const action = params.get('action') ?? '';
  const before = Number(params.get('before')) || undefined;
  // The dashboard's figures lead here narrowed to their place and twelve months.
  const division = /^21\d{4}$/.test(params.get('division') ?? '') ? params.get('division')! : undefined;
  const from = params.get('from') && !Number.isNaN(Date.parse(params.get('from')!)) ? params.get('from')! : undefined;
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('before' in changes)) next.delete('before');
    setParams(next);
  };
  const setOutcome = (v: string) => set({ outcome: v || undefined });
  const setAction = (v: string) => set({ action: v || undefined });
  const filters = { outcome: outcome || undefined, action: action || undefined, division, from };
  const first = useApi<{ items: VaultEvent[] }>('/api/v1/captured/events', { ...filters, limit: EVENTS_PAGE + 1, beforeId: before });
  const fetched = first.data?.items ?? [];
  const rows = fetched.slice(0, EVENTS_PAGE);
  const older = fetched.length > EVENTS_PAGE ? rows[rows.length - 1].id : null;
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/captured/events/export', { format, ...filters }, `captured-access-record.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }
  return (
    <div className="jf-page jf-vault-events">
      <Typography.Title level={1}>{t('eventsTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('eventsIntro')} <Article article={22} /> · <Article article={36} />
      </Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('outcome')}
          style={{ width: 160 }}
          value={outcome}
          onChange={(v) => setOutcome(v)}
          options={[{ value: '', label: t('allOutcomes') }, ...(['allowed', 'refused'] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
        />
        <Select
          aria-label={t('action')}
          style={{ width: 180 }}
          value={action}
          onChange={(v) => setAction(v)}
          options={[{ value: '', label: t('allActions') }, { value: ACCESS_ACTIONS.join(','), label: t('accessActions') }, ...ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))]}
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
        <DivisionCascader mode="any" aria-label={t('eventsPlace')} value={division ?? null} onChange={(code) => set({ division: code ?? undefined })} />
        {from && (
          <Tag closable onClose={() => set({ from: undefined })} data-testid="events-from">
            {t('eventsFrom', { date: fmt(from) })}
          </Tag>
        )}
      </Space>
      <ApiErrorAlert error={first.error} onRetry={first.reload} />
      <ApiErrorAlert error={exportError} />
      <Table
        rowKey="id"
        size="small"
        className="jf-vault-event-table"
        loading={first.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty text={t('noEvents')} /> }}
        pagination={false}
        onRow={(e: VaultEvent) => ({ 'data-outcome': e.outcome, 'data-action': e.action }) as never}
        columns={[
          { title: t('when'), key: 'at', render: (_, e: VaultEvent) => fmt(e.at) },
          { title: t('who'), key: 'who', render: (_, e: VaultEvent) => (e.actorUserId == null ? '—' : t('userRole', { user: e.actorUsername ?? String(e.actorUserId), role: e.actorRole && isRole(e.actorRole) ? b(ROLE_NAMES[e.actorRole]) : (e.actorRole ?? '—') })) },
          { title: t('action'), key: 'action', render: (_, e: VaultEvent) => t(`action.${e.action}` as never) },
          {
            title: t('outcome'),
            key: 'outcome',
            render: (_, e: VaultEvent) => (
              <ToneTag tone={e.outcome === 'refused' ? 'bad' : 'good'} className="jf-vault-outcome">
                {t(`outcome.${e.outcome}`)}
              </ToneTag>
            ),
          },
          {
            title: t('what'),
            key: 'what',
            render: (_, e: VaultEvent) => (
              <Space direction="vertical" size={0}>
                {e.systemId != null && <RecordName kind="security-systems" id={e.systemId} />}
                {e.segmentId != null && <span>{t('segmentRef', { id: e.segmentId })}</span>}
              </Space>
            ),
          },
          {
            title: t('grant'),
            key: 'grant',
            render: (_, e: VaultEvent) => {
              if (!e.grantKind) return '—';
              const label = t(`grant.${e.grantKind}` as never, { id: e.grantId ?? '' });
              const href = grantHref(e.grantKind, e.grantId);
              return href ? <Link to={href}>{label}</Link> : label;
            },
          },
          { title: t('article'), key: 'article', render: (_, e: VaultEvent) => <CitationOf c={e.citation} /> },
          { title: t('errorCode'), key: 'code', render: (_, e: VaultEvent) => (e.errorCode ? <code>{e.errorCode}</code> : '—') },
        ]}
      />
      <Space className="jf-vault-event-pages">
        <Button disabled={!before} onClick={() => set({ before: undefined })}>
          {t('eventsNewest')}
        </Button>
        <Button disabled={older == null} onClick={() => set({ before: String(older) })}>
          {t('eventsOlder')}
        </Button>
      </Space>
    </div>
  );
}
