import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { workflow } from './i18n';
import { chinaDateTime } from './types';
import './workflow.css';

interface Verified {
  valid: true;
  number: string;
  kind: string;
  title: Bilingual;
  issuedAt: string;
  issuingOrgan: { divisionCode: string; name: Bilingual };
  subject: string | null;
  /** A viewing document (Art 25 ¶1): until when, and whether it may still be used. */
  validUntil?: string | null;
  inForce?: boolean;
}

/** Anyone checks a printed document by its number and verification code. */
export default function VerifyPage() {
  const t = useT(workflow);
  const b = useBilingual();
  const [params] = useSearchParams();
  const [result, setResult] = useState<Verified | null | undefined>();
  const [error, setError] = useState<ApiError>();
  useDocumentTitle(t('verifyTitle'));
  async function check(v: { number: string; code: string }) {
    setError(undefined);
    try {
      setResult(await api<Verified>('/api/v1/public/documents/verify', { query: { number: v.number.trim(), code: v.code.trim() } }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setResult(null);
      else setError(e as ApiError);
    }
  }
  return (
    <div className="jf-page jf-wf-verify">
      <Typography.Title level={1}>{t('verifyTitle')}</Typography.Title>
      <Typography.Paragraph>{t('verifyIntro')}</Typography.Paragraph>
      <Form layout="inline" onFinish={check} initialValues={{ number: params.get('number') ?? '', code: params.get('code') ?? '' }}>
        <Form.Item name="number" label={t('number')} rules={[{ required: true, message: t('number') }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('code') }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('verify')}
        </Button>
      </Form>
      <ApiErrorAlert error={error} />
      {result === null && <Alert className="jf-wf-verify-result" type="error" showIcon role="alert" title={t('notVerified')} />}
      {result && (
        <>
          <Alert className="jf-wf-verify-result" type="success" showIcon role="status" title={t('verified')} />
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('number')}>{result.number}</Descriptions.Item>
            <Descriptions.Item label={t('verifiedKind')}>{b(result.title)}</Descriptions.Item>
            <Descriptions.Item label={t('verifiedOrgan')}>{b(result.issuingOrgan.name)}</Descriptions.Item>
            <Descriptions.Item label={t('verifiedAt')}>{chinaDateTime(result.issuedAt)}</Descriptions.Item>
            {result.subject && <Descriptions.Item label={t('verifiedSubject')}>{result.subject}</Descriptions.Item>}
            {result.validUntil && <Descriptions.Item label={t('verifiedValidUntil')}>{chinaDateTime(result.validUntil)}</Descriptions.Item>}
            {result.inForce != null && (
              <Descriptions.Item label={t('verifiedInForce')}>
                <span data-testid="verified-in-force">{result.inForce ? t('inForceYes') : t('inForceNo')}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        </>
      )}
    </div>
  );
}
