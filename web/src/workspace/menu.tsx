import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { workspace } from './i18n';

/** Who may read the dashboard: the policy gives them a place to read (src/access/policy.ts). */
const DASHBOARD_ROLES = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'oversight', 'admin'];

function DashboardLink() {
  const t = useT(workspace);
  return <Link to="/dashboard">{t('menuDashboard')}</Link>;
}

/** Side-menu entries of the workspace screens for a role. */
export function workspaceMenuItems(role: string | undefined): { key: string; label: ReactElement }[] {
  return role && DASHBOARD_ROLES.includes(role) ? [{ key: '/dashboard', label: <DashboardLink /> }] : [];
}
