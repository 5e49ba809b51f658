import type { RetentionMinimum } from '../ports/retention-law.js';
import type { RetentionAction } from './types.js';
import { DAY_MS, iso, ms } from './time.js';

/**
 * The first instant a recording may be sealed or erased: the end of its capture
 * plus the minimum (art 23 ¶2: 留存时间不得少于三十日). On day 29 after capture it
 * is refused; from day 30 on it is allowed.
 */
export function erasableFrom(endedAt: string, minimumDays: number): string {
  return iso(ms(endedAt) + minimumDays * DAY_MS);
}

/** Recordings that ended at or before this instant have reached `days`. */
export function cutoffFor(now: Date, days: number): string {
  return iso(now.getTime() - days * DAY_MS);
}

/** How long a unit keeps a system's recordings: never less than the law's minimum. */
export function effectiveKeepDays(minimum: RetentionMinimum | undefined, keepDays: number | null): number {
  return Math.max(minimum?.days ?? 0, keepDays ?? 0);
}

/** What the sweep does with a system's due recordings, by the unit's policy. */
export function sweepTargetStates(action: RetentionAction): readonly string[] {
  // Sealing acts on what is still open; erasing also on what was sealed before.
  return action === 'seal' ? ['kept'] : ['kept', 'sealed'];
}
