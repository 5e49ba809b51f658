/** Every user-facing string the server produces comes in both languages. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Replaces `{name}` placeholders in both languages. */
export function fill(text: Bilingual, params: Record<string, string | number> = {}): Bilingual {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  return { zh: sub(text.zh), en: sub(text.en) };
}
