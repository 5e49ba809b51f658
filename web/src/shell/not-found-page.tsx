import { Result } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { useDocumentTitle } from '../ui/document-title';

export default function NotFoundPage() {
  const t = useT(common);
  const { pathname } = useLocation();
  useDocumentTitle(t('notFoundTitle'));
  return <Result status="404" title={<h1 className="jf-result-title">{t('notFoundTitle')}</h1>} subTitle={t('notFoundText', { path: pathname })} extra={<Link to="/">{t('goHome')}</Link>} />;
}
