import { Alert, Button, Checkbox, Descriptions, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { vault } from './i18n';
import { Article, DateTimeInput, Player, ReceiptText, RecordName, ScopeEditor, ScopeText, Section, StatusTag, WindowText, scopeOut, useAction, useWhen, Empty } from './parts';
import type { Segment, Viewing } from './types';

type ScopeRows = { systemId?: number; deviceId: number | null }[];

/** At the station: the card is checked against the application and the systems concerned are named (art 25 ¶1 (1)). */
function StationRegister({ v, done }: { v: Viewing; done: () => void }) {
  const t = useT(vault);
  const [scope, setScope] = useState<ScopeRows>(v.scope.length ? v.scope : [{ deviceId: null }]);
  const a = useAction();
  return (
    <Section title={t('stationRegister')}>
      <Form
        layout="vertical"
        className="jf-vault-form jf-vault-station-register"
        onFinish={(x: { residentId: string }) =>
          a.run(async () => {
            await api(`/api/v1/viewing-applications/${v.id}/registration`, { method: 'POST', json: { residentId: x.residentId.trim().toUpperCase(), scope: scopeOut(scope) } });
            done();
          })
        }
      >
        <Form.Item name="residentId" label={t('residentId')} rules={[{ required: true, pattern: /^[0-9]{17}[0-9Xx]$/ }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <fieldset className="jf-vault-fieldset">
          <legend>{t('scope')}</legend>
          <ScopeEditor value={scope} onChange={setScope} />
        </fieldset>
        <ApiErrorAlert error={a.error} />
        <Button type="primary" htmlType="submit" loading={a.busy}>
          {t('registerCard')}
        </Button>
      </Form>
    </Section>
  );
}

/** The station approves or refuses with reasons; approved, an officer goes along or a viewing document is issued (art 25 ¶1 (2)). */
function StationDecide({ v, done }: { v: Viewing; done: (code: string | null) => void }) {
  const t = useT(vault);
  const { user } = useSession();
  const [approve, setApprove] = useState(true);
  const a = useAction();
  return (
    <Section title={t('decideTitle')}>
      <Form
        layout="vertical"
        className="jf-vault-form jf-vault-decide"
        initialValues={{ approve: true, mode: 'document' }}
        onFinish={(x: { approve: boolean; reasons: string; mode: 'document' | 'accompany' }) =>
          a.run(async () => {
            const r = await api<{ application: Viewing; verificationCode: string | null }>(`/api/v1/viewing-applications/${v.id}/decision`, {
              method: 'POST',
              json: { approve: x.approve, reasons: x.reasons, ...(x.approve ? { mode: x.mode, ...(x.mode === 'accompany' ? { accompanyingOfficerId: user?.id } : {}) } : {}) },
            });
            done(r.verificationCode);
          })
        }
      >
        <Form.Item name="approve" label={t('decideTitle')}>
          <Radio.Group
            onChange={(e) => setApprove(e.target.value)}
            options={[
              { value: true, label: t('approve') },
              { value: false, label: t('refuse') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reasons" label={t('reasons')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {approve && (
          <Form.Item name="mode" label={t('viewingMode')}>
            <Radio.Group options={(['document', 'accompany'] as const).map((m) => ({ value: m, label: t(`viewmode.${m}`) }))} />
          </Form.Item>
        )}
        <ApiErrorAlert error={a.error} />
        <Button type="primary" htmlType="submit" loading={a.busy}>
          {t('decide')}
        </Button>
      </Form>
    </Section>
  );
}

/** At the capturing unit: the document (or the officer) and the card are checked and the visit registered (art 25 ¶1 (3)(4)). */
function UnitVisit({ v, done }: { v: Viewing; done: () => void }) {
  const t = useT(vault);
  const fmt = useWhen();
  const segs = useApi<{ items: Segment[] }>(`/api/v1/viewing-applications/${v.id}/segments`);
  const [doc, setDoc] = useState<{ documentNo: string; verificationCode: string }>();
  const [chosen, setChosen] = useState<number[]>([]);
  const a = useAction();
  const check = useAction();
  const needsDocument = v.mode === 'document';
  return (
    <Section title={t('visitTitle')}>
      {needsDocument && (
        <Form
          layout="inline"
          className="jf-vault-verify"
          onFinish={(x: { documentNo: string; verificationCode: string }) =>
            check.run(async () => {
              await api(`/api/v1/viewing-documents/verification`, { method: 'POST', json: x });
              setDoc(x);
            })
          }
        >
          <Form.Item name="documentNo" label={t('documentNo')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="verificationCode" label={t('verificationCode')} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={check.busy}>
            {t('verifyDocument')}
          </Button>
        </Form>
      )}
      <ApiErrorAlert error={check.error} />
      {doc && (
        <Alert type="success" showIcon role="status" title={t('documentValid', { id: v.id })} />
      )}
      {(!needsDocument || doc) && (
        <Form
          layout="vertical"
          className="jf-vault-form jf-vault-visit"
          onFinish={(x: { residentId: string; officerPresent?: boolean; privacyScreened: boolean; note?: string }) =>
            a.run(async () => {
              await api(`/api/v1/viewing-applications/${v.id}/visits`, {
                method: 'POST',
                json: { ...(doc ?? {}), officerPresent: needsDocument ? undefined : !!x.officerPresent, residentId: x.residentId.trim().toUpperCase(), segmentIds: chosen, privacyScreened: !!x.privacyScreened, note: x.note || undefined },
              });
              done();
            })
          }
        >
          <Form.Item name="residentId" label={t('visitorCard')} rules={[{ required: true, pattern: /^[0-9]{17}[0-9Xx]$/ }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          {!needsDocument && (
            <Form.Item name="officerPresent" valuePropName="checked">
              <Checkbox>{t('officerPresent')}</Checkbox>
            </Form.Item>
          )}
          <Typography.Text strong>{t('chooseRecordings')}</Typography.Text>
          <Table
            rowKey="id"
            size="small"
            className="jf-vault-visit-segments"
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
          <Form.Item name="privacyScreened" valuePropName="checked">
            <Checkbox>{t('privacyScreened')}</Checkbox>
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input />
          </Form.Item>
          <ApiErrorAlert error={a.error ?? segs.error} />
          <Button type="primary" htmlType="submit" loading={a.busy} disabled={!chosen.length}>
            {t('registerVisit')}
          </Button>
        </Form>
      )}
    </Section>
  );
}

/** One art 25 ¶1 application, with what the caller may do next. */
export default function ViewingPage() {
  const t = useT(vault);
  const fmt = useWhen();
  const { id } = useParams();
  const { user } = useSession();
  useDocumentTitle(t('viewingTitleOne', { id: id ?? '' }));
  const one = useApi<{ application: Viewing }>(`/api/v1/viewing-applications/${id}`);
  const [code, setCode] = useState<string | null>(null);
  const [playing, setPlaying] = useState<{ segment: number; visit: number } | null>(null);
  const a = useAction();
  const v = one.data?.application;
  const role = user?.role ?? '';
  if (!v) {
    return (
      <div className="jf-page">
        <Typography.Title level={1}>{t('viewingTitleOne', { id: id ?? '' })}</Typography.Title>
        <ApiErrorAlert error={one.error} onRetry={one.reload} />
      </div>
    );
  }
  const station = role === 'station_officer';
  const unit = role === 'key_unit';
  return (
    <div className="jf-page jf-vault-viewing" data-state={v.state}>
      <Typography.Title level={1}>{t('viewingTitleOne', { id: v.id })}</Typography.Title>
      <Space>
        <StatusTag status={v.status} />
        <Article article={25} paragraph={1} />
      </Space>
      {code && v.documentNo && <Alert type="success" showIcon role="status" className="jf-vault-document-issued" title={t('documentIssued', { no: v.documentNo, code })} />}
      <Descriptions bordered size="small" column={1} className="jf-vault-facts">
        {v.applicationNo && (
          <Descriptions.Item label={t('receipt')}>
            <ReceiptText no={v.applicationNo} code={v.statusCode} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('applicant')}>
          {v.applicantName} ({t(`applicant.${v.applicantKind}` as never)}){v.organisationName ? ` · ${v.organisationName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('residentId')}>{v.residentIdMasked}</Descriptions.Item>
        <Descriptions.Item label={t('viewingReason')}>{v.reason}</Descriptions.Item>
        <Descriptions.Item label={t('window')}>
          <WindowText w={v.window} />
        </Descriptions.Item>
        {v.scope.length > 0 && (
          <Descriptions.Item label={t('scope')}>
            <ScopeText scope={v.scope} />
          </Descriptions.Item>
        )}
        {v.decisionReasons && <Descriptions.Item label={t('reasons')}>{v.decisionReasons}</Descriptions.Item>}
        {v.mode && <Descriptions.Item label={t('viewingMode')}>{t(`viewmode.${v.mode}`)}</Descriptions.Item>}
        {v.documentNo && (
          <Descriptions.Item label={t('documentNo')}>
            <span className="jf-vault-document-no">{v.documentNo}</span> · {t('documentExpires', { date: fmt(v.documentExpiresAt) })}
          </Descriptions.Item>
        )}
      </Descriptions>

      {station && v.state === 'submitted' && <StationRegister v={v} done={one.reload} />}
      {station && v.state === 'registered' && (
        <StationDecide
          v={v}
          done={(c) => {
            setCode(c);
            one.reload();
          }}
        />
      )}
      {unit && v.state === 'approved' && v.status === 'approved' && <UnitVisit v={v} done={one.reload} />}

      {v.visits.length > 0 && (
        <Section title={t('visits')}>
          {playing && <Player key={`${playing.visit}-${playing.segment}`} segmentId={playing.segment} grantKind="viewing-visit" grantId={playing.visit} onClose={() => setPlaying(null)} />}
          <ul className="jf-vault-visits">
            {v.visits.map((x) => (
              <li key={x.id}>
                {t('visitLine', { at: fmt(x.registeredAt), count: x.segmentIds.length, ends: fmt(x.endsAt) })}
                {unit && (
                  <Space wrap>
                    {x.segmentIds.map((s) => (
                      <Button key={s} size="small" onClick={() => setPlaying({ segment: s, visit: x.id })}>
                        {t('play')} {t('segmentRef', { id: s })}
                      </Button>
                    ))}
                  </Space>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <ApiErrorAlert error={a.error} />
      {(station || unit) && ['approved', 'visited', 'refused'].includes(v.state) && (
        <Button
          onClick={() =>
            a.run(async () => {
              await api(`/api/v1/viewing-applications/${v.id}/close`, { method: 'POST' });
              one.reload();
            })
          }
        >
          {t('closeViewing')}
        </Button>
      )}
    </div>
  );
}
