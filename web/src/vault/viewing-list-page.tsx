import { Button, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { vault } from './i18n';
import { Article, DateTimeInput, Section, StatusTag, WindowText, useAction, useWhen, Empty } from './parts';
import { ExportMenu, useServerList } from './server-list';
import type { Viewing } from './types';

/** Art 25 ¶1 (1): the applicant (online) or the station (at the counter) files an application. */
function ViewingForm() {
  const t = useT(vault);
  const navigate = useNavigate();
  const { user } = useSession();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [kind, setKind] = useState('citizen');
  const a = useAction();
  return (
    <Form
      layout="vertical"
      className="jf-vault-form jf-vault-viewing-form"
      initialValues={{ applicantKind: 'citizen', stationDivision: user?.role === 'station_officer' ? user.jurisdiction : undefined }}
      onFinish={(v: { applicantKind: string; applicantName: string; organisationName?: string; residentId: string; reason: string; stationDivision: string }) =>
        a.run(async () => {
          const r = await api<{ application: Viewing }>('/api/v1/viewing-applications', {
            method: 'POST',
            json: { ...v, organisationName: v.organisationName || undefined, residentId: v.residentId.trim().toUpperCase(), window: { from: from ?? '', to: to ?? '' } },
          });
          navigate(`/captured/viewing/${r.application.id}`);
        })
      }
    >
      <Form.Item name="applicantKind" label={t('applicantKind')}>
        <Radio.Group onChange={(e) => setKind(e.target.value)} options={(['citizen', 'legal_person', 'organisation'] as const).map((k) => ({ value: k, label: t(`applicant.${k}`) }))} />
      </Form.Item>
      <Form.Item name="applicantName" label={t('applicantName')} rules={[{ required: true }]}>
        <Input autoComplete="name" />
      </Form.Item>
      {kind !== 'citizen' && (
        <Form.Item name="organisationName" label={t('organisationName')}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="residentId" label={t('residentId')} rules={[{ required: true, pattern: /^[0-9]{17}[0-9Xx]$/ }]}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="reason" label={t('viewingReason')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="stationDivision" label={t('stationDivision')} rules={[{ required: true }]}>
        <DivisionCascader mode="county" aria-label={t('stationDivision')} />
      </Form.Item>
      <fieldset className="jf-vault-fieldset">
        <legend>{t('window')}</legend>
        <Space wrap>
          <DateTimeInput label={t('from')} value={from} onChange={setFrom} required />
          <DateTimeInput label={t('to')} value={to} onChange={setTo} required />
        </Space>
      </fieldset>
      <ApiErrorAlert error={a.error} />
      <Button type="primary" htmlType="submit" loading={a.busy}>
        {t('submitViewing')}
      </Button>
    </Form>
  );
}

const VIEWING_STATES = ['submitted', 'registered', 'approved', 'refused', 'visited', 'closed'] as const;

/** Art 25 ¶1: a citizen's applications, a station's, a unit's approved ones, the police's and oversight's; paged and sorted by the server. */
export default function ViewingListPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { user } = useSession();
  useDocumentTitle(t('viewingTitle'));
  const [showForm, setShowForm] = useState(false);
  const l = useServerList(['state']);
  const list = useApi<{ total: number; items: Viewing[] }>('/api/v1/viewing-applications', l.query);
  const mayFile = user?.role === 'citizen' || user?.role === 'station_officer';
  return (
    <div className="jf-page jf-vault-viewing-list">
      <Typography.Title level={1}>{t('viewingTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('viewingIntro')} <Article article={25} paragraph={1} />
      </Typography.Paragraph>
      <Space wrap>
        {mayFile && (
          <Button onClick={() => setShowForm(!showForm)} aria-expanded={showForm}>
            {t('newViewing')}
          </Button>
        )}
        <Select
          aria-label={t('state')}
          style={{ width: 180 }}
          value={l.filters.state ?? ''}
          onChange={(v: string) => l.set({ state: v || undefined })}
          options={[{ value: '', label: t('allStates') }, ...VIEWING_STATES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <ExportMenu url="/api/v1/viewing-applications/export" query={{ ...l.filters, sort: l.query.sort, order: l.order }} name="viewing-applications" />
      </Space>
      {showForm && (
        <Section title={t('newViewing')}>
          <ViewingForm />
        </Section>
      )}
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table
        rowKey="id"
        size="small"
        className="jf-vault-viewing-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty text={t('noViewing')} /> }}
        {...l.tableProps<Viewing>(list.data?.total)}
        columns={[
          { title: t('colId'), key: 'id', render: (_, v: Viewing) => <Link to={`/captured/viewing/${v.id}`}>{t('viewingTitleOne', { id: v.id })}</Link> },
          { title: t('state'), key: 'status', render: (_, v: Viewing) => <StatusTag status={v.status} /> },
          { title: t('applicant'), dataIndex: 'applicantName', key: 'name' },
          { title: t('window'), key: 'window', sorter: true, sortOrder: l.sortOrder('window'), render: (_, v: Viewing) => <WindowText w={v.window} /> },
          { title: t('created'), key: 'created', sorter: true, sortOrder: l.sortOrder('created'), render: (_, v: Viewing) => fmt(v.createdAt) },
          { title: t('article'), key: 'article', render: () => <Article article={25} paragraph={1} /> },
        ]}
      />
    </div>
  );
}
