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
import { Link } from 'react-router-dom';
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

/**
 * A unit's systems and their recordings (by system, device and time), the
 * retention status of each system with the art 23 minimum and any gap, and
 * the holds; the police and oversight see the same for their area.
 */
export default function CapturedPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { user } = useSession();
  useDocumentTitle(t('capturedTitle'));
  const isUnit = user?.role === 'key_unit';
  const [systemId, setSystemId] = useState<number>();
  const [deviceId, setDeviceId] = useState<number | null>(null);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const systems = useApi<{ items: NamedRecord[] }>(isUnit ? '/api/v1/registry/security-systems' : null, { pageSize: 100 });
  const retention = useApi<{ systems: SweepSystem[] }>('/api/v1/captured/retention');
  const coverage = useApi<{ items: Coverage[] }>('/api/v1/captured/coverage');
  const holds = useApi<{ items: Hold[] }>('/api/v1/captured/holds');
  const segments = useApi<{ items: Segment[] }>('/api/v1/captured', { systemId, deviceId: deviceId ?? undefined, from, to, limit: 200 });
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
          pagination={false}
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

      <Section title={t('recordings')}>
        <Space wrap className="jf-vault-filters">
          <SystemSelect label={t('system')} value={systemId} onChange={(v) => (setSystemId(v), setDeviceId(null))} />
          <DeviceSelect label={t('device')} systemId={systemId} value={deviceId} onChange={setDeviceId} />
          <DateTimeInput label={t('from')} value={from} onChange={setFrom} />
          <DateTimeInput label={t('to')} value={to} onChange={setTo} />
        </Space>
        <ApiErrorAlert error={segments.error} onRetry={segments.reload} />
        <Table
          rowKey="id"
          size="small"
          loading={segments.loading}
          dataSource={segments.data?.items ?? []}
          locale={{ emptyText: <Empty text={t('noRecordings')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          className="jf-vault-segments"
          columns={[
            { title: t('colId'), dataIndex: 'id', key: 'id' },
            { title: t('system'), key: 'system', render: (_, s: Segment) => <RecordName kind="security-systems" id={s.systemId} /> },
            { title: t('device'), key: 'device', render: (_, s: Segment) => (s.deviceId ? <RecordName kind="devices" id={s.deviceId} /> : '—') },
            { title: t('colSpan'), key: 'span', render: (_, s: Segment) => `${fmt(s.startedAt)} – ${fmt(s.endedAt)}` },
            { title: t('colSize'), key: 'size', render: (_, s: Segment) => size(s.size) },
            { title: t('state'), key: 'state', render: (_, s: Segment) => t(`segstate.${s.state}`) },
            { title: t('colDigest'), key: 'sha', render: (_, s: Segment) => <code title={s.sha256}>{s.sha256.slice(0, 16)}…</code> },
          ]}
        />
      </Section>

      <Section title={t('holdsTitle')}>
        <Typography.Paragraph>{t('holdsIntro')}</Typography.Paragraph>
        <ApiErrorAlert error={holds.error} />
        <Table
          rowKey="id"
          size="small"
          loading={holds.loading}
          dataSource={holds.data?.items ?? []}
          locale={{ emptyText: <Empty text={t('noHolds')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('system'), key: 'system', render: (_, h: Hold) => <RecordName kind="security-systems" id={h.systemId} /> },
            { title: t('window'), key: 'window', render: (_, h: Hold) => `${fmt(h.window.from)} – ${fmt(h.window.to)}` },
            { title: t('holdSource'), key: 'source', render: (_, h: Hold) => t(`source.${h.source}` as never) },
            { title: t('reason'), dataIndex: 'reason', key: 'reason' },
            { title: t('caseRef'), key: 'case', render: (_, h: Hold) => h.caseRef ?? '—' },
            { title: t('state'), key: 'active', render: (_, h: Hold) => (h.active ? t('active') : t('released')) },
          ]}
        />
      </Section>
    </div>
  );
}
