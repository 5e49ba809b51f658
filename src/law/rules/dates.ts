import { AppError } from '../../shared/errors.js';
import { RuleErrors } from './rule-errors.js';

/** A calendar day, `YYYY-MM-DD`. The law module never reads the clock: every date comes in. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (so `2015-02-30` is not one). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function assertIsoDate(s: unknown): IsoDate {
  if (!isIsoDate(s)) throw new AppError(RuleErrors.JF_LAW_BAD_DATE, { params: { value: String(s) } });
  return s;
}

/** The day before `d`: closes a version when an amendment starts the next day. */
export function dayBefore(d: IsoDate): IsoDate {
  const t = new Date(`${assertIsoDate(d)}T00:00:00Z`).getTime() - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A span of days in force: `from` is the first day, `to` (when present) the last. */
export interface Validity {
  from: IsoDate;
  to?: IsoDate;
}

/** ISO dates compare as strings. */
export function inForce(v: Validity, asOf: IsoDate): boolean {
  return v.from <= asOf && (v.to === undefined || asOf <= v.to);
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8, no daylight saving) at an instant the caller read from its clock. */
export function chinaDate(at: Date): IsoDate {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
