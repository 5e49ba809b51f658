import { iso, ms } from './time.js';

export interface Gap {
  from: string;
  to: string;
  seconds: number;
}

/**
 * The gaps longer than `toleranceSeconds` in `[from, to)` left by a set of
 * recordings. Recordings may overlap and come in any order.
 */
export function findGaps(spans: readonly { startedAt: string; endedAt: string }[], from: string, to: string, toleranceSeconds: number): Gap[] {
  const sorted = [...spans].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const gaps: Gap[] = [];
  let cursor = ms(from);
  const end = ms(to);
  const push = (a: number, b: number) => {
    if (b - a > toleranceSeconds * 1000) gaps.push({ from: iso(a), to: iso(b), seconds: Math.round((b - a) / 1000) });
  };
  for (const s of sorted) {
    const a = ms(s.startedAt);
    const b = ms(s.endedAt);
    if (b <= cursor) continue;
    if (a >= end) break;
    if (a > cursor) push(cursor, Math.min(a, end));
    cursor = Math.max(cursor, b);
    if (cursor >= end) break;
  }
  if (cursor < end) push(cursor, end);
  return gaps;
}
