import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { compliance } from '../i18n/compliance';
import { useT } from '../i18n/i18n';

/** Roles whose work the province-wide sweep serves (art 6, 26-27; art 29, 36 for oversight). */
const SWEEP_ROLES = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'oversight', 'admin'];

function MenuLink({ to, k }: { to: string; k: 'menuCompliance' | 'menuPenalties' }) {
  const t = useT(compliance);
  return <Link to={to}>{t(k)}</Link>;
}

/** Side-menu entries: the compliance page for those who supervise. */
export function complianceMenuItems(role: string | undefined): { key: string; label: ReactElement }[] {
  return role && SWEEP_ROLES.includes(role) ? [{ key: '/compliance', label: <MenuLink to="/compliance" k="menuCompliance" /> }] : [];
}

/** A link to the penalty calculator, for the regulation's pages. */
export function PenaltyCalculatorLink() {
  return <MenuLink to="/penalties" k="menuPenalties" />;
}
