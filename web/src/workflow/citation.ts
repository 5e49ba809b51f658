import { citationHref, formatCitation, type Citation } from '../../../src/shared/citation';
import type { ApiCitation } from '../api/client';

/** A citation as the API renders one: with its label in both languages and its link. */
export function citationLink(c: Citation): ApiCitation {
  return { ...c, label: formatCitation(c), href: citationHref(c) };
}
