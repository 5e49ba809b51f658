import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/i18n';
import { portal } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

describe('the portal catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(portal.en).sort()).toEqual(Object.keys(portal['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(portal[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(portal['zh-CN'])) expect(placeholders(portal.en[k as keyof typeof portal.en]), k).toEqual(placeholders(portal['zh-CN'][k as keyof typeof portal['zh-CN']]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(portal.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(portal['zh-CN'])) expect(HAN.test(v), `zh.${k}: ${v}`).toBe(true);
  });
});
