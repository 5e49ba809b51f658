/**
 * Deadlines are calendar days in China (UTC+8, no daylight saving): a time
 * limit "by 2026-06-30" runs to the end of that day in Liaoning, which is
 * 2026-06-30T16:00:00Z. Everything here takes its instant as an argument; the
 * clock is read only by the callers, from the application's deps.
 */
export type IsoDate = string;

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** The calendar day in China at `at`. */
export function chinaDate(at: Date): IsoDate {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a day ends in China: the deadline of a time limit that runs to `date`. */
export function endOfChinaDay(date: IsoDate): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - CHINA_OFFSET_MS).toISOString();
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `days` calendar days after `at`, to the end of that day in China. */
export function deadlineAfter(at: Date, days: number): string {
  return endOfChinaDay(addDays(chinaDate(at), days));
}

/** Whole calendar days from `a` to `b` (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
