import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { accounts } from './i18n';
import './menu.css';

/** Who manages accounts (src/access/policy.ts `decideAccount`): the administrator alone. */
const ACCOUNT_ADMIN_ROLES = ['admin'];

function MenuLink() {
  const t = useT(accounts);
  return <Link to="/accounts">{t('menuAccounts')}</Link>;
}

/** Side-menu entries of account administration for a role. */
export function accountsMenuItems(role: string | undefined): { key: string; label: ReactElement }[] {
  return role && ACCOUNT_ADMIN_ROLES.includes(role) ? [{ key: '/accounts', label: <MenuLink /> }] : [];
}

/** The account menu's "Change password" entry in the header, for every logged-in user (on a phone, the side menu holds it). */
export function ChangePasswordLink() {
  const t = useT(accounts);
  return (
    <Link to="/account/password" className="jf-header-link jf-wide-only" data-testid="change-password">
      {t('changePassword')}
    </Link>
  );
}

function PasswordMenuLink() {
  const t = useT(accounts);
  return <Link to="/account/password">{t('changePassword')}</Link>;
}

/** On a phone the header has no room for it: "Change password" moves into the side menu. */
export function passwordMenuItems(loggedIn: boolean): { key: string; label: ReactElement; className: string }[] {
  return loggedIn ? [{ key: '/account/password', label: <PasswordMenuLink />, className: 'jf-narrow-only' }] : [];
}
