import { Button, Tour, type TourProps } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { workspace } from './i18n';

/** The sections of each role's workspace the tour walks through, in order (their `data-tour` names). */
export const TOUR_STEPS: Record<string, readonly string[]> = {
  province_supervisor: ['header', 'figures', 'places', 'categories', 'months', 'deadlines', 'restart'],
  city_supervisor: ['header', 'figures', 'places', 'categories', 'months', 'deadlines', 'restart'],
  county_supervisor: ['header', 'figures', 'places', 'categories', 'months', 'deadlines', 'restart'],
  station_officer: ['header', 'queue', 'work', 'restart'],
  key_unit: ['header', 'checklist', 'records', 'work', 'restart'],
  provider: ['header', 'filing', 'projects', 'restart'],
  investigator: ['header', 'access', 'restart'],
  citizen: ['header', 'applications', 'restart'],
  oversight: ['header', 'oversight', 'restart'],
  admin: ['header', 'restart'],
};

const storageKey = (username: string) => `jifang.tour.${username}`;

function seen(username: string): boolean {
  try {
    return localStorage.getItem(storageKey(username)) === 'done';
  } catch {
    // No storage (private mode): show the tour, it cannot be remembered anyway.
    return false;
  }
}

function remember(username: string) {
  try {
    localStorage.setItem(storageKey(username), 'done');
  } catch {
    // Nothing to remember it in.
  }
}

/**
 * The first-run guided tour of a role's workspace: opens by itself on the
 * account's first visit, is remembered in this browser when closed or
 * finished, and can be taken again from the workspace's header.
 */
export function WorkspaceTour({ role, username }: { role: string; username: string }) {
  const t = useT(workspace);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (seen(username)) return;
    // After the sections have been laid out.
    const timer = setTimeout(() => setOpen(true), 800);
    return () => clearTimeout(timer);
  }, [username]);
  const names = TOUR_STEPS[role] ?? TOUR_STEPS.admin;
  const steps: TourProps['steps'] = names.map((n) => ({
    title: t(`tour.${n}.title` as never),
    description: n === 'header' ? t(`tour.role.${role}` as never) : t(`tour.${n}.desc` as never),
    target: () => document.querySelector<HTMLElement>(`[data-tour="${n}"]`) ?? document.body,
  }));
  const close = () => {
    remember(username);
    setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-tour="restart" data-testid="tour-restart">
        {t('tourRestart')}
      </Button>
      <Tour open={open} onClose={close} onFinish={close} steps={steps} mask={false} indicatorsRender={(current, total) => `${current + 1} / ${total}`} />
    </>
  );
}
