import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { portal } from './i18n';

function PortalLink() {
  const t = useT(portal);
  return <Link to="/public">{t('menuPortal')}</Link>;
}

/** Side-menu entries of the portal screens: the public services, for everyone, logged in or not. */
export function portalMenuItems(_role: string | undefined): { key: string; label: ReactElement }[] {
  return [{ key: '/public', label: <PortalLink /> }];
}
