import type { ListScope } from '../access/index.js';
import type { VaultDeps } from './context.js';
import type { CaptureKind, SegmentState } from './domain/types.js';
import { VaultErrors } from './errors.js';
import { AppError } from '../shared/errors.js';
import { vaultDb, type CapturedSegmentsTable } from './tables.js';
import type { Selectable } from 'kysely';
import type { ListOrder, ListPage } from './domain/list.js';

/** One recording as the API shows it: metadata only, never the bytes. */
export interface Segment {
  id: number;
  systemId: number;
  deviceId: number | null;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: boolean;
  retentionScope: string;
  captureKind: CaptureKind;
  startedAt: string;
  endedAt: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string | null;
  source: string;
  state: SegmentState;
  ingestedAt: string;
  sealedAt: string | null;
  erasedAt: string | null;
}

export function toSegment(r: Selectable<CapturedSegmentsTable>): Segment {
  return {
    id: Number(r.id),
    systemId: Number(r.systemId),
    deviceId: r.deviceId == null ? null : Number(r.deviceId),
    keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
    divisionCode: r.divisionCode,
    restricted: Boolean(r.restricted),
    retentionScope: r.retentionScope,
    captureKind: r.captureKind as CaptureKind,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    sha256: r.sha256,
    size: Number(r.size),
    mediaType: r.mediaType,
    originalName: r.originalName,
    source: r.source,
    state: r.state as SegmentState,
    ingestedAt: r.ingestedAt,
    sealedAt: r.sealedAt,
    erasedAt: r.erasedAt,
  };
}

export async function getSegment(deps: VaultDeps, id: number): Promise<Segment> {
  const r = await vaultDb(deps.db).selectFrom('capturedSegments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError(VaultErrors.JF_VAULT_SEGMENT_NOT_FOUND, { params: { id } });
  return toSegment(r);
}

export interface SegmentQuery {
  systemId?: number;
  deviceId?: number;
  from?: string;
  to?: string;
  state?: SegmentState;
  limit?: number;
  /** Keyset paging: segments after this id in the order returned. */
  afterId?: number;
}

/** How the list of recordings sorts: by the start of the recording (the default) or by id; ties break by id. */
export const SEGMENT_SORTS = ['started', 'id'] as const;
export type SegmentSort = (typeof SEGMENT_SORTS)[number];
const SEGMENT_SORT_COLUMNS = { started: 'startedAt', id: 'id' } as const satisfies Record<SegmentSort, string>;

export interface SegmentPageQuery extends Omit<SegmentQuery, 'limit'> {
  sort?: SegmentSort;
  order?: ListOrder;
  /** At most 200 a page; 50 by default. */
  limit?: number;
  offset?: number;
}

/**
 * Codes within a division prefix (GB/T 2260: "21" Liaoning, "2101" Shenyang,
 * "210102" Heping) as an index range rather than a `LIKE`, which neither
 * engine serves from an ordinary index: a county is its own code, a city or
 * the province the codes from its prefix up to the next prefix.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function inDivision<Q extends { where: (...a: any[]) => Q }>(qb: Q, prefix: string): Q {
  if (!/^\d{1,6}$/.test(prefix)) return qb.where('divisionCode', 'like', `${prefix.replace(/[%_\\]/g, '')}%`);
  if (prefix.length === 6) return qb.where('divisionCode', '=', prefix);
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  const from = qb.where('divisionCode', '>=', prefix);
  return next.length > prefix.length ? from : from.where('divisionCode', '<', next);
}

/** The recordings the policy's list scope lets the caller see, narrowed by the filters; `null` when it lets them see none. */
function segmentsIn(deps: VaultDeps, scope: ListScope, q: Omit<SegmentQuery, 'limit'>) {
  if (scope.kind === 'none' || scope.kind === 'provider') return null;
  let qb = vaultDb(deps.db).selectFrom('capturedSegments');
  if (scope.kind === 'division') qb = inDivision(qb, scope.prefix);
  if (scope.kind === 'key-unit') qb = qb.where('keyUnitId', '=', scope.keyUnitId);
  if (!scope.includeRestricted) qb = qb.where('restricted', '=', 0);
  if (q.systemId != null) qb = qb.where('systemId', '=', q.systemId);
  if (q.deviceId != null) qb = qb.where('deviceId', '=', q.deviceId);
  if (q.from) qb = qb.where('endedAt', '>', q.from);
  if (q.to) qb = qb.where('startedAt', '<', q.to);
  if (q.state) qb = qb.where('state', '=', q.state);
  if (q.afterId != null) qb = qb.where('id', '<', q.afterId);
  return qb;
}

/** Recordings the caller may list, newest capture first, filtered in SQL by the policy's scope. */
export async function listSegments(deps: VaultDeps, scope: ListScope, q: SegmentQuery): Promise<Segment[]> {
  const qb = segmentsIn(deps, scope, q);
  if (!qb) return [];
  const rows = await qb.selectAll().orderBy('id', 'desc').limit(Math.min(q.limit ?? 100, 1000)).execute();
  return rows.map(toSegment);
}

/**
 * One page of the recordings the caller may list and how many the filters
 * find: newest recording first unless asked otherwise. The scope and the
 * filters are SQL, so a page never reads more than it shows.
 */
export async function pageSegments(deps: VaultDeps, scope: ListScope, q: SegmentPageQuery): Promise<ListPage<Segment>> {
  const qb = segmentsIn(deps, scope, q);
  if (!qb) return { total: 0, items: [] };
  const { total } = await qb.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const order = q.order ?? 'desc';
  const rows = await qb
    .selectAll()
    .orderBy(SEGMENT_SORT_COLUMNS[q.sort ?? 'started'], order)
    .orderBy('id', order)
    .limit(Math.min(q.limit ?? 50, 200))
    .offset(q.offset ?? 0)
    .execute();
  return { total: Number(total), items: rows.map(toSegment) };
}
