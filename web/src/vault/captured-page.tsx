import { Button, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { vault } from './i18n';
import { Article, DateTimeInput, DeviceSelect, RecordName, Section, SystemSelect, useAction, useWhen, Empty, ToneTag } from './parts';
import { Link, useSearchParams } from 'react-router-dom';
import { ExportMenu, useServerList } from './server-list';
import type { AccessRequest, Coverage, Evidence, Hold, NamedRecord, Segment, SweepSystem, Viewing } from './types';

const MB = 1024 * 1024;
export const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** What waits for the unit: requests to register (art 24 ¶1 (3)), approved viewings (art 25 ¶1 (3)), evidence to hand over (art 25 ¶2). */
function Pending() {
  const t = useT(vault);
  const requests = useApi<{ items: AccessRequest[] }>('/api/v1/access-requests', { state: 'awaiting_registration' });
  const viewing = useApi<{ items: Viewing[] }>('/api/v1/viewing-applications', { state: 'approved' });
  const evidence = useApi<{ items: Evidence[] }>('/api/v1/evidence-requests', { state: 'recorded' });
  const items = [
    ...(requests.data?.items ?? []).map((r) => ({ to: `/captured/requests/${r.id}`, label: t('requestTitle', { id: r.id }) })),
    ...(viewing.data?.items ?? []).filter((v) => v.status === 'approved').map((v) => ({ to: `/captured/viewing/${v.id}`, label: t('viewingTitleOne', { id: v.id }) })),
    ...(evidence.data?.items ?? []).map((e) => ({ to: `/captured/evidence?id=${e.id}`, label: `${t('menuEvidence')} ${e.id}` })),
  ];
  return (
    <Section title={t('pendingTitle')}>
      <ApiErrorAlert error={requests.error ?? viewing.error ?? evidence.error} />
      {items.length ? (
        <ul className="jf-vault-pending">
          {items.map((i) => (
            <li key={i.to}>
              <Link to={i.to}>{i.label}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph>{t('noPending')}</Typography.Paragraph>
      )}
    </Section>
  );
}

/** A system's (or device's) record, named, leading to its compliance page as the findings do. */
function RecordLink({ kind, id }: { kind: 'security-systems' | 'devices'; id: number }) {
  return (
    <Link to={`/compliance/entities/${kind}/${id}`}>
      <RecordName kind={kind} id={id} />
    </Link>
  );
}

const SEGMENT_SORTS = ['started', 'id'] as const;
const SEGMENT_STATES = ['kept', 'sealed', 'erased'] as const;

/**
 * The recordings the caller may see, by system, device, time and state: paged
 * and sorted by the server, newest recording first, every choice in the
 * address under `rec-`; the export holds the whole filtered list.
 */
function Recordings() {
  const t = useT(vault);
  const fmt = useWhen();
  const l = useServerList(['systemId', 'deviceId', 'from', 'to', 'state'], { prefix: 'rec-', sorts: SEGMENT_SORTS });
  const list = useApi<{ total: number; items: Segment[] }>('/api/v1/captured', l.query);
  const systemId = l.filters.systemId ? Number(l.filters.systemId) : undefined;
  const deviceId = l.filters.deviceId ? Number(l.filters.deviceId) : null;
  return (
    <Section title={t('recordings')} extra={<ExportMenu url="/api/v1/captured/export" query={{ ...l.filters, sort: l.query.sort, order: l.order }} name="captured-recordings" />}>
      <Space wrap className="jf-vault-filters">
        <SystemSelect label={t('system')} value={systemId} onChange={(v) => l.set({ systemId: v ? String(v) : undefined, deviceId: undefined })} />
        <DeviceSelect label={t('device')} systemId={systemId} value={deviceId} onChange={(v) => l.set({ deviceId: v ? String(v) : undefined })} />
        <DateTimeInput label={t('from')} value={l.filters.from} onChange={(v) => l.set({ from: v })} />
        <DateTimeInput label={t('to')} value={l.filters.to} onChange={(v) => l.set({ to: v })} />
        <Select
          aria-label={t('state')}
          style={{ width: 160 }}
          value={l.filters.state ?? ''}
          onChange={(v: string) => l.set({ state: v || undefined })}
          options={[{ value: '', label: t('allStates') }, ...SEGMENT_STATES.map((s) => ({ value: s, label: t(`segstate.${s}`) }))]}
        />
      </Space>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty text={t('noRecordings')} /> }}
        {...l.tableProps<Segment>(list.data?.total)}
        className="jf-vault-segments"
        columns={[
          { title: t('colId'), dataIndex: 'id', key: 'id', sorter: true, sortOrder: l.sortOrder('id') },
          { title: t('system'), key: 'system', render: (_, s: Segment) => <RecordLink kind="security-systems" id={s.systemId} /> },
          { title: t('device'), key: 'device', render: (_, s: Segment) => (s.deviceId ? <RecordLink kind="devices" id={s.deviceId} /> : '—') },
          {
            title: t('colSpan'),
            key: 'started',
            sorter: true,
            sortOrder: l.sortOrder('started'),
            // Newest first is the default: the first click from another sort asks for it, the next turns it round, and so on.
            sortDirections: ['descend', 'ascend', 'descend'],
            render: (_, s: Segment) => `${fmt(s.startedAt)} – ${fmt(s.endedAt)}`,
          },
          { title: t('colSize'), key: 'size', render: (_, s: Segment) => size(s.size) },
          { title: t('state'), key: 'state', render: (_, s: Segment) => t(`segstate.${s.state}`) },
          { title: t('colDigest'), key: 'sha', render: (_, s: Segment) => <code title={s.sha256}>{s.sha256.slice(0, 16)}…</code> },
          { title: t('article'), key: 'article', render: () => <Article article={23} paragraph={2} /> },
        ]}
      />
    </Section>
  );
}

const HOLD_SOURCES = ['police_request', 'access_request', 'viewing_application', 'evidence_request'] as const;

/** What placed a hold: the request or application it came from, where the app has a page for it. */
function HoldSource({ h }: { h: Hold }) {
  const t = useT(vault);
  if (h.sourceId == null || h.source === 'police_request') return <>{t(`source.${h.source}` as never)}</>;
  if (h.source === 'access_request') return <Link to={`/captured/requests/${h.sourceId}`}>{t('requestTitle', { id: h.sourceId })}</Link>;
  if (h.source === 'viewing_application') return <Link to={`/captured/viewing/${h.sourceId}`}>{t('viewingTitleOne', { id: h.sourceId })}</Link>;
  if (h.source === 'evidence_request') return <Link to={`/captured/evidence?id=${h.sourceId}`}>{t('evidenceRef', { id: h.sourceId })}</Link>;
  return <>{t(`source.${h.source}` as never)}</>;
}

/**
 * The holds (art 23 ¶2) in the caller's place: paged by the server, newest
 * placed first, filtered by whether in force, by source and by system, every
 * choice in the address under `hold-`.
 */
function Holds() {
  const t = useT(vault);
  const fmt = useWhen();
  const l = useServerList(['active', 'source', 'systemId'], { prefix: 'hold-', sorts: ['placed'] as const });
  const { sort: _sort, ...query } = l.query;
  const list = useApi<{ total: number; items: Hold[] }>('/api/v1/captured/holds', query);
  const systemId = l.filters.systemId ? Number(l.filters.systemId) : undefined;
  return (
    <Section title={t('holdsTitle')} extra={<ExportMenu url="/api/v1/captured/holds/export" query={{ ...l.filters, order: l.order }} name="captured-holds" />}>
      <Typography.Paragraph>
        {t('holdsIntro')} <Article article={23} paragraph={2} />
      </Typography.Paragraph>
      <Space wrap className="jf-vault-filters">
        <Select
          aria-label={t('holdStatus')}
          style={{ width: 180 }}
          value={l.filters.active ?? ''}
          onChange={(v: string) => l.set({ active: v || undefined })}
          options={[
            { value: '', label: t('allHolds') },
            { value: 'true', label: t('active') },
            { value: 'false', label: t('holdInactive') },
          ]}
        />
        <Select
          aria-label={t('holdSource')}
          style={{ width: 200 }}
          value={l.filters.source ?? ''}
          onChange={(v: string) => l.set({ source: v || undefined })}
          options={[{ value: '', label: t('allSources') }, ...HOLD_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))]}
        />
        <SystemSelect label={t('holdSystem')} value={systemId} onChange={(v) => l.set({ systemId: v ? String(v) : undefined })} />
      </Space>
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty text={t('noHolds')} /> }}
        {...l.tableProps<Hold>(list.data?.total)}
        className="jf-vault-holds"
        columns={[
          { title: t('colId'), dataIndex: 'id', key: 'id' },
          { title: t('system'), key: 'system', render: (_, h: Hold) => <RecordLink kind="security-systems" id={h.systemId} /> },
          { title: t('window'), key: 'window', render: (_, h: Hold) => `${fmt(h.window.from)} – ${fmt(h.window.to)}` },
          { title: t('holdSource'), key: 'source', render: (_, h: Hold) => <HoldSource h={h} /> },
          { title: t('reason'), dataIndex: 'reason', key: 'reason' },
          { title: t('caseRef'), key: 'case', render: (_, h: Hold) => h.caseRef ?? '—' },
          { title: t('holdPlaced'), key: 'placed', sorter: true, sortOrder: l.sortOrder('placed'), sortDirections: ['descend', 'ascend', 'descend'], render: (_, h: Hold) => fmt(h.placedAt) },
          { title: t('state'), key: 'active', render: (_, h: Hold) => (h.active ? t('active') : h.releasedAt ? t('released') : t('holdExpired')) },
          { title: t('article'), key: 'article', render: () => <Article article={23} paragraph={2} /> },
        ]}
      />
    </Section>
  );
}

/**
 * A unit's systems and their recordings (by system, device and time), the
 * retention status of each system with the art 23 minimum and any gap, and
 * the holds; the police and oversight see the same for their area.
 */
/** Systems a page of the retention table. */
const RETENTION_PAGE = 50;

export default function CapturedPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { user } = useSession();
  useDocumentTitle(t('capturedTitle'));
  const isUnit = user?.role === 'key_unit';
  const systems = useApi<{ items: NamedRecord[] }>(isUnit ? '/api/v1/registry/security-systems' : null, { pageSize: 100 });
  // A page of the systems holding recordings at a time, its number in the address: a city's are thousands.
  const [params, setParams] = useSearchParams();
  const retPage = Math.max(1, Number(params.get('ret-page')) || 1);
  const retWindow = { limit: RETENTION_PAGE, offset: (retPage - 1) * RETENTION_PAGE };
  const retention = useApi<{ systems: SweepSystem[]; page: { total: number } }>('/api/v1/captured/retention', retWindow);
  const coverage = useApi<{ items: Coverage[] }>('/api/v1/captured/coverage', retWindow);
  const policy = useAction();
  const [policyDone, setPolicyDone] = useState(false);

  const retentionOf = new Map((retention.data?.systems ?? []).map((s) => [s.systemId, s]));
  const coverageOf = new Map((coverage.data?.items ?? []).map((c) => [c.systemId, c]));
  const systemIds = [...new Set([...(systems.data?.items.map((s) => s.id) ?? []), ...retentionOf.keys(), ...coverageOf.keys()])];

  return (
    <div className="jf-page jf-vault-captured">
      <Typography.Title level={1}>{t('capturedTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('capturedIntro')} <Article article={23} paragraph={2} />
      </Typography.Paragraph>

      {isUnit && <Pending />}

      <Section title={t('retentionTitle')}>
        <ApiErrorAlert error={retention.error ?? coverage.error} />
        <Table
          rowKey={(id) => id}
          size="small"
          pagination={{
            current: retPage,
            pageSize: RETENTION_PAGE,
            total: Math.max(retention.data?.page.total ?? 0, systemIds.length),
            hideOnSinglePage: true,
            showSizeChanger: false,
            showTotal: (n) => t('listTotal', { total: n }),
            onChange: (p) => {
              const next = new URLSearchParams(params);
              if (p > 1) next.set('ret-page', String(p));
              else next.delete('ret-page');
              setParams(next);
            },
          }}
          loading={retention.loading || coverage.loading}
          dataSource={systemIds}
          className="jf-vault-retention"
          columns={[
            { title: t('system'), key: 'system', render: (_, id) => <RecordName kind="security-systems" id={id} /> },
            {
              title: t('minimumCol'),
              key: 'minimum',
              render: (_, id) => {
                const r = retentionOf.get(id);
                const c = coverageOf.get(id);
                const min = r?.minimumDays ?? c?.minimumDays ?? null;
                return (
                  <Space direction="vertical" size={0}>
                    <span>{min != null ? t('minimumDays', { days: min }) : t('noMinimum')}</span>
                    {r && <span>{t('keepDays', { days: r.keepDays })}</span>}
                  </Space>
                );
              },
            },
            {
              title: t('policy'),
              key: 'policy',
              render: (_, id) => {
                const r = retentionOf.get(id);
                return r ? (
                  <Space direction="vertical" size={0}>
                    <span>{t(`policy.${r.action}`)}</span>
                    <span>
                      {t('due', { count: r.due })} · {t('held', { count: r.held })}
                    </span>
                  </Space>
                ) : (
                  '—'
                );
              },
            },
            {
              title: t('coverage'),
              key: 'coverage',
              render: (_, id) => {
                const c = coverageOf.get(id);
                if (!c) return <span>{t('noCoverage')}</span>;
                return (
                  <div data-coverage={c.outcome}>
                    <ToneTag tone={c.outcome === 'violation' ? 'bad' : c.outcome === 'compliant' ? 'good' : 'closed'}>{t(`coverage.${c.outcome}`)}</ToneTag>
                    {c.reachesBackTo && <div>{t('reachesBack', { date: fmt(c.reachesBackTo) })}</div>}
                    {c.reasons.map((r) => (
                      <div key={r} className="jf-vault-gap">
                        {t(`reason.${r}`)}
                      </div>
                    ))}
                    {c.gaps.slice(0, 5).map((g, i) => (
                      <div key={i} className="jf-vault-gap">
                        {t('gapLine', { from: fmt(g.from), to: fmt(g.to), seconds: g.seconds })}
                      </div>
                    ))}
                  </div>
                );
              },
            },
          ]}
        />
        {isUnit && (
          <Form
            layout="inline"
            className="jf-vault-policy"
            onFinish={(v: { action: string }) =>
              policy.run(async () => {
                await api('/api/v1/captured/retention-policy', { method: 'PUT', json: { action: v.action } });
                setPolicyDone(true);
                retention.reload();
              })
            }
            initialValues={{ action: 'report' }}
          >
            <Form.Item name="action" label={t('setPolicy')}>
              <Select style={{ width: 160 }} options={(['report', 'seal', 'erase'] as const).map((a) => ({ value: a, label: t(`policy.${a}`) }))} />
            </Form.Item>
            <Button htmlType="submit" loading={policy.busy}>
              {t('submit')}
            </Button>
            {policyDone && <span role="status">{t('policySaved')}</span>}
          </Form>
        )}
        <ApiErrorAlert error={policy.error} />
      </Section>

      <Recordings />
      <Holds />
    </div>
  );
}
