import { chineseNumeral, citationHref, DEFAULT_INSTRUMENT, formatCitation, type Citation } from '../../shared/citation.js';
import type { Bilingual } from '../../shared/text.js';
import { GWY_799_2025 } from './gwy-799-2025.js';
import { LIAONING_2014 } from './liaoning-2014.js';
import type { Instrument, LawArticle, LawChapter, LawItem, LawParagraph } from './types.js';

export type { Instrument, InstrumentLevel, LawArticle, LawChapter, LawItem, LawParagraph } from './types.js';
export { INSTRUMENT_LEVELS } from './types.js';
export { LawErrors } from './errors.js';

/** Every instrument the platform can cite; the first is the default one. */
export const INSTRUMENTS: readonly Instrument[] = [LIAONING_2014, GWY_799_2025];

/** The Liaoning regulation of 2014, which the platform carries out. */
export const REGULATION: Instrument = LIAONING_2014;

/** First and last article number of the regulation (1-37). */
export const ARTICLE_RANGE: { readonly first: number; readonly last: number } = {
  first: REGULATION.articles[0].number,
  last: REGULATION.articles[REGULATION.articles.length - 1].number,
};

const byId = new Map(INSTRUMENTS.map((i) => [i.id, i]));
const byNumber = new Map(REGULATION.articles.map((a) => [a.number, a]));

export function getInstrument(id: string): Instrument | undefined {
  return byId.get(id);
}

/** An article of the regulation, or undefined when there is no such article. */
export function getArticle(n: number): LawArticle | undefined {
  return byNumber.get(n);
}

export function listArticles(): readonly LawArticle[] {
  return REGULATION.articles;
}

/** The chapter an article of the regulation stands in. */
export function chapterOf(n: number): LawChapter | undefined {
  const a = byNumber.get(n);
  return a && REGULATION.chapters.find((c) => c.number === a.chapter);
}

/** `第二十四条` / `Article 24`. */
export function articleHeading(n: number): Bilingual {
  return { zh: `第${chineseNumeral(n)}条`, en: `Article ${n}` };
}

/** `第二章 技防系统管理` / `Chapter 2 Administration of Technical Prevention Systems`. */
export function chapterHeading(c: LawChapter): Bilingual {
  return { zh: `第${chineseNumeral(c.number)}章 ${c.zhDisplay}`, en: `Chapter ${c.number} ${c.en}` };
}

/** The words of a paragraph: its lead sentence, then its items, one a line. */
export function paragraphText(p: LawParagraph): Bilingual {
  return {
    zh: [p.zh, ...p.items.map((i) => i.zh)].join('\n'),
    en: [p.en, ...p.items.map((i) => i.en)].join('\n'),
  };
}

/** The words of an article, one line per paragraph and item. */
export function articleText(a: LawArticle): Bilingual {
  const ps = a.paragraphs.map(paragraphText);
  return { zh: ps.map((p) => p.zh).join('\n'), en: ps.map((p) => p.en).join('\n') };
}

/**
 * The start of an article's first paragraph, for lists: the regulation has no
 * article titles, so its opening words stand in for one.
 */
export function articleExcerpt(a: LawArticle, max: { zh: number; en: number } = { zh: 36, en: 100 }): Bilingual {
  const p = a.paragraphs[0];
  const zh = [...p.zh].length <= max.zh ? p.zh : `${[...p.zh].slice(0, max.zh).join('')}…`;
  let en = p.en;
  if (en.length > max.en) {
    const cut = en.slice(0, max.en + 1);
    const space = cut.lastIndexOf(' ');
    en = `${cut.slice(0, space > 0 ? space : max.en).replace(/[,;:]$/, '')}…`;
  }
  return { zh, en };
}

export interface ResolvedCitation {
  instrument: Instrument;
  /** Absent only when the instrument's text is not held. */
  article?: LawArticle;
  paragraph?: LawParagraph;
  item?: LawItem;
  /** `第二十四条第一款第（一）项` / `Art 24 ¶1 (1)`, naming the instrument when it is not the default one. */
  label: Bilingual;
  /**
   * The cited words (an article or paragraph with all its items). When the
   * instrument's text is not held, the label with a note saying so.
   */
  text: Bilingual;
  /** Link to the web app's law page; only for the regulation, whose text is held. */
  href?: string;
}

const isOrdinal = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

/**
 * Finds what a citation points at. Undefined when the instrument is unknown,
 * the citation is malformed (an item without a paragraph, a number that is
 * not a positive integer), or the article, paragraph or item does not exist.
 * For an instrument whose text is not held, any well-formed citation resolves.
 */
export function resolveCitation(c: Citation): ResolvedCitation | undefined {
  const instrument = byId.get(c.instrument ?? DEFAULT_INSTRUMENT);
  if (!instrument || !isOrdinal(c.article)) return undefined;
  if (c.paragraph !== undefined && !isOrdinal(c.paragraph)) return undefined;
  if (c.item !== undefined && (!isOrdinal(c.item) || c.paragraph === undefined)) return undefined;

  const base = formatCitation({ article: c.article, paragraph: c.paragraph, item: c.item });
  const isDefault = instrument.id === DEFAULT_INSTRUMENT;
  const label = isDefault ? base : { zh: `${instrument.citedAs.zh}${base.zh}`, en: `${instrument.citedAs.en}, ${base.en}` };

  if (!instrument.textAvailable) {
    return { instrument, label, text: { zh: `${label.zh}（条文未收录）`, en: `${label.en} (text not held)` } };
  }

  const article = instrument.articles.find((a) => a.number === c.article);
  if (!article) return undefined;
  if (c.paragraph === undefined) {
    return { instrument, article, label, text: articleText(article), href: isDefault ? citationHref(c) : undefined };
  }
  const paragraph = article.paragraphs[c.paragraph - 1];
  if (!paragraph) return undefined;
  if (c.item === undefined) {
    return { instrument, article, paragraph, label, text: paragraphText(paragraph), href: isDefault ? citationHref(c) : undefined };
  }
  const item = paragraph.items[c.item - 1];
  if (!item) return undefined;
  return { instrument, article, paragraph, item, label, text: { zh: item.zh, en: item.en }, href: isDefault ? citationHref(c) : undefined };
}

/**
 * The citation with the words it cites, ready to show beside a decision:
 * `第二十四条第一款第（一）项：（一）工作人员不得少于两人；` /
 * `Art 24 ¶1 (1): (1) there shall be no fewer than two staff members;`.
 * Undefined when the citation does not resolve.
 */
export function citationText(c: Citation): Bilingual | undefined {
  const r = resolveCitation(c);
  if (!r) return undefined;
  if (!r.instrument.textAvailable) return r.text;
  return { zh: `${r.label.zh}：${r.text.zh}`, en: `${r.label.en}: ${r.text.en}` };
}
