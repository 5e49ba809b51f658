import type { Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { dayBefore, inForce, type IsoDate, type Validity } from '../rules/dates.js';

/**
 * Where a number comes from. `citation` points at the article when it is
 * known; an instrument whose text is not held may be cited by id alone, with
 * `gap` saying what is missing.
 */
export interface LegalSource {
  instrument: string;
  citation?: Citation;
  gap?: string;
}

/** One value of a parameter over the days it is in force (OpenFisca style). */
export interface DatedValue<T> extends Validity {
  value: T;
  source: LegalSource;
}

export interface Parameter<T> {
  id: string;
  description: Bilingual;
  unit: 'yuan' | 'days' | 'multiple';
  /** In date order; spans never overlap. */
  values: readonly DatedValue<T>[];
}

/** The value in force on `asOf`, with its source; undefined before the first. */
export function parameterAt<T>(p: Parameter<T>, asOf: IsoDate): DatedValue<T> | undefined {
  return p.values.find((v) => inForce(v, asOf));
}

/**
 * A parameter with a new value from `next.from` on. The value in force the day
 * before is kept and closed on that day, so an amendment never erases history.
 */
export function amendParameter<T>(p: Parameter<T>, next: DatedValue<T>): Parameter<T> {
  const closeOn = dayBefore(next.from);
  const kept = p.values.map((v) => (v.to === undefined && v.from <= closeOn ? { ...v, to: closeOn } : v));
  return { ...p, values: [...kept.filter((v) => v.from < next.from), next] };
}

export function liaoning(article: number, paragraph?: number, item?: number): LegalSource {
  const citation: Citation = { article };
  if (paragraph !== undefined) citation.paragraph = paragraph;
  if (item !== undefined) citation.item = item;
  return { instrument: 'liaoning-2014', citation };
}
