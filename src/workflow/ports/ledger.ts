import type { AnyDb } from './registry.js';

/**
 * One workflow event for the tamper-evident ledger, queued inside the
 * caller's transaction so that a transition and its leaf commit or roll back
 * together (Art 36). Only ids and digests: no names, no free text.
 */
export interface WorkflowLedgerEvent {
  /** `workflow/transition`, `workflow/refused`, `workflow/document`. */
  type: string;
  /** null for the scheduler. */
  actorUserId: number | null;
  /** `workflow-item:<id>`, `workflow-document:<id>`. */
  subjectRef: string;
  rule?: string;
  /** `sha256:<hex>` of the logged row. */
  digest?: string;
  at: string;
}

export interface LedgerPort {
  append(trx: AnyDb, event: WorkflowLedgerEvent): Promise<void>;
}

