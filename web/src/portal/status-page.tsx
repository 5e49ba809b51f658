import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, type ApiCitation } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { portal } from './i18n';
import './portal.css';

interface Status {
  kind: 'viewing' | 'evidence';
  kindLabel: Bilingual;
  number: string;
  state: string;
  stateLabel: Bilingual;
  filedAt: string;
  decidedAt: string | null;
  decision: null | { outcome: 'approved' | 'refused'; outcomeLabel: Bilingual; reasons: string | null; mode: 'accompany' | 'document' | null; documentExpiresAt: string | null; citation: ApiCitation };
  citation: ApiCitation;
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** Art 25: an applicant follows an application by the number and code on the receipt; no login, nothing personal shown. */
export default function StatusPage() {
  const t = useT(portal);
  const b = useBilingual();
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState<Status | null | undefined>();
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm<{ number: string; code: string }>();
  useDocumentTitle(t('statusTitle'));
  async function check(v: { number: string; code: string }) {
    setError(undefined);
    try {
      setResult(await api<Status>('/api/v1/public/applications/status', { query: { number: v.number.trim(), code: v.code.trim() } }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setResult(null);
      else setError(e as ApiError);
    }
  }
  useEffect(() => {
    const number = params.get('number');
    const code = params.get('code');
    if (number && code) {
      void check({ number, code });
      // The code is a secret: do not leave it in the address bar or the history.
      setParams({}, { replace: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="jf-page jf-portal-status">
      <Typography.Title level={1}>{t('statusTitle')}</Typography.Title>
      <Typography.Paragraph>{t('statusIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={check} className="jf-portal-form" initialValues={{ number: params.get('number') ?? '', code: params.get('code') ?? '' }}>
        <Form.Item name="number" label={t('number')} rules={[{ required: true, whitespace: true, message: t('numberRequired') }]}>
          <Input autoComplete="off" placeholder="CKSQ-210102-000001" maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, whitespace: true, message: t('codeRequired') }]}>
          <Input autoComplete="off" maxLength={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('check')}
        </Button>
      </Form>
      <ApiErrorAlert error={error} />
      {result === null && <Alert className="jf-portal-result" type="error" showIcon role="alert" title={t('notFound')} />}
      {result && (
        <Descriptions bordered size="small" column={1} className="jf-portal-result" data-testid="application-status">
          <Descriptions.Item label={t('number')}>{result.number}</Descriptions.Item>
          <Descriptions.Item label={t('kind')}>
            {b(result.kindLabel)} (<Link to={result.citation.href}>{b(result.citation.label)}</Link>)
          </Descriptions.Item>
          <Descriptions.Item label={t('state')}>
            <strong data-testid="application-state">{b(result.stateLabel)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('filedAt')}>{when(result.filedAt)}</Descriptions.Item>
          {result.decision ? (
            <>
              <Descriptions.Item label={t('decision')}>{b(result.decision.outcomeLabel)}</Descriptions.Item>
              {result.decidedAt && <Descriptions.Item label={t('decidedAt')}>{when(result.decidedAt)}</Descriptions.Item>}
              {result.decision.reasons && <Descriptions.Item label={t('reasons')}>{result.decision.reasons}</Descriptions.Item>}
              {result.decision.mode && <Descriptions.Item label={t('mode')}>{t(`mode.${result.decision.mode}`)}</Descriptions.Item>}
              {result.decision.documentExpiresAt && <Descriptions.Item label={t('documentExpiresAt')}>{when(result.decision.documentExpiresAt)}</Descriptions.Item>}
              <Descriptions.Item label={t('basis')}>
                <Link to={result.decision.citation.href}>{b(result.decision.citation.label)}</Link>
              </Descriptions.Item>
            </>
          ) : (
            <Descriptions.Item label={t('decision')}>{t('noDecision')}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </div>
  );
}
