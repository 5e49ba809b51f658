import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { vault } from './i18n';
import { Article, DateTimeInput, ScopeEditor, ScopeText, Section, StatusTag, WindowText, scopeOut, useAction, useWhen, Empty } from './parts';
import { ExportMenu, useServerList } from './server-list';
import type { AccessRequest } from './types';

const OFFICERS = ['investigator', 'station_officer'];
const EMERGENCY = ['investigator', 'station_officer', 'county_supervisor', 'city_supervisor', 'province_supervisor'];
const ORGANS = ['public_security', 'state_security', 'procuratorate', 'military_security', 'coast_guard', 'prison', 'customs_anti_smuggling', 'accident_investigation', 'supervisory_commission', 'court', 'other'] as const;

type ScopeRows = { systemId?: number; deviceId: number | null }[];

/** Art 24 ¶1: an officer files a request; the filer is the first of at least two officers. */
function OfficialForm() {
  const t = useT(vault);
  const { user } = useSession();
  const navigate = useNavigate();
  const [scope, setScope] = useState<ScopeRows>([{ deviceId: null }]);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [until, setUntil] = useState<string>(() => new Date(Date.now() + 7 * 86_400_000).toISOString());
  const a = useAction();
  return (
    <Form
      layout="vertical"
      className="jf-vault-form jf-vault-official-form"
      initialValues={{ purposes: ['view'], organKind: 'public_security', acceptConfidentiality: false }}
      onFinish={(v: { organName: string; organKind: string; organCertificateNo: string; caseRef: string; duty: string; purposes: string[]; workIdNo: string; acceptConfidentiality: boolean }) =>
        a.run(async () => {
          const r = await api<{ request: AccessRequest }>('/api/v1/access-requests', {
            method: 'POST',
            json: {
              organName: v.organName,
              ...(user?.role === 'investigator' ? { organKind: v.organKind } : {}),
              organCertificateNo: v.organCertificateNo,
              caseRef: v.caseRef,
              duty: v.duty,
              purposes: v.purposes,
              scope: scopeOut(scope),
              window: { from: from ?? '', to: to ?? '' },
              validUntil: until,
              workIdNo: v.workIdNo,
              acceptConfidentiality: !!v.acceptConfidentiality,
            },
          });
          navigate(`/captured/requests/${r.request.id}`);
        })
      }
    >
      <Form.Item name="organName" label={t('organName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      {user?.role === 'investigator' && (
        <Form.Item name="organKind" label={t('organKind')}>
          <Select options={ORGANS.map((o) => ({ value: o, label: t(`organ.${o}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="organCertificateNo" label={t('certificateNo')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="caseRef" label={t('caseRef')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="duty" label={t('duty')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="purposes" label={t('purposes')}>
        <Checkbox.Group options={(['view', 'copy', 'use'] as const).map((p) => ({ value: p, label: t(`purpose.${p}`) }))} />
      </Form.Item>
      <fieldset className="jf-vault-fieldset">
        <legend>{t('scope')}</legend>
        <ScopeEditor value={scope} onChange={setScope} />
      </fieldset>
      <fieldset className="jf-vault-fieldset">
        <legend>{t('window')}</legend>
        <Space wrap>
          <DateTimeInput label={t('from')} value={from} onChange={setFrom} required />
          <DateTimeInput label={t('to')} value={to} onChange={setTo} required />
        </Space>
      </fieldset>
      <Form.Item label={t('validUntil')} required>
        <DateTimeInput label={t('validUntil')} value={until} onChange={(v) => v && setUntil(v)} required />
      </Form.Item>
      <Form.Item name="workIdNo" label={t('workIdNo')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="acceptConfidentiality" valuePropName="checked">
        <Checkbox>{t('acceptConfidentiality')}</Checkbox>
      </Form.Item>
      <ApiErrorAlert error={a.error} />
      <Button type="primary" htmlType="submit" loading={a.busy}>
        {t('submitRequest')}
      </Button>
    </Form>
  );
}

/** Art 24 ¶2: emergency use, granted at once, time-boxed, reviewed afterwards. */
function EmergencyForm() {
  const t = useT(vault);
  const { user } = useSession();
  const navigate = useNavigate();
  const [scope, setScope] = useState<ScopeRows>([{ deviceId: null }]);
  const a = useAction();
  const [mode, setMode] = useState('direct_use');
  return (
    <Form
      layout="vertical"
      className="jf-vault-form jf-vault-emergency-form"
      initialValues={{ mode: 'direct_use', durationMinutes: 60, organKind: 'public_security' }}
      onFinish={(v: { organName: string; organKind: string; reason: string; mode: string; platformName?: string; durationMinutes: number; caseRef?: string }) =>
        a.run(async () => {
          const r = await api<{ request: AccessRequest }>('/api/v1/access-requests/emergency', {
            method: 'POST',
            json: { organName: v.organName, ...(user?.role === 'investigator' ? { organKind: v.organKind } : {}), reason: v.reason, mode: v.mode, platformName: v.platformName || undefined, scope: scopeOut(scope), durationMinutes: v.durationMinutes, caseRef: v.caseRef || undefined },
          });
          navigate(`/captured/requests/${r.request.id}`);
        })
      }
    >
      <Form.Item name="organName" label={t('organName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      {user?.role === 'investigator' && (
        // Art 24 ¶2: only public security and state security may use a system directly.
        <Form.Item name="organKind" label={t('organKind')}>
          <Select options={(['public_security', 'state_security'] as const).map((o) => ({ value: o, label: t(`organ.${o}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('emergencyReason')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="mode" label={t('emergencyMode')}>
        <Radio.Group onChange={(e) => setMode(e.target.value)} options={(['direct_use', 'connect_platform'] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
      </Form.Item>
      {mode === 'connect_platform' && (
        <Form.Item name="platformName" label={t('platformName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      )}
      <fieldset className="jf-vault-fieldset">
        <legend>{t('scope')}</legend>
        <ScopeEditor value={scope} onChange={setScope} />
      </fieldset>
      <Form.Item name="durationMinutes" label={t('durationMinutes')}>
        <InputNumber min={1} max={1440} />
      </Form.Item>
      <Form.Item name="caseRef" label={t('caseRef')}>
        <Input />
      </Form.Item>
      <ApiErrorAlert error={a.error} />
      <Button type="primary" danger htmlType="submit" loading={a.busy}>
        {t('startEmergency')}
      </Button>
    </Form>
  );
}

const REQUEST_STATES = ['awaiting_officers', 'awaiting_registration', 'granted', 'refused', 'withdrawn', 'closed', 'active', 'ended', 'reviewed', 'expired'] as const;

/** Art 24: the requests the caller may see (paged and sorted by the server), and for officers the forms to file one. */
export default function RequestsPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { user } = useSession();
  useDocumentTitle(t('requestsTitle'));
  const [form, setForm] = useState<'official' | 'emergency' | null>(null);
  const l = useServerList(['kind', 'state', 'awaitingReview']);
  // Shown at once, before the address (which the list follows) has changed.
  const [awaitingReview, setAwaitingReview] = useState(l.filters.awaitingReview === 'true');
  useEffect(() => setAwaitingReview(l.filters.awaitingReview === 'true'), [l.filters.awaitingReview]);
  const list = useApi<{ total: number; items: AccessRequest[] }>('/api/v1/access-requests', l.query);
  const role = user?.role ?? '';
  return (
    <div className="jf-page jf-vault-requests">
      <Typography.Title level={1}>{t('requestsTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('requestsIntro')} <Article article={24} paragraph={1} /> · <Article article={24} paragraph={2} />
      </Typography.Paragraph>
      <Space wrap>
        {OFFICERS.includes(role) && (
          <Button onClick={() => setForm(form === 'official' ? null : 'official')} aria-expanded={form === 'official'}>
            {t('newRequest')}
          </Button>
        )}
        {EMERGENCY.includes(role) && (
          <Button onClick={() => setForm(form === 'emergency' ? null : 'emergency')} aria-expanded={form === 'emergency'}>
            {t('newEmergency')}
          </Button>
        )}
        <Select
          aria-label={t('kind')}
          style={{ width: 160 }}
          value={l.filters.kind ?? ''}
          onChange={(v: string) => l.set({ kind: v || undefined })}
          options={[{ value: '', label: t('allKinds') }, ...(['official', 'emergency'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
        />
        <Select
          aria-label={t('state')}
          style={{ width: 200 }}
          value={l.filters.state ?? ''}
          onChange={(v: string) => l.set({ state: v || undefined })}
          options={[{ value: '', label: t('allStates') }, ...REQUEST_STATES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <Checkbox checked={awaitingReview} onChange={(e) => {
            setAwaitingReview(e.target.checked);
            l.set({ awaitingReview: e.target.checked ? 'true' : undefined });
          }}>
          {t('awaitingReviewOnly')}
        </Checkbox>
        <ExportMenu url="/api/v1/access-requests/export" query={{ ...l.filters, sort: l.query.sort, order: l.order }} name="access-requests" />
      </Space>
      {form === 'official' && (
        <Section title={t('newRequest')}>
          <OfficialForm />
        </Section>
      )}
      {form === 'emergency' && (
        <Section title={t('newEmergency')}>
          <EmergencyForm />
        </Section>
      )}
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table
        rowKey="id"
        size="small"
        className="jf-vault-request-list"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty text={t('noRequests')} /> }}
        {...l.tableProps<AccessRequest>(list.data?.total)}
        columns={[
          { title: t('colId'), key: 'id', render: (_, r: AccessRequest) => <Link to={`/captured/requests/${r.id}`}>{t('requestTitle', { id: r.id })}</Link> },
          { title: t('kind'), key: 'kind', render: (_, r: AccessRequest) => t(`kind.${r.kind}`) },
          { title: t('state'), key: 'status', render: (_, r: AccessRequest) => <StatusTag status={r.emergency?.awaitingReview ? 'ended' : r.status} /> },
          { title: t('organName'), dataIndex: 'organName', key: 'organ' },
          { title: t('caseRef'), key: 'case', render: (_, r: AccessRequest) => r.caseRef ?? '—' },
          { title: t('scope'), key: 'scope', render: (_, r: AccessRequest) => <ScopeText scope={r.scope} /> },
          { title: t('window'), key: 'window', sorter: true, sortOrder: l.sortOrder('window'), render: (_, r: AccessRequest) => <WindowText w={r.window} /> },
          { title: t('created'), key: 'created', sorter: true, sortOrder: l.sortOrder('created'), render: (_, r: AccessRequest) => fmt(r.createdAt) },
          { title: t('validUntil'), key: 'until', render: (_, r: AccessRequest) => fmt(r.validUntil) },
          { title: t('article'), key: 'article', render: (_, r: AccessRequest) => <Article article={24} paragraph={r.kind === 'emergency' ? 2 : 1} /> },
        ]}
      />
    </div>
  );
}
