import { AppError, CommonErrors } from '../shared/errors.js';
import type { VaultActor, VaultDeps } from './context.js';
import type { HoldSource } from './domain/types.js';
import { recordEvent } from './events.js';
import type { Hold } from './retention.js';
import { vaultDb } from './tables.js';
import type { ListOrder, ListPage } from './domain/list.js';
import { inDivision } from './segments.js';

/** 210000 → 21, 210100 → 2101, 210102 → 210102: the code range a division covers. */
const divisionPrefixOf = (code: string) => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);

/** A place filter from the policy's list scope. */
export interface PlaceFilter {
  keyUnitId?: number;
  divisionPrefix?: string;
}

type HoldRow = Awaited<ReturnType<ReturnType<typeof holdsQuery>['execute']>>[number];

function holdsQuery(deps: VaultDeps) {
  return vaultDb(deps.db).selectFrom('retentionHolds').selectAll();
}

function toHold(r: HoldRow, now: string): Hold {
  return {
    id: Number(r.id),
    systemId: Number(r.systemId),
    deviceId: r.deviceId == null ? null : Number(r.deviceId),
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    divisionCode: r.divisionCode,
    window: { from: r.windowFrom, to: r.windowTo },
    source: r.source as HoldSource,
    sourceId: r.sourceId == null ? null : Number(r.sourceId),
    caseRef: r.caseRef,
    reason: r.reason,
    placedBy: r.placedBy == null ? null : Number(r.placedBy),
    placedAt: r.placedAt,
    expiresAt: r.expiresAt,
    releasedAt: r.releasedAt,
    active: r.releasedAt == null && (r.expiresAt == null || r.expiresAt > now),
  };
}

export interface HoldQuery extends PlaceFilter {
  /** In force (not released, not run out) or not. */
  active?: boolean;
  source?: HoldSource;
  systemId?: number;
  /** By placing (id): newest first by default. */
  order?: ListOrder;
  /** At most 200 a page; 50 by default. */
  limit?: number;
  offset?: number;
}

/** One page of the holds in the caller's place, newest placed first, and how many the filters find (art 23 ¶2). */
export async function pageHolds(deps: VaultDeps, f: HoldQuery): Promise<ListPage<Hold>> {
  const now = deps.clock.now().toISOString();
  let q = vaultDb(deps.db).selectFrom('retentionHolds');
  if (f.keyUnitId != null) q = q.where('keyUnitId', '=', f.keyUnitId);
  if (f.divisionPrefix) q = inDivision(q, f.divisionPrefix);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.systemId != null) q = q.where('systemId', '=', f.systemId);
  // The same test as `active` of each hold: not released, and no end or an end still ahead.
  if (f.active === true) q = q.where('releasedAt', 'is', null).where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]));
  if (f.active === false) q = q.where((eb) => eb.or([eb('releasedAt', 'is not', null), eb('expiresAt', '<=', now)]));
  const { total } = await q.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('id', f.order ?? 'desc')
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0)
    .execute();
  return { total: Number(total), items: rows.map((r) => toHold(r, now)) };
}

export async function getHold(deps: VaultDeps, id: number): Promise<Hold> {
  const r = await holdsQuery(deps).where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError(CommonErrors.JF_NOT_FOUND, { params: { what: `hold ${id}` } });
  return toHold(r, deps.clock.now().toISOString());
}

/** The police release a hold they placed (art 23 ¶2). */
export async function releaseHold(deps: VaultDeps, actor: VaultActor, h: Hold): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await vaultDb(trx).updateTable('retentionHolds').set({ releasedAt: deps.clock.now().toISOString(), releasedBy: actor?.userId ?? null }).where('id', '=', h.id).execute();
    await recordEvent(trx, deps, actor, { action: 'release-hold', outcome: 'allowed', ruleId: 'art23.p2.police-extraction', systemId: h.systemId, keyUnitId: h.keyUnitId, divisionCode: h.divisionCode, detail: { holdId: h.id } });
  });
}

export interface EventRow {
  id: number;
  at: string;
  actorUserId: number | null;
  actorRole: string | null;
  action: string;
  outcome: 'allowed' | 'refused';
  ruleId: string | null;
  errorCode: string | null;
  systemId: number | null;
  segmentId: number | null;
  keyUnitId: number | null;
  divisionCode: string | null;
  grantKind: string | null;
  grantId: number | null;
  detail: Record<string, unknown> | null;
}

export interface EventQuery extends PlaceFilter {
  outcome?: string;
  /** One action, or several separated by commas (`view,copy,use`). */
  action?: string;
  /** A Liaoning division the events took place in, within the caller's own scope. */
  division?: string;
  /** Events at or after this instant. */
  from?: string;
  grantKind?: string;
  grantId?: number;
  segmentId?: number;
  beforeId?: number;
  limit?: number;
}

/** Every access and refusal, newest first (art 11(3), 22, 24, 25). */
export async function listEvents(deps: VaultDeps, f: EventQuery): Promise<EventRow[]> {
  let q = vaultDb(deps.db).selectFrom('capturedEvents').selectAll();
  if (f.keyUnitId != null) q = q.where('keyUnitId', '=', f.keyUnitId);
  if (f.divisionPrefix) q = q.where('divisionCode', 'like', `${f.divisionPrefix}%`);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.action) q = q.where('action', 'in', f.action.split(','));
  if (f.division) q = inDivision(q, divisionPrefixOf(f.division));
  if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
  if (f.grantKind) q = q.where('grantKind', '=', f.grantKind);
  if (f.grantId) q = q.where('grantId', '=', f.grantId);
  if (f.segmentId) q = q.where('segmentId', '=', f.segmentId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(Math.min(f.limit ?? 200, 1000)).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorUserId: r.actorUserId == null ? null : Number(r.actorUserId),
    actorRole: r.actorRole,
    action: r.action,
    outcome: r.outcome as 'allowed' | 'refused',
    ruleId: r.ruleId,
    errorCode: r.errorCode,
    systemId: r.systemId == null ? null : Number(r.systemId),
    segmentId: r.segmentId == null ? null : Number(r.segmentId),
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    divisionCode: r.divisionCode,
    grantKind: r.grantKind,
    grantId: r.grantId == null ? null : Number(r.grantId),
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
