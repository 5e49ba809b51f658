import type { ReactElement } from 'react';

/** Side-menu entries of the ledger screens for a role. */
export function ledgerMenuItems(_role: string | undefined): { key: string; label: ReactElement }[] {
  return [];
}
