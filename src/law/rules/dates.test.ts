import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { assertIsoDate, dayBefore, inForce, isIsoDate } from './dates.js';

describe('dates', () => {
  it('accepts real calendar days written YYYY-MM-DD only', () => {
    expect(['2015-02-01', '2024-02-29'].every(isIsoDate)).toBe(true);
    expect(['2015-02-30', '2023-02-29', '2015-2-1', '20150201', '', 20150201].some(isIsoDate)).toBe(false);
    expect(() => assertIsoDate('2015-13-01')).toThrow(AppError);
  });
  it('closes a span the day before an amendment starts', () => {
    expect(dayBefore('2015-02-01')).toBe('2015-01-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
  it('treats `from` and `to` as the first and last day in force', () => {
    const v = { from: '2015-02-01', to: '2025-03-31' };
    expect([inForce(v, '2015-01-31'), inForce(v, '2015-02-01'), inForce(v, '2025-03-31'), inForce(v, '2025-04-01')]).toEqual([false, true, true, false]);
    expect(inForce({ from: '2015-02-01' }, '2099-12-31')).toBe(true);
  });
});
