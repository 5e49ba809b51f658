import { createHash, randomBytes } from 'node:crypto';
import { isAllowed } from '../access/index.js';
import { AppError } from '../shared/errors.js';
import { getAccessRequest, partiesOf } from './access-requests.js';
import type { VaultActor, VaultDeps } from './context.js';
import type { VaultRuleId } from './domain/rules.js';
import { inScope, overlaps } from './domain/scope.js';
import { iso } from './domain/time.js';
import type { GrantKind, Purpose, ScopeEntry, Window } from './domain/types.js';
import { VaultErrors } from './errors.js';
import { recordEvent, refuse, ruleError } from './events.js';
import { getSegment, type Segment } from './segments.js';
import { vaultDb } from './tables.js';
import { getVisitGrant } from './viewing.js';
import { getEvidenceGrant } from './evidence.js';

/** A lawful path to content, whatever article opened it. */
export interface Grant {
  kind: GrantKind;
  id: number;
  purposes: Purpose[];
  scope: ScopeEntry[];
  window: Window;
  validUntil: string;
  /** Accounts that may act under it; `unitId` instead for a visit at the capturing unit. */
  holders: number[];
  unitId: number | null;
  /** When the grant names recordings one by one (a visit, an evidence package). */
  segmentIds: number[] | null;
  /** The rule that limits it: art 24 ¶1 (4), art 24 ¶2, art 25 ¶1 (4), art 25 ¶2. */
  scopeRule: VaultRuleId;
  active: boolean;
}

export interface GrantRef {
  kind: GrantKind;
  id: number;
}

const PURPOSE_WORDS: Record<Purpose, { zh: string; en: string }> = {
  view: { zh: '查看', en: 'viewed' },
  copy: { zh: '复制', en: 'copied' },
  use: { zh: '使用', en: 'used' },
};

export async function resolveGrant(deps: VaultDeps, ref: GrantRef): Promise<Grant | null> {
  try {
    if (ref.kind === 'access-request') {
      const v = await getAccessRequest(deps, ref.id);
      const active = v.state === 'granted' || v.state === 'active';
      return {
        kind: 'access-request',
        id: v.id,
        purposes: v.purposes,
        scope: v.scope,
        window: v.window,
        validUntil: v.validUntil,
        holders: v.kind === 'official' ? v.officers.map((o) => o.userId) : partiesOf(v),
        unitId: null,
        segmentIds: null,
        scopeRule: v.kind === 'official' ? 'art24.p1.scope' : 'art24.p2.emergency',
        active,
      };
    }
    if (ref.kind === 'viewing-visit') return await getVisitGrant(deps, ref.id);
    return await getEvidenceGrant(deps, ref.id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  }
}

/**
 * Decides whether `actor` may view or copy one recording under a grant, and
 * records the outcome either way (art 11(3) 登记; art 22; art 24 ¶1 (4); art 25).
 * Without a grant there is no path: a view is unlawful use (art 22 (1)), a copy
 * unlawful copying (art 22 (3)).
 */
export async function authorizeContent(deps: VaultDeps, actor: VaultActor, segmentId: number, purpose: Purpose, ref: GrantRef | null, opts: { record?: boolean } = {}): Promise<{ segment: Segment; grant: Grant }> {
  const segment = await getSegment(deps, segmentId);
  const words = PURPOSE_WORDS[purpose];
  const action = purpose === 'copy' ? 'copy' : purpose === 'use' ? 'use' : 'view';
  const ctx = { action, systemId: segment.systemId, segmentId: segment.id, keyUnitId: segment.keyUnitId, divisionCode: segment.divisionCode, grant: ref } as const;
  const noGrantRule: VaultRuleId = purpose === 'copy' ? 'art22.i3.copy-without-grant' : 'art22.i1.use-without-grant';
  const fail = async (e: AppError, detail?: Record<string, unknown>) => refuse(deps, actor, { ...ctx, detail }, e);
  if (segment.state === 'erased') throw new AppError(VaultErrors.JF_VAULT_SEGMENT_ERASED, { params: { id: segment.id } });

  const grant = ref ? await resolveGrant(deps, ref) : null;
  const isHolder = grant != null && actor != null && (grant.unitId != null ? actor.role === 'key_unit' && actor.keyUnitId === grant.unitId : grant.holders.includes(actor.userId));
  if (!grant || !isHolder) {
    throw await fail(ruleError(VaultErrors.JF_VAULT_NO_GRANT, noGrantRule, { action: words.zh, actionEn: words.en }), { reason: grant ? 'not-a-holder' : 'no-grant' });
  }
  // The policy: which accounts may ever hold content, and never a restricted system's for those who may not see it (art 19).
  const policyRef = { kind: 'captured-content' as const, divisionCode: segment.divisionCode, keyUnitId: segment.keyUnitId, restricted: segment.restricted, parties: grant.holders };
  if (!isAllowed(actor, purpose === 'copy' ? 'export' : 'read', policyRef)) {
    throw await fail(ruleError(VaultErrors.JF_VAULT_NO_GRANT, segment.restricted ? 'art19.restricted' : noGrantRule, { action: words.zh, actionEn: words.en }), { reason: 'policy' });
  }
  const now = deps.clock.now().toISOString();
  if (!grant.active) {
    throw await fail(ruleError(VaultErrors.JF_VAULT_NO_GRANT, noGrantRule, { action: words.zh, actionEn: words.en }), { reason: 'not-active' });
  }
  if (grant.validUntil <= now) {
    throw await fail(ruleError(VaultErrors.JF_VAULT_GRANT_EXPIRED, grant.scopeRule, { until: grant.validUntil }));
  }
  if (!grant.purposes.includes(purpose)) {
    throw await fail(ruleError(VaultErrors.JF_VAULT_PURPOSE_NOT_GRANTED, purpose === 'copy' ? 'art22.i3.copy-without-grant' : grant.scopeRule, { purpose: words.zh, purposeEn: purpose }));
  }
  const outside = (zh: string, en: string) => fail(ruleError(VaultErrors.JF_VAULT_OUTSIDE_SCOPE, grant.scopeRule, { reason: zh, reasonEn: en }));
  if (grant.segmentIds ? !grant.segmentIds.includes(segment.id) : !inScope(grant.scope, segment)) {
    throw await outside('该采获信息不在授权的系统或设备范围内', 'this recording is not from a system or device the grant covers');
  }
  if (!overlaps(segment, grant.window)) {
    throw await outside(`该采获信息不在授权的时间段 ${grant.window.from} 至 ${grant.window.to} 内`, `this recording lies outside the granted window ${grant.window.from} to ${grant.window.to}`);
  }
  if (opts.record !== false) {
    await deps.db.transaction().execute((trx) => recordEvent(trx, deps, actor, { ...ctx, outcome: 'allowed', ruleId: grant.scopeRule, grant: { kind: grant.kind, id: grant.id } }));
  }
  return { segment, grant };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface PlaybackTicket {
  ticket: string;
  expiresAt: string;
  watermark: string;
  segment: Segment;
}

/** The text the player lays over the picture: who watches, under which grant, when. */
export function watermarkFor(actor: NonNullable<VaultActor>, grant: GrantRef, at: string): string {
  return `${actor.username} · ${grant.kind}#${grant.id} · ${at.slice(0, 19).replace('T', ' ')}Z · 仅限依法查看 For lawful viewing only`;
}

/**
 * Opens a recording for playback: the view is decided and recorded once, here;
 * the ticket then serves the browser's range requests until it, or the grant,
 * runs out. The file is never altered (art 22 (3)): the watermark naming the
 * viewer is laid over it by the player.
 */
export async function openPlayback(deps: VaultDeps, actor: NonNullable<VaultActor>, segmentId: number, ref: GrantRef): Promise<PlaybackTicket> {
  const { segment, grant } = await authorizeContent(deps, actor, segmentId, 'view', ref);
  const now = deps.clock.now();
  const ticket = randomBytes(24).toString('base64url');
  const expiresAt = iso(Math.min(now.getTime() + deps.settings.ticketMinutes * 60_000, new Date(grant.validUntil).getTime()));
  const watermark = watermarkFor(actor, ref, now.toISOString());
  await vaultDb(deps.db)
    .insertInto('playbackTickets')
    .values({ tokenHash: sha(ticket), userId: actor.userId, segmentId, grantKind: ref.kind, grantId: ref.id, watermark, createdAt: now.toISOString(), expiresAt })
    .execute();
  return { ticket, expiresAt, watermark, segment };
}

/** Checks a playback ticket for one range request: same viewer, same recording, ticket and grant still valid. */
export async function checkTicket(deps: VaultDeps, actor: NonNullable<VaultActor>, segmentId: number, ticket: string): Promise<{ segment: Segment; watermark: string }> {
  const t = await vaultDb(deps.db).selectFrom('playbackTickets').selectAll().where('tokenHash', '=', sha(ticket)).executeTakeFirst();
  const now = deps.clock.now().toISOString();
  if (!t || Number(t.userId) !== actor.userId || Number(t.segmentId) !== segmentId || t.expiresAt <= now) throw new AppError(VaultErrors.JF_VAULT_TICKET_INVALID);
  const grant = await resolveGrant(deps, { kind: t.grantKind as GrantKind, id: Number(t.grantId) });
  if (!grant || !grant.active || grant.validUntil <= now) throw new AppError(VaultErrors.JF_VAULT_TICKET_INVALID);
  return { segment: await getSegment(deps, segmentId), watermark: t.watermark };
}

/** Art 22 (3) 删改: there is no way to change a recording's content; the attempt is refused and recorded. */
export async function refuseAlteration(deps: VaultDeps, actor: VaultActor, segmentId: number): Promise<never> {
  const segment = await getSegment(deps, segmentId);
  throw await refuse(
    deps,
    actor,
    { action: 'alter', systemId: segment.systemId, segmentId, keyUnitId: segment.keyUnitId, divisionCode: segment.divisionCode },
    ruleError(VaultErrors.JF_VAULT_ALTER_FORBIDDEN, 'art22.i3.alter'),
  );
}
