import type { Generated, Kysely } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  passwordHash: string;
  role: string;
  displayName: string;
  jurisdiction: string | null;
  organId: number | null;
  keyUnitId: number | null;
  providerId: number | null;
  disabled: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionsTable {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface AccessTables {
  users: UsersTable;
  sessions: SessionsTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const accessDb = (db: Kysely<any>) => db as Kysely<AccessTables>;
