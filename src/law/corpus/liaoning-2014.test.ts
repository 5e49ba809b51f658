import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../shared/citation.js';
import { REGULATION } from './index.js';

/** The published text: the shared folder sits beside the repository. */
const SOURCE = readFileSync(new URL('../../../../shared/law/liaoning-2014.md', import.meta.url), 'utf8');
const sourceLines = SOURCE.split('\n').filter((l) => l.trim() !== '');

const ITEM_LINE = /^（[一二三四五六七八九十]+）/;

/** Writes the corpus back out in the published layout, one non-blank line each. */
function render(): string[] {
  const out = [`# ${REGULATION.title.zh}`, `- ${REGULATION.adoptedBy!.zh}`];
  for (const c of REGULATION.chapters) {
    out.push(`#### 第${chineseNumeral(c.number)}章 ${c.zh}`);
    for (const n of c.articles) {
      const a = REGULATION.articles.find((x) => x.number === n)!;
      out.push(`###### 第${chineseNumeral(a.number)}条`);
      for (const p of a.paragraphs) out.push(p.zh, ...p.items.map((i) => i.zh));
    }
  }
  return out;
}

/** Independent reading of the published text: paragraphs start at every non-item line. */
function parseSource() {
  const articles: { number: number; chapter: number; paragraphs: { zh: string; items: string[] }[] }[] = [];
  let chapter = 0;
  for (const line of sourceLines) {
    if (line.startsWith('#### ')) chapter++;
    else if (line.startsWith('###### ')) articles.push({ number: articles.length + 1, chapter, paragraphs: [] });
    else if (line.startsWith('#') || line.startsWith('- ')) continue;
    else if (ITEM_LINE.test(line)) articles.at(-1)!.paragraphs.at(-1)!.items.push(line);
    else articles.at(-1)!.paragraphs.push({ zh: line, items: [] });
  }
  return articles;
}

describe('the Liaoning regulation of 2014 as data', () => {
  it('reproduces every line of the published Chinese text, in order', () => {
    const rendered = render();
    // Compared line by line first, so a difference names the line.
    for (let i = 0; i < Math.max(rendered.length, sourceLines.length); i++) expect(rendered[i], `line ${i + 1}`).toBe(sourceLines[i]);
    expect(rendered).toHaveLength(sourceLines.length);
  });

  it('has the six chapters and thirty-seven articles, numbered without gaps', () => {
    expect(REGULATION.chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(REGULATION.articles.map((a) => a.number)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(REGULATION.chapters.flatMap((c) => c.articles)).toEqual(REGULATION.articles.map((a) => a.number));
    expect(REGULATION.chapters.map((c) => [c.number, c.articles[0], c.articles.at(-1)])).toEqual([
      [1, 1, 7],
      [2, 8, 21],
      [3, 22, 25],
      [4, 26, 30],
      [5, 31, 36],
      [6, 37, 37],
    ]);
  });

  it('splits paragraphs and items as the text does', () => {
    const source = parseSource();
    expect(source).toHaveLength(37);
    for (const s of source) {
      const a = REGULATION.articles[s.number - 1];
      expect(a.chapter, `art ${s.number}`).toBe(s.chapter);
      expect(a.paragraphs.map((p) => ({ zh: p.zh, items: p.items.map((i) => i.zh) })), `art ${s.number}`).toEqual(s.paragraphs);
    }
  });

  it.each([
    [10, [12, 0], '具有前款规定场所'],
    [24, [4, 0], '为了国家利益'],
    [25, [4, 0], '需要调取作为行政、民事、刑事案件证据'],
    [27, [5, 0], '公安机关实施监督检查时'],
    [3, [0, 0, 0], '安全技术防范产品'],
  ])('Art %i has paragraphs with %j items', (n, itemCounts, secondParagraphStart) => {
    const a = REGULATION.articles[n - 1];
    expect(a.paragraphs.map((p) => p.items.length)).toEqual(itemCounts);
    expect(a.paragraphs[1].zh.startsWith(secondParagraphStart)).toBe(true);
  });

  it('numbers items as the text does, in both languages', () => {
    for (const a of REGULATION.articles)
      for (const p of a.paragraphs)
        p.items.forEach((it, i) => {
          expect(it.number).toBe(i + 1);
          expect(it.zh.startsWith(`（${chineseNumeral(i + 1)}）`), `art ${a.number} ${it.anchor}`).toBe(true);
          expect(it.en.startsWith(`(${i + 1}) `), `art ${a.number} ${it.anchor}`).toBe(true);
        });
  });

  it('has an English text for every chapter, paragraph and item', () => {
    for (const c of REGULATION.chapters) expect(c.en.trim(), `chapter ${c.number}`).not.toBe('');
    let nodes = 0;
    for (const a of REGULATION.articles)
      for (const p of a.paragraphs)
        for (const node of [p, ...p.items]) {
          nodes++;
          expect(node.en.trim().length, `art ${a.number} ${node.anchor}`).toBeGreaterThan(0);
          // A translation is English prose, not a copy of the Chinese.
          expect(node.en, `art ${a.number} ${node.anchor}`).not.toMatch(/[\u4e00-\u9fff]/);
          expect(node.en, `art ${a.number} ${node.anchor}`).toMatch(/[.;:]$/);
        }
    expect(nodes).toBe(sourceLines.filter((l) => !l.startsWith('#') && !l.startsWith('- ')).length);
  });

  it('keeps item punctuation parallel: lead sentences end with a colon, last items with a full stop', () => {
    for (const a of REGULATION.articles)
      for (const p of a.paragraphs) {
        if (p.items.length === 0) continue;
        expect(p.zh.endsWith('：') && p.en.endsWith(':'), `art ${a.number} ${p.anchor}`).toBe(true);
        const last = p.items.at(-1)!;
        expect(last.zh.endsWith('。') && last.en.endsWith('.'), `art ${a.number} ${last.anchor}`).toBe(true);
      }
  });

  it('gives every paragraph and item a unique anchor of the form p<n> or p<n>-i<m>', () => {
    for (const a of REGULATION.articles) {
      const anchors = a.paragraphs.flatMap((p) => [p.anchor, ...p.items.map((i) => i.anchor)]);
      expect(new Set(anchors).size, `art ${a.number}`).toBe(anchors.length);
      a.paragraphs.forEach((p, pi) => {
        expect(p.number).toBe(pi + 1);
        expect(p.anchor).toBe(`p${pi + 1}`);
        p.items.forEach((it, ii) => expect(it.anchor).toBe(`p${pi + 1}-i${ii + 1}`));
      });
      for (const anchor of anchors) expect(anchor).toMatch(/^p[1-9]\d*(-i[1-9]\d*)?$/);
    }
  });

  it('keeps the chapter titles as published and offers them without typographic spacing', () => {
    expect(REGULATION.chapters.map((c) => c.zh)).toEqual(['总 则', '技防系统管理', '信息使用管理', '监督管理', '法律责任', '附 则']);
    expect(REGULATION.chapters.map((c) => c.zhDisplay)).toEqual(['总则', '技防系统管理', '信息使用管理', '监督管理', '法律责任', '附则']);
  });

  it('records adoption and entry into force as Art 37 states them', () => {
    expect(REGULATION.adopted).toBe('2014-11-27');
    expect(REGULATION.inForce).toBe('2015-02-01');
    expect(REGULATION.articles[36].paragraphs[0].zh).toBe('本条例自2015年2月1日起施行。');
    expect(REGULATION.level).toBe('provincial-regulation');
    expect(REGULATION.textAvailable).toBe(true);
  });
});
