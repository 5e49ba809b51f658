import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveCitation } from '../corpus/index.js';
import { ORGAN_KINDS, ORGAN_POWERS } from './investigating-organs.js';
import { PRIVATE_PLACE_KINDS, PRIVATE_PLACE_LABELS } from './private-places.js';
import { PUBLIC_AREA_KIND_LABELS, PUBLIC_AREA_KINDS } from './public-area-kinds.js';
import { chosenReading, INTERPRETATIONS } from './register.js';
import { renderInterpretationsMarkdown } from './render-markdown.js';
import { ART10_ITEMS, art10ItemOf, UNIT_TYPE_ART10_ITEM, UNIT_TYPES } from './unit-types.js';

const DOC = fileURLToPath(new URL('../../../docs/interpretations.md', import.meta.url));

describe('the interpretations register', () => {
  it('docs/interpretations.md is the register, rendered (set JIFANG_WRITE_DOCS=1 to rewrite it)', () => {
    const rendered = renderInterpretationsMarkdown();
    if (process.env.JIFANG_WRITE_DOCS === '1') writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('covers at least the questions the mission names', () => {
    const ids = INTERPRETATIONS.map((i) => i.id);
    for (const id of ['art35.illegal-gains-fine', 'art32.payer', 'art23.national-rules', 'art10.unit-types', 'art8.public-area-kinds', 'art25.others-privacy']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each entry has a question, at least two readings, a chosen one among them and a reason, in both languages', () => {
    for (const i of INTERPRETATIONS) {
      expect(i.readings.length, i.id).toBeGreaterThanOrEqual(2);
      expect(i.readings.map((r) => r.id), i.id).toContain(i.chosen);
      for (const t of [i.question, i.reason, ...i.readings.map((r) => r.text)]) expect(t.zh && t.en, i.id).toBeTruthy();
      for (const c of i.citations) expect(resolveCitation(c), `${i.id} ${JSON.stringify(c)}`).toBeDefined();
      expect(i.rules.length, i.id).toBeGreaterThan(0);
    }
  });

  it('the chosen readings, as code reads them', () => {
    expect(chosenReading('art35.illegal-gains-fine')).toBe('cumulative');
    expect(chosenReading('art32.payer')).toBe('unit');
    expect(chosenReading('art23.national-rules')).toBe('longest_floor');
    expect(chosenReading('art35.illegal-gains-fine', { 'art35.illegal-gains-fine': 'instead' })).toBe('instead');
  });
});

describe('art 10 mapping (UNIT_TYPE_ART10_ITEM)', () => {
  it('reaches every one of the twelve items', () => {
    expect(ART10_ITEMS.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(Object.values(UNIT_TYPE_ART10_ITEM).map((v) => v.item)).size).toBe(12);
  });
  it.each([
    ['primary_school', 7],
    ['bank_branch', 3],
    ['hospital', 7],
    ['hotel', 7],
    ['gas_station', 4],
    ['residential_community_new', 11],
    ['museum', 8],
    ['exam_paper_site', 10],
    ['government_designated', 12],
    ['other', undefined],
  ] as const)('%s → item %s', (t, item) => {
    expect(art10ItemOf(t)).toBe(item);
  });
  it('every unit type except `other` is mapped and labelled in both languages', () => {
    for (const t of UNIT_TYPES.filter((x) => x !== 'other')) {
      const e = UNIT_TYPE_ART10_ITEM[t as keyof typeof UNIT_TYPE_ART10_ITEM];
      expect(e.label.zh && e.label.en, t).toBeTruthy();
    }
  });
});

describe('kinds carried as data', () => {
  it('art 8 ¶2 names nine kinds of public area, each labelled', () => {
    expect(PUBLIC_AREA_KINDS).toEqual(['square', 'park', 'main_road', 'complex_security_road_section', 'intersection', 'underpass', 'footbridge', 'tunnel', 'large_bridge']);
    expect(Object.keys(PUBLIC_AREA_KIND_LABELS)).toEqual([...PUBLIC_AREA_KINDS]);
  });
  it('art 14 names six places; “等” adds other private places', () => {
    expect(PRIVATE_PLACE_KINDS.slice(0, 6)).toEqual(['hotel_room', 'dormitory_bedroom', 'public_bath', 'changing_room', 'toilet', 'residential_window_or_door']);
    expect(Object.keys(PRIVATE_PLACE_LABELS)).toEqual([...PRIVATE_PLACE_KINDS]);
  });
  it('art 24: every organ kind has its powers; ¶2 is public and state security only', () => {
    expect(Object.keys(ORGAN_POWERS)).toEqual([...ORGAN_KINDS]);
    expect(ORGAN_KINDS.filter((k) => ORGAN_POWERS[k].emergencyDirectUse)).toEqual(['public_security', 'state_security']);
  });
});
