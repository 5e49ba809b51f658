import type { Bilingual } from '../i18n/i18n';

/** The answers of `GET /api/v1/law` and `GET /api/v1/law/articles/:n` (src/api/routes/law.ts). */
export interface LawInstrument {
  id: string;
  title: Bilingual;
  citedAs: Bilingual;
  adopted?: string;
  adoptedBy?: Bilingual;
  inForce: string;
  level: string;
  textAvailable: boolean;
  note?: Bilingual;
}

export interface LawChapter {
  number: number;
  zh: string;
  zhDisplay: string;
  en: string;
  heading: Bilingual;
  articles: number[];
}

export interface LawArticleSummary {
  number: number;
  chapter: number;
  heading: Bilingual;
  excerpt: Bilingual;
  href: string;
}

export interface LawIndex {
  regulation: string;
  instruments: LawInstrument[];
  chapters: LawChapter[];
  articles: LawArticleSummary[];
}

export interface LawItem {
  number: number;
  anchor: string;
  href: string;
  label: Bilingual;
  zh: string;
  en: string;
}

export interface LawParagraph extends LawItem {
  items: LawItem[];
}

export interface LawArticle {
  instrument: string;
  number: number;
  heading: Bilingual;
  label: Bilingual;
  href: string;
  chapter: LawChapter;
  paragraphs: LawParagraph[];
  previous: number | null;
  next: number | null;
}
