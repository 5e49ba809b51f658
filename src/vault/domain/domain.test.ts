import { describe, expect, it } from 'vitest';
import { findGaps } from './coverage.js';
import { erasableFrom, effectiveKeepDays } from './retention.js';
import { inScope, normaliseScope, overlaps } from './scope.js';
import { VAULT_RULES } from './rules.js';
import { getArticle } from '../../law/index.js';
import { VaultErrors } from '../errors.js';

describe('art 23 ¶2: no fewer than thirty days', () => {
  const end = '2026-05-01T10:00:00.000Z';
  it('a recording may be disposed of from the end of its capture plus the minimum, not a millisecond before', () => {
    expect(erasableFrom(end, 30)).toBe('2026-05-31T10:00:00.000Z');
    expect(erasableFrom(end, 90)).toBe('2026-07-30T10:00:00.000Z');
  });
  it('a unit may keep longer than the minimum, never shorter', () => {
    expect(effectiveKeepDays({ days: 30, instrument: 'liaoning-2014', floorId: 'x' }, 45)).toBe(45);
    expect(effectiveKeepDays({ days: 30, instrument: 'liaoning-2014', floorId: 'x' }, 7)).toBe(30);
  });
});

describe('art 24 ¶1 (4): the scope limited to the duty', () => {
  const w = { from: '2026-05-01T10:00:00.000Z', to: '2026-05-01T11:00:00.000Z' };
  const seg = (from: string, to: string) => ({ startedAt: from, endedAt: to });
  it('a recording ending a second before the window, or starting a second after it, is outside', () => {
    expect(overlaps(seg('2026-05-01T09:55:00.000Z', '2026-05-01T09:59:59.000Z'), w)).toBe(false);
    expect(overlaps(seg('2026-05-01T11:00:01.000Z', '2026-05-01T11:05:00.000Z'), w)).toBe(false);
  });
  it('a recording touching the window for a second is inside; one ending exactly at its start is not', () => {
    expect(overlaps(seg('2026-05-01T09:55:00.000Z', '2026-05-01T10:00:01.000Z'), w)).toBe(true);
    expect(overlaps(seg('2026-05-01T10:59:59.000Z', '2026-05-01T11:05:00.000Z'), w)).toBe(true);
    expect(overlaps(seg('2026-05-01T09:55:00.000Z', '2026-05-01T10:00:00.000Z'), w)).toBe(false);
  });
  it('a scope of a whole system covers its devices; a device entry covers that device only', () => {
    expect(inScope([{ systemId: 1, deviceId: null }], { systemId: 1, deviceId: 5 })).toBe(true);
    expect(inScope([{ systemId: 1, deviceId: 4 }], { systemId: 1, deviceId: 5 })).toBe(false);
    expect(normaliseScope([{ systemId: 1, deviceId: 4 }, { systemId: 1, deviceId: null }, { systemId: 1, deviceId: null }])).toEqual([{ systemId: 1, deviceId: null }]);
  });
});

describe('coverage gaps', () => {
  const s = (a: string, b: string) => ({ startedAt: `2026-05-01T${a}:00.000Z`, endedAt: `2026-05-01T${b}:00.000Z` });
  it('finds pauses longer than the tolerance, at the start, between and at the end', () => {
    const gaps = findGaps([s('10:10', '10:20'), s('10:20', '10:30'), s('10:40', '10:50')], '2026-05-01T10:00:00.000Z', '2026-05-01T11:00:00.000Z', 60);
    expect(gaps.map((g) => [g.from.slice(11, 16), g.to.slice(11, 16)])).toEqual([
      ['10:00', '10:10'],
      ['10:30', '10:40'],
      ['10:50', '11:00'],
    ]);
  });
  it('tolerates overlapping recordings and pauses within the tolerance', () => {
    expect(findGaps([s('10:00', '10:31'), s('10:30', '11:00')], '2026-05-01T10:00:00.000Z', '2026-05-01T11:00:00.000Z', 60)).toEqual([]);
  });
});

describe('citations', () => {
  it('every rule and every error names a real article, paragraph and item of the regulation', () => {
    const citations = [...Object.values(VAULT_RULES), ...Object.values(VaultErrors).flatMap((e) => (e.citation ? [e.citation] : []))];
    for (const c of citations) {
      const a = getArticle(c.article);
      expect(a, `article ${c.article}`).toBeDefined();
      const p = 'paragraph' in c && c.paragraph ? a!.paragraphs[c.paragraph - 1] : a!.paragraphs[0];
      expect(p, JSON.stringify(c)).toBeDefined();
      if ('item' in c && c.item) expect(p.items[c.item - 1], JSON.stringify(c)).toBeDefined();
    }
  });
});
