import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { workflow } from './i18n';
import type { MachineName } from './types';

/** Roles that act in the workflows (every logged-in role has an inbox). */
const SUPERVISORS = ['province_supervisor', 'city_supervisor', 'county_supervisor'];

/** What each role can open, as the policy grants `create` (src/access/policy.ts). */
const OPENERS: Record<string, readonly MachineName[]> = {
  province_supervisor: ['inspection', 'case', 'warning', 'reward'],
  city_supervisor: ['inspection', 'case', 'warning', 'reward'],
  county_supervisor: ['inspection', 'case', 'warning', 'reward'],
  provider: ['provider-filing'],
  key_unit: ['design-review', 'adjustment', 'complaint'],
  citizen: ['complaint', 'adjustment', 'design-review'],
};

export function openersFor(role: string | undefined): readonly MachineName[] {
  return (role && OPENERS[role]) || [];
}

type Key = 'menuInbox' | 'menuWork' | 'menuOversight' | 'menuPublicProviders' | 'menuPublicWarnings' | 'menuVerify';

function MenuLink({ to, k }: { to: string; k: Key }) {
  const t = useT(workflow);
  return <Link to={to}>{t(k)}</Link>;
}

/** Side-menu entries: the inbox and the items for those who act; oversight for oversight and supervisors; the public lists for everyone. */
export function workflowMenuItems(role: string | undefined): { key: string; label: ReactElement }[] {
  const items: { key: string; label: ReactElement }[] = [];
  if (role && role !== 'admin') {
    items.push({ key: '/work', label: <MenuLink to="/work" k="menuInbox" /> });
    items.push({ key: '/work/items', label: <MenuLink to="/work/items" k="menuWork" /> });
  }
  if (role === 'oversight' || (role && SUPERVISORS.includes(role))) items.push({ key: '/work/oversight', label: <MenuLink to="/work/oversight" k="menuOversight" /> });
  items.push({ key: '/public/providers', label: <MenuLink to="/public/providers" k="menuPublicProviders" /> });
  items.push({ key: '/public/warnings', label: <MenuLink to="/public/warnings" k="menuPublicWarnings" /> });
  items.push({ key: '/verify', label: <MenuLink to="/verify" k="menuVerify" /> });
  return items;
}
