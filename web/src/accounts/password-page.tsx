import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { accounts } from './i18n';
import { PASSWORD_MIN_LENGTH } from './types';
import './accounts.css';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** `/account/password`: every user changes their own password, giving the current one. */
export default function PasswordPage() {
  const t = useT(accounts);
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useDocumentTitle(t('changePasswordTitle'));

  async function submit(v: Fields) {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await api<void>('/api/v1/session/password', { method: 'POST', json: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      form.resetFields();
      setDone(true);
      message.success(t('changed'));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="jf-page jf-password-page">
      <Typography.Title level={1}>{t('changePasswordTitle')}</Typography.Title>
      <Typography.Paragraph>{t('changePasswordIntro')}</Typography.Paragraph>
      <Card>
        <ApiErrorAlert error={error} />
        {done && (
          <Typography.Paragraph role="status" data-testid="password-changed">
            {t('changed')}
          </Typography.Paragraph>
        )}
        <Form<Fields> form={form} layout="vertical" onFinish={submit} requiredMark={false} name="change-password">
          <Form.Item label={t('currentPassword')} name="currentPassword" rules={[{ required: true, message: t('currentRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('newPassword')} name="newPassword" rules={[{ required: true, message: t('newRequired') }, { min: PASSWORD_MIN_LENGTH, message: t('tooShort', { min: PASSWORD_MIN_LENGTH }) }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('confirmPassword')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('newRequired') },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('mismatch')))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('submitChange')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
