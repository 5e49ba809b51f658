import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, download } from '../api/client';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { size } from './captured-page';
import { vault } from './i18n';
import { Article, Player, RecordName, ScopeText, Section, StatusTag, WindowText, postDownload, useAction, useWhen, Empty } from './parts';
import type { AccessRequest, Segment } from './types';

const OFFICERS = ['investigator', 'station_officer'];
const SUPERVISORS = ['county_supervisor', 'city_supervisor', 'province_supervisor'];

/** Recordings within a granted scope: play (with the watermark), copy and export where the purpose allows. */
function Footage({ r }: { r: AccessRequest }) {
  const t = useT(vault);
  const fmt = useWhen();
  const segs = useApi<{ items: Segment[] }>(`/api/v1/access-requests/${r.id}/segments`);
  const [playing, setPlaying] = useState<number | null>(null);
  const [byNo, setByNo] = useState<number | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const a = useAction();
  const mayCopy = r.purposes.includes('copy');
  return (
    <Section title={t('footageTitle')}>
      <Typography.Paragraph>
        {t('footageIntro')} <Article article={24} paragraph={1} item={4} />
      </Typography.Paragraph>
      {!mayCopy && <Alert type="info" showIcon title={t('copyNotAllowed')} />}
      {playing != null && <Player key={playing} segmentId={playing} grantKind="access-request" grantId={r.id} onClose={() => setPlaying(null)} />}
      <ApiErrorAlert error={segs.error ?? a.error} />
      <Table
        rowKey="id"
        size="small"
        className="jf-vault-footage"
        loading={segs.loading}
        dataSource={segs.data?.items ?? []}
        locale={{ emptyText: <Empty text={t('noRecordings')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={mayCopy ? { selectedRowKeys: chosen, onChange: (k) => setChosen(k.map(Number)) } : undefined}
        columns={[
          { title: t('colId'), dataIndex: 'id', key: 'id' },
          { title: t('system'), key: 'system', render: (_, s: Segment) => <RecordName kind="security-systems" id={s.systemId} /> },
          { title: t('device'), key: 'device', render: (_, s: Segment) => (s.deviceId ? <RecordName kind="devices" id={s.deviceId} /> : '—') },
          { title: t('colSpan'), key: 'span', render: (_, s: Segment) => `${fmt(s.startedAt)} – ${fmt(s.endedAt)}` },
          { title: t('colSize'), key: 'size', render: (_, s: Segment) => size(s.size) },
          {
            title: t('details'),
            key: 'act',
            render: (_, s: Segment) => (
              <Space>
                <Button size="small" type="primary" onClick={() => setPlaying(s.id)} aria-label={`${t('play')} ${s.id}`}>
                  {t('play')}
                </Button>
                {mayCopy && (
                  <Button size="small" onClick={() => a.run(() => download(`/api/v1/captured/${s.id}/download`, { grantKind: 'access-request', grantId: r.id }, `captured-${s.id}`))} aria-label={`${t('download')} ${s.id}`}>
                    {t('download')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {mayCopy && (
        <Button disabled={!chosen.length} loading={a.busy} onClick={() => a.run(() => postDownload(`/api/v1/access-requests/${r.id}/export`, { segmentIds: chosen }, `jifang-access-${r.id}.tar`))}>
          {t('exportBag')}
        </Button>
      )}
      <Form layout="inline" className="jf-vault-play-by-no" onFinish={() => byNo && setPlaying(byNo)}>
        <Form.Item label={t('segmentNo')} htmlFor="jf-vault-segment-no">
          <InputNumber id="jf-vault-segment-no" min={1} value={byNo} onChange={(v) => setByNo(v == null ? null : Number(v))} />
        </Form.Item>
        <Button htmlType="submit">{t('playById')}</Button>
      </Form>
    </Section>
  );
}

/** Art 24 ¶1 (1)(2)(4): an officer confirms in their own login, with their work ID, accepting the confidentiality duty. */
function ConfirmForm({ id, done }: { id: number | string; done: () => void }) {
  const t = useT(vault);
  const a = useAction();
  return (
    <Form
      layout="vertical"
      className="jf-vault-form jf-vault-confirm"
      onFinish={(v: { workIdNo: string; acceptConfidentiality: boolean }) =>
        a.run(async () => {
          await api(`/api/v1/access-requests/${id}/officers`, { method: 'POST', json: { workIdNo: v.workIdNo, acceptConfidentiality: !!v.acceptConfidentiality } });
          done();
        })
      }
    >
      <Form.Item name="workIdNo" label={t('workIdNo')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="acceptConfidentiality" valuePropName="checked">
        <Checkbox>{t('acceptConfidentiality')}</Checkbox>
      </Form.Item>
      <ApiErrorAlert error={a.error} />
      <Button type="primary" htmlType="submit" loading={a.busy}>
        {t('confirmAsOfficer')}
      </Button>
    </Form>
  );
}

/** One art 24 request: its scope and officers, and what the caller may do next. */
export default function RequestPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { id } = useParams();
  const { user } = useSession();
  useDocumentTitle(t('requestTitle', { id: id ?? '' }));
  const one = useApi<{ request: AccessRequest }>(`/api/v1/access-requests/${id}`);
  const a = useAction();
  const [refusing, setRefusing] = useState(false);
  const r = one.data?.request;
  const role = user?.role ?? '';
  const post = (path: string, json: unknown) => a.run(async () => {
    await api(`/api/v1/access-requests/${id}/${path}`, { method: 'POST', json });
    one.reload();
  });
  if (!r) {
    // A request is shown only to its parties: a second officer, with the first beside them, joins by confirming (art 24 ¶1 (1)).
    const mayJoin = one.error?.status === 403 && OFFICERS.includes(role);
    return (
      <div className="jf-page jf-vault-request" data-status="not-a-party">
        <Typography.Title level={1}>{t('requestTitle', { id: id ?? '' })}</Typography.Title>
        {mayJoin ? (
          <Section title={t('confirmAsOfficer')}>
            <Typography.Paragraph>
              {t('joinAsOfficer')} <Article article={24} paragraph={1} item={1} />
            </Typography.Paragraph>
            <ConfirmForm id={id ?? ''} done={one.reload} />
          </Section>
        ) : (
          <ApiErrorAlert error={one.error} onRetry={one.reload} />
        )}
      </div>
    );
  }
  const isParty = user != null && (r.createdBy === user.id || r.officers.some((o) => o.userId === user.id));
  const live = r.status === 'granted' || r.status === 'active';
  return (
    <div className="jf-page jf-vault-request" data-status={r.status}>
      <Typography.Title level={1}>{t('requestTitle', { id: r.id })}</Typography.Title>
      <Space>
        <StatusTag status={r.emergency?.awaitingReview ? 'ended' : r.status} />
        <span>{t(`kind.${r.kind}`)}</span>
        {r.kind === 'official' ? <Article article={24} paragraph={1} /> : <Article article={24} paragraph={2} />}
      </Space>
      <Descriptions bordered size="small" column={1} className="jf-vault-facts">
        <Descriptions.Item label={t('organName')}>
          {r.organName} ({t(`organ.${r.organKind}` as never)})
        </Descriptions.Item>
        {r.organCertificateNo && <Descriptions.Item label={t('certificateNo')}>{r.organCertificateNo}</Descriptions.Item>}
        <Descriptions.Item label={t('caseRef')}>{r.caseRef ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={r.kind === 'emergency' ? t('emergencyReason') : t('duty')}>{r.duty}</Descriptions.Item>
        <Descriptions.Item label={t('purposes')}>{r.purposes.map((p) => t(`purpose.${p}`)).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('scope')}>
          <ScopeText scope={r.scope} />
        </Descriptions.Item>
        <Descriptions.Item label={t('window')}>
          <WindowText w={r.window} />
        </Descriptions.Item>
        <Descriptions.Item label={t('validUntil')}>{fmt(r.validUntil)}</Descriptions.Item>
        {r.emergency && <Descriptions.Item label={t('emergencyMode')}>{t(`mode.${r.emergency.mode}` as never)}{r.emergency.platformName ? ` · ${r.emergency.platformName}` : ''}</Descriptions.Item>}
        {r.registrationNo && <Descriptions.Item label={t('registrationNo')}>{r.registrationNo}</Descriptions.Item>}
        {r.refusalReason && <Descriptions.Item label={t('refusalReason')}>{r.refusalReason}</Descriptions.Item>}
        {r.emergency?.verdict && (
          <Descriptions.Item label={t('verdict')}>
            {t(`verdict.${r.emergency.verdict}` as never)} · {r.emergency.note}
          </Descriptions.Item>
        )}
      </Descriptions>

      {r.kind === 'official' && (
        <Section title={t('officers')}>
          <ol className="jf-vault-officers">
            {r.officers.map((o) => (
              <li key={o.userId}>{t('officerLine', { user: o.username ?? `#${o.userId}`, workId: o.workIdNo, at: fmt(o.confirmedAt) })}</li>
            ))}
          </ol>
          {r.state === 'awaiting_officers' && (
            <Typography.Paragraph>
              {t('officersNeeded', { count: Math.max(1, 2 - r.officers.length) })} <Article article={24} paragraph={1} item={1} />
            </Typography.Paragraph>
          )}
          {r.state === 'awaiting_officers' && OFFICERS.includes(role) && !isParty && <ConfirmForm id={r.id} done={one.reload} />}
        </Section>
      )}

      {r.state === 'awaiting_registration' && role === 'key_unit' && (
        <Section title={t('registerTitle')}>
          <Typography.Paragraph>
            <Article article={24} paragraph={1} item={2} /> · <Article article={24} paragraph={1} item={3} />
          </Typography.Paragraph>
          <Form layout="vertical" className="jf-vault-form jf-vault-register" onFinish={(v: { certificateChecked: boolean; workIdsChecked: boolean; registrationNo?: string }) => post('registration', { certificateChecked: !!v.certificateChecked, workIdsChecked: !!v.workIdsChecked, registrationNo: v.registrationNo || undefined })}>
            <Form.Item name="certificateChecked" valuePropName="checked">
              <Checkbox>{t('certificateChecked')}</Checkbox>
            </Form.Item>
            <Form.Item name="workIdsChecked" valuePropName="checked">
              <Checkbox>{t('workIdsChecked')}</Checkbox>
            </Form.Item>
            <Form.Item name="registrationNo" label={t('registrationNo')}>
              <Input />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={a.busy}>
                {t('register')}
              </Button>
              <Button danger onClick={() => setRefusing(true)}>
                {t('refuseRegistration')}
              </Button>
            </Space>
          </Form>
          {refusing && (
            <Form layout="vertical" className="jf-vault-form" onFinish={(v: { reason: string }) => post('refusal', { reason: v.reason })}>
              <Form.Item name="reason" label={t('refusalReason')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button danger htmlType="submit" loading={a.busy}>
                {t('refuseRegistration')}
              </Button>
            </Form>
          )}
        </Section>
      )}

      {r.emergency?.awaitingReview && SUPERVISORS.includes(role) && (
        <Section title={t('reviewTitle')}>
          <Form layout="vertical" className="jf-vault-form" initialValues={{ verdict: 'justified' }} onFinish={(v: { verdict: string; note: string }) => post('review', v)}>
            <Form.Item name="verdict" label={t('verdict')}>
              <Radio.Group options={(['justified', 'unjustified'] as const).map((x) => ({ value: x, label: t(`verdict.${x}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('reviewNote')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={a.busy}>
              {t('submitReview')}
            </Button>
          </Form>
        </Section>
      )}

      <ApiErrorAlert error={a.error} />
      {isParty && ['awaiting_officers', 'awaiting_registration', 'granted', 'active'].includes(r.state) && (
        <Button className="jf-vault-close" onClick={() => post('close', undefined)} loading={a.busy}>
          {t('closeRequest')}
        </Button>
      )}
      {isParty && (live || r.status === 'expired') && <Footage r={r} />}
    </div>
  );
}
