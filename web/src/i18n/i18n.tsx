import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** The languages of the interface: Simplified Chinese by default, and English. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** What the server sends for every user-facing string. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Messages = Record<string, string>;

/**
 * A namespace of interface text in both languages. The English side must have
 * exactly the keys of the Chinese side; `catalogues.test.ts` checks it again at
 * run time, placeholders included.
 */
export type Catalogue<M extends Messages> = { 'zh-CN': M; en: { [K in keyof M]: string } };

export function defineCatalogue<M extends Messages>(c: Catalogue<M>): Catalogue<M> {
  return c;
}

/** Replaces `{name}` placeholders. */
export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function pick(b: Bilingual, lang: Lang): string {
  return lang === 'en' ? b.en : b.zh;
}

const STORAGE_KEY = 'jifang.lang';

function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to the default.
  }
  return DEFAULT_LANG;
}

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState>({ lang: DEFAULT_LANG, setLang: () => {} });

/** Holds the chosen language, remembers it across visits and states it on `<html lang>`. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not remembered, but still switched for this visit.
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** `t(key, params)` over one catalogue, in the current language. */
export function useT<M extends Messages>(catalogue: Catalogue<M>): (key: keyof M & string, params?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback((key, params) => format(catalogue[lang][key] ?? String(key), params), [catalogue, lang]);
}

/** Picks the current language's side of a `{zh, en}` pair from the server. */
export function useBilingual(): (b: Bilingual | null | undefined) => string {
  const { lang } = useLang();
  return useCallback((b) => (b ? pick(b, lang) : ''), [lang]);
}
