import { appendEvent, digestOfRecord } from '../ledger/index.js';
import type { Actor } from '../access/index.js';
import { AppError, validationError, type FieldIssue } from '../shared/errors.js';
import { bi } from '../shared/text.js';
import type { OperationsDeps } from './context.js';
import { effectOf, RECORD_KINDS, RECORDS_RULE_ID, type AlertKind, type RecordKind, type Via } from './domain/kinds.js';
import { OperationsErrors } from './errors.js';
import { authorizedSystem, deviceSystem, systemFacts, type SystemFacts } from './systems.js';
import { opsDb, type OpsTrx } from './tables.js';

/** One record as a device or an uploaded log states it. */
export interface RecordInput {
  kind: string;
  /** ISO-8601 with a zone. */
  occurredAt: string;
  deviceId?: number | null;
  /** Free text from the device's log (at most 500 characters). */
  detail?: string | null;
}

export interface IngestResult {
  batchId: number;
  records: number;
  digest: string;
  status: string;
  alertsRaised: number;
  alertsCleared: number;
}

/** Who sent a batch: an account (upload), or a device identified by its GB/T 28181 id. */
export type Sender = { kind: 'user'; actor: Actor } | { kind: 'device'; gbId: string } | { kind: 'operator' };

const MAX_DETAIL = 500;
/** Who the ledger names for an operator's ingest at the command line, which no account makes. */
const OPERATOR_REF = 'operator:cli';
/** The detail of the record the platform adds when a report ends an outage. */
const RESTORED_DETAIL = 'recorded by the platform: a report after an outage';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Every problem of a batch, each naming its row and the rule it broke: nothing is written while any remains. */
export function checkRecords(records: readonly RecordInput[], now: Date, deps: Pick<OperationsDeps, 'settings'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!records.length) issues.push({ field: 'records', rule: 'not-empty', message: bi('运行记录为空', 'There are no operation records') });
  if (records.length > deps.settings.maxRecordsPerBatch) {
    issues.push({ field: 'records', rule: 'max-items', message: bi(`一次最多${deps.settings.maxRecordsPerBatch}条运行记录`, `At most ${deps.settings.maxRecordsPerBatch} operation records at once`) });
    return issues;
  }
  const latest = now.getTime() + deps.settings.clockSkewSeconds * 1000;
  records.forEach((r, i) => {
    const row = i + 1;
    if (!RECORD_KINDS.includes(r.kind as RecordKind)) {
      issues.push({ row, field: 'kind', rule: 'enum', message: bi(`记录类型“${r.kind ?? ''}”无效，应为：${RECORD_KINDS.join('、')}`, `Record kind "${r.kind ?? ''}" is not one of ${RECORD_KINDS.join(', ')}`) });
    }
    const t = typeof r.occurredAt === 'string' && ISO.test(r.occurredAt) ? Date.parse(r.occurredAt) : NaN;
    if (!Number.isFinite(t)) {
      issues.push({ row, field: 'occurredAt', rule: 'iso-8601', message: bi('发生时间应为带时区的ISO 8601时间，如 2026-06-01T08:00:00+08:00', 'The time it occurred must be ISO 8601 with a zone, e.g. 2026-06-01T08:00:00+08:00') });
    } else if (t > latest) {
      issues.push({ row, field: 'occurredAt', rule: 'not-in-future', message: bi('发生时间不能晚于接收时间', 'The time it occurred cannot be later than now') });
    }
    if (r.deviceId != null && (!Number.isInteger(r.deviceId) || r.deviceId < 1)) {
      issues.push({ row, field: 'deviceId', rule: 'integer', message: bi('设备编号应为正整数', 'The device id must be a positive integer') });
    }
    if (r.detail != null && (typeof r.detail !== 'string' || r.detail.length > MAX_DETAIL)) {
      issues.push({ row, field: 'detail', rule: 'max-length', message: bi(`说明最多${MAX_DETAIL}个字符`, `The detail holds at most ${MAX_DETAIL} characters`) });
    }
  });
  return issues;
}

/** The digest of one record: what the ledger's batch digest covers (art 21 ¶1 (4)). */
export function recordDigest(r: { systemId: number; deviceId: number | null; kind: string; occurredAt: string; via: string; detail: string | null }): string {
  return digestOfRecord({ systemId: r.systemId, deviceId: r.deviceId, kind: r.kind, occurredAt: r.occurredAt, via: r.via, detail: r.detail });
}

/** The digest of a batch: its system, how it came, and its records' digests in order. */
export function batchDigest(systemId: number, via: string, recordDigests: readonly string[]): string {
  return digestOfRecord({ systemId, via, records: recordDigests });
}

/**
 * Takes in a batch of operation records for one system, all or nothing:
 * every record is checked first (and each device must belong to the system);
 * then, in one transaction, the batch and its records are stored, the
 * system's status follows the latest record, alerts are raised or cleared,
 * and one ledger leaf whose digest covers the batch is queued (art 21 ¶1 (4):
 * a later change to any record no longer matches the ledger).
 */
export async function ingestRecords(deps: OperationsDeps, sender: Sender, systemId: number, via: Via, input: readonly RecordInput[]): Promise<IngestResult> {
  const p = await prepareBatch(deps, sender, systemId, via, input);
  return opsDb(deps.db)
    .transaction()
    .execute((trx) => writeBatch(trx, p));
}

/** A batch checked and ready to write: nothing about it can be refused any more. */
export interface PreparedBatch {
  sender: Sender;
  system: SystemFacts;
  via: Via;
  receivedAt: string;
  records: { kind: RecordKind; occurredAt: string; deviceId: number | null; detail: string | null }[];
}

/**
 * Several checked batches in one transaction, as the GB/T 28181 listener
 * gathers keepalives arriving together: one commit for many. Each batch keeps
 * its own records and leaf. Should the shared transaction fail, each batch is
 * written again in a transaction of its own, so one cannot sink the others.
 */
export async function writeBatches(deps: OperationsDeps, batches: readonly PreparedBatch[]): Promise<(IngestResult | Error)[]> {
  const db = opsDb(deps.db);
  if (batches.length > 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const out: IngestResult[] = [];
        for (const b of batches) out.push(await writeBatch(trx, b));
        return out;
      });
    } catch {
      // One by one below.
    }
  }
  const out: (IngestResult | Error)[] = [];
  for (const b of batches) {
    try {
      out.push(await db.transaction().execute((trx) => writeBatch(trx, b)));
    } catch (e) {
      out.push(e instanceof Error ? e : new Error(String(e)));
    }
  }
  return out;
}

/** Checks a batch before anything is written: the system, the caller's right, every record. */
export async function prepareBatch(deps: OperationsDeps, sender: Sender, systemId: number, via: Via, input: readonly RecordInput[]): Promise<PreparedBatch> {
  const now = deps.clock.now();
  let system: SystemFacts | undefined;
  if (sender.kind === 'user') system = await authorizedSystem(deps, sender.actor, systemId, 'operation-record', 'create');
  else system = await systemFacts(deps.db, deps.dialect, systemId);
  if (!system) throw new AppError(OperationsErrors.JF_OPS_UNKNOWN_SYSTEM, { params: { systemId } });

  const issues = checkRecords(input, now, deps);
  const devices = [...new Set(input.map((r) => r.deviceId).filter((d): d is number => d != null && Number.isInteger(d) && d > 0))];
  for (const d of devices) {
    if ((await deviceSystem(deps.db, deps.dialect, d)) !== systemId) {
      input.forEach((r, i) => {
        if (r.deviceId === d) issues.push({ row: i + 1, field: 'deviceId', rule: 'device-of-system', message: bi(`设备${d}不属于技防系统${systemId}`, `Device ${d} does not belong to security system ${systemId}`) });
      });
    }
  }
  if (issues.length) throw validationError(issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const receivedAt = now.toISOString();
  const records = input
    .map((r) => ({ kind: r.kind as RecordKind, occurredAt: new Date(r.occurredAt).toISOString(), deviceId: r.deviceId ?? null, detail: r.detail?.trim() || null }))
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  return { sender, system, via, receivedAt, records };
}

/** Writes a checked batch in `trx`: records, status, alerts and the batch's ledger leaf together. */
export async function writeBatch(trx: OpsTrx, p: PreparedBatch): Promise<IngestResult> {
  const { sender, via, receivedAt, records } = p;
  const s = p.system;
  const systemId = s.id;
  const receivedBy = sender.kind === 'user' ? sender.actor.userId : null;
  const current = await trx.selectFrom('operationStatus').selectAll().where('systemId', '=', systemId).executeTakeFirst();
  let status = current?.status ?? null;
  let since = current ? String(current.since) : null;
  let lastReportAt = current ? new Date(current.lastReportAt as unknown as string).toISOString() : null;
  let lastKind = current?.lastKind ?? null;
  let keepalive = current?.keepalive ?? 0;
  // The platform's own record when a report ends an outage: the outage's end is on record too.
  const rows: { kind: RecordKind; occurredAt: string; deviceId: number | null; detail: string | null; raises: AlertKind | null; clears: boolean }[] = [];
  for (const r of records) {
    const latest = lastReportAt == null || r.occurredAt >= lastReportAt;
    const e = effectOf(r.kind);
    let raises: AlertKind | null = null;
    let clears = false;
    if (latest) {
      if (e.status === 'online' && (status === 'offline' || status === 'interrupted') && r.kind !== 'restored') {
        rows.push({ kind: 'restored', occurredAt: r.occurredAt, deviceId: r.deviceId, detail: RESTORED_DETAIL, raises: null, clears: true });
      } else if (e.status === 'online' && (status === 'offline' || status === 'interrupted')) clears = true;
      if (e.status !== 'online' && status !== e.status) raises = e.alert;
      if (status !== e.status) since = r.occurredAt;
      status = e.status;
      lastReportAt = r.occurredAt;
      lastKind = r.kind;
      if (r.kind === 'keepalive' || r.kind === 'register') keepalive = via === 'gb28181' ? 1 : keepalive;
      if (r.kind === 'unregister') keepalive = 0;
    }
    rows.push({ ...r, raises, clears });
  }

  const digests = rows.map((r) => recordDigest({ systemId, deviceId: r.deviceId, kind: r.kind, occurredAt: r.occurredAt, via, detail: r.detail }));
  const digest = batchDigest(systemId, via, digests);
  const batch = await trx
    .insertInto('operationBatches')
    .values({ systemId, via, records: rows.length, digest, receivedAt, receivedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  const batchId = Number(batch.id);
  let alertsRaised = 0;
  let alertsCleared = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const ins = await trx
      .insertInto('operationRecords')
      .values({
        batchId,
        systemId,
        deviceId: r.deviceId,
        keyUnitId: s.keyUnitId,
        divisionCode: s.divisionCode,
        restricted: s.restricted ? 1 : 0,
        kind: r.kind,
        occurredAt: r.occurredAt,
        receivedAt,
        via,
        detail: r.detail,
        digest: digests[i],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.clears) alertsCleared += await clearAlerts(trx, systemId, r.occurredAt);
    if (r.raises) alertsRaised += await raiseAlert(trx, s, r.raises, r.occurredAt, Number(ins.id));
  }
  if (status && since && lastReportAt && lastKind) {
    const values = { status, since, lastReportAt, lastKind, keepalive, updatedAt: receivedAt, keyUnitId: s.keyUnitId, divisionCode: s.divisionCode, cityCode: s.cityCode, restricted: s.restricted ? 1 : 0 };
    if (current) await trx.updateTable('operationStatus').set(values).where('systemId', '=', systemId).execute();
    else await trx.insertInto('operationStatus').values({ systemId, ...values }).execute();
  }
  await appendEvent(trx, {
    type: 'device/operation-records',
    ...(sender.kind === 'user' ? { actorUserId: sender.actor.userId } : { actorRef: sender.kind === 'device' ? `gb28181:${sender.gbId}` : OPERATOR_REF }),
    subjectRef: `operation-batch:${batchId}`,
    rule: RECORDS_RULE_ID,
    digest,
    at: receivedAt,
  });
  return { batchId, records: rows.length, digest, status: status ?? 'never', alertsRaised, alertsCleared };
}

/** Raises an alert of `kind` unless one of that kind is open for the system already. */
export async function raiseAlert(trx: OpsTrx, s: SystemFacts, kind: AlertKind, at: string, recordId: number | null): Promise<number> {
  const open = await trx.selectFrom('operationAlerts').select('id').where('systemId', '=', s.id).where('kind', '=', kind).where('clearedAt', 'is', null).executeTakeFirst();
  if (open) return 0;
  await trx
    .insertInto('operationAlerts')
    .values({ systemId: s.id, keyUnitId: s.keyUnitId, divisionCode: s.divisionCode, cityCode: s.cityCode, restricted: s.restricted ? 1 : 0, kind, raisedAt: at, clearedAt: null, recordId, caseId: null })
    .execute();
  return 1;
}

async function clearAlerts(trx: OpsTrx, systemId: number, at: string): Promise<number> {
  const r = await trx.updateTable('operationAlerts').set({ clearedAt: at }).where('systemId', '=', systemId).where('clearedAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

