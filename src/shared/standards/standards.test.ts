import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from './gb32100.js';
import { checkResidentId } from './gb11643.js';
import { findDivision, isLiaoningDivision, liaoningDivisions, liaoningTownships } from './gb2260.js';

describe('GB 32100 unified social credit code', () => {
  it('accepts published codes and computes their check character', () => {
    // Codes printed on public business licences.
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91110000802100433B')).toBeNull();
    expect(creditCodeCheckCharacter('91110000802100433')).toBe('B');
  });
  it('names what is wrong', () => {
    expect(checkCreditCode('91350100M000100Y4')).toBe('length');
    expect(checkCreditCode('91350100M000100YI3')).toBe('charset');
    expect(checkCreditCode('91350100M000100Y44')).toBe('check-character');
  });
});

describe('GB 11643 resident identity number', () => {
  it('accepts the standard’s example and an X check digit', () => {
    expect(checkResidentId('11010519491231002X')).toBeNull();
    expect(checkResidentId('210102199003071233')).toBeNull();
  });
  it('rejects a wrong check digit, a bad date and a bad format', () => {
    expect(checkResidentId('110105194912310021')).toBe('check-digit');
    expect(checkResidentId('110105194902300028')).toBe('birth-date');
    expect(checkResidentId('11010519491231002x')).toBe('format');
  });
});

describe('GB/T 2260 divisions of Liaoning', () => {
  it('holds the province, its 14 cities and their counties', () => {
    const all = liaoningDivisions();
    expect(all.filter((d) => d.level === 'city')).toHaveLength(14);
    expect(findDivision('210100')?.name).toBe('沈阳市');
    expect(findDivision('210102')).toMatchObject({ name: '和平区', parentCode: '210100', level: 'county' });
    expect(isLiaoningDivision('210102', 'county')).toBe(true);
    expect(isLiaoningDivision('110101')).toBe(false);
    expect(liaoningTownships().length).toBeGreaterThan(1000);
  });
});
