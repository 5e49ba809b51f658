import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';

/**
 * The vocabulary of device operations (art 11(2), 21): what a system reports,
 * the operating status that follows and the alerts it raises. Pure: shared by
 * the server and the web app.
 */

/** What an operation record says happened. */
export const RECORD_KINDS = ['register', 'keepalive', 'unregister', 'interruption', 'restored', 'recording-stopped', 'power-loss'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, Bilingual> = {
  register: { zh: '注册', en: 'Registered' },
  keepalive: { zh: '心跳', en: 'Keepalive' },
  unregister: { zh: '注销', en: 'Unregistered' },
  interruption: { zh: '运行中断', en: 'Interruption' },
  restored: { zh: '恢复运行', en: 'Restored' },
  'recording-stopped': { zh: '录像停止', en: 'Recording stopped' },
  'power-loss': { zh: '断电', en: 'Power loss' },
};

/** How a record reached the platform: the GB/T 28181 listener, or an uploaded operation log. */
export const VIAS = ['gb28181', 'upload'] as const;
export type Via = (typeof VIAS)[number];

/** A system's operating status. `never` is the status of a system with no report at all (no row). */
export const STATUSES = ['online', 'offline', 'interrupted', 'never'] as const;
export type OperatingStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<OperatingStatus, Bilingual> = {
  online: { zh: '在线', en: 'Online' },
  offline: { zh: '离线', en: 'Offline' },
  interrupted: { zh: '运行中断', en: 'Interrupted' },
  never: { zh: '从未上报', en: 'Never reported' },
};

export const ALERT_KINDS = ['offline', 'interrupted'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, Bilingual> = {
  offline: { zh: '系统离线', en: 'System offline' },
  interrupted: { zh: '系统运行中断', en: 'System interrupted' },
};

/**
 * What a record does to the status. A report of life (register, keepalive,
 * restored) puts the system online; an interruption, a stopped recording or a
 * power loss interrupts it (art 21 ¶1 (2): 中断技防系统的正常使用); an
 * unregistration takes it offline.
 */
export function effectOf(kind: RecordKind): { status: Exclude<OperatingStatus, 'never'>; alert: AlertKind | null } {
  switch (kind) {
    case 'register':
    case 'keepalive':
    case 'restored':
      return { status: 'online', alert: null };
    case 'unregister':
      return { status: 'offline', alert: 'offline' };
    case 'interruption':
    case 'recording-stopped':
    case 'power-loss':
      return { status: 'interrupted', alert: 'interrupted' };
  }
}

/** The rule an alert points a case at: art 21 ¶1 (2), unauthorised interruption of normal use. */
export const ALERT_RULE_ID = 'art21.i2.no-obstruction-or-interruption';
export const ALERT_CITATION: Citation = { article: 21, paragraph: 1, item: 2 };
/** The rule the ledger names for operation records: art 21 ¶1 (4), records must not be altered. */
export const RECORDS_RULE_ID = 'art21.i4.no-tampering-with-programs-or-records';
export const RECORDS_CITATION: Citation = { article: 21, paragraph: 1, item: 4 };

/** A GB/T 28181 device or platform code: 20 decimal digits. */
export const GB_ID_PATTERN = '^[0-9]{20}$';
export function isGbId(s: string): boolean {
  return /^[0-9]{20}$/.test(s);
}

/**
 * GB/T 28181 keepalive defaults (§9.6: a keepalive every 60 seconds, offline
 * after 3 missed), which a deployment may change.
 */
export const DEFAULT_KEEPALIVE_SECONDS = 60;
export const DEFAULT_MISSED_KEEPALIVES = 3;

/** Formats of an uploaded operation log. */
export const UPLOAD_FORMATS_LIST = ['jsonl', 'csv'] as const;
