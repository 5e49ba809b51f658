/**
 * Logins and logouts in the ledger (art 36: officials answer for what they
 * did under their accounts). The account appears as its keyed pseudonym, the
 * session as a one-way reference to its token, an attempted login name as a
 * keyed pseudonym: never a username, never a token.
 */
import { appendEvent, pseudonymRef } from './append-event.js';
import { oneWayRef } from './domain/leaf.js';
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
