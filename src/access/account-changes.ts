import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import { AppError, notFound, validationError, type FieldIssue } from '../shared/errors.js';
import { bi } from '../shared/text.js';
import { ACCOUNT_WHAT, getAccount, type Account } from './accounts.js';
import { AccessErrors } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { JURISDICTION_LEVEL, isRole, type Role } from './roles.js';
import { accessDb, type UsersTable } from './tables.js';
import { validatePassword, validateRights } from './users.js';

/**
 * Changes to an account's rights, password and status, each in one
 * transaction with the record the caller queues through `within` (art 36:
 * every permission change is on the ledger). The access context does not
 * know the ledger; the API and the command line pass the leaf in.
 */

/** What a change is called in its ledger leaf (inside the digest, with the rights the account now holds). */
export const ACCOUNT_CHANGES = ['user.role', 'user.jurisdiction', 'user.links', 'user.password-reset', 'user.password', 'user.disable', 'user.enable', 'user.sessions-revoked'] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGES)[number];

export interface AccountChange {
  change: AccountChangeKind;
  userId: number;
  /** The rights the account holds after the change. */
  rights: { role: Role; jurisdiction: string | null; organId: number | null; keyUnitId: number | null; providerId: number | null };
  /** How many of the account's sessions the change ended. */
  revokedSessions: number;
}

export interface AccountChangeOptions {
  /** Runs in the change's transaction, after it: the caller queues the ledger leaf here, so both commit or neither. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  within?: (trx: Kysely<any>, change: AccountChange) => Promise<void>;
  /** The session that asked for the change, kept when it belongs to the account changed (one's own password). */
  keepSessionToken?: string | null;
}

/** Rights to set; a field left out keeps its value (or is cleared when a new role does not use it). */
export interface RightsPatch {
  role?: string;
  jurisdiction?: string | null;
  organId?: number | null;
  keyUnitId?: number | null;
  providerId?: number | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function inTransaction<T>(dbAny: AnyDb, fn: (trx: AnyDb) => Promise<T>): Promise<T> {
  return dbAny.isTransaction ? fn(dbAny) : dbAny.transaction().execute(fn);
}

type UserRow = Omit<UsersTable, 'id'> & { id: number };

async function load(trx: AnyDb, id: number): Promise<UserRow> {
  const row = await accessDb(trx).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(ACCOUNT_WHAT);
  return { ...row, id: Number(row.id) } as UserRow;
}

const num = (v: number | null | undefined) => (v == null ? null : Number(v));

function rightsOf(u: Pick<UserRow, 'role' | 'jurisdiction' | 'organId' | 'keyUnitId' | 'providerId'>): AccountChange['rights'] {
  return { role: u.role as Role, jurisdiction: u.jurisdiction, organId: num(u.organId), keyUnitId: num(u.keyUnitId), providerId: num(u.providerId) };
}

/** Ends the account's sessions, but the one asking when it is the account's own. */
async function endSessions(trx: AnyDb, userId: number, keepToken: string | null | undefined): Promise<number> {
  let q = accessDb(trx).deleteFrom('sessions').where('userId', '=', userId);
  if (keepToken) q = q.where('idHash', '!=', sha256(keepToken));
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/** The platform keeps at least one enabled administrator: someone must be able to manage accounts. */
async function guardLastAdmin(trx: AnyDb, u: UserRow): Promise<void> {
  if (u.role !== 'admin' || Number(u.disabled)) return;
  const other = await accessDb(trx).selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).where('id', '!=', u.id).executeTakeFirst();
  if (!other) throw new AppError(AccessErrors.JF_ACCESS_LAST_ADMIN);
}

/** The rights after `patch`: a field left out is kept only if the (new) role uses it. */
function merged(cur: UserRow, patch: RightsPatch): AccountChange['rights'] & { role: string } {
  const role = patch.role ?? cur.role;
  const roleChanged = role !== cur.role;
  const keep = <K extends 'jurisdiction' | 'organId' | 'keyUnitId' | 'providerId'>(k: K, usedBy: (r: string) => boolean) =>
    patch[k] !== undefined ? patch[k] : !roleChanged || usedBy(role) ? cur[k] : null;
  const police = (r: string) => isRole(r) && JURISDICTION_LEVEL[r] !== undefined;
  return {
    role: role as Role,
    jurisdiction: keep('jurisdiction', police) as string | null,
    organId: num(keep('organId', police) as number | null),
    keyUnitId: num(keep('keyUnitId', (r) => r === 'key_unit') as number | null),
    providerId: num(keep('providerId', (r) => r === 'provider') as number | null),
  };
}

/** Which change this is, named by the weightiest right it touches; null when nothing changes. */
function kindOf(before: AccountChange['rights'], after: AccountChange['rights']): AccountChangeKind | null {
  if (before.role !== after.role) return 'user.role';
  if (before.jurisdiction !== after.jurisdiction) return 'user.jurisdiction';
  if (before.organId !== after.organId || before.keyUnitId !== after.keyUnitId || before.providerId !== after.providerId) return 'user.links';
  return null;
}

/**
 * Changes an account's role, jurisdiction or links, validated as a new
 * account's rights are, and ends its other sessions (the rights they were
 * opened under no longer hold). A patch that changes nothing writes nothing.
 */
export async function changeRights(dbAny: AnyDb, clock: Clock, userId: number, patch: RightsPatch, opts: AccountChangeOptions = {}): Promise<Account> {
  return inTransaction(dbAny, async (trx) => {
    const cur = await load(trx, userId);
    const next = merged(cur, patch);
    const issues = validateRights(next);
    if (issues.length) throw validationError(issues);
    const change = kindOf(rightsOf(cur), next);
    if (change) {
      if (next.role !== 'admin') await guardLastAdmin(trx, cur);
      await accessDb(trx)
        .updateTable('users')
        .set({ role: next.role, jurisdiction: next.jurisdiction, organId: next.organId, keyUnitId: next.keyUnitId, providerId: next.providerId, updatedAt: clock.now().toISOString() })
        .where('id', '=', userId)
        .execute();
      const revokedSessions = await endSessions(trx, userId, opts.keepSessionToken);
      await opts.within?.(trx, { change, userId, rights: next, revokedSessions });
    }
    return getAccount(trx, clock, userId);
  });
}

/** Sets a new password for an account (by the administrator or the platform) and ends its sessions. */
export async function resetPassword(dbAny: AnyDb, clock: Clock, userId: number, password: string, opts: AccountChangeOptions = {}): Promise<Account> {
  const issues = validatePassword('password', password);
  if (issues.length) throw validationError(issues);
  // argon2 outside the transaction: it must not hold a write lock.
  const passwordHash = await hashPassword(password);
  return inTransaction(dbAny, async (trx) => {
    const cur = await load(trx, userId);
    await accessDb(trx).updateTable('users').set({ passwordHash, updatedAt: clock.now().toISOString() }).where('id', '=', userId).execute();
    const revokedSessions = await endSessions(trx, userId, opts.keepSessionToken);
    await opts.within?.(trx, { change: 'user.password-reset', userId, rights: rightsOf(cur), revokedSessions });
    return getAccount(trx, clock, userId);
  });
}

/**
 * One's own new password, given the current one. Both argon2 runs happen
 * before the transaction; inside it the account must still hold the hash
 * that was checked, or the change is refused (someone reset it meanwhile).
 * The session asking stays open; every other session of the account ends.
 */
export async function changeOwnPassword(dbAny: AnyDb, clock: Clock, userId: number, currentPassword: string, newPassword: string, opts: AccountChangeOptions = {}): Promise<Account> {
  const issues: FieldIssue[] = validatePassword('newPassword', newPassword);
  if (!issues.length && newPassword === currentPassword) {
    issues.push({ field: 'newPassword', rule: 'differs-from-current', message: bi('新密码不能与当前密码相同', 'The new password must differ from the current one') });
  }
  const before = await load(dbAny, userId);
  if (!(await verifyPassword(before.passwordHash, currentPassword))) {
    issues.unshift({ field: 'currentPassword', rule: 'matches-current', message: bi('当前密码不正确', 'The current password is wrong') });
  }
  if (issues.length) throw validationError(issues);
  const passwordHash = await hashPassword(newPassword);
  return inTransaction(dbAny, async (trx) => {
    const cur = await load(trx, userId);
    if (cur.passwordHash !== before.passwordHash) throw new AppError(AccessErrors.JF_ACCESS_CHANGED_MEANWHILE);
    if (Number(cur.disabled)) throw new AppError(AccessErrors.JF_ACCESS_ACCOUNT_DISABLED);
    await accessDb(trx).updateTable('users').set({ passwordHash, updatedAt: clock.now().toISOString() }).where('id', '=', userId).execute();
    const revokedSessions = await endSessions(trx, userId, opts.keepSessionToken);
    await opts.within?.(trx, { change: 'user.password', userId, rights: rightsOf(cur), revokedSessions });
    return getAccount(trx, clock, userId);
  });
}

/**
 * Disables an account (it cannot log in, and its sessions end) or enables it
 * again. Setting the state it already has writes nothing.
 */
export async function setDisabled(dbAny: AnyDb, clock: Clock, userId: number, disabled: boolean, opts: AccountChangeOptions = {}): Promise<Account> {
  return inTransaction(dbAny, async (trx) => {
    const cur = await load(trx, userId);
    if (Boolean(Number(cur.disabled)) !== disabled) {
      if (disabled) await guardLastAdmin(trx, cur);
      await accessDb(trx).updateTable('users').set({ disabled: disabled ? 1 : 0, updatedAt: clock.now().toISOString() }).where('id', '=', userId).execute();
      const revokedSessions = disabled ? await endSessions(trx, userId, null) : 0;
      await opts.within?.(trx, { change: disabled ? 'user.disable' : 'user.enable', userId, rights: rightsOf(cur), revokedSessions });
    }
    return getAccount(trx, clock, userId);
  });
}

/** Ends every session of an account (but the asking one, when it is the account's own). Always recorded, even when none was open. */
export async function revokeSessions(dbAny: AnyDb, clock: Clock, userId: number, opts: AccountChangeOptions = {}): Promise<Account> {
  return inTransaction(dbAny, async (trx) => {
    const cur = await load(trx, userId);
    const revokedSessions = await endSessions(trx, userId, opts.keepSessionToken);
    await opts.within?.(trx, { change: 'user.sessions-revoked', userId, rights: rightsOf(cur), revokedSessions });
    return getAccount(trx, clock, userId);
  });
}
