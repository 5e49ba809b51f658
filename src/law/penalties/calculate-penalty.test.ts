import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { calculatePenalty, maximumFines } from './calculate-penalty.js';
import type { PenaltyInput } from './penalty-schema.js';

const ON = '2026-01-01';
const fines = (i: PenaltyInput, asOf = ON) => calculatePenalty(i, asOf).fines.map((f) => [f.payer, f.amountYuan]);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : String(e);
  }
  return 'no error';
};

describe('art 31: 责令限期改正；逾期不改正的，对单位处3万元罚款，对单位负责人及相关责任人处5000元罚款', () => {
  it('“责令限期改正”: rectified in time → the order only, no fine', () => {
    const d = calculatePenalty({ article: 31, item: 1, offender: 'unit', rectifiedInTime: true }, ON);
    expect(d.orders.map((o) => o.kind)).toEqual(['rectify_within_time_limit']);
    expect(d.fines).toEqual([]);
    expect(d.contingentFines).toBeUndefined();
  });
  it('“逾期不改正的”: missed the time limit → unit 30,000, each responsible person 5,000', () => {
    const d = calculatePenalty({ article: 31, item: 2, offender: 'unit', rectifiedInTime: false }, ON);
    expect(d.fines.map((f) => [f.payer, f.amountYuan, f.perPerson ?? false])).toEqual([
      ['unit', 30_000, false],
      ['responsible_person', 5_000, true],
    ]);
    expect(d.orders[0].citation).toEqual({ article: 31, paragraph: 1, item: 2 });
  });
  it('while the time limit runs, the fines are contingent', () => {
    const d = calculatePenalty({ article: 31, item: 4, offender: 'unit' }, ON);
    expect(d.fines).toEqual([]);
    expect(d.contingentFines?.fines.map((f) => f.amountYuan)).toEqual([30_000, 5_000]);
    expect(d.contingentFines?.condition.zh).toBe('逾期不改正的');
  });
  it('an individual gets the order only (interpretation art31.individual-offender)', () => {
    const d = calculatePenalty({ article: 31, item: 2, offender: 'individual', rectifiedInTime: false }, ON);
    expect(d.fines).toEqual([]);
    expect(d.interpretations).toEqual(['art31.individual-offender']);
  });
  it('“（一）至（四）”: item 5 is no such penalty (422)', () => {
    expect(code(() => calculatePenalty({ article: 31, item: 5, offender: 'unit' }, ON))).toBe('422 JF_LAW_NO_SUCH_PENALTY');
  });
});

describe('art 32: 违反本条例第十一条规定的，由公安机关责令限期改正；逾期不改正的，处5000元罚款', () => {
  it('the unit pays 5,000 after a missed time limit (interpretation art32.payer)', () => {
    const d = calculatePenalty({ article: 32, item: 3, offender: 'unit', rectifiedInTime: false }, ON);
    expect(fines({ article: 32, item: 3, offender: 'unit', rectifiedInTime: false })).toEqual([['unit', 5_000]]);
    expect(d.violated).toEqual({ article: 11, paragraph: 1, item: 3 });
    expect(d.interpretations).toContain('art32.payer');
  });
  it('rectified in time → no fine', () => {
    expect(fines({ article: 32, offender: 'unit', rectifiedInTime: true })).toEqual([]);
  });
  it('the other reading would make the responsible persons pay, each', () => {
    const d = calculatePenalty({ article: 32, offender: 'unit', rectifiedInTime: false }, ON, { readings: { 'art32.payer': 'responsible_person' } });
    expect(d.fines.map((f) => [f.payer, f.amountYuan, f.perPerson])).toEqual([['responsible_person', 5_000, true]]);
  });
  it('art 11 binds units: an individual offender, or item 5, is no such penalty', () => {
    expect(code(() => calculatePenalty({ article: 32, offender: 'individual' }, ON))).toBe('422 JF_LAW_NO_SUCH_PENALTY');
    expect(code(() => calculatePenalty({ article: 32, item: 5, offender: 'unit' }, ON))).toBe('422 JF_LAW_NO_SUCH_PENALTY');
  });
});

describe('art 33: 责令拆除；拒不拆除的，依法予以强制拆除；…治安管理处罚法…；构成犯罪的，依法追究刑事责任', () => {
  it('orders removal, then forced removal if refused; refers on; no fine', () => {
    const d = calculatePenalty({ article: 33, offender: 'individual' }, ON);
    expect(d.orders.map((o) => o.kind)).toEqual(['removal', 'forced_removal']);
    expect(d.orders[1].condition?.zh).toBe('拒不拆除的');
    expect(d.fines).toEqual([]);
    expect(d.referrals.map((r) => r.kind)).toEqual(['public_security_administration_punishment', 'criminal_liability']);
    expect(d.violated).toEqual({ article: 14 });
  });
  it('has no items', () => {
    expect(code(() => calculatePenalty({ article: 33, item: 1, offender: 'unit' }, ON))).toBe('422 JF_LAW_NO_SUCH_PENALTY');
  });
});

describe('art 34: 对单位处1万元罚款，对直接责任人处5000元罚款；情节严重的，对单位处3万元罚款，对直接责任人处1万元罚款', () => {
  it.each([
    [{ offender: 'unit', serious: false }, [['unit', 10_000], ['direct_responsible_person', 5_000]]],
    [{ offender: 'unit', serious: true }, [['unit', 30_000], ['direct_responsible_person', 10_000]]],
    [{ offender: 'individual', serious: false }, [['individual', 5_000]]],
    [{ offender: 'individual', serious: true }, [['individual', 10_000]]],
  ] as const)('%o → %o', (i, expected) => {
    expect(fines({ article: 34, item: 1, ...i })).toEqual(expected);
  });
  it('fines at once, no rectification step; refers damages and crime', () => {
    const d = calculatePenalty({ article: 34, item: 2, offender: 'unit', rectifiedInTime: true }, ON);
    expect(d.orders).toEqual([]);
    expect(d.fines).toHaveLength(2);
    expect(d.referrals.map((r) => [r.kind, r.condition.zh])).toEqual([
      ['damages', '造成损失的'],
      ['criminal_liability', '构成犯罪的'],
    ]);
  });
  it('art 21 has items 1-5 only', () => {
    expect(code(() => calculatePenalty({ article: 34, item: 6, offender: 'unit' }, ON))).toBe('422 JF_LAW_NO_SUCH_PENALTY');
  });
});

describe('art 35: 违反本条例第二十二条第一项、第三项、第四项规定的…对单位处3万元罚款，对个人处1万元罚款；有违法所得的，没收违法所得，处违法所得三倍罚款', () => {
  it('no gains: the fixed fine only', () => {
    expect(fines({ article: 35, item: 1, offender: 'unit' })).toEqual([['unit', 30_000]]);
    expect(fines({ article: 35, item: 4, offender: 'individual', illegalGainsYuan: 0 })).toEqual([['individual', 10_000]]);
  });
  it('with gains: confiscation, and three times the gains on top of the fixed fine (interpretation art35.illegal-gains-fine)', () => {
    const d = calculatePenalty({ article: 35, item: 3, offender: 'individual', illegalGainsYuan: 100 }, ON);
    expect(d.fines.map((f) => f.amountYuan)).toEqual([10_000, 300]);
    expect(d.confiscation?.amountYuan).toBe(100);
    expect(d.interpretations).toEqual(['art35.illegal-gains-fine']);
    expect(d.violated).toEqual({ article: 22, paragraph: 1, item: 3 });
  });
  it('the other readings, for comparison', () => {
    const i: PenaltyInput = { article: 35, item: 1, offender: 'individual', illegalGainsYuan: 100 };
    expect(calculatePenalty(i, ON, { readings: { 'art35.illegal-gains-fine': 'instead' } }).fines.map((f) => f.amountYuan)).toEqual([300]);
    expect(calculatePenalty(i, ON, { readings: { 'art35.illegal-gains-fine': 'higher' } }).fines.map((f) => f.amountYuan)).toEqual([10_000]);
  });
  it('gains in fen are kept exact', () => {
    expect(calculatePenalty({ article: 35, item: 1, offender: 'unit', illegalGainsYuan: 0.1 }, ON).fines[1].amountYuan).toBe(0.3);
  });
  it('“第一项、第三项、第四项”: item 2 is no such penalty, with a bilingual reason', () => {
    try {
      calculatePenalty({ article: 35, item: 2, offender: 'unit' }, ON);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const a = e as AppError;
      expect([a.status, a.code]).toEqual([422, 'JF_LAW_NO_SUCH_PENALTY']);
      expect(a.bilingual.zh).toContain('不包括第（二）项');
      expect(a.bilingual.en).toContain('not item (2)');
    }
  });
  it('the item is required', () => {
    expect(code(() => calculatePenalty({ article: 35, offender: 'unit' }, ON))).toBe('422 JF_LAW_NO_SUCH_PENALTY');
  });
});

describe('dates', () => {
  it('本条例自2015年2月1日起施行: no penalty for 2015-01-31, the penalty for 2015-02-01', () => {
    expect(code(() => calculatePenalty({ article: 34, offender: 'unit' }, '2015-01-31'))).toBe('422 JF_LAW_NOT_IN_FORCE');
    expect(fines({ article: 34, offender: 'unit' }, '2015-02-01')).toEqual([
      ['unit', 10_000],
      ['direct_responsible_person', 5_000],
    ]);
  });
  it('a bad date is a 400', () => {
    expect(code(() => calculatePenalty({ article: 34, offender: 'unit' }, '2015-02-30'))).toBe('400 JF_LAW_BAD_DATE');
  });
});

describe('properties', () => {
  const input = fc.record(
    {
      article: fc.constantFrom(31, 32, 33, 34, 35),
      item: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      offender: fc.constantFrom('unit', 'individual'),
      serious: fc.option(fc.boolean(), { nil: undefined }),
      rectifiedInTime: fc.option(fc.boolean(), { nil: undefined }),
      illegalGainsYuan: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
    },
    { requiredKeys: ['article', 'offender'] },
  ) as fc.Arbitrary<PenaltyInput>;
  const date = fc.date({ min: new Date('2015-02-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('a fine is never negative and never above what the article allows; otherwise it is a coded 422', () => {
    fc.assert(
      fc.property(input, date, (i, asOf) => {
        let d;
        try {
          d = calculatePenalty(i, asOf);
        } catch (e) {
          return e instanceof AppError && e.status === 422;
        }
        const max = maximumFines(i.article, asOf, i.illegalGainsYuan ?? 0);
        const all = [...d.fines, ...(d.contingentFines?.fines ?? [])];
        const byPayer = new Map<string, number>();
        for (const f of all) byPayer.set(f.payer, (byPayer.get(f.payer) ?? 0) + f.amountYuan);
        return all.every((f) => f.amountYuan >= 0) && [...byPayer].every(([p, total]) => total <= (max[p as keyof typeof max] ?? 0) + 1e-6);
      }),
      { numRuns: 2000 },
    );
  });

  it('art 31 and 32: rectified in time is never fined', () => {
    fc.assert(
      fc.property(input, date, (i, asOf) => {
        if (i.article !== 31 && i.article !== 32) return true;
        try {
          return calculatePenalty({ ...i, rectifiedInTime: true }, asOf).fines.length === 0;
        } catch (e) {
          return e instanceof AppError && e.status === 422;
        }
      }),
    );
  });
});
