import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { DEFAULT_KEEPALIVE_SECONDS, DEFAULT_MISSED_KEEPALIVES } from './domain/kinds.js';

/**
 * Operational settings of device operations: GB/T 28181 defaults a
 * deployment may change (they are not numbers of the regulation).
 */
export interface OperationsSettings {
  /** The SIP realm devices authenticate in; by GB/T 28181 convention the 10-digit SIP domain. */
  realm: string;
  /** Seconds between keepalives a device is expected to send (GB/T 28181: 60). */
  keepaliveSeconds: number;
  /** Keepalives missed before a system is offline (GB/T 28181: 3). */
  missedKeepalives: number;
  /** Most records one upload may hold. */
  maxRecordsPerBatch: number;
  /** How far into the future a record's time may be (device clocks drift). */
  clockSkewSeconds: number;
}

export const DEFAULT_OPERATIONS_SETTINGS: OperationsSettings = {
  realm: '2100000000',
  keepaliveSeconds: DEFAULT_KEEPALIVE_SECONDS,
  missedKeepalives: DEFAULT_MISSED_KEEPALIVES,
  maxRecordsPerBatch: 10_000,
  clockSkewSeconds: 300,
};

export interface OperationsDeps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  dialect: DialectName;
  clock: Clock;
  settings: OperationsSettings;
}
