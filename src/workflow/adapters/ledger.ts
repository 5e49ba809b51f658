import { appendEvent } from '../../ledger/index.js';
import type { LedgerPort } from '../ports/ledger.js';

/** The ledger port over the ledger's public face: a leaf queued in the caller's transaction. */
export const ledgerAdapter: LedgerPort = {
  async append(trx, e) {
    await appendEvent(trx, { type: e.type, actorUserId: e.actorUserId, subjectRef: e.subjectRef, rule: e.rule ?? null, digest: e.digest ?? null, at: e.at });
  },
};
