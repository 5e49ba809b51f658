import type { OperationsDeps } from './context.js';
import { raiseAlert } from './ingest.js';
import { systemFacts } from './systems.js';
import { opsDb } from './tables.js';

export interface CheckResult {
  /** Systems found silent past the limit and marked offline, each with an alert. */
  wentOffline: number;
}

/** Systems looked at per run: the bound of one run's work; a backlog drains over the next runs. */
const BATCH = 500;

/**
 * Marks offline every online system that reports by keepalive and has been
 * silent for `missedKeepalives` intervals (GB/T 28181: three of 60 seconds),
 * raising an offline alert (art 11(2), 21 ¶1 (2)). Runs on the scheduler's
 * tick of `jifang serve`. Each system changes in its own short transaction,
 * and only if it is still as read, so a keepalive arriving meanwhile wins.
 */
export async function checkOffline(deps: OperationsDeps): Promise<CheckResult> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.settings.keepaliveSeconds * deps.settings.missedKeepalives * 1000).toISOString();
  const db = opsDb(deps.db);
  const silent = await db
    .selectFrom('operationStatus')
    .select(['systemId', 'lastReportAt'])
    .where('status', '=', 'online')
    .where('keepalive', '=', 1)
    .where('lastReportAt', '<', cutoff)
    .orderBy('lastReportAt')
    .limit(BATCH)
    .execute();
  let wentOffline = 0;
  for (const row of silent) {
    const systemId = Number(row.systemId);
    const s = await systemFacts(deps.db, deps.dialect, systemId);
    if (!s) continue;
    // Offline from the first keepalive that did not come.
    const last = new Date(row.lastReportAt as unknown as string).getTime();
    const since = new Date(last + deps.settings.keepaliveSeconds * 1000).toISOString();
    wentOffline += await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('operationStatus')
        .set({ status: 'offline', since, updatedAt: now.toISOString() })
        .where('systemId', '=', systemId)
        .where('status', '=', 'online')
        .where('lastReportAt', '<', cutoff)
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) return 0;
      await raiseAlert(trx, s, 'offline', since, null);
      return 1;
    });
  }
  return { wentOffline };
}
