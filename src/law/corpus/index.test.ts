import { describe, expect, it } from 'vitest';
import {
  ARTICLE_RANGE,
  articleExcerpt,
  articleHeading,
  chapterHeading,
  chapterOf,
  citationText,
  getArticle,
  getInstrument,
  INSTRUMENT_LEVELS,
  INSTRUMENTS,
  listArticles,
  REGULATION,
  resolveCitation,
} from './index.js';

describe('instruments', () => {
  it('holds the Liaoning regulation as the default instrument', () => {
    expect(INSTRUMENTS[0]).toBe(REGULATION);
    expect(getInstrument('liaoning-2014')).toBe(REGULATION);
    expect(getInstrument('nonexistent')).toBeUndefined();
  });

  it('registers State Council Decree No. 799 by its metadata only', () => {
    const gwy = getInstrument('gwy-799-2025')!;
    expect(gwy.title.zh).toContain('公共安全视频图像信息系统管理条例');
    expect(gwy.title.en).toBe('Regulations on the Administration of Public Security Video Image Information Systems (State Council Decree No. 799)');
    expect(gwy).toMatchObject({ level: 'national-administrative-regulation', inForce: '2025-04-01', textAvailable: false, articles: [], chapters: [] });
    expect(gwy.note?.en).toMatch(/not held/);
  });

  it('uses only known levels and unique ids', () => {
    for (const i of INSTRUMENTS) expect(INSTRUMENT_LEVELS).toContain(i.level);
    expect(new Set(INSTRUMENTS.map((i) => i.id)).size).toBe(INSTRUMENTS.length);
  });
});

describe('articles and chapters', () => {
  it('looks articles up by number within 1-37', () => {
    expect(ARTICLE_RANGE).toEqual({ first: 1, last: 37 });
    expect(listArticles()).toHaveLength(37);
    expect(getArticle(24)?.paragraphs).toHaveLength(2);
    for (const n of [0, 38, -1, 2.5, Number.NaN]) expect(getArticle(n)).toBeUndefined();
  });

  it('names the chapter an article stands in', () => {
    expect(chapterOf(1)?.number).toBe(1);
    expect(chapterOf(23)?.en).toBe('Administration of the Use of Information');
    expect(chapterOf(37)?.number).toBe(6);
    expect(chapterOf(38)).toBeUndefined();
    expect(chapterHeading(chapterOf(1)!)).toEqual({ zh: '第一章 总则', en: 'Chapter 1 General Provisions' });
  });

  it('writes article headings as the text does', () => {
    expect(articleHeading(24)).toEqual({ zh: '第二十四条', en: 'Article 24' });
  });
});

describe('resolveCitation', () => {
  it('resolves an item to its words and its anchor', () => {
    const r = resolveCitation({ article: 24, paragraph: 1, item: 1 })!;
    expect(r.instrument).toBe(REGULATION);
    expect(r.article?.number).toBe(24);
    expect(r.paragraph?.anchor).toBe('p1');
    expect(r.item?.anchor).toBe('p1-i1');
    expect(r.text).toEqual({ zh: '（一）工作人员不得少于两人；', en: '(1) there shall be no fewer than two staff members;' });
    expect(r.label).toEqual({ zh: '第二十四条第一款第（一）项', en: 'Art 24 ¶1 (1)' });
    expect(r.href).toBe('/law/24#p1-i1');
  });

  it('resolves a paragraph to its lead sentence and all its items', () => {
    const r = resolveCitation({ article: 10, paragraph: 1 })!;
    expect(r.item).toBeUndefined();
    expect(r.text.zh.split('\n')).toHaveLength(13);
    expect(r.text.zh.split('\n')[12]).toBe('（十二）县以上人民政府确定的其他重要场所和部位。');
    expect(r.href).toBe('/law/10#p1');
  });

  it('resolves a whole article', () => {
    const r = resolveCitation({ article: 23 })!;
    expect(r.text.zh).toContain('留存时间不得少于三十日');
    expect(r.text.en).toContain('no less than thirty days');
    expect(r.href).toBe('/law/23');
  });

  it('accepts the default instrument named explicitly', () => {
    expect(resolveCitation({ instrument: 'liaoning-2014', article: 14 })?.article?.number).toBe(14);
  });

  it.each([
    ['Art 38', { article: 38 }],
    ['Art 0', { article: 0 }],
    ['Art 24 ¶3', { article: 24, paragraph: 3 }],
    ['Art 10 ¶1 (13)', { article: 10, paragraph: 1, item: 13 }],
    ['Art 10 ¶2 (1): the second paragraph has no items', { article: 10, paragraph: 2, item: 1 }],
    ['Art 24 (1) without a paragraph', { article: 24, item: 1 }],
    ['Art 24 ¶1.5', { article: 24, paragraph: 1.5 }],
    ['an unknown instrument', { instrument: 'nonexistent', article: 1 }],
  ])('rejects %s', (_name, c) => {
    expect(resolveCitation(c)).toBeUndefined();
    expect(citationText(c)).toBeUndefined();
  });

  it('resolves any well-formed citation of an instrument whose text is not held', () => {
    const r = resolveCitation({ instrument: 'gwy-799-2025', article: 10, paragraph: 2 })!;
    expect(r.instrument.id).toBe('gwy-799-2025');
    expect(r.article).toBeUndefined();
    expect(r.href).toBeUndefined();
    expect(r.label).toEqual({ zh: '《公共安全视频图像信息系统管理条例》第十条第二款', en: 'State Council Decree No. 799, Art 10 ¶2' });
    expect(r.text.en).toBe('State Council Decree No. 799, Art 10 ¶2 (text not held)');
    expect(resolveCitation({ instrument: 'gwy-799-2025', article: 0 })).toBeUndefined();
  });
});

describe('citationText', () => {
  it('puts the citation before the words it cites', () => {
    expect(citationText({ article: 24, paragraph: 1, item: 1 })).toEqual({
      zh: '第二十四条第一款第（一）项：（一）工作人员不得少于两人；',
      en: 'Art 24 ¶1 (1): (1) there shall be no fewer than two staff members;',
    });
    expect(citationText({ article: 37 })).toEqual({
      zh: '第三十七条：本条例自2015年2月1日起施行。',
      en: 'Art 37: These Regulations come into force on 1 February 2015.',
    });
  });
});

describe('articleExcerpt', () => {
  it('keeps a short first paragraph whole', () => {
    expect(articleExcerpt(getArticle(37)!)).toEqual({ zh: '本条例自2015年2月1日起施行。', en: 'These Regulations come into force on 1 February 2015.' });
  });
  it('cuts a long one at a word, marking the cut', () => {
    const e = articleExcerpt(getArticle(24)!);
    expect([...e.zh]).toHaveLength(37);
    expect(e.zh.startsWith('具有法定刑事侦查权')).toBe(true);
    expect(e.zh.endsWith('…')).toBe(true);
    expect(e.en.length).toBeLessThanOrEqual(101);
    expect(e.en).toMatch(/^Staff of State organs .*[a-z]…$/);
  });
});
