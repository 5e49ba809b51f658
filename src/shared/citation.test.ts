import { describe, expect, it } from 'vitest';
import { chineseNumeral, citationHref, formatCitation } from './citation.js';

describe('citations', () => {
  it('writes article numbers as the regulation does', () => {
    expect([1, 10, 14, 20, 24, 31, 37].map(chineseNumeral)).toEqual(['一', '十', '十四', '二十', '二十四', '三十一', '三十七']);
  });
  it('formats a paragraph and item in both languages and links to its anchor', () => {
    expect(formatCitation({ article: 24, paragraph: 1, item: 1 })).toEqual({ zh: '第二十四条第一款第（一）项', en: 'Art 24 ¶1 (1)' });
    expect(citationHref({ article: 24, paragraph: 1, item: 1 })).toBe('/law/24#p1-i1');
    expect(citationHref({ article: 14 })).toBe('/law/14');
  });
});

describe('citations of other instruments', () => {
  it('link to the instrument on the law index, not to a Liaoning article of the same number', () => {
    expect(citationHref({ instrument: 'gwy-799-2025', article: 10 })).toBe('/law#gwy-799-2025');
  });
});
