import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/i18n';
import { ORGAN_KINDS } from '../../../src/law/interpretations/investigating-organs';
import { EVENT_ACTIONS, OFFICIAL_STATES, EMERGENCY_STATES, VIEWING_STATES, EVIDENCE_STATES } from '../../../src/vault/domain/types';
import { vault } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

describe('the captured-information catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(vault.en).sort()).toEqual(Object.keys(vault['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(vault[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(vault['zh-CN'])) expect(placeholders(vault.en[k as keyof typeof vault.en]), k).toEqual(placeholders(vault['zh-CN'][k as keyof typeof vault.en]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(vault.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(vault['zh-CN'])) expect(HAN.test(v) || !/[A-Za-z]/.test(v.replace(/\{\w+\}/g, '')), `zh.${k}: ${v}`).toBe(true);
  });
  it('names every state, organ kind and recorded action the API can answer', () => {
    const keys = Object.keys(vault['zh-CN']);
    for (const s of [...OFFICIAL_STATES, ...EMERGENCY_STATES, ...VIEWING_STATES, ...EVIDENCE_STATES, 'expired']) expect(keys, s).toContain(`status.${s}`);
    for (const o of ORGAN_KINDS) expect(keys, o).toContain(`organ.${o}`);
    for (const a of EVENT_ACTIONS) expect(keys, a).toContain(`action.${a}`);
  });
});
