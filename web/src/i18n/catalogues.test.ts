import { describe, expect, it } from 'vitest';
import { LANGS, type Catalogue, type Messages } from './i18n';

// Every catalogue file in this folder, so a new one is checked without being listed here.
// The screens' sources, to find keys no screen uses.
const sources = Object.values(import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.ts', '!../i18n/**'], { eager: true, query: '?raw', import: 'default' })).join('\n');

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./i18n.tsx'], { eager: true });

function isCatalogue(x: unknown): x is Catalogue<Messages> {
  return !!x && typeof x === 'object' && LANGS.every((l) => typeof (x as Record<string, unknown>)[l] === 'object');
}

const catalogues = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => isCatalogue(v))
    .map(([name, v]) => ({ where: `${file.replace('./', '')}:${name}`, catalogue: v as Catalogue<Messages> })),
);

/** Catalogues held to having no unused key; a catalogue joins once its screens are complete. */
const UNUSED_CHECKED = new Set(['common.ts:common', 'shell.ts:shell', 'login.ts:login', 'law.ts:law', 'registry.ts:registry']);

const HAN = /[\u4e00-\u9fff]/;
/** English texts that name the Chinese text in Chinese on purpose. */
const NAMES_IN_CHINESE = new Set(['chineseText']);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('are found', () => {
    expect(catalogues.map((c) => c.where).sort()).toEqual(['common.ts:common', 'compliance.ts:compliance', 'law.ts:law', 'login.ts:login', 'registry.ts:registry', 'shell.ts:shell']);
  });

  describe.each(catalogues)('$where', ({ catalogue }) => {
    it('has the same keys in Chinese and English', () => {
      const zh = Object.keys(catalogue['zh-CN']).sort();
      const en = Object.keys(catalogue.en).sort();
      expect(zh.filter((k) => !en.includes(k)), 'keys missing in English').toEqual([]);
      expect(en.filter((k) => !zh.includes(k)), 'keys missing in Chinese').toEqual([]);
    });

    it('has no empty text', () => {
      for (const l of LANGS) {
        for (const [k, v] of Object.entries(catalogue[l])) expect(v.trim(), `${l}.${k}`).not.toBe('');
      }
    });

    it('uses the same placeholders in both languages', () => {
      for (const k of Object.keys(catalogue['zh-CN'])) {
        expect(placeholders(catalogue.en[k] ?? ''), k).toEqual(placeholders(catalogue['zh-CN'][k]));
      }
    });

    it('writes the Chinese side in Chinese and the English side in English', () => {
      // An untranslated key usually shows as the other language's text.
      const words = (v: string) => v.replace(/\{\w+\}/g, '');
      const zhInLatin = Object.entries(catalogue['zh-CN']).filter(([, v]) => !HAN.test(v) && /[A-Za-z]{2,}/.test(words(v)));
      const enInHan = Object.entries(catalogue.en).filter(([k, v]) => HAN.test(v) && !NAMES_IN_CHINESE.has(k));
      expect(zhInLatin.map(([k]) => k)).toEqual([]);
      expect(enInHan.map(([k]) => k)).toEqual([]);
    });
  });

  describe.each(catalogues.filter((c) => UNUSED_CHECKED.has(c.where)))('$where', ({ catalogue }) => {
    it('has no key that no screen uses', () => {
      // A key is used when a source names it in quotes, or builds it from its prefix (`kind.${k}`).
      const used = (k: string) => sources.includes(`'${k}'`) || sources.includes(`"${k}"`) || (k.includes('.') && sources.includes(`${k.slice(0, k.indexOf('.'))}.\${`));
      expect(Object.keys(catalogue['zh-CN']).filter((k) => !used(k))).toEqual([]);
    });
  });
});
