import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/i18n';
import { accounts } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;
// The screens of this folder, to find keys none of them uses.
const sources = Object.values(import.meta.glob<string>(['./*.tsx', './*.ts', '!./*.test.ts', '!./i18n.ts'], { eager: true, query: '?raw', import: 'default' })).join('\n');

describe('the accounts catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(accounts.en).sort()).toEqual(Object.keys(accounts['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(accounts[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(accounts['zh-CN'])) expect(placeholders(accounts.en[k as keyof typeof accounts.en]), k).toEqual(placeholders(accounts['zh-CN'][k as keyof typeof accounts.en]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(accounts.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(accounts['zh-CN'])) expect(HAN.test(v), `zh.${k}: ${v}`).toBe(true);
  });
  it('has no key that no screen uses', () => {
    const used = (k: string) => sources.includes(`'${k}'`) || (k.includes('.') && sources.includes(`${k.slice(0, k.indexOf('.'))}.\${`));
    expect(Object.keys(accounts['zh-CN']).filter((k) => !used(k))).toEqual([]);
  });
});
