import { describe, expect, it } from 'vitest';
import { resolveCitation } from '../corpus/index.js';
import { FINES } from './fines.js';
import { amendParameter, parameterAt } from './parameter.js';
import { minimumRetention, RETENTION_FLOORS, type RetentionFloor } from './retention.js';

describe('fines as dated parameters', () => {
  it.each([
    ['art31Unit', 30_000, '第三十一条 对单位处3万元罚款'],
    ['art31ResponsiblePerson', 5_000, '第三十一条 对单位负责人及相关责任人处5000元罚款'],
    ['art32', 5_000, '第三十二条 处5000元罚款'],
    ['art34Unit', 10_000, '第三十四条 对单位处1万元罚款'],
    ['art34DirectResponsible', 5_000, '第三十四条 对直接责任人处5000元罚款'],
    ['art34SeriousUnit', 30_000, '第三十四条 情节严重的，对单位处3万元罚款'],
    ['art34SeriousDirectResponsible', 10_000, '第三十四条 情节严重的，对直接责任人处1万元罚款'],
    ['art35Unit', 30_000, '第三十五条 对单位处3万元罚款'],
    ['art35Individual', 10_000, '第三十五条 对个人处1万元罚款'],
    ['art35IllegalGainsMultiple', 3, '第三十五条 处违法所得三倍罚款'],
  ] as const)('%s is %d (%s), from 2015-02-01, not before', (name, value, _sentence) => {
    const p = FINES[name];
    expect(parameterAt(p, '2015-01-31')).toBeUndefined();
    expect(parameterAt(p, '2015-02-01')?.value).toBe(value);
    const source = parameterAt(p, '2030-01-01')!.source;
    expect(resolveCitation(source.citation!)).toBeDefined();
  });

  it('an amendment adds a value and keeps the old one for earlier days', () => {
    const amended = amendParameter(FINES.art32, { from: '2030-01-01', value: 8_000, source: { instrument: 'liaoning-2014', citation: { article: 32 } } });
    expect(parameterAt(amended, '2029-12-31')?.value).toBe(5_000);
    expect(parameterAt(amended, '2030-01-01')?.value).toBe(8_000);
    expect(amended.values[0].to).toBe('2029-12-31');
    expect(parameterAt(FINES.art32, '2030-01-01')?.value).toBe(5_000);
  });
});

describe('minimum retention (art 23 ¶2: 留存时间不得少于三十日。国家另有规定的，从其规定)', () => {
  const publicVideo = { scope: 'public_area' as const, captures: ['video' as const] };

  it('is 30 days for public-area and key-unit systems from 2015-02-01, none the day before', () => {
    expect(minimumRetention(publicVideo, '2015-01-31')).toBeUndefined();
    expect(minimumRetention(publicVideo, '2015-02-01')?.days).toBe(30);
    expect(minimumRetention({ scope: 'key_unit', art10Item: 3 }, '2015-02-01')?.days).toBe(30);
  });

  it('sets no minimum for other systems', () => {
    expect(minimumRetention({ scope: 'other', captures: ['video'] }, '2026-01-01')).toBeUndefined();
  });

  it('cites State Council Decree No. 799 alongside art 23 from 2025-04-01, not on 2025-03-31', () => {
    const before = minimumRetention(publicVideo, '2025-03-31')!;
    const after = minimumRetention(publicVideo, '2025-04-01')!;
    expect(before.concurring.map((f) => f.source.instrument)).toEqual(['liaoning-2014']);
    expect(after.concurring.map((f) => f.source.instrument)).toEqual(['liaoning-2014', 'gwy-799-2025']);
    expect([before.days, after.days]).toEqual([30, 30]);
    // Equal floors: the regulation's own rule still governs.
    expect(after.governing.source.instrument).toBe('liaoning-2014');
  });

  it('the national decree reaches video only: an audio-only system is governed by art 23 alone', () => {
    expect(minimumRetention({ scope: 'key_unit', captures: ['audio'] }, '2026-01-01')!.concurring).toHaveLength(1);
  });

  const longer: RetentionFloor = {
    id: 'test.national-90-days-item-3',
    role: 'exception',
    appliesTo: { scope: 'key_unit', art10Items: [3], captures: ['video'] },
    days: 90,
    from: '2025-04-01',
    source: { instrument: 'gwy-799-2025' },
    note: { zh: '测试用', en: 'for the test' },
  };
  const table = [...RETENTION_FLOORS, longer];

  it('a longer national minimum for a category wins from the day it is in force (exception over the base rule)', () => {
    const bank = { scope: 'key_unit' as const, art10Item: 3, captures: ['video' as const] };
    expect(minimumRetention(bank, '2025-03-31', table)!.days).toBe(30);
    const m = minimumRetention(bank, '2025-04-01', table)!;
    expect(m.days).toBe(90);
    expect(m.governing.id).toBe(longer.id);
  });

  it('the longer minimum is per category: other items keep 30 days', () => {
    expect(minimumRetention({ scope: 'key_unit', art10Item: 7, captures: ['video'] }, '2026-01-01', table)!.days).toBe(30);
  });

  it('only a national instrument can be the exception', () => {
    const provincial: RetentionFloor = { ...longer, id: 'test.provincial', source: { instrument: 'liaoning-2014', citation: { article: 23, paragraph: 2 } } };
    expect(minimumRetention({ scope: 'key_unit', art10Item: 3, captures: ['video'] }, '2026-01-01', [...RETENTION_FLOORS, provincial])!.days).toBe(30);
  });

  it('under the reading national_replaces, a shorter national minimum would govern', () => {
    const shorter: RetentionFloor = { ...longer, id: 'test.shorter', days: 15 };
    const c = { scope: 'key_unit' as const, art10Item: 3, captures: ['video' as const] };
    expect(minimumRetention(c, '2026-01-01', [...RETENTION_FLOORS, shorter])!.days).toBe(30);
    expect(minimumRetention(c, '2026-01-01', [...RETENTION_FLOORS, shorter], { 'art23.national-rules': 'national_replaces' })!.days).toBe(15);
  });
});
