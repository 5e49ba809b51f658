/**
 * A pointer into a legal instrument: article, paragraph (款) and item (项).
 * The default instrument is the Liaoning regulation of 2014.
 */
export interface Citation {
  /** Instrument id; omitted means `liaoning-2014`. */
  instrument?: string;
  article: number;
  paragraph?: number;
  item?: number;
}

export const DEFAULT_INSTRUMENT = 'liaoning-2014';

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 24 → 二十四, 10 → 十, 31 → 三十一 (articles run to 37). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** Anchor in the web app's law pages, e.g. `/law/24#p1-i1`. */
export function citationHref(c: Citation): string {
  // Instruments whose text is not held are listed on the law index page.
  if (c.instrument && c.instrument !== DEFAULT_INSTRUMENT) return `/law#${c.instrument}`;
  const frag = c.paragraph ? `#p${c.paragraph}${c.item ? `-i${c.item}` : ''}` : '';
  return `/law/${c.article}${frag}`;
}

/** 第二十四条第一款第（一）项 / Art 24 ¶1 (1) */
export function formatCitation(c: Citation): { zh: string; en: string } {
  let zh = `第${chineseNumeral(c.article)}条`;
  let en = `Art ${c.article}`;
  if (c.paragraph) {
    zh += `第${chineseNumeral(c.paragraph)}款`;
    en += ` ¶${c.paragraph}`;
  }
  if (c.item) {
    zh += `第（${chineseNumeral(c.item)}）项`;
    en += ` (${c.item})`;
  }
  return { zh, en };
}
