import type { Bilingual } from '../i18n/i18n';

/** The answer of `GET /api/v1/dashboard` (src/dashboard/schemas.ts). */

export interface ArticleRef {
  citation: { article: number; paragraph?: number; item?: number };
  label: Bilingual;
  href: string;
}

export interface Figure {
  key: string;
  label: Bilingual;
  value: number;
  article: ArticleRef | null;
  href: string;
  byPlace: Record<string, number>;
}

export interface Dashboard {
  at: string;
  division: { code: string; name: string; level: 'province' | 'city' | 'county' };
  parent: { code: string; name: string } | null;
  by: 'city' | 'county';
  places: { code: string; name: string; drill: string | null }[];
  sweep: { startedAt: string; finishedAt: string | null; asOf: string } | null;
  figures: Figure[];
  categories: {
    item: number;
    label: Bilingual;
    article: ArticleRef;
    total: number;
    violation: number;
    obligation: number;
    compliant: number;
    href: string;
    violationHref: string;
  }[];
  months: string[];
  series: { key: string; label: Bilingual; article: ArticleRef | null; href: string; values: number[] }[];
  deadlines: { id: number; title: string; state: string; stateLabel: Bilingual; divisionCode: string; divisionName: string | null; dueAt: string; overdue: boolean; href: string }[];
  gaps: { key: string; label: Bilingual; article: ArticleRef }[];
}

/** The roles that supervise a place (src/access/roles.ts). */
export const SUPERVISOR_ROLES = ['province_supervisor', 'city_supervisor', 'county_supervisor'] as const;

export function isSupervisor(role: string | undefined): boolean {
  return !!role && (SUPERVISOR_ROLES as readonly string[]).includes(role);
}
