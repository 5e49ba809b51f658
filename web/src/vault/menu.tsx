import type { ReactElement } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/i18n';
import { vault } from './i18n';

type Key = 'menuGroup' | 'menuCaptured' | 'menuRequests' | 'menuViewing' | 'menuEvidence' | 'menuEvents';
type Screen = 'captured' | 'requests' | 'viewing' | 'evidence' | 'events';

const SCREENS: Record<Screen, { to: string; k: Key }> = {
  captured: { to: '/captured', k: 'menuCaptured' },
  requests: { to: '/captured/requests', k: 'menuRequests' },
  viewing: { to: '/captured/viewing', k: 'menuViewing' },
  evidence: { to: '/captured/evidence', k: 'menuEvidence' },
  events: { to: '/captured/events', k: 'menuEvents' },
};

const SUPERVISOR: readonly Screen[] = ['captured', 'requests', 'viewing', 'evidence', 'events'];

/** Which screens each role works in, as the policy lets it read (src/access/policy.ts). */
const BY_ROLE: Record<string, readonly Screen[]> = {
  key_unit: ['captured', 'requests', 'viewing', 'evidence', 'events'],
  province_supervisor: SUPERVISOR,
  city_supervisor: SUPERVISOR,
  county_supervisor: SUPERVISOR,
  station_officer: ['captured', 'requests', 'viewing', 'evidence'],
  investigator: ['requests'],
  citizen: ['viewing', 'evidence'],
  oversight: SUPERVISOR,
};

export function vaultScreensFor(role: string | undefined): readonly Screen[] {
  return (role && BY_ROLE[role]) || [];
}

function MenuLink({ to, k }: { to: string; k: Key }) {
  const t = useT(vault);
  return <Link to={to}>{t(k)}</Link>;
}

function GroupLabel() {
  const t = useT(vault);
  return <>{t('menuGroup')}</>;
}

/** Side-menu entries of the vault screens for a role, in one group. */
export function vaultMenuItems(role: string | undefined): { key: string; label: ReactElement; type?: 'group'; children?: { key: string; label: ReactElement }[] }[] {
  const screens = vaultScreensFor(role);
  if (!screens.length) return [];
  return [
    {
      key: 'captured-group',
      type: 'group',
      label: <GroupLabel />,
      children: screens.map((s) => ({ key: SCREENS[s].to, label: <MenuLink to={SCREENS[s].to} k={SCREENS[s].k} /> })),
    },
  ];
}
