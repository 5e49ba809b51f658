import { describe, expect, it } from 'vitest';
import { ALERT_KINDS, RECORD_KINDS, STATUSES, VIAS } from '../../../src/operations/domain/kinds';
import { LANGS } from '../i18n/i18n';
import { operations } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

describe('the operations catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(operations.en).sort()).toEqual(Object.keys(operations['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(operations[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(operations['zh-CN'])) expect(placeholders((operations.en as Record<string, string>)[k]), k).toEqual(placeholders((operations['zh-CN'] as Record<string, string>)[k]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(operations.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(operations['zh-CN'])) expect(HAN.test(v), `zh.${k}: ${v}`).toBe(true);
  });
  it('names every status, record kind, source and alert kind the server answers, so a screen never shows a bare code', () => {
    for (const s of STATUSES) expect(operations['zh-CN']).toHaveProperty([`status.${s}`]);
    for (const k of RECORD_KINDS) expect(operations['zh-CN']).toHaveProperty([`kind.${k}`]);
    for (const v of VIAS) expect(operations['zh-CN']).toHaveProperty([`via.${v}`]);
    for (const a of ALERT_KINDS) expect(operations['zh-CN']).toHaveProperty([`alert.${a}`]);
  });
});
