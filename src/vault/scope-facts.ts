import { AppError } from '../shared/errors.js';
import type { VaultDeps } from './context.js';
import { normaliseScope } from './domain/scope.js';
import { DAY_MS, ms, normaliseTimestamp } from './domain/time.js';
import type { ScopeEntry, Window } from './domain/types.js';
import { VaultErrors } from './errors.js';
import { ruleError } from './events.js';
import { minimumFor } from './retention.js';
import { resolveSource } from './ingest.js';
import type { SystemFacts } from './ports/system-directory.js';
import { vaultDb } from './tables.js';

export interface ScopeFacts {
  scope: ScopeEntry[];
  systems: Map<number, SystemFacts>;
  /** The one capturing unit every system belongs to (null for public-area systems). */
  keyUnitId: number | null;
  divisionCode: string;
  restricted: boolean;
}

/**
 * Checks a scope against the registry: every system and device on record, and
 * all of one capturing unit (a request is registered at that unit, art 24 ¶1 (3)).
 */
export async function resolveScope(deps: VaultDeps, raw: readonly ScopeEntry[]): Promise<ScopeFacts> {
  const scope = normaliseScope(raw);
  const systems = new Map<number, SystemFacts>();
  for (const e of scope) {
    const { system } = await resolveSource(deps, e.systemId, e.deviceId);
    systems.set(system.id, system);
  }
  const list = [...systems.values()];
  const units = new Set(list.map((s) => s.keyUnitId ?? `division:${s.divisionCode}`));
  if (units.size > 1) throw ruleError(VaultErrors.JF_VAULT_MIXED_UNITS, 'art24.p1.registration');
  return { scope, systems, keyUnitId: list[0].keyUnitId, divisionCode: list[0].divisionCode, restricted: list.some((s) => s.restricted) };
}

export function parseWindow(w: { from: string; to: string }): Window {
  const from = normaliseTimestamp(w.from);
  const to = normaliseTimestamp(w.to);
  if (!from || !to || to <= from) {
    throw new AppError(VaultErrors.JF_VAULT_BAD_TIME_SPAN, { params: { reason: '时间段的结束须晚于开始', reasonEn: 'the window must end after it starts' } });
  }
  return { from, to };
}

/**
 * A requested window must lie in the past and reach what is still kept: a
 * window wholly older than the minimum with nothing kept in it asks for what
 * the law no longer requires anyone to hold (art 23 ¶2).
 */
export async function checkWindowInRetention(deps: VaultDeps, facts: ScopeFacts, w: Window): Promise<void> {
  const now = deps.clock.now();
  if (w.from >= now.toISOString()) {
    throw ruleError(VaultErrors.JF_VAULT_WINDOW_OUTSIDE_RETENTION, 'art23.p2.minimum-retention', { reason: '时间段在将来', reasonEn: 'the window lies in the future' });
  }
  const db = vaultDb(deps.db);
  for (const e of facts.scope) {
    const s = facts.systems.get(e.systemId)!;
    const min = minimumFor(deps, { retentionScope: s.retentionScope, art10Item: s.art10Item, captures: s.captures });
    const horizon = now.getTime() - (min?.days ?? 0) * DAY_MS;
    if (ms(w.to) > horizon) return;
    let q = db.selectFrom('capturedSegments').select('id').where('systemId', '=', e.systemId).where('state', '!=', 'erased').where('startedAt', '<', w.to).where('endedAt', '>', w.from);
    if (e.deviceId != null) q = q.where('deviceId', '=', e.deviceId);
    if (await q.limit(1).executeTakeFirst()) return;
  }
  throw ruleError(VaultErrors.JF_VAULT_WINDOW_OUTSIDE_RETENTION, 'art23.p2.minimum-retention', {
    reason: '早于法定留存期且已无留存的采获信息',
    reasonEn: 'it is older than the minimum retention and nothing in it is kept any more',
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function saveScope(trx: any, ownerKind: string, ownerId: number, scope: ScopeEntry[]): Promise<void> {
  if (!scope.length) return;
  await vaultDb(trx).insertInto('vaultScopes').values(scope.map((e) => ({ ownerKind, ownerId, systemId: e.systemId, deviceId: e.deviceId }))).execute();
}

export async function loadScope(deps: VaultDeps, ownerKind: string, ownerId: number): Promise<ScopeEntry[]> {
  const rows = await vaultDb(deps.db).selectFrom('vaultScopes').select(['systemId', 'deviceId']).where('ownerKind', '=', ownerKind).where('ownerId', '=', ownerId).execute();
  return rows.map((r) => ({ systemId: Number(r.systemId), deviceId: r.deviceId == null ? null : Number(r.deviceId) }));
}
