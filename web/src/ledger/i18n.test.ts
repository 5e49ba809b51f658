import { describe, expect, it } from 'vitest';
import type { KnownEventType } from '../../../src/ledger/domain/leaf';
import { LANGS } from '../i18n/i18n';
import { ledger } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

/** Every event type the ledger lists (src/ledger/domain/leaf.ts EVENT_TYPES): the type checker holds this list complete. */
const KNOWN: Record<KnownEventType, true> = {
  'workflow/transition': true,
  'vault/view': true,
  'vault/copy': true,
  'vault/export': true,
  'vault/erase': true,
  'vault/seal': true,
  'vault/refused': true,
  'access/login': true,
  'access/login.refused': true,
  'access/logout': true,
  'access/permission-change': true,
  'registry/create': true,
  'registry/update': true,
  'registry/delete': true,
  'registry/import': true,
  'device/operation-records': true,
  'ledger/key.activated': true,
  'ledger/key.rotated': true,
};

describe('the ledger catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(ledger.en).sort()).toEqual(Object.keys(ledger['zh-CN']).sort());
    for (const l of LANGS) for (const [k, v] of Object.entries(ledger[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(ledger['zh-CN'])) expect(placeholders((ledger.en as Record<string, string>)[k]), k).toEqual(placeholders((ledger['zh-CN'] as Record<string, string>)[k]));
  });
  it('writes Chinese in Chinese and English in English', () => {
    for (const [k, v] of Object.entries(ledger.en)) expect(HAN.test(v), `en.${k}: ${v}`).toBe(false);
    for (const [k, v] of Object.entries(ledger['zh-CN'])) expect(HAN.test(v), `zh.${k}: ${v}`).toBe(true);
  });
  it('names every event type the ledger knows, so a history never shows a bare code', () => {
    for (const type of Object.keys(KNOWN)) expect(ledger['zh-CN'], type).toHaveProperty([`type.${type}`]);
  });
});
