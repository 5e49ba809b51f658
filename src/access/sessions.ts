import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { AccessErrors } from './errors.js';
import { dummyHash, verifyPassword } from './passwords.js';
import type { Actor } from './policy.js';
import type { Role } from './roles.js';
import { accessDb, type UsersTable } from './tables.js';

export interface Session {
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: Actor;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function actorOf(u: Pick<UsersTable, 'username' | 'role' | 'jurisdiction' | 'organId' | 'keyUnitId' | 'providerId'> & { id: number }): Actor {
  return {
    userId: Number(u.id),
    username: u.username,
    role: u.role as Role,
    jurisdiction: u.jurisdiction,
    organId: u.organId == null ? null : Number(u.organId),
    keyUnitId: u.keyUnitId == null ? null : Number(u.keyUnitId),
    providerId: u.providerId == null ? null : Number(u.providerId),
  };
}

/**
 * The actor of an enabled account, by its username, without a password or a
 * session: the demo's seeds act as the demo accounts through the same use
 * cases a logged-in user calls. Null for an unknown or disabled account.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function actorByUsername(dbAny: Kysely<any>, username: string): Promise<Actor | null> {
  const user = await accessDb(dbAny).selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user || Number(user.disabled)) return null;
  return actorOf({ ...user, id: Number(user.id) });
}

/** The actors of several accounts by username, or null when any is unknown or disabled (the demo's seeds act as all of them or none). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function actorsByUsername<N extends string>(dbAny: Kysely<any>, usernames: readonly N[]): Promise<Record<N, Actor> | null> {
  const out = {} as Record<N, Actor>;
  for (const name of usernames) {
    const a = await actorByUsername(dbAny, name);
    if (!a) return null;
    out[name] = a;
  }
  return out;
}

/** An account whose password has just been checked, not yet holding a session. */
export interface CheckedUser {
  userId: number;
  actor: Actor;
}

/**
 * Checks a username and password, outside any transaction: argon2 takes
 * tens of milliseconds and 64 MiB, and no write lock may wait on it. Unknown
 * user and wrong password fail the same way and take the same time, so the
 * answer gives no hint; only whoever gave the right password learns that the
 * account is disabled.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function checkCredentials(dbAny: Kysely<any>, username: string, password: string): Promise<CheckedUser> {
  const db = accessDb(dbAny);
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password).then(() => false);
  if (!user || !ok) throw new AppError(AccessErrors.JF_ACCESS_BAD_CREDENTIALS);
  if (Number(user.disabled)) throw new AppError(AccessErrors.JF_ACCESS_ACCOUNT_DISABLED);
  return { userId: Number(user.id), actor: actorOf({ ...user, id: Number(user.id) }) };
}

/**
 * Opens a session for an account `checkCredentials` accepted, in the caller's
 * short transaction (with its ledger leaf). The account is read again there:
 * one disabled or removed since the check gets no session.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function openSession(trxAny: Kysely<any>, clock: Clock, ttlSeconds: number, checked: CheckedUser): Promise<Session> {
  const db = accessDb(trxAny);
  const user = await db.selectFrom('users').selectAll().where('id', '=', checked.userId).executeTakeFirst();
  if (!user) throw new AppError(AccessErrors.JF_ACCESS_BAD_CREDENTIALS);
  if (Number(user.disabled)) throw new AppError(AccessErrors.JF_ACCESS_ACCOUNT_DISABLED);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
  await db.insertInto('sessions').values({ idHash: sha256(token), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt }).execute();
  return { token, csrfToken, expiresAt, actor: actorOf({ ...user, id: Number(user.id) }) };
}

/** Checks the password, then opens a session (scripts and tests; the API logs the session in the same transaction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function login(dbAny: Kysely<any>, clock: Clock, ttlSeconds: number, username: string, password: string): Promise<Session> {
  return openSession(dbAny, clock, ttlSeconds, await checkCredentials(dbAny, username, password));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function resolveSession(dbAny: Kysely<any>, clock: Clock, token: string): Promise<Omit<Session, 'token'> | null> {
  const db = accessDb(dbAny);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id', 'users.username', 'users.role', 'users.jurisdiction', 'users.organId', 'users.keyUnitId', 'users.providerId', 'users.disabled', 'sessions.csrfToken', 'sessions.expiresAt'])
    .where('sessions.idHash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expiresAt <= clock.now().toISOString()) return null;
  return { csrfToken: row.csrfToken, expiresAt: row.expiresAt, actor: actorOf({ ...row, id: Number(row.id) }) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function logout(dbAny: Kysely<any>, token: string): Promise<void> {
  await accessDb(dbAny).deleteFrom('sessions').where('idHash', '=', sha256(token)).execute();
}
