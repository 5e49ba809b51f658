import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { login as messages } from '../i18n/login';
import { shell } from '../i18n/shell';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useSession } from './session';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT(messages);
  const ts = useT(shell);
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('title'));

  useEffect(() => {
    if (user) navigate(from, { replace: true });
  }, [user, from, navigate]);

  async function submit(v: Credentials) {
    setBusy(true);
    setError(undefined);
    try {
      await login(v.username, v.password);
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="jf-login">
      <Card className="jf-login-card">
        <Typography.Title level={1} className="jf-login-title">
          {t('title')}
        </Typography.Title>
        {error && (
          <div className="jf-form-error">
            <ApiErrorAlert error={error} />
          </div>
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item label={t('username')} name="username" rules={[{ required: true, message: t('usernameRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('submit')}
          </Button>
        </Form>
        <Typography.Paragraph className="jf-login-note">
          {t('publicNote')} <Link to="/law">{ts('readRegulation')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
