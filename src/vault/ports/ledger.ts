import type { Kysely } from 'kysely';
import { appendEvent } from '../../ledger/index.js';

/**
 * One leaf the vault hands to the tamper-evident ledger (art 21(4), 24, 36),
 * in the ledger's own terms (`appendEvent` of src/ledger): the account as an id
 * (the ledger writes a pseudonym), what was acted on and by which rule and grant.
 */
export interface LedgerEntry {
  /** `vault/view`, `vault/copy`, `vault/erase`, `vault/refused`… */
  type: string;
  actorUserId: number | null;
  /** `captured-segment:12`, `access-request:5`, `security-system:3`. */
  subjectRef: string;
  rule?: string | null;
  /** `access-request:5`, `viewing-visit:2`, `evidence-request:9`. */
  grant?: string | null;
  /** `sha256:<hex>` of the recording acted on. */
  digest?: string | null;
  at: string;
}

/** Queues a leaf inside the caller's transaction, so an access and its leaf commit or fail together. */
export interface LedgerPort {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  append(trx: Kysely<any>, entry: LedgerEntry): Promise<void>;
}

/** Until a ledger is wired in, events stay in `captured_events` only. */
export const noLedger: LedgerPort = { append: async () => undefined };

/** The ledger's public face: each event becomes a leaf queued in the same transaction. */
export const appendToLedger: LedgerPort = {
  append: (trx, e) => appendEvent(trx, { type: e.type, actorUserId: e.actorUserId, subjectRef: e.subjectRef, rule: e.rule, grant: e.grant, digest: e.digest, at: e.at }),
};
