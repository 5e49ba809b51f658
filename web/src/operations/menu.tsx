import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { operations } from './i18n';

/** Who reads operating status and alerts, as the policy lets them (src/access/policy.ts: operation-record, operation-alert). */
const ROLES = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer', 'key_unit', 'oversight', 'admin'];

function MenuLink({ to, k }: { to: string; k: 'menuStatus' | 'menuAlerts' }) {
  const t = useT(operations);
  return <Link to={to}>{t(k)}</Link>;
}

/** Side-menu entries of the device-operations screens for a role. */
export function operationsMenuItems(role: string | undefined): { key: string; label: ReactElement }[] {
  if (!role || !ROLES.includes(role)) return [];
  return [
    { key: '/operations', label: <MenuLink to="/operations" k="menuStatus" /> },
    { key: '/operations/alerts', label: <MenuLink to="/operations/alerts" k="menuAlerts" /> },
  ];
}
