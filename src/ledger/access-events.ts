/**
 * Logins and logouts in the ledger (art 36: officials answer for what they
 * did under their accounts). The account appears as its keyed pseudonym, the
 * session as a one-way reference to its token, an attempted login name as a
 * keyed pseudonym: never a username, never a token.
 */
import { appendEvent, pseudonymRef, userRef } from './append-event.js';
import { digestOfRecord, oneWayRef } from './domain/leaf.js';
import type { AnyDb } from './tables.js';

/** In the transaction that opens the session. */
export async function recordLogin(trx: AnyDb, e: { userId: number; sessionToken: string; at: Date | string }): Promise<void> {
  await appendEvent(trx, { type: 'access/login', actorUserId: e.userId, subjectRef: oneWayRef('session', e.sessionToken), at: e.at });
}

/** In the transaction that ends the session. */
export async function recordLogout(trx: AnyDb, e: { userId: number | null; sessionToken: string; at: Date | string }): Promise<void> {
  await appendEvent(trx, { type: 'access/logout', actorUserId: e.userId, subjectRef: oneWayRef('session', e.sessionToken), at: e.at });
}

/** A refused login, in a transaction of its own (the attempt itself wrote nothing). */
export async function recordRefusedLogin(db: AnyDb, e: { username: string; at: Date | string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await appendEvent(trx, { type: 'access/login.refused', actorRef: 'client:anonymous', subjectRef: await pseudonymRef(trx, 'login-name', e.username), at: e.at });
  });
}

/** The rights an account holds, as the ledger digests them: no name, no password. */
export interface AccountRights {
  role: string;
  jurisdiction: string | null;
  keyUnitId: number | null;
  providerId: number | null;
  organId: number | null;
}

/**
 * A change of an account's rights (added, role or jurisdiction changed,
 * password reset, sessions revoked), in the transaction that makes it. The
 * account appears as its pseudonym; the rights it now holds only as a digest.
 */
export async function recordPermissionChange(
  trx: AnyDb,
  e: { change: string; userId: number; rights: AccountRights; actorUserId?: number | null; at: Date | string },
): Promise<void> {
  const { role, jurisdiction, keyUnitId, providerId, organId } = e.rights;
  await appendEvent(trx, {
    type: 'access/permission-change',
    actorUserId: e.actorUserId ?? null,
    subjectRef: await userRef(trx, e.userId),
    digest: digestOfRecord({ change: e.change, role, jurisdiction, keyUnitId, providerId, organId }),
    at: e.at,
  });
}
