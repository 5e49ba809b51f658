import { sql } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { VaultActor, VaultDeps } from './context.js';
import { findGaps, type Gap } from './domain/coverage.js';
import { cutoffFor, effectiveKeepDays, erasableFrom, sweepTargetStates } from './domain/retention.js';
import { chinaDate, iso, ms, DAY_MS } from './domain/time.js';
import type { RetentionAction, RetentionScope, ScopeEntry, Window, HoldSource } from './domain/types.js';
import { VaultErrors } from './errors.js';
import { recordEvent, refuse, ruleError } from './events.js';
import type { RetentionMinimum } from './ports/retention-law.js';
import { getSegment, type Segment } from './segments.js';
import { vaultDb } from './tables.js';

type Captures = ('video' | 'audio')[];

/** The minimum that governs a recording of this kind, today (art 23 ¶2, with any longer national rule). */
export function minimumFor(deps: VaultDeps, c: { retentionScope: string; art10Item?: number | null; captureKind?: string; captures?: Captures }): RetentionMinimum | undefined {
  const captures: Captures = c.captures ?? (c.captureKind === 'audio' ? ['audio'] : c.captureKind === 'video' ? ['video'] : []);
  return deps.law.minimum({ scope: c.retentionScope as RetentionScope, art10Item: c.art10Item ?? null, captures }, chinaDate(deps.clock.now()));
}

async function art10ItemOf(deps: VaultDeps, systemId: number): Promise<number | null> {
  const r = await vaultDb(deps.db).selectFrom('capturedSystems').select('art10Item').where('systemId', '=', systemId).executeTakeFirst();
  return r?.art10Item ?? null;
}

/**
 * For each recording, the minimum that governs it today and the first instant
 * it may be sealed or erased: the end of its capture plus that minimum (art 23
 * ¶2), as `retentionStatus` answers for one. One lookup per system, however
 * many recordings.
 */
export async function erasableFromOf(deps: VaultDeps, segs: Pick<Segment, 'id' | 'systemId' | 'retentionScope' | 'captureKind' | 'endedAt'>[]): Promise<Map<number, { minimumDays: number | null; erasableFrom: string }>> {
  const systemIds = [...new Set(segs.map((s) => s.systemId))];
  const items = new Map<number, number | null>();
  for (let i = 0; i < systemIds.length; i += 500) {
    const rows = await vaultDb(deps.db).selectFrom('capturedSystems').select(['systemId', 'art10Item']).where('systemId', 'in', systemIds.slice(i, i + 500)).execute();
    for (const r of rows) items.set(Number(r.systemId), r.art10Item == null ? null : Number(r.art10Item));
  }
  const minimums = new Map<string, number | null>();
  const out = new Map<number, { minimumDays: number | null; erasableFrom: string }>();
  for (const s of segs) {
    const art10Item = items.get(s.systemId) ?? null;
    const key = `${s.retentionScope}:${art10Item}:${s.captureKind}`;
    if (!minimums.has(key)) minimums.set(key, minimumFor(deps, { retentionScope: s.retentionScope, art10Item, captureKind: s.captureKind })?.days ?? null);
    const days = minimums.get(key)!;
    out.set(s.id, { minimumDays: days, erasableFrom: days == null ? s.endedAt : erasableFrom(s.endedAt, days) });
  }
  return out;
}

/** Active holds (公安机关要求提取) covering any part of a recording. */
export async function holdsOn(deps: VaultDeps, seg: Pick<Segment, 'systemId' | 'deviceId' | 'startedAt' | 'endedAt'>): Promise<{ id: number }[]> {
  const now = deps.clock.now().toISOString();
  const rows = await vaultDb(deps.db)
    .selectFrom('retentionHolds')
    .select('id')
    .where('systemId', '=', seg.systemId)
    .where('releasedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .where((eb) => eb.or([eb('deviceId', 'is', null), eb('deviceId', '=', seg.deviceId)]))
    .where('windowFrom', '<', seg.endedAt)
    .where('windowTo', '>', seg.startedAt)
    .execute();
  return rows.map((r) => ({ id: Number(r.id) }));
}

export interface RetentionStatus {
  minimumDays: number | null;
  /** The instrument and floor that set the minimum. */
  governedBy: { instrument: string; floorId: string } | null;
  erasableFrom: string | null;
  holds: number[];
  mayDispose: boolean;
}

export async function retentionStatus(deps: VaultDeps, seg: Segment): Promise<RetentionStatus> {
  const min = minimumFor(deps, { retentionScope: seg.retentionScope, art10Item: await art10ItemOf(deps, seg.systemId), captureKind: seg.captureKind });
  const holds = (await holdsOn(deps, seg)).map((h) => h.id);
  const from = min ? erasableFrom(seg.endedAt, min.days) : seg.endedAt;
  return {
    minimumDays: min?.days ?? null,
    governedBy: min ? { instrument: min.instrument, floorId: min.floorId } : null,
    erasableFrom: from,
    holds,
    mayDispose: seg.state !== 'erased' && deps.clock.now().toISOString() >= from && holds.length === 0,
  };
}

const ACTION_WORDS = { seal: { zh: '封存', en: 'sealed' }, erase: { zh: '消除', en: 'erased' } } as const;

/**
 * Seals or erases one recording at the unit's request. Before the minimum it
 * is refused whoever asks; after it, refused while the police hold it (art 23 ¶2).
 * Erasing deletes the file once no other kept recording shares its bytes; the
 * record stays, marked erased, with who and when.
 */
export async function dispose(deps: VaultDeps, actor: VaultActor, segmentId: number, action: 'seal' | 'erase'): Promise<Segment> {
  const seg = await getSegment(deps, segmentId);
  const ctx = { action, systemId: seg.systemId, segmentId: seg.id, keyUnitId: seg.keyUnitId, divisionCode: seg.divisionCode } as const;
  if (seg.state === 'erased' || (action === 'seal' && seg.state === 'sealed')) {
    throw new AppError(VaultErrors.JF_VAULT_ALREADY, { params: { id: seg.id, state: ACTION_WORDS[seg.state === 'erased' ? 'erase' : 'seal'].zh, stateEn: seg.state } });
  }
  const status = await retentionStatus(deps, seg);
  const now = deps.clock.now().toISOString();
  const words = ACTION_WORDS[action];
  if (status.erasableFrom && now < status.erasableFrom) {
    throw await refuse(
      deps,
      actor,
      { ...ctx, detail: { minimumDays: status.minimumDays, erasableFrom: status.erasableFrom, governedBy: status.governedBy } },
      ruleError(VaultErrors.JF_VAULT_RETENTION_MINIMUM, 'art23.p2.minimum-retention', { days: status.minimumDays ?? 0, until: status.erasableFrom, action: words.zh, actionEn: words.en }),
    );
  }
  if (status.holds.length) {
    throw await refuse(deps, actor, { ...ctx, detail: { holds: status.holds } }, ruleError(VaultErrors.JF_VAULT_HELD, 'art23.p2.police-extraction', { holdId: status.holds.join(', '), action: words.zh, actionEn: words.en }));
  }
  const unlink: string[] = [];
  await deps.db.transaction().execute(async (trxAny) => {
    const trx = vaultDb(trxAny);
    if (action === 'seal') {
      await trx.updateTable('capturedSegments').set({ state: 'sealed', sealedAt: now }).where('id', '=', seg.id).execute();
    } else {
      await trx.updateTable('capturedSegments').set({ state: 'erased', erasedAt: now, erasedBy: actor?.userId ?? null }).where('id', '=', seg.id).execute();
      if (await dropBlobIfUnreferenced(trxAny, seg.sha256)) unlink.push(seg.sha256);
    }
    await recordEvent(trxAny, deps, actor, { ...ctx, outcome: 'allowed', ruleId: 'art23.p2.police-extraction', detail: { minimumDays: status.minimumDays } });
  });
  for (const s of unlink) await deps.store.remove(s);
  return getSegment(deps, seg.id);
}

/** Inside a transaction: removes the blob row when no recording other than erased ones names it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function dropBlobIfUnreferenced(trxAny: any, sha256: string): Promise<boolean> {
  const trx = vaultDb(trxAny);
  const live = await trx.selectFrom('capturedSegments').select('id').where('sha256', '=', sha256).where('state', '!=', 'erased').limit(1).executeTakeFirst();
  if (live) return false;
  await trx.deleteFrom('capturedBlobs').where('sha256', '=', sha256).execute();
  return true;
}

// ---------------------------------------------------------------- holds

export interface Hold {
  id: number;
  systemId: number;
  deviceId: number | null;
  keyUnitId: number | null;
  divisionCode: string;
  window: Window;
  source: HoldSource;
  sourceId: number | null;
  caseRef: string | null;
  reason: string;
  placedBy: number | null;
  placedAt: string;
  expiresAt: string | null;
  releasedAt: string | null;
  active: boolean;
}

export interface PlaceHold {
  scope: ScopeEntry[];
  window: Window;
  reason: string;
  caseRef?: string | null;
  source: HoldSource;
  sourceId?: number | null;
  expiresAt?: string | null;
}

/** The police ask to extract (art 23 ¶2): what the hold covers is kept past the minimum. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function placeHolds(trxAny: any, deps: VaultDeps, actor: VaultActor, h: PlaceHold, facts: Map<number, { keyUnitId: number | null; divisionCode: string }>): Promise<number[]> {
  const trx = vaultDb(trxAny);
  const now = deps.clock.now().toISOString();
  const ids: number[] = [];
  for (const e of h.scope) {
    const f = facts.get(e.systemId)!;
    const row = await trx
      .insertInto('retentionHolds')
      .values({
        systemId: e.systemId,
        deviceId: e.deviceId,
        keyUnitId: f.keyUnitId,
        divisionCode: f.divisionCode,
        windowFrom: h.window.from,
        windowTo: h.window.to,
        source: h.source,
        sourceId: h.sourceId ?? null,
        caseRef: h.caseRef ?? null,
        reason: h.reason,
        placedBy: actor?.userId ?? null,
        placedAt: now,
        expiresAt: h.expiresAt ?? null,
        releasedAt: null,
        releasedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(Number(row.id));
    await recordEvent(trxAny, deps, actor, { action: 'hold', outcome: 'allowed', ruleId: 'art23.p2.police-extraction', systemId: e.systemId, keyUnitId: f.keyUnitId, divisionCode: f.divisionCode, detail: { holdId: Number(row.id), source: h.source, sourceId: h.sourceId ?? null, window: h.window } });
  }
  return ids;
}

/** Releases the holds a request placed, when it closes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function releaseHoldsOf(trxAny: any, deps: VaultDeps, actor: VaultActor, source: HoldSource, sourceId: number): Promise<void> {
  await vaultDb(trxAny)
    .updateTable('retentionHolds')
    .set({ releasedAt: deps.clock.now().toISOString(), releasedBy: actor?.userId ?? null })
    .where('source', '=', source)
    .where('sourceId', '=', sourceId)
    .where('releasedAt', 'is', null)
    .execute();
}

// ---------------------------------------------------------------- policies

export interface RetentionPolicy {
  keyUnitId: number | null;
  systemId: number | null;
  action: RetentionAction;
  keepDays: number | null;
  updatedAt: string;
}

/** The policy for a system: its own, else its unit's, else report only. */
export async function policyFor(deps: VaultDeps, systemId: number, keyUnitId: number | null): Promise<RetentionPolicy> {
  const db = vaultDb(deps.db);
  const own = await db.selectFrom('retentionPolicies').selectAll().where('systemId', '=', systemId).executeTakeFirst();
  const unit = own ?? (keyUnitId != null ? await db.selectFrom('retentionPolicies').selectAll().where('keyUnitId', '=', keyUnitId).where('systemId', 'is', null).executeTakeFirst() : undefined);
  if (!unit) return { keyUnitId, systemId, action: 'report', keepDays: null, updatedAt: '' };
  return { keyUnitId: unit.keyUnitId == null ? null : Number(unit.keyUnitId), systemId: unit.systemId == null ? null : Number(unit.systemId), action: unit.action as RetentionAction, keepDays: unit.keepDays, updatedAt: unit.updatedAt };
}

/** Sets a unit's (or one system's) policy; keeping for fewer days than the minimum is refused. */
export async function setPolicy(deps: VaultDeps, actor: VaultActor, p: { keyUnitId: number | null; systemId: number | null; action: RetentionAction; keepDays: number | null; minimumDays: number | null }): Promise<RetentionPolicy> {
  if (p.keepDays != null && p.minimumDays != null && p.keepDays < p.minimumDays) {
    throw ruleError(VaultErrors.JF_VAULT_KEEP_DAYS_BELOW_MINIMUM, 'art23.p2.minimum-retention', { keepDays: p.keepDays, days: p.minimumDays });
  }
  const db = vaultDb(deps.db);
  const now = deps.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    let q = trx.deleteFrom('retentionPolicies');
    q = p.systemId != null ? q.where('systemId', '=', p.systemId) : q.where('keyUnitId', '=', p.keyUnitId).where('systemId', 'is', null);
    await q.execute();
    await trx.insertInto('retentionPolicies').values({ keyUnitId: p.keyUnitId, systemId: p.systemId, action: p.action, keepDays: p.keepDays, updatedAt: now, updatedBy: actor?.userId ?? null }).execute();
  });
  return { keyUnitId: p.keyUnitId, systemId: p.systemId, action: p.action, keepDays: p.keepDays, updatedAt: now };
}

// ---------------------------------------------------------------- sweep

export interface SweepSystemReport {
  systemId: number;
  keyUnitId: number | null;
  divisionCode: string;
  minimumDays: number | null;
  keepDays: number;
  action: RetentionAction;
  cutoff: string;
  /** Recordings past the keep period and not held: what the policy may act on. */
  due: number;
  dueBytes: number;
  /** Recordings past the keep period but covered by an active hold. */
  held: number;
  carriedOut: number;
}

export interface SweepReport {
  at: string;
  execute: boolean;
  systems: SweepSystemReport[];
  totals: { due: number; dueBytes: number; held: number; carriedOut: number };
  /** Milliseconds spent deciding what is due (index range counts, no full scan). */
  decideMs: number;
  executeMs: number;
}

/**
 * One page of the systems that hold recordings, in a scope, by id: the
 * retention and coverage tables show a page at a time, so a city's or the
 * province's thousands of systems are never read at once.
 */
export async function capturedSystemPage(
  deps: VaultDeps,
  opts: { keyUnitId?: number; divisionPrefix?: string; includeRestricted?: boolean; systemId?: number },
  page: { limit: number; offset: number },
): Promise<{ total: number; systemIds: number[] }> {
  let q = vaultDb(deps.db).selectFrom('capturedSystems');
  if (opts.systemId != null) q = q.where('systemId', '=', opts.systemId);
  if (opts.keyUnitId != null) q = q.where('keyUnitId', '=', opts.keyUnitId);
  if (opts.divisionPrefix) q = q.where('divisionCode', 'like', `${opts.divisionPrefix}%`);
  if (opts.includeRestricted === false) q = q.where('restricted', '=', 0);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select('systemId').orderBy('systemId').limit(page.limit).offset(page.offset).execute();
  return { total: Number(total.n), systemIds: rows.map((r) => Number(r.systemId)) };
}

/**
 * The retention sweep (art 23 ¶2). For each system it decides, with one index
 * range per system (`system_id, state, ended_at`), what has reached the keep
 * period (never less than the law's minimum) and is not held; when `execute`
 * is set and the unit's policy says seal or erase, it does so in batches.
 */
export async function sweep(deps: VaultDeps, actor: VaultActor, opts: { execute?: boolean; systemIds?: number[]; keyUnitId?: number; divisionPrefix?: string; batchSize?: number } = {}): Promise<SweepReport> {
  const db = vaultDb(deps.db);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let sq = db.selectFrom('capturedSystems').selectAll().orderBy('systemId');
  if (opts.systemIds) sq = sq.where('systemId', 'in', opts.systemIds.length ? opts.systemIds : [-1]);
  if (opts.keyUnitId != null) sq = sq.where('keyUnitId', '=', opts.keyUnitId);
  if (opts.divisionPrefix) sq = sq.where('divisionCode', 'like', `${opts.divisionPrefix}%`);
  const systems = await sq.execute();
  const t0 = performance.now();
  // Policies and holds are few: read once, not per system.
  const policies = await db.selectFrom('retentionPolicies').selectAll().execute();
  const bySystem = new Map(policies.filter((p) => p.systemId != null).map((p) => [Number(p.systemId), p]));
  const byUnit = new Map(policies.filter((p) => p.systemId == null && p.keyUnitId != null).map((p) => [Number(p.keyUnitId), p]));
  const heldSystems = new Set(
    (
      await db
        .selectFrom('retentionHolds')
        .select('systemId')
        .distinct()
        .where('releasedAt', 'is', null)
        .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', nowIso)]))
        .execute()
    ).map((h) => Number(h.systemId)),
  );
  const minimums = new Map<string, RetentionMinimum | undefined>();
  const plans: (SweepSystemReport & { states: readonly string[] })[] = [];
  for (const s of systems) {
    const systemId = Number(s.systemId);
    const keyUnitId = s.keyUnitId == null ? null : Number(s.keyUnitId);
    // The longest minimum over what the system captures governs the whole system.
    const category = `${s.retentionScope}:${s.art10Item ?? ''}`;
    if (!minimums.has(category)) minimums.set(category, minimumFor(deps, { retentionScope: s.retentionScope, art10Item: s.art10Item, captures: ['video', 'audio'] }));
    const min = minimums.get(category);
    const p = bySystem.get(systemId) ?? (keyUnitId != null ? byUnit.get(keyUnitId) : undefined);
    const action = (p?.action ?? 'report') as RetentionAction;
    const keepDays = effectiveKeepDays(min, p?.keepDays ?? null);
    const cutoff = cutoffFor(now, keepDays);
    const states = sweepTargetStates(action === 'report' ? 'erase' : action);
    // Written as SQL: this runs once per system, and the query builder would cost more than the index range itself.
    const agg = (
      await sql<{ n: number; bytes: number | null }>`select count(*) as n, sum(size) as bytes from captured_segments
        where system_id = ${systemId} and state in (${sql.join(states)}) and ended_at <= ${cutoff}`.execute(deps.db)
    ).rows[0];
    const heldAgg = heldSystems.has(systemId) ? await heldCount(deps, systemId, states, cutoff, nowIso) : { n: 0, bytes: 0 };
    plans.push({
      systemId,
      keyUnitId,
      divisionCode: s.divisionCode,
      minimumDays: min?.days ?? null,
      keepDays,
      action,
      cutoff,
      due: Number(agg.n) - heldAgg.n,
      dueBytes: Number(agg.bytes ?? 0) - heldAgg.bytes,
      held: heldAgg.n,
      carriedOut: 0,
      states,
    });
  }
  const decideMs = performance.now() - t0;
  const t1 = performance.now();
  if (opts.execute) {
    for (const p of plans) {
      if (p.action === 'report' || p.due === 0) continue;
      p.carriedOut = await carryOut(deps, actor, p, opts.batchSize ?? 1000);
    }
  }
  const executeMs = performance.now() - t1;
  const out = plans.map(({ states: _s, ...rest }) => rest);
  return {
    at: nowIso,
    execute: Boolean(opts.execute),
    systems: out,
    totals: out.reduce((a, p) => ({ due: a.due + p.due, dueBytes: a.dueBytes + p.dueBytes, held: a.held + p.held, carriedOut: a.carriedOut + p.carriedOut }), { due: 0, dueBytes: 0, held: 0, carriedOut: 0 }),
    decideMs,
    executeMs,
  };
}

/**
 * Segments past the cutoff that an active hold covers. Holds are few: their
 * windows are merged and each is one small index range; only device-specific
 * holds fall back to testing each segment.
 */
async function heldCount(deps: VaultDeps, systemId: number, states: readonly string[], cutoff: string, now: string): Promise<{ n: number; bytes: number }> {
  const db = vaultDb(deps.db);
  const holds = await db
    .selectFrom('retentionHolds')
    .select(['windowFrom', 'windowTo', 'deviceId'])
    .where('systemId', '=', systemId)
    .where('releasedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .where('windowFrom', '<', cutoff)
    .orderBy('windowFrom')
    .execute();
  if (!holds.length) return { n: 0, bytes: 0 };
  if (holds.some((h) => h.deviceId != null)) {
    const r = await db
      .selectFrom('capturedSegments as s')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('s.size').as('bytes')])
      .where('s.systemId', '=', systemId)
      .where('s.state', 'in', states)
      .where('s.endedAt', '<=', cutoff)
      .where(({ exists, selectFrom }) => exists(heldSubquery(selectFrom, now)))
      .executeTakeFirstOrThrow();
    return { n: Number(r.n), bytes: Number(r.bytes ?? 0) };
  }
  const merged: { from: string; to: string }[] = [];
  for (const h of holds) {
    const last = merged[merged.length - 1];
    if (last && h.windowFrom <= last.to) last.to = h.windowTo > last.to ? h.windowTo : last.to;
    else merged.push({ from: h.windowFrom, to: h.windowTo });
  }
  let n = 0;
  let bytes = 0;
  for (const w of merged) {
    const r = await db
      .selectFrom('capturedSegments')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size').as('bytes')])
      .where('systemId', '=', systemId)
      .where('state', 'in', states)
      .where('endedAt', '>', w.from)
      .where('endedAt', '<=', cutoff)
      .where('startedAt', '<', w.to)
      .executeTakeFirstOrThrow();
    n += Number(r.n);
    bytes += Number(r.bytes ?? 0);
  }
  return { n, bytes };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function heldSubquery(selectFrom: any, now: string) {
  return selectFrom('retentionHolds as h')
    .select(sql.lit(1).as('one'))
    .whereRef('h.systemId', '=', 's.systemId')
    .where('h.releasedAt', 'is', null)
    .where(sql<boolean>`(h.expires_at is null or h.expires_at > ${now})`)
    .where(sql<boolean>`(h.device_id is null or h.device_id = s.device_id)`)
    .whereRef('h.windowFrom', '<', 's.endedAt')
    .whereRef('h.windowTo', '>', 's.startedAt');
}

async function carryOut(deps: VaultDeps, actor: VaultActor, p: SweepSystemReport & { states: readonly string[] }, batchSize: number): Promise<number> {
  const now = deps.clock.now().toISOString();
  let done = 0;
  for (;;) {
    const unlink: string[] = [];
    const n = await deps.db.transaction().execute(async (trxAny) => {
      const trx = vaultDb(trxAny);
      const batch = await trx
        .selectFrom('capturedSegments as s')
        .select(['s.id', 's.sha256'])
        .where('s.systemId', '=', p.systemId)
        .where('s.state', 'in', p.states)
        .where('s.endedAt', '<=', p.cutoff)
        .where(({ not, exists, selectFrom }) => not(exists(heldSubquery(selectFrom, now))))
        .orderBy('s.endedAt')
        .limit(batchSize)
        .execute();
      if (!batch.length) return 0;
      const ids = batch.map((b) => Number(b.id));
      if (p.action === 'seal') {
        await trx.updateTable('capturedSegments').set({ state: 'sealed', sealedAt: now }).where('id', 'in', ids).execute();
      } else {
        await trx.updateTable('capturedSegments').set({ state: 'erased', erasedAt: now, erasedBy: actor?.userId ?? null }).where('id', 'in', ids).execute();
        for (const sha of new Set(batch.map((b) => b.sha256))) if (await dropBlobIfUnreferenced(trxAny, sha)) unlink.push(sha);
      }
      await recordEvent(trxAny, deps, actor, {
        action: p.action === 'seal' ? 'seal' : 'erase',
        outcome: 'allowed',
        ruleId: 'art23.p2.police-extraction',
        systemId: p.systemId,
        keyUnitId: p.keyUnitId,
        divisionCode: p.divisionCode,
        detail: { sweep: true, count: ids.length, firstId: Math.min(...ids), lastId: Math.max(...ids), cutoff: p.cutoff, keepDays: p.keepDays },
      });
      return ids.length;
    });
    for (const s of unlink) await deps.store.remove(s);
    done += n;
    if (n < batchSize) return done;
  }
}

// ---------------------------------------------------------------- coverage

export interface CoverageFinding {
  ruleId: 'art23.p2.minimum-retention';
  systemId: number;
  keyUnitId: number | null;
  divisionCode: string;
  outcome: 'compliant' | 'violation' | 'not_applicable';
  minimumDays: number | null;
  window: Window | null;
  /** Where the kept recordings reach back to. */
  reachesBackTo: string | null;
  configuredRetentionDays: number | null;
  reasons: ('gap' | 'does-not-reach-back' | 'configured-too-short')[];
  gaps: (Gap & { deviceId: number | null })[];
}

/**
 * Whether each system's kept recordings reach back the minimum without gaps
 * (art 23 ¶2). A system first recorded within the window is judged from its
 * first recording; a recorder set to keep fewer days than the minimum (a short
 * disk) is a violation whatever is here.
 */
export async function coverage(deps: VaultDeps, opts: { systemIds?: number[]; keyUnitId?: number; divisionPrefix?: string; includeRestricted?: boolean } = {}): Promise<CoverageFinding[]> {
  const db = vaultDb(deps.db);
  const now = deps.clock.now();
  let sq = db.selectFrom('capturedSystems').selectAll().orderBy('systemId');
  if (opts.systemIds) sq = sq.where('systemId', 'in', opts.systemIds.length ? opts.systemIds : [-1]);
  if (opts.keyUnitId != null) sq = sq.where('keyUnitId', '=', opts.keyUnitId);
  if (opts.divisionPrefix) sq = sq.where('divisionCode', 'like', `${opts.divisionPrefix}%`);
  if (opts.includeRestricted === false) sq = sq.where('restricted', '=', 0);
  const out: CoverageFinding[] = [];
  for (const s of await sq.execute()) {
    const systemId = Number(s.systemId);
    const min = minimumFor(deps, { retentionScope: s.retentionScope, art10Item: s.art10Item, captures: ['video', 'audio'] });
    const facts = await deps.directory.getSystem(systemId);
    const base = { ruleId: 'art23.p2.minimum-retention' as const, systemId, keyUnitId: s.keyUnitId == null ? null : Number(s.keyUnitId), divisionCode: s.divisionCode, configuredRetentionDays: facts?.configuredRetentionDays ?? null };
    if (!min) {
      out.push({ ...base, outcome: 'not_applicable', minimumDays: null, window: null, reachesBackTo: null, reasons: [], gaps: [] });
      continue;
    }
    const windowFrom = iso(Math.max(now.getTime() - min.days * DAY_MS, ms(s.firstCapturedAt)));
    const window = { from: windowFrom, to: now.toISOString() };
    const spans = await db
      .selectFrom('capturedSegments')
      .select(['deviceId', 'startedAt', 'endedAt'])
      .where('systemId', '=', systemId)
      .where('state', '!=', 'erased')
      .where('endedAt', '>', window.from)
      .execute();
    const byDevice = new Map<number | null, { startedAt: string; endedAt: string }[]>();
    for (const r of spans) {
      const k = r.deviceId == null ? null : Number(r.deviceId);
      if (!byDevice.has(k)) byDevice.set(k, []);
      byDevice.get(k)!.push(r);
    }
    if (!byDevice.size) byDevice.set(null, []);
    const gaps: CoverageFinding['gaps'] = [];
    for (const [deviceId, list] of byDevice) for (const g of findGaps(list, window.from, window.to, deps.settings.gapToleranceSeconds)) gaps.push({ ...g, deviceId });
    const oldest = await db.selectFrom('capturedSegments').select((eb) => eb.fn.min<string>('startedAt').as('m')).where('systemId', '=', systemId).where('state', '!=', 'erased').executeTakeFirst();
    const reasons: CoverageFinding['reasons'] = [];
    if (gaps.length) reasons.push('gap');
    if (gaps.some((g) => g.from === window.from)) reasons.push('does-not-reach-back');
    if (base.configuredRetentionDays != null && base.configuredRetentionDays < min.days) reasons.push('configured-too-short');
    out.push({ ...base, outcome: reasons.length ? 'violation' : 'compliant', minimumDays: min.days, window, reachesBackTo: oldest?.m ?? null, reasons, gaps });
  }
  return out;
}

