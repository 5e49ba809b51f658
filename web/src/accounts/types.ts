import type { Bilingual } from '../i18n/i18n';

/** An account as `/api/v1/accounts` answers it. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleName: Bilingual;
  jurisdiction: string | null;
  jurisdictionName: string | null;
  organId: number | null;
  keyUnitId: number | null;
  providerId: number | null;
  disabled: boolean;
  activeSessions: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccountPage {
  items: Account[];
  total: number;
  page: number;
  pageSize: number;
}

/** The server's rule (src/access/users.ts `PASSWORD_MIN_LENGTH`), checked here only to answer sooner. */
export const PASSWORD_MIN_LENGTH = 10;
