import type { ReactElement } from 'react';

/** Side-menu entries of the workspace screens for a role. */
export function workspaceMenuItems(_role: string | undefined): { key: string; label: ReactElement }[] {
  return [];
}
