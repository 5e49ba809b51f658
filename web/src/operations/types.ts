import type { AlertKind, OperatingStatus, RecordKind, Via } from '../../../src/operations/domain/kinds';

/** The answers of /api/v1/operations/* (src/operations/schemas.ts). */
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
  lastKind: RecordKind | null;
  openAlertId: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface RecordRow {
  id: number;
  batchId: number;
  systemId: number;
  deviceId: number | null;
  kind: RecordKind;
  occurredAt: string;
  receivedAt: string;
  via: Via;
  detail: string | null;
  digest: string;
}

export interface SystemRecords extends Page<RecordRow> {
  system: { id: number; name: string; divisionCode: string; keyUnitId: number | null };
  status: { status: OperatingStatus; since: string | null; lastReportAt: string | null };
}

export interface AlertRow {
  id: number;
  systemId: number;
  systemName: string;
  keyUnitId: number | null;
  divisionCode: string;
  divisionName: string | null;
  kind: AlertKind;
  raisedAt: string;
  clearedAt: string | null;
  caseId: number | null;
}
