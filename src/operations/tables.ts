import type { Generated, Kysely, Transaction } from 'kysely';

/** The operations tables as code sees them (CamelCasePlugin maps snake_case). */
export interface GbEndpointsTable {
  id: Generated<number>;
  gbId: string;
  systemId: number;
  deviceId: number | null;
  realm: string;
  ha1: string;
  setBy: number | null;
  setAt: string;
  registeredUntil: string | null;
  contact: string | null;
}

export interface OperationStatusTable {
  systemId: number;
  keyUnitId: number | null;
  divisionCode: string;
  cityCode: string;
  restricted: number;
  status: string;
  since: string;
  lastReportAt: string;
  lastKind: string;
  keepalive: number;
  updatedAt: string;
}

export interface OperationBatchesTable {
  id: Generated<number>;
  systemId: number;
  via: string;
  records: number;
  digest: string;
  receivedAt: string;
  receivedBy: number | null;
}

export interface OperationRecordsTable {
  id: Generated<number>;
  batchId: number;
  systemId: number;
  deviceId: number | null;
  keyUnitId: number | null;
  divisionCode: string;
  restricted: number;
  kind: string;
  occurredAt: string;
  receivedAt: string;
  via: string;
  detail: string | null;
  digest: string;
}

export interface OperationAlertsTable {
  id: Generated<number>;
  systemId: number;
  keyUnitId: number | null;
  divisionCode: string;
  cityCode: string;
  restricted: number;
  kind: string;
  raisedAt: string;
  clearedAt: string | null;
  recordId: number | null;
  caseId: number | null;
}

export interface OperationsTables {
  gbEndpoints: GbEndpointsTable;
  operationStatus: OperationStatusTable;
  operationBatches: OperationBatchesTable;
  operationRecords: OperationRecordsTable;
  operationAlerts: OperationAlertsTable;
}

export type OpsDb = Kysely<OperationsTables>;
export type OpsTrx = Transaction<OperationsTables>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const opsDb = (db: Kysely<any>): OpsDb => db as OpsDb;

/** Timestamps come back as Date from PostgreSQL when read raw; code speaks ISO strings. */
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
export const isoOrNull = (v: unknown): string | null => (v == null ? null : iso(v));
