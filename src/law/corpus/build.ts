import type { LawArticle, LawChapter, LawParagraph } from './types.js';

/**
 * Small builders so that a text file reads like the statute, chapter by
 * chapter, and numbers and anchors are counted rather than typed.
 */

export interface ItemSource {
  zh: string;
  en: string;
}

export interface ParagraphSource {
  zh: string;
  en: string;
  items: ItemSource[];
}

export interface ArticleSource {
  number: number;
  paragraphs: ParagraphSource[];
}

export interface ChapterSource {
  number: number;
  zh: string;
  en: string;
  articles: ArticleSource[];
}

export function item(zh: string, en: string): ItemSource {
  return { zh, en };
}

export function para(zh: string, en: string, items: ItemSource[] = []): ParagraphSource {
  return { zh, en, items };
}

export function article(number: number, ...paragraphs: ParagraphSource[]): ArticleSource {
  return { number, paragraphs };
}

export function chapter(number: number, zh: string, en: string, articles: ArticleSource[]): ChapterSource {
  return { number, zh, en, articles };
}

/** Flattens chapters into the corpus shape, numbering paragraphs and items and giving each its anchor. */
export function buildText(chapters: ChapterSource[]): { chapters: LawChapter[]; articles: LawArticle[] } {
  const outChapters: LawChapter[] = [];
  const outArticles: LawArticle[] = [];
  for (const c of chapters) {
    outChapters.push({
      number: c.number,
      zh: c.zh,
      zhDisplay: c.zh.replace(/\s+/g, ''),
      en: c.en,
      articles: c.articles.map((a) => a.number),
    });
    for (const a of c.articles) {
      const paragraphs: LawParagraph[] = a.paragraphs.map((p, pi) => {
        const anchor = `p${pi + 1}`;
        return {
          number: pi + 1,
          anchor,
          zh: p.zh,
          en: p.en,
          items: p.items.map((it, ii) => ({ number: ii + 1, anchor: `${anchor}-i${ii + 1}`, zh: it.zh, en: it.en })),
        };
      });
      outArticles.push({ number: a.number, chapter: c.number, paragraphs });
    }
  }
  return { chapters: outChapters, articles: outArticles };
}
