import type { SignageConfig } from '../../config.js';

/**
 * The sign of Art 15 as a standalone SVG, its size in millimetres, drawn in a
 * viewBox of millimetres so that printing it at 100 % gives the sign at its
 * size. The wording comes from the configuration (the province sets the
 * style); a unit may add its name.
 */

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Rough advance widths in em: CJK full width, Latin capitals wider than small letters. */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch)) w += 1;
    else if (/[A-Z0-9]/.test(ch)) w += 0.68;
    else if (ch === ' ') w += 0.3;
    else w += 0.52;
  }
  return Math.max(w, 1);
}

const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
const BLUE = '#0a3d91';

export interface SignOptions {
  unitName?: string | null;
  english?: boolean;
}

export function signageSvg(c: SignageConfig, o: SignOptions = {}): string {
  const W = c.widthMm;
  const H = c.heightMm;
  const english = o.english ?? c.english;
  const unit = o.unitName?.trim() || null;
  const m = Math.min(W, H);
  const border = m * 0.035;
  const inner = W - 2 * border - m * 0.08;
  // Lines top to bottom, each with its wanted size relative to the sign's short side.
  const lines: { text: string; size: number; weight: number; fill: string; lang: string }[] = [
    { text: c.titleZh, size: 0.16, weight: 700, fill: BLUE, lang: 'zh-CN' },
    { text: c.textZh, size: 0.085, weight: 500, fill: '#111', lang: 'zh-CN' },
    ...(english
      ? [
          { text: c.titleEn, size: 0.07, weight: 700, fill: BLUE, lang: 'en' },
          { text: c.textEn, size: 0.05, weight: 400, fill: '#111', lang: 'en' },
        ]
      : []),
    ...(unit ? [{ text: unit, size: 0.055, weight: 500, fill: '#111', lang: 'zh-CN' }] : []),
  ].map((l) => ({ ...l, size: Math.min(l.size * m, inner / ems(l.text)) }));
  const iconH = m * 0.22;
  const gap = m * 0.035;
  const total = iconH + gap + lines.reduce((s, l) => s + l.size * 1.25, 0);
  // Scale everything down if the sign is too short for it.
  const k = Math.min(1, (H - 2 * border - m * 0.06) / total);
  let y = (H - total * k) / 2;
  const iconW = iconH * 1.6 * k;
  const ix = (W - iconW) / 2;
  const iy = y;
  const ih = iconH * k;
  // A camera on its mount: body, lens, bracket.
  const icon = [
    `<rect x="${f(ix)}" y="${f(iy + ih * 0.12)}" width="${f(iconW * 0.7)}" height="${f(ih * 0.5)}" rx="${f(ih * 0.08)}" fill="${BLUE}"/>`,
    `<polygon points="${f(ix + iconW * 0.7)},${f(iy + ih * 0.22)} ${f(ix + iconW)},${f(iy + ih * 0.08)} ${f(ix + iconW)},${f(iy + ih * 0.66)} ${f(ix + iconW * 0.7)},${f(iy + ih * 0.52)}" fill="${BLUE}"/>`,
    `<circle cx="${f(ix + iconW * 0.2)}" cy="${f(iy + ih * 0.37)}" r="${f(ih * 0.12)}" fill="#fff"/>`,
    `<rect x="${f(ix + iconW * 0.3)}" y="${f(iy + ih * 0.62)}" width="${f(iconW * 0.08)}" height="${f(ih * 0.3)}" fill="${BLUE}"/>`,
    `<rect x="${f(ix + iconW * 0.14)}" y="${f(iy + ih * 0.9)}" width="${f(iconW * 0.4)}" height="${f(ih * 0.1)}" fill="${BLUE}"/>`,
  ];
  y += (iconH + gap) * k;
  const texts = lines.map((l) => {
    const size = l.size * k;
    y += size * 1.25;
    return `<text x="${f(W / 2)}" y="${f(y - size * 0.3)}" font-size="${f(size)}" font-weight="${l.weight}" fill="${l.fill}" text-anchor="middle" xml:lang="${l.lang}">${escapeXml(l.text)}</text>`;
  });
  const label = [c.titleZh, c.textZh, ...(english ? [c.titleEn, c.textEn] : []), ...(unit ? [unit] : [])].join(' / ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}mm" height="${H}mm" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(label)}" font-family="${FONT}">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>`,
    `<rect x="${f(border / 2)}" y="${f(border / 2)}" width="${f(W - border)}" height="${f(H - border)}" rx="${f(m * 0.03)}" fill="none" stroke="${BLUE}" stroke-width="${f(border)}"/>`,
    ...icon,
    ...texts,
    '</svg>',
    '',
  ].join('\n');
}

const f = (n: number) => String(Math.round(n * 100) / 100);
