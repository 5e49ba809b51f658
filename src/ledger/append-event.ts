/**
 * Queues a leaf inside the caller's transaction: the action and its record
 * commit together or not at all (art 21 ¶1 (4), art 24-25, art 36).
 */
import { AppError } from '../shared/errors.js';
import { encodeEventBody, eventProblems, pseudonym, type LedgerEvent } from './domain/leaf.js';
import { LedgerErrors } from './errors.js';
import { enqueue, refSalt } from './repository.js';
import type { AnyDb } from './tables.js';

export interface AppendInput {
  /** `context/action`, e.g. `vault/view`, `workflow/transition` (see EVENT_TYPES). */
  type: string;
  /** An explicit reference for who acted (`device:12`, `system:sweep`)… */
  actorRef?: string;
  /** …or the acting account, written as a keyed pseudonym, never in clear; null for the platform itself. */
  actorUserId?: number | null;
  /** What was acted on, by id: `captured-segment:12`, `workflow-item:7`. */
  subjectRef: string;
  /** The rule that allowed or refused the action, e.g. `art24.p1.two-officers`. */
  rule?: string | null;
  /** The grant or approval relied on, e.g. `grant:88`. */
  grant?: string | null;
  /** `sha256:<hex>` of the affected data (`digestOf`, `digestOfRecord`). */
  digest?: string | null;
  at: string | Date;
}

/** What the platform itself is called in leaves when no account acted. */
export const SYSTEM_ACTOR = 'system:jifang';

/** The pseudonym of an account in leaves: `user:<32 hex>`, keyed by a salt kept in the database. */
export async function userRef(db: AnyDb, userId: number): Promise<string> {
  return pseudonym(await refSalt(db), 'user', userId);
}

/** A keyed pseudonym for any identifier that must not appear in clear (a login name, a document number). */
export async function pseudonymRef(db: AnyDb, kind: string, id: string | number): Promise<string> {
  return pseudonym(await refSalt(db), kind, id);
}

/** Turns the caller's description into the checked leaf fields. */
export async function toEvent(db: AnyDb, e: AppendInput): Promise<LedgerEvent> {
  let actorRef: string;
  if (e.actorRef !== undefined) actorRef = e.actorRef;
  else if (e.actorUserId != null) actorRef = await userRef(db, e.actorUserId);
  else actorRef = SYSTEM_ACTOR;
  const ev: LedgerEvent = {
    type: e.type,
    actorRef,
    subjectRef: e.subjectRef,
    at: typeof e.at === 'string' ? e.at : e.at.toISOString(),
  };
  if (e.rule != null) ev.rule = e.rule;
  if (e.grant != null) ev.grant = e.grant;
  if (e.digest != null) ev.digest = e.digest;
  const problems = eventProblems(ev);
  if (problems.length) {
    throw new AppError(LedgerErrors.JF_LEDGER_EVENT_INVALID, { params: { reason: problems.map((p) => `${p.field} ${p.problem}`).join('; ') } });
  }
  return ev;
}

/**
 * Queues one event in `trx`, which must be the transaction of the action
 * being recorded; the sequencer gives it its index within the merge delay.
 */
export async function appendEvent(trx: AnyDb, e: AppendInput): Promise<void> {
  if (!trx.isTransaction) {
    throw new AppError(LedgerErrors.JF_LEDGER_EVENT_INVALID, { params: { reason: 'a leaf is queued inside the transaction of the action it records' } });
  }
  const ev = await toEvent(trx, e);
  await enqueue(trx, encodeEventBody(ev), Date.now());
}
