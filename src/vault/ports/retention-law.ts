import { minimumRetention, RETENTION_FLOORS, type RetentionFloor } from '../../law/index.js';
import type { Citation } from '../../shared/citation.js';
import type { RetentionScope } from '../domain/types.js';

export interface RetentionCategoryQuery {
  scope: RetentionScope;
  art10Item: number | null;
  captures: readonly ('video' | 'audio')[];
}

/** The minimum retention that governs a category on a day, with where it comes from. */
export interface RetentionMinimum {
  days: number;
  /** The instrument that sets `days`. */
  instrument: string;
  citation?: Citation;
  /** Id of the floor in the law's table, e.g. `liaoning-2014.art23.p2.key_unit`. */
  floorId: string;
}

/** The law's retention rule (art 23 ¶2) as the vault asks it. */
export interface RetentionLaw {
  /** Undefined when art 23 ¶2 sets no minimum for the category. */
  minimum(category: RetentionCategoryQuery, asOf: string): RetentionMinimum | undefined;
}

/**
 * Art 23 ¶2 as the law context reads it: 30 days for public-area and key-unit
 * systems, longer where a national rule in force says so (国家另有规定的，从其规定).
 * A deployment (or a test) may add floors, e.g. a national rule for one art 10 item.
 */
export function lawRetention(floors: readonly RetentionFloor[] = RETENTION_FLOORS): RetentionLaw {
  return {
    minimum(c, asOf) {
      const m = minimumRetention({ scope: c.scope, ...(c.art10Item != null ? { art10Item: c.art10Item } : {}), captures: c.captures }, asOf, floors);
      if (!m) return undefined;
      return { days: m.days, instrument: m.governing.source.instrument, citation: m.governing.source.citation, floorId: m.governing.id };
    },
  };
}
