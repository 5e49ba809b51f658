import type { Bilingual } from '../../shared/text.js';

/**
 * The regulation as data: chapter (章), article (条), paragraph (款), item (项).
 * Chinese is the authentic text, kept character for character as published;
 * English is a working translation and carries no legal force.
 */

/** One item (项) of a paragraph, e.g. Art 24 ¶1 (1). */
export interface LawItem {
  /** 1-based, as the item's numeral （一）, （二）… */
  number: number;
  /** Fragment id inside the article page, `p<paragraph>-i<item>`, e.g. `p1-i3`. */
  anchor: string;
  /** The item line exactly as published, numeral included: `（一）工作人员不得少于两人；`. */
  zh: string;
  /** Translation, with the numeral written `(1) `. */
  en: string;
}

/**
 * One paragraph (款). A line of the text that is not an item starts a new
 * paragraph; items that follow it belong to it.
 */
export interface LawParagraph {
  /** 1-based, counted within the article. */
  number: number;
  /** Fragment id inside the article page, `p<paragraph>`, e.g. `p2`. */
  anchor: string;
  /** The paragraph's own text: for a paragraph with items, the lead sentence before them. */
  zh: string;
  en: string;
  /** Empty when the paragraph has no items. */
  items: LawItem[];
}

export interface LawArticle {
  number: number;
  /** Number of the chapter the article stands in. */
  chapter: number;
  paragraphs: LawParagraph[];
}

export interface LawChapter {
  number: number;
  /** The chapter title exactly as published, spacing included (`总 则`). */
  zh: string;
  /** The same title without the typographic spacing, for display (`总则`). */
  zhDisplay: string;
  en: string;
  /** Numbers of the articles in the chapter, in order. */
  articles: number[];
}

export const INSTRUMENT_LEVELS = ['provincial-regulation', 'national-administrative-regulation'] as const;
export type InstrumentLevel = (typeof INSTRUMENT_LEVELS)[number];

/** A legal instrument the platform can cite. */
export interface Instrument {
  /** Stable id used in citations, e.g. `liaoning-2014`. */
  id: string;
  title: Bilingual;
  /** How a citation names the instrument when it is not the default one, e.g. `《…条例》第十条` / `State Council Decree No. 799, Art 10`. */
  citedAs: Bilingual;
  /** Date of adoption, ISO 8601 (`2014-11-27`), when known. */
  adopted?: string;
  /** The body and session that adopted it, as the published text states it. */
  adoptedBy?: Bilingual;
  /** Date the instrument came into force, ISO 8601. */
  inForce: string;
  level: InstrumentLevel;
  /** Whether the platform holds the text; when false, `chapters` and `articles` are empty. */
  textAvailable: boolean;
  chapters: LawChapter[];
  articles: LawArticle[];
  note?: Bilingual;
}
