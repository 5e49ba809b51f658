import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { divisionPrefix, listScope, type Actor, type ResourceKind } from '../access/index.js';
import { findDivision } from '../shared/standards/gb2260.js';
import type { OperationsDeps } from './context.js';
import type { OperatingStatus } from './domain/kinds.js';
import { authorizedSystem } from './systems.js';
import { iso, isoOrNull } from './tables.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect = SelectQueryBuilder<any, any, any>;

export const MAX_OPERATIONS_PAGE = 100;

export interface StatusRow {
  systemId: number;
  systemName: string;
  keyUnitId: number | null;
  keyUnitName: string | null;
  divisionCode: string;
  divisionName: string | null;
  status: OperatingStatus;
  since: string | null;
  lastReportAt: string | null;
  lastKind: string | null;
  openAlertId: number | null;
}

export interface StatusQuery {
  status?: OperatingStatus[];
  divisionCode?: string;
  keyUnitId?: number;
  q?: string;
  sort?: 'name' | 'status' | 'lastReportAt' | 'since';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A place as a range of six-digit codes: a county itself, a city or the province by prefix. */
function inPlace(qb: AnySelect, column: string, code: string): AnySelect {
  const prefix = divisionPrefix(code);
  if (prefix.length === 6) return qb.where(column, '=', prefix);
  return qb.where(column, '>=', prefix).where(column, '<', String(Number(prefix) + 1));
}

/** The rows of `kind` the policy lets the caller list: its jurisdiction, its own unit, or all. */
function scoped(qb: AnySelect, actor: Actor | null, kind: ResourceKind, t: string): AnySelect | null {
  const scope = listScope(actor, 'read', kind);
  if (scope.kind === 'none' || scope.kind === 'provider') return null;
  let q = qb;
  if (!scope.includeRestricted) q = q.where(`${t}.restricted`, '=', 0);
  if (scope.kind === 'division') q = inPlace(q, `${t}.divisionCode`, scope.prefix.padEnd(6, '0'));
  if (scope.kind === 'key-unit') q = q.where(`${t}.keyUnitId`, '=', scope.keyUnitId);
  return q;
}

const pageOf = (limit?: number, offset?: number) => ({ limit: Math.min(Math.max(limit ?? 50, 1), MAX_OPERATIONS_PAGE), offset: Math.max(offset ?? 0, 0) });

/**
 * Every registered system the caller may see with its operating status: one
 * never heard from is `never`. Filtered by status, place, unit and name;
 * sorted; a page at a time.
 */
export async function listStatus(deps: OperationsDeps, actor: Actor | null, q: StatusQuery): Promise<PageOf<StatusRow>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = deps.db as Kysely<any>;
  const { limit, offset } = pageOf(q.limit, q.offset);
  let base: AnySelect | null = db.selectFrom('securitySystems as s').leftJoin('operationStatus as o', 'o.systemId', 's.id');
  // Systems carry their own art 19 flag and place; the policy's scope on operation records applies to them.
  base = scoped(base!, actor, 'operation-record', 's');
  if (!base) return { items: [], total: 0, limit, offset };
  if (q.divisionCode) base = inPlace(base, 's.divisionCode', q.divisionCode);
  if (q.keyUnitId) base = base.where('s.keyUnitId', '=', q.keyUnitId);
  if (q.q?.trim()) base = base.where('s.name', 'like', `%${q.q.trim().replace(/[%_\\]/g, '')}%`);
  if (q.status?.length) {
    const known = q.status.filter((x) => x !== 'never');
    base = base.where((eb) => {
      const ors = [];
      if (known.length) ors.push(eb('o.status', 'in', known));
      if (q.status!.includes('never')) ors.push(eb('o.systemId', 'is', null));
      return eb.or(ors);
    });
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  const sortCol = { name: 's.name', status: 'o.status', lastReportAt: 'o.lastReportAt', since: 'o.since' }[q.sort ?? 'name'];
  const rows = await base
    .leftJoin('keyUnits as u', 'u.id', 's.keyUnitId')
    .select(['s.id as systemId', 's.name as systemName', 's.keyUnitId', 'u.name as keyUnitName', 's.divisionCode', 'o.status', 'o.since', 'o.lastReportAt', 'o.lastKind'])
    .select((eb) =>
      eb
        .selectFrom('operationAlerts as a')
        .select((e2) => e2.fn.min('a.id').as('x'))
        .whereRef('a.systemId', '=', 's.id')
        .where('a.clearedAt', 'is', null)
        .as('openAlertId'),
    )
    .orderBy(sql.ref(sortCol), dir)
    .orderBy('s.id', dir)
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    items: rows.map((r) => ({
      systemId: Number(r.systemId),
      systemName: String(r.systemName),
      keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
      keyUnitName: r.keyUnitName == null ? null : String(r.keyUnitName),
      divisionCode: String(r.divisionCode),
      divisionName: findDivision(String(r.divisionCode))?.name ?? null,
      status: (r.status ?? 'never') as OperatingStatus,
      since: isoOrNull(r.since),
      lastReportAt: isoOrNull(r.lastReportAt),
      lastKind: r.lastKind == null ? null : String(r.lastKind),
      openAlertId: r.openAlertId == null ? null : Number(r.openAlertId),
    })),
    total,
    limit,
    offset,
  };
}

export interface RecordRow {
  id: number;
  batchId: number;
  systemId: number;
  deviceId: number | null;
  kind: string;
  occurredAt: string;
  receivedAt: string;
  via: string;
  detail: string | null;
  digest: string;
}

export interface SystemRecords extends PageOf<RecordRow> {
  system: { id: number; name: string; divisionCode: string; keyUnitId: number | null };
  status: { status: OperatingStatus; since: string | null; lastReportAt: string | null };
}

export interface RecordsQuery {
  kind?: string;
  sort?: 'occurredAt';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** One system's operation records by when they occurred, newest first unless asked otherwise, a page at a time. */
export async function listRecords(deps: OperationsDeps, actor: Actor | null, systemId: number, q: RecordsQuery): Promise<SystemRecords> {
  const s = await authorizedSystem(deps, actor, systemId, 'operation-record', 'read');
  const { limit, offset } = pageOf(q.limit, q.offset);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = deps.db as Kysely<any>;
  let base = db.selectFrom('operationRecords').where('systemId', '=', systemId);
  if (q.kind) base = base.where('kind', '=', q.kind);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  // Served by operation_records_system_idx (system, time); records of the same moment in the order they came.
  const dir = q.order === 'asc' ? 'asc' : 'desc';
  const rows = await base.selectAll().orderBy('occurredAt', dir).orderBy('id', dir).limit(limit).offset(offset).execute();
  const st = await db.selectFrom('operationStatus').selectAll().where('systemId', '=', systemId).executeTakeFirst();
  return {
    system: { id: s.id, name: s.name, divisionCode: s.divisionCode, keyUnitId: s.keyUnitId },
    status: { status: (st?.status ?? 'never') as OperatingStatus, since: isoOrNull(st?.since), lastReportAt: isoOrNull(st?.lastReportAt) },
    items: rows.map((r) => ({
      id: Number(r.id),
      batchId: Number(r.batchId),
      systemId: Number(r.systemId),
      deviceId: r.deviceId == null ? null : Number(r.deviceId),
      kind: String(r.kind),
      occurredAt: iso(r.occurredAt),
      receivedAt: iso(r.receivedAt),
      via: String(r.via),
      detail: r.detail == null ? null : String(r.detail),
      digest: String(r.digest),
    })),
    total,
    limit,
    offset,
  };
}

export interface AlertRow {
  id: number;
  systemId: number;
  systemName: string;
  keyUnitId: number | null;
  divisionCode: string;
  divisionName: string | null;
  kind: string;
  raisedAt: string;
  clearedAt: string | null;
  caseId: number | null;
}

export interface AlertQuery {
  open?: boolean;
  kind?: string;
  divisionCode?: string;
  systemId?: number;
  sort?: 'raisedAt' | 'system' | 'kind';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/**
 * Alerts the caller may see, newest first unless sorted by system or kind
 * (newest first within each): open ones are still running (no report since).
 */
export async function listAlerts(deps: OperationsDeps, actor: Actor | null, q: AlertQuery): Promise<PageOf<AlertRow>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = deps.db as Kysely<any>;
  const { limit, offset } = pageOf(q.limit, q.offset);
  let base = scoped(db.selectFrom('operationAlerts as a'), actor, 'operation-alert', 'a');
  if (!base) return { items: [], total: 0, limit, offset };
  if (q.open === true) base = base.where('a.clearedAt', 'is', null);
  if (q.open === false) base = base.where('a.clearedAt', 'is not', null);
  if (q.kind) base = base.where('a.kind', '=', q.kind);
  if (q.divisionCode) base = inPlace(base, 'a.divisionCode', q.divisionCode);
  if (q.systemId) base = base.where('a.systemId', '=', q.systemId);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .leftJoin('securitySystems as s', 's.id', 'a.systemId')
    .select(['a.id', 'a.systemId', 's.name as systemName', 'a.keyUnitId', 'a.divisionCode', 'a.kind', 'a.raisedAt', 'a.clearedAt', 'a.caseId'])
    .$call((qb) => {
      const sort = q.sort ?? 'raisedAt';
      if (sort === 'raisedAt') {
        const dir = q.order ?? 'desc';
        return qb.orderBy('a.raisedAt', dir).orderBy('a.id', dir);
      }
      // Two systems of one name stay apart; within a system or a kind, newest first.
      const grouped = sort === 'system' ? qb.orderBy('s.name', q.order ?? 'asc').orderBy('a.systemId', q.order ?? 'asc') : qb.orderBy('a.kind', q.order ?? 'asc');
      return grouped.orderBy('a.raisedAt', 'desc').orderBy('a.id', 'desc');
    })
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      systemId: Number(r.systemId),
      systemName: String(r.systemName ?? r.systemId),
      keyUnitId: r.keyUnitId == null ? null : Number(r.keyUnitId),
      divisionCode: String(r.divisionCode),
      divisionName: findDivision(String(r.divisionCode))?.name ?? null,
      kind: String(r.kind),
      raisedAt: iso(r.raisedAt),
      clearedAt: isoOrNull(r.clearedAt),
      caseId: r.caseId == null ? null : Number(r.caseId),
    })),
    total,
    limit,
    offset,
  };
}
