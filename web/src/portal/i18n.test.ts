import { describe, expect, it } from 'vitest';
import { LANGS, type Catalogue, type Messages } from '../i18n/i18n';
import { portal } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

describe.each([
  ['portal', portal],
] as [string, Catalogue<Messages>][])('the %s catalogue', (_, catalogue) => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(catalogue[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(catalogue['zh-CN'])) expect(placeholders(catalogue.en[k]), k).toEqual(placeholders(catalogue['zh-CN'][k]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(catalogue.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(catalogue['zh-CN'])) expect(HAN.test(v) || /^[\d\s{}.:]+$/.test(v), `zh.${k}: ${v}`).toBe(true);
  });
});
