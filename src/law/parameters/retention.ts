import type { Bilingual } from '../../shared/text.js';
import { chosenReading, type ReadingOverrides } from '../interpretations/register.js';
import { inForce, type IsoDate, type Validity } from '../rules/dates.js';
import { instrumentRank, isNationalInstrument } from './instruments.js';
import { liaoning, type LegalSource } from './parameter.js';
import { REGULATION_IN_FORCE_FROM } from './regulation.js';

/** Systems art 23 ¶2 sets a minimum for; any other system has none under the regulation. */
export const RETENTION_SCOPES = ['public_area', 'key_unit'] as const;
export type RetentionScope = (typeof RETENTION_SCOPES)[number];

/** What a minimum is looked up by: the system's scope, its art 10 item, what it captures. */
export interface RetentionCategory {
  scope: RetentionScope | 'other';
  /** For a key-unit system, the item of art 10 its place falls under. */
  art10Item?: number;
  captures?: readonly ('video' | 'audio')[];
}

/**
 * A minimum retention period laid down by one instrument for a set of systems.
 * `base` is the regulation's own rule (art 23 ¶2, first sentence); `exception`
 * is a national rule that "另有规定" (second sentence) and can only lengthen it.
 */
export interface RetentionFloor extends Validity {
  id: string;
  role: 'base' | 'exception';
  appliesTo: {
    scope: RetentionScope;
    /** Only systems of these art 10 items; absent means every key-unit or public-area system. */
    art10Items?: readonly number[];
    /** Only systems capturing one of these; absent means any captured information. */
    captures?: readonly ('video' | 'audio')[];
  };
  days: number;
  source: LegalSource;
  note: Bilingual;
}

const base = (scope: RetentionScope): RetentionFloor => ({
  id: `liaoning-2014.art23.p2.${scope}`,
  role: 'base',
  appliesTo: { scope },
  days: 30,
  from: REGULATION_IN_FORCE_FROM,
  source: liaoning(23, 2),
  note: { zh: '采获信息留存时间不得少于三十日', en: 'Captured information is kept for no fewer than thirty days' },
});

// GAP(gwy-799-2025): the decree's text is not held, so the article laying down
// the 30-day minimum for public security video image information is not cited;
// a secondary source paraphrases it as "at least 30 days, longer where laws,
// administrative regulations or standards say so". Its scope is read here as
// the video of public-area and key-unit systems; both need checking against
// the official text before a longer national period is relied on.
const gwy799 = (scope: RetentionScope): RetentionFloor => ({
  id: `gwy-799-2025.video-retention.${scope}`,
  role: 'exception',
  appliesTo: { scope, captures: ['video'] },
  days: 30,
  from: '2025-04-01',
  source: { instrument: 'gwy-799-2025', gap: 'article not cited: the text of State Council Decree No. 799 is not held' },
  note: {
    zh: '公共安全视频图像信息系统采集的视频图像信息保存期限不少于三十日（条文未收录）',
    en: 'Video image information of public security video systems is kept for at least thirty days (text not held)',
  },
});

/**
 * The minimum retention periods the platform knows, per category. This table is
 * the one place to add a national rule that lengthens the period for a category
 * (for example an Art 10 item): add a floor with `role: 'exception'`, its days,
 * its first day in force and its source.
 */
export const RETENTION_FLOORS: readonly RetentionFloor[] = [base('public_area'), base('key_unit'), gwy799('public_area'), gwy799('key_unit')];

export interface MinimumRetention {
  days: number;
  /** The floor that sets `days`: the base rule unless a national rule sets a longer one. */
  governing: RetentionFloor;
  /** Every floor in force for the category on `asOf`, base first. */
  concurring: RetentionFloor[];
  interpretation: 'art23.national-rules';
}

function matches(f: RetentionFloor, c: RetentionCategory): boolean {
  if (f.appliesTo.scope !== c.scope) return false;
  if (f.appliesTo.art10Items && (c.art10Item === undefined || !f.appliesTo.art10Items.includes(c.art10Item))) return false;
  if (f.appliesTo.captures && !(c.captures ?? []).some((x) => f.appliesTo.captures!.includes(x))) return false;
  return true;
}

/**
 * The minimum retention for a category on `asOf` (art 23 ¶2). Base rule: 30
 * days for public-area and key-unit systems. Exception (国家另有规定的，从其规定):
 * a national instrument in force that sets a longer minimum for the category
 * governs; of several, the longest. Undefined when art 23 ¶2 sets no minimum
 * (a system of neither scope, or a day before the regulation).
 * @see interpretation art23.national-rules
 */
export function minimumRetention(
  category: RetentionCategory,
  asOf: IsoDate,
  floors: readonly RetentionFloor[] = RETENTION_FLOORS,
  readings: ReadingOverrides = {},
): MinimumRetention | undefined {
  if (category.scope === 'other') return undefined;
  const inForceNow = floors.filter((f) => inForce(f, asOf) && matches(f, category));
  const baseFloor = inForceNow.find((f) => f.role === 'base');
  if (!baseFloor) return undefined;
  const exceptions = inForceNow.filter((f) => f.role === 'exception' && isNationalInstrument(f.source.instrument));
  const byLength = (a: RetentionFloor, b: RetentionFloor) => b.days - a.days || (instrumentRank(b.source.instrument) ?? 0) - (instrumentRank(a.source.instrument) ?? 0);
  let governing = baseFloor;
  if (chosenReading('art23.national-rules', readings) === 'longest_floor') {
    governing = exceptions.filter((f) => f.days > baseFloor.days).sort(byLength)[0] ?? baseFloor;
  } else {
    // The national rule replaces the base: the most specific one (an art 10 item) first, then the longest.
    const specificity = (f: RetentionFloor) => (f.appliesTo.art10Items ? 1 : 0);
    governing = [...exceptions].sort((a, b) => specificity(b) - specificity(a) || byLength(a, b))[0] ?? baseFloor;
  }
  return { days: governing.days, governing, concurring: [baseFloor, ...exceptions], interpretation: 'art23.national-rules' };
}
