import type { ReactElement } from 'react';

/** Side-menu entries of the vault screens for a role. */
export function vaultMenuItems(_role: string | undefined): { key: string; label: ReactElement }[] {
  return [];
}
