import { isAllowed, type Actor } from '../access/index.js';
import type { JifangDb } from '../db/database.js';
import { formatCitation } from '../shared/citation.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import { openItem } from '../workflow/index.js';
import type { OperationsDeps } from './context.js';
import { ALERT_CITATION, ALERT_KIND_LABELS, ALERT_RULE_ID, type AlertKind } from './domain/kinds.js';
import { OperationsErrors } from './errors.js';
import { systemFacts } from './systems.js';
import { iso, opsDb } from './tables.js';

export interface OpenCaseInput {
  /** What the supervisor found; by default the alert's own account of it. */
  facts?: string;
}

/**
 * A supervisor turns an alert into an art 21 case (art 21 ¶1 (2): no one may
 * interrupt a system's normal use without authorisation) through the
 * workflows' own case procedure, and the alert keeps the case's id. The
 * case's subject is the system's key unit; a public-area system's case names
 * the system and its place.
 */
export async function openCaseFromAlert(deps: OperationsDeps & { jdb: JifangDb }, actor: Actor, alertId: number, input: OpenCaseInput = {}): Promise<{ alertId: number; caseId: number }> {
  const db = opsDb(deps.db);
  const alert = await db.selectFrom('operationAlerts').selectAll().where('id', '=', alertId).executeTakeFirst();
  const ref = alert && { kind: 'operation-alert' as const, divisionCode: alert.divisionCode, keyUnitId: alert.keyUnitId, restricted: Boolean(alert.restricted) };
  if (!alert || !ref || !isAllowed(actor, 'read', ref)) throw new AppError(OperationsErrors.JF_OPS_UNKNOWN_ALERT, { params: { id: alertId } });
  if (!isAllowed(actor, 'decide', ref)) throw new AppError(CommonErrors.JF_FORBIDDEN);
  if (alert.caseId != null) throw new AppError(OperationsErrors.JF_OPS_CASE_ALREADY_OPENED, { params: { id: alertId, caseId: Number(alert.caseId) } });
  const s = await systemFacts(deps.db, deps.dialect, Number(alert.systemId));
  if (!s) throw new AppError(OperationsErrors.JF_OPS_UNKNOWN_SYSTEM, { params: { systemId: Number(alert.systemId) } });
  const label = ALERT_KIND_LABELS[alert.kind as AlertKind] ?? { zh: alert.kind, en: alert.kind };
  const cite = formatCitation(ALERT_CITATION);
  const facts =
    input.facts?.trim() ||
    `${s.name}（技防系统${s.id}）：${label.zh}，自${iso(alert.raisedAt)}起（运行告警${alertId}，${cite.zh}）。 ${s.name} (security system ${s.id}): ${label.en.toLowerCase()} since ${iso(alert.raisedAt)} (operation alert ${alertId}, ${cite.en}).`;
  const subject = s.keyUnitId != null ? { keyUnitId: s.keyUnitId, offender: 'unit' as const } : { name: s.name, divisionCode: s.divisionCode, offender: 'unit' as const };
  // The case and the alert's link to it commit together: a second supervisor
  // opening a case from the same alert meanwhile is refused, and opens nothing.
  const applied = await openItem({ jdb: deps.jdb, clock: deps.clock }, actor, 'case', 'open', { ruleId: ALERT_RULE_ID, facts: facts.slice(0, 4000), subject }, {
    within: async (trx, opened) => {
      const r = await opsDb(trx).updateTable('operationAlerts').set({ caseId: Number(opened.item.id) }).where('id', '=', alertId).where('caseId', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        const now = await opsDb(trx).selectFrom('operationAlerts').select('caseId').where('id', '=', alertId).executeTakeFirst();
        throw new AppError(OperationsErrors.JF_OPS_CASE_ALREADY_OPENED, { params: { id: alertId, caseId: Number(now?.caseId) } });
      }
    },
  });
  return { alertId, caseId: Number(applied.item.id) };
}
