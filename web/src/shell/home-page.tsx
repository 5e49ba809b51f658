import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBilingual, useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { shell } from '../i18n/shell';
import { useSession } from '../session/session';
import { useDocumentTitle } from '../ui/document-title';
import { menuRegistries, ownRecordKind } from './menu';

export default function HomePage() {
  const t = useT(shell);
  const tr = useT(registry);
  const b = useBilingual();
  const { user } = useSession();
  useDocumentTitle(undefined);
  const kinds = menuRegistries(user?.role);
  const own = ownRecordKind(user?.role);
  return (
    <div className="jf-page jf-home">
      <Typography.Title level={1}>{t('homeTitle')}</Typography.Title>
      <Typography.Paragraph>{t('homeIntro')}</Typography.Paragraph>
      {!user && (
        <Typography.Paragraph>
          {t('homeAnonymous')} <Link to="/login">{t('login')}</Link>
        </Typography.Paragraph>
      )}
      {user && (
        <Card>
          <Typography.Paragraph>{t('homeYourRole', { role: b(user.roleName) + (user.jurisdictionName ? ` · ${user.jurisdictionName}` : '') })}</Typography.Paragraph>
          <Typography.Paragraph>{t('homeYouMayUse')}</Typography.Paragraph>
          <ul className="jf-home-links">
            {kinds.map((k) => (
              <li key={k}>
                <Link to={`/registry/${k}`}>{k === own ? (own === 'providers' ? t('menuOwnProvider') : t('menuOwnUnit')) : tr(`kind.${k}`)}</Link>
              </li>
            ))}
            <li>
              <Link to="/law">{t('readRegulation')}</Link>
            </li>
          </ul>
        </Card>
      )}
      {!user && (
        <Typography.Paragraph>
          <Link to="/law">{t('readRegulation')}</Link>
        </Typography.Paragraph>
      )}
    </div>
  );
}
