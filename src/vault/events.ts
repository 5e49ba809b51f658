import type { Kysely } from 'kysely';
import { digestOfRecord } from '../ledger/index.js';
import { AppError, type ErrorDefinition } from '../shared/errors.js';
import type { VaultActor, VaultDeps } from './context.js';
import { citationOf, type VaultRuleId } from './domain/rules.js';
import type { EventAction, EventOutcome, GrantKind } from './domain/types.js';
import { vaultDb } from './tables.js';

export interface EventInput {
  action: EventAction;
  outcome: EventOutcome;
  ruleId?: VaultRuleId | null;
  errorCode?: string | null;
  systemId?: number | null;
  segmentId?: number | null;
  keyUnitId?: number | null;
  divisionCode?: string | null;
  grant?: { kind: GrantKind; id: number } | null;
  /** Never personal data: no names, no resident ID numbers. */
  detail?: Record<string, unknown>;
}

/**
 * Records one event (art 11(3) 登记; art 22, 24, 25) and queues its ledger leaf in
 * the same transaction, so neither exists without the other.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function recordEvent(trx: Kysely<any>, deps: VaultDeps, actor: VaultActor, e: EventInput): Promise<number> {
  const at = deps.clock.now().toISOString();
  const divisionCode = e.divisionCode ?? null;
  const row = await vaultDb(trx)
    .insertInto('capturedEvents')
    .values({
      at,
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'operator',
      action: e.action,
      outcome: e.outcome,
      ruleId: e.ruleId ?? null,
      errorCode: e.errorCode ?? null,
      systemId: e.systemId ?? null,
      segmentId: e.segmentId ?? null,
      keyUnitId: e.keyUnitId ?? null,
      divisionCode,
      grantKind: e.grant?.kind ?? null,
      grantId: e.grant?.id ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.ledger.append(trx, {
    type: e.outcome === 'refused' ? 'vault/refused' : `vault/${e.action}`,
    actorUserId: actor?.userId ?? null,
    subjectRef: e.segmentId != null ? `captured-segment:${e.segmentId}` : e.grant ? `${e.grant.kind}:${e.grant.id}` : e.systemId != null ? `security-system:${e.systemId}` : `captured-event:${Number(row.id)}`,
    rule: e.ruleId ?? null,
    grant: e.grant ? `${e.grant.kind}:${e.grant.id}` : null,
    // The recording's own SHA-256 when the event names one; else the digest of the event's detail (which
    // segments a sweep batch erased, which officers registered), so the access log's row is bound to its leaf.
    digest: typeof e.detail?.sha256 === 'string' ? `sha256:${e.detail.sha256}` : e.detail ? digestOfRecord(e.detail) : null,
    at,
  });
  return Number(row.id);
}

/** A refusal by a rule of the regulation: the error carries the rule's citation. */
export function ruleError(def: ErrorDefinition, rule: VaultRuleId, params: Record<string, string | number> = {}): AppError & { ruleId: VaultRuleId } {
  const e = new AppError(def, { params, citation: citationOf(rule) }) as AppError & { ruleId: VaultRuleId };
  e.ruleId = rule;
  return e;
}

/**
 * Records a refused attempt in its own transaction (the attempt itself is rolled
 * back or never started) and returns the error for the caller to throw.
 */
export async function refuse(deps: VaultDeps, actor: VaultActor, e: Omit<EventInput, 'outcome' | 'errorCode'>, error: AppError): Promise<AppError> {
  // An attempt by a unit's account with no place of its own shows to the police of the unit's area.
  // Looked up before the transaction: SQLite has one connection, which the transaction holds.
  if (e.divisionCode == null && e.keyUnitId != null) e = { ...e, divisionCode: (await deps.directory.keyUnitDivision(e.keyUnitId)) ?? null };
  await deps.db.transaction().execute((trx) => recordEvent(trx, deps, actor, { ...e, outcome: 'refused', errorCode: error.code, ruleId: e.ruleId ?? (error as { ruleId?: VaultRuleId }).ruleId ?? null }));
  return error;
}
