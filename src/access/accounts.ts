import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { bi } from '../shared/text.js';
import { divisionPrefix } from './jurisdiction.js';
import type { Role } from './roles.js';
import { accessDb } from './tables.js';

/** An account as administration sees it: never its password hash, never a session token. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  jurisdiction: string | null;
  organId: number | null;
  keyUnitId: number | null;
  providerId: number | null;
  disabled: boolean;
  /** Sessions not yet expired. */
  activeSessions: number;
  createdAt: string;
  updatedAt: string;
}

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_SORTS = ['username', 'displayName', 'role', 'jurisdiction', 'createdAt', 'updatedAt'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];
export const ACCOUNT_MAX_PAGE_SIZE = 100;

export interface AccountQuery {
  /** Part of the login name or the display name. */
  q?: string;
  role?: Role;
  /** A GB/T 2260 code: accounts whose jurisdiction lies within it. */
  jurisdiction?: string;
  status?: AccountStatus;
  sort?: AccountSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface AccountPage {
  items: Account[];
  total: number;
  page: number;
  pageSize: number;
}

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

const COLUMNS = ['id', 'username', 'displayName', 'role', 'jurisdiction', 'organId', 'keyUnitId', 'providerId', 'disabled', 'createdAt', 'updatedAt'] as const;

type Row = { id: number; username: string; displayName: string; role: string; jurisdiction: string | null; organId: number | null; keyUnitId: number | null; providerId: number | null; disabled: number | boolean; createdAt: string; updatedAt: string };

function toAccount(r: Row, activeSessions: number): Account {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.displayName,
    role: r.role as Role,
    jurisdiction: r.jurisdiction,
    organId: r.organId == null ? null : Number(r.organId),
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    providerId: r.providerId == null ? null : Number(r.providerId),
    disabled: Boolean(Number(r.disabled)),
    activeSessions,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sessionCounts(dbAny: Kysely<any>, clock: Clock, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await accessDb(dbAny)
    .selectFrom('sessions')
    .select(['userId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('userId', 'in', ids)
    .where('expiresAt', '>', clock.now().toISOString())
    .groupBy('userId')
    .execute();
  return new Map(rows.map((r) => [Number(r.userId), Number(r.n)]));
}

/** One page of accounts, filtered and sorted in SQL; the caller has asked the policy first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function listAccounts(dbAny: Kysely<any>, clock: Clock, query: AccountQuery): Promise<AccountPage> {
  const db = accessDb(dbAny);
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(ACCOUNT_MAX_PAGE_SIZE, Math.max(1, query.pageSize ?? 20));
  let base = db.selectFrom('users');
  if (query.role) base = base.where('role', '=', query.role);
  if (query.jurisdiction) base = base.where('jurisdiction', 'like', `${likeEscaped(divisionPrefix(query.jurisdiction))}%`);
  if (query.status) base = base.where('disabled', '=', query.status === 'disabled' ? 1 : 0);
  if (query.q) {
    const p = `%${likeEscaped(query.q.toLowerCase())}%`;
    base = base.where(sql<SqlBool>`(lower(username) like ${p} escape '\\' or lower(display_name) like ${p} escape '\\')`);
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const sort = query.sort ?? 'username';
  const order = query.order ?? 'asc';
  const rows = (await base
    .select([...COLUMNS])
    .orderBy(sort, order)
    .orderBy('id', order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as Row[];
  const counts = await sessionCounts(dbAny, clock, rows.map((r) => Number(r.id)));
  return { items: rows.map((r) => toAccount(r, counts.get(Number(r.id)) ?? 0)), total: Number(total), page, pageSize };
}

export const ACCOUNT_WHAT = bi('账号', 'Account');

/** One account, or 404. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getAccount(dbAny: Kysely<any>, clock: Clock, id: number): Promise<Account> {
  const row = (await accessDb(dbAny).selectFrom('users').select([...COLUMNS]).where('id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound(ACCOUNT_WHAT);
  const counts = await sessionCounts(dbAny, clock, [id]);
  return toAccount(row, counts.get(id) ?? 0);
}

/** The id of an account by login name, or 404 (the command line names accounts by login name). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function accountIdOf(dbAny: Kysely<any>, username: string): Promise<number> {
  const row = await accessDb(dbAny).selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!row) throw notFound(ACCOUNT_WHAT);
  return Number(row.id);
}
