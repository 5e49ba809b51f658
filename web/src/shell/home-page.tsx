import { Card, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useDocumentTitle } from '../ui/document-title';
import { workspace } from '../workspace/i18n';
import { PageLoading } from './app-shell';

const Workspace = lazy(() => import('../workspace/workspace').then((m) => ({ default: m.Workspace })));

/** Without a login: what anyone may read. */
function PublicHome() {
  const t = useT(workspace);
  return (
    <div className="jf-page jf-home" data-testid="public-home">
      <Typography.Title level={1}>{t('anonTitle')}</Typography.Title>
      <Typography.Paragraph>{t('anonIntro')}</Typography.Paragraph>
      <Card>
        <Typography.Paragraph>{t('anonPublic')}</Typography.Paragraph>
        <ul className="jf-home-links">
          <li>
            <Link to="/law">{t('anonRegulation')}</Link>
          </li>
          <li>
            <Link to="/public/providers">{t('anonProviders')}</Link>
          </li>
          <li>
            <Link to="/public/warnings">{t('anonWarnings')}</Link>
          </li>
          <li>
            <Link to="/verify">{t('anonVerify')}</Link>
          </li>
          <li>
            <Link to="/penalties">{t('anonPenalties')}</Link>
          </li>
        </ul>
        <Typography.Paragraph>
          {t('anonLogin')} <Link to="/login">{t('anonLoginLink')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** `/`: the logged-in user's workspace; without a login, the public pages and the regulation. */
export default function HomePage() {
  const { user } = useSession();
  const t = useT(workspace);
  useDocumentTitle(user ? t('workspaceTitle') : undefined);
  if (user === undefined) return <PageLoading />;
  if (!user) return <PublicHome />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Workspace user={user} />
    </Suspense>
  );
}
