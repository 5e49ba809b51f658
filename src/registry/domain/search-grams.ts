/**
 * Substring search needs an index for every length of query. Trigram indexes
 * (SQLite FTS5 `trigram`, PostgreSQL pg_trgm) answer three characters and more;
 * Chinese names are often searched by one or two (学校, 银), so each name also
 * keeps its distinct single characters and adjacent pairs, space-separated, in
 * `search_grams`, indexed as words.
 */
export function searchGrams(name: string): string {
  const chars = [...name.toLowerCase()];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (/\s/u.test(c)) continue;
    grams.add(c);
    const next = chars[i + 1];
    if (next !== undefined && !/\s/u.test(next)) grams.add(c + next);
  }
  return [...grams].join(' ');
}

/** The query as searched: trimmed, lower-cased, inner whitespace kept. */
export function normaliseQuery(q: string): string {
  // Control characters match no name (the validator keeps them out) and PostgreSQL refuses NUL.
  return q.replace(/[\u0000-\u001f\u007f]/g, '').trim().toLowerCase();
}

/** Length in characters, not UTF-16 units. */
export function charLength(s: string): number {
  return [...s].length;
}

/** Whether a word index can answer the query at all (it holds letters and digits, not punctuation). */
export function hasWordCharacter(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}
