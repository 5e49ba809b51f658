import { Button, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, download } from '../api/client';
import { useT } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { vault } from './i18n';
import { Article, DateTimeInput, ReceiptText, RecordName, ScopeEditor, ScopeText, Section, StatusTag, WindowText, scopeOut, useAction, useWhen, Empty } from './parts';
import { ExportMenu, useServerList } from './server-list';
import type { Evidence, Segment } from './types';

type ScopeRows = { systemId?: number; deviceId: number | null }[];
const POLICE = ['county_supervisor', 'city_supervisor', 'province_supervisor'];

/** Art 25 ¶2: the party bearing the burden of proof applies in writing, with valid proof. */
function EvidenceForm({ done }: { done: (id: number) => void }) {
  const t = useT(vault);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const a = useAction();
  return (
    <Form
      layout="vertical"
      className="jf-vault-form jf-vault-evidence-form"
      initialValues={{ partyKind: 'citizen', caseKind: 'civil', bearsBurdenOfProof: false }}
      onFinish={(v: { partyKind: string; partyName: string; residentId?: string; caseKind: string; caseRef: string; applicationText: string; proofDescription: string; bearsBurdenOfProof: boolean; divisionCode: string }) =>
        a.run(async () => {
          const r = await api<{ request: Evidence }>('/api/v1/evidence-requests', {
            method: 'POST',
            json: { ...v, residentId: v.residentId?.trim().toUpperCase() || undefined, bearsBurdenOfProof: !!v.bearsBurdenOfProof, window: { from: from ?? '', to: to ?? '' } },
          });
          done(r.request.id);
        })
      }
    >
      <Form.Item name="partyKind" label={t('partyKind')}>
        <Radio.Group options={(['citizen', 'legal_person', 'organisation'] as const).map((k) => ({ value: k, label: t(`applicant.${k}`) }))} />
      </Form.Item>
      <Form.Item name="partyName" label={t('partyName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="residentId" label={t('residentId')} rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/ }]}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="caseKind" label={t('caseKind')}>
        <Radio.Group options={(['administrative', 'civil', 'criminal'] as const).map((k) => ({ value: k, label: t(`case.${k}`) }))} />
      </Form.Item>
      <Form.Item name="caseRef" label={t('caseRef')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="applicationText" label={t('applicationText')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="proofDescription" label={t('proofDescription')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="bearsBurdenOfProof" valuePropName="checked">
        <Checkbox>{t('bearsBurden')}</Checkbox>
      </Form.Item>
      <Form.Item name="divisionCode" label={t('divisionCode')} rules={[{ required: true }]}>
        <DivisionCascader mode="county" aria-label={t('divisionCode')} />
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
        {t('submitEvidence')}
      </Button>
    </Form>
  );
}

/** The police record the application and issue the formalities, naming the systems (art 25 ¶2). */
function RecordForm({ r, done }: { r: Evidence; done: () => void }) {
  const t = useT(vault);
  const [scope, setScope] = useState<ScopeRows>(r.scope.length ? r.scope : [{ deviceId: null }]);
  const [approve, setApprove] = useState(true);
  const a = useAction();
  return (
    <Section title={t('recordTitle')}>
      <Form
        layout="vertical"
        className="jf-vault-form"
        initialValues={{ approve: true }}
        onFinish={(x: { approve: boolean; reason?: string }) =>
          a.run(async () => {
            await api(`/api/v1/evidence-requests/${r.id}/record`, { method: 'POST', json: { approve: x.approve, reason: x.reason || undefined, ...(x.approve ? { scope: scopeOut(scope) } : {}) } });
            done();
          })
        }
      >
        <Form.Item name="approve" label={t('recordTitle')}>
          <Radio.Group
            onChange={(e) => setApprove(e.target.value)}
            options={[
              { value: true, label: t('recordApprove') },
              { value: false, label: t('recordRefuse') },
            ]}
          />
        </Form.Item>
        {approve && (
          <fieldset className="jf-vault-fieldset">
            <legend>{t('scope')}</legend>
            <ScopeEditor value={scope} onChange={setScope} />
          </fieldset>
        )}
        <Form.Item name="reason" label={t('reasons')} rules={[{ required: !approve }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <ApiErrorAlert error={a.error} />
        <Button type="primary" htmlType="submit" loading={a.busy}>
          {t('submit')}
        </Button>
      </Form>
    </Section>
  );
}

/** The unit, shown the formality number, hands over the package (art 25 ¶2). */
function HandOverForm({ r, done }: { r: Evidence; done: () => void }) {
  const t = useT(vault);
  const fmt = useWhen();
  const segs = useApi<{ items: Segment[] }>(`/api/v1/evidence-requests/${r.id}/segments`);
  const [chosen, setChosen] = useState<number[]>([]);
  const a = useAction();
  return (
    <Section title={t('handOverTitle')}>
      <Form
        layout="vertical"
        className="jf-vault-form"
        onFinish={(x: { formalityNo: string }) =>
          a.run(async () => {
            await api(`/api/v1/evidence-requests/${r.id}/handover`, { method: 'POST', json: { formalityNo: x.formalityNo, segmentIds: chosen } });
            done();
          })
        }
      >
        <Form.Item name="formalityNo" label={t('formalityNo')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Table
          rowKey="id"
          size="small"
          loading={segs.loading}
          dataSource={segs.data?.items ?? []}
          locale={{ emptyText: <Empty text={t('noRecordings')} /> }}
          pagination={false}
          rowSelection={{ selectedRowKeys: chosen, onChange: (k) => setChosen(k.map(Number)), getCheckboxProps: (s: Segment) => ({ 'aria-label': t('segmentRef', { id: s.id }) }) as never }}
          columns={[
            { title: t('colId'), dataIndex: 'id', key: 'id' },
            { title: t('system'), key: 'system', render: (_, s: Segment) => <RecordName kind="security-systems" id={s.systemId} /> },
            { title: t('colSpan'), key: 'span', render: (_, s: Segment) => `${fmt(s.startedAt)} – ${fmt(s.endedAt)}` },
          ]}
        />
        <ApiErrorAlert error={a.error ?? segs.error} />
        <Button type="primary" htmlType="submit" loading={a.busy} disabled={!chosen.length}>
          {t('handOver')}
        </Button>
      </Form>
    </Section>
  );
}

function EvidenceDetail({ id, reloadList }: { id: number; reloadList: () => void }) {
  const t = useT(vault);
  const fmt = useWhen();
  const { user } = useSession();
  const one = useApi<{ request: Evidence }>(`/api/v1/evidence-requests/${id}`);
  const a = useAction();
  const r = one.data?.request;
  if (!r) return <ApiErrorAlert error={one.error} onRetry={one.reload} />;
  const role = user?.role ?? '';
  const done = () => {
    one.reload();
    reloadList();
  };
  return (
    <Section title={`${t('evidenceTitle')} · ${r.id}`}>
      <Space>
        <StatusTag status={r.state} />
        <Article article={25} paragraph={2} />
      </Space>
      <Descriptions bordered size="small" column={1} className="jf-vault-facts">
        {r.applicationNo && (
          <Descriptions.Item label={t('receipt')}>
            <ReceiptText no={r.applicationNo} code={r.statusCode} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('partyName')}>{r.partyName}</Descriptions.Item>
        <Descriptions.Item label={t('caseKind')}>
          {t(`case.${r.caseKind}` as never)} · {r.caseRef}
        </Descriptions.Item>
        <Descriptions.Item label={t('applicationText')}>{r.applicationText}</Descriptions.Item>
        <Descriptions.Item label={t('proofDescription')}>{r.proofDescription}</Descriptions.Item>
        <Descriptions.Item label={t('window')}>
          <WindowText w={r.window} />
        </Descriptions.Item>
        {r.scope.length > 0 && (
          <Descriptions.Item label={t('scope')}>
            <ScopeText scope={r.scope} />
          </Descriptions.Item>
        )}
        {r.formalityNo && <Descriptions.Item label={t('formalityNo')}>{r.formalityNo}</Descriptions.Item>}
        {r.refusalReason && <Descriptions.Item label={t('refusalReason')}>{r.refusalReason}</Descriptions.Item>}
        {r.handedOverAt && <Descriptions.Item label={t('handOver')}>{fmt(r.handedOverAt)}</Descriptions.Item>}
        {r.packageSha256 && <Descriptions.Item label={t('colDigest')}>{t('packageDigest', { sha: r.packageSha256 })}</Descriptions.Item>}
      </Descriptions>
      {r.state === 'submitted' && (POLICE.includes(role) || role === 'station_officer') && <RecordForm r={r} done={done} />}
      {r.state === 'recorded' && role === 'key_unit' && <HandOverForm r={r} done={done} />}
      <ApiErrorAlert error={a.error} />
      {r.packageSha256 && (
        <Button type="primary" onClick={() => a.run(() => download(`/api/v1/evidence-requests/${r.id}/package`, undefined, `jifang-evidence-${r.id}.tar`))} loading={a.busy}>
          {t('downloadPackage')}
        </Button>
      )}
    </Section>
  );
}

const EVIDENCE_STATES = ['submitted', 'recorded', 'refused', 'handed_over', 'closed'] as const;

/** Art 25 ¶2: evidence requests (paged and sorted by the server), the forms of each party, and the BagIt package. */
export default function EvidencePage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { user } = useSession();
  useDocumentTitle(t('evidenceTitle'));
  const l = useServerList(['state']);
  const selected = Number(l.params.get('id')) || null;
  const [showForm, setShowForm] = useState(false);
  const list = useApi<{ total: number; items: Evidence[] }>('/api/v1/evidence-requests', l.query);
  /** Opens a request below the list, keeping the list's page, sort and filters. */
  const select = (id: number) => l.set({ id: String(id), page: l.page > 1 ? String(l.page) : undefined });
  return (
    <div className="jf-page jf-vault-evidence">
      <Typography.Title level={1}>{t('evidenceTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('evidenceIntro')} <Article article={25} paragraph={2} />
      </Typography.Paragraph>
      <Space wrap>
        {user?.role === 'citizen' && (
          <Button onClick={() => setShowForm(!showForm)} aria-expanded={showForm}>
            {t('newEvidence')}
          </Button>
        )}
        <Select
          aria-label={t('state')}
          style={{ width: 180 }}
          value={l.filters.state ?? ''}
          onChange={(v: string) => l.set({ state: v || undefined, id: undefined })}
          options={[{ value: '', label: t('allStates') }, ...EVIDENCE_STATES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <ExportMenu url="/api/v1/evidence-requests/export" query={{ ...l.filters, sort: l.query.sort, order: l.order }} name="evidence-requests" />
      </Space>
      {showForm && (
        <Section title={t('newEvidence')}>
          <EvidenceForm
            done={(id) => {
              setShowForm(false);
              list.reload();
              select(id);
            }}
          />
        </Section>
      )}
      <ApiErrorAlert error={list.error} onRetry={list.reload} />
      <Table
        rowKey="id"
        size="small"
        className="jf-vault-evidence-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty text={t('noEvidence')} /> }}
        {...l.tableProps<Evidence>(list.data?.total)}
        columns={[
          {
            title: t('colId'),
            key: 'id',
            render: (_, r: Evidence) => (
              <Button type="link" onClick={() => select(r.id)} aria-pressed={selected === r.id}>
                {t('open')} {r.id}
              </Button>
            ),
          },
          { title: t('state'), key: 'state', render: (_, r: Evidence) => <StatusTag status={r.state} /> },
          { title: t('partyName'), dataIndex: 'partyName', key: 'party' },
          { title: t('caseRef'), dataIndex: 'caseRef', key: 'case' },
          { title: t('window'), key: 'window', sorter: true, sortOrder: l.sortOrder('window'), render: (_, r: Evidence) => <WindowText w={r.window} /> },
          { title: t('created'), key: 'created', sorter: true, sortOrder: l.sortOrder('created'), render: (_, r: Evidence) => fmt(r.createdAt) },
          { title: t('article'), key: 'article', render: () => <Article article={25} paragraph={2} /> },
        ]}
      />
      {selected && <EvidenceDetail key={selected} id={selected} reloadList={list.reload} />}
    </div>
  );
}
