import type { ReactElement } from 'react';

/** Side-menu entries of the portal screens for a role. */
export function portalMenuItems(_role: string | undefined): { key: string; label: ReactElement }[] {
  return [];
}
