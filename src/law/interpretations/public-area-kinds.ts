import type { Bilingual } from '../../shared/text.js';

/**
 * The public-area kinds art 8 ¶2 names: each must have a technical prevention
 * system. The registry classifies public areas by these kinds.
 * @see interpretation art8.public-area-kinds
 */
export const PUBLIC_AREA_KINDS = [
  'square',
  'park',
  'main_road',
  'complex_security_road_section',
  'intersection',
  'underpass',
  'footbridge',
  'tunnel',
  'large_bridge',
] as const;
export type PublicAreaKind = (typeof PUBLIC_AREA_KINDS)[number];

export const PUBLIC_AREA_KIND_LABELS: Readonly<Record<PublicAreaKind, Bilingual>> = {
  square: { zh: '广场', en: 'Square' },
  park: { zh: '公园', en: 'Park' },
  main_road: { zh: '主要道路', en: 'Main road' },
  complex_security_road_section: { zh: '治安复杂区域路段', en: 'Road section in an area with complex public order' },
  intersection: { zh: '路口（主要道路和治安复杂区域路段的路口）', en: 'Intersection (of main roads and complex-order road sections)' },
  underpass: { zh: '地下通道', en: 'Underpass' },
  footbridge: { zh: '过街天桥', en: 'Footbridge' },
  tunnel: { zh: '隧道', en: 'Tunnel' },
  large_bridge: { zh: '大型桥梁', en: 'Large bridge' },
};

/** A situation may name any public area; `other` is one art 8 ¶2 does not name. */
export const PUBLIC_AREA_KINDS_OR_OTHER = [...PUBLIC_AREA_KINDS, 'other'] as const;
