import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { ledger } from './i18n';

/** Who holds the platform to account (art 36) and who supervises (art 6): oversight, the police supervisors, the administrator. */
const LEDGER_ROLES = ['oversight', 'province_supervisor', 'city_supervisor', 'county_supervisor', 'admin'];

function MenuLink() {
  const t = useT(ledger);
  return <Link to="/ledger">{t('menuLedger')}</Link>;
}

/** Side-menu entries of the ledger screens for a role. */
export function ledgerMenuItems(role: string | undefined): { key: string; label: ReactElement }[] {
  return role && LEDGER_ROLES.includes(role) ? [{ key: '/ledger', label: <MenuLink /> }] : [];
}
