export const DAY_MS = 86_400_000;

export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (isoString: string) => new Date(isoString).getTime();

/** Normalises any parseable timestamp to the one ISO form both databases compare as text. */
export function normaliseTimestamp(s: string): string | undefined {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : iso(t);
}

/** The calendar day in China (UTC+8) on which `at` falls: the day the law is asked about. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
