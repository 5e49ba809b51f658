/**
 * Jurisdictions are GB/T 2260 six-digit codes: 210000 is Liaoning, 210100
 * Shenyang, 210102 Heping District. A jurisdiction covers every code that
 * starts with its significant prefix.
 */
export type DivisionLevel = 'province' | 'city' | 'county';

export function divisionLevel(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** 210000 → "21", 210100 → "2101", 210102 → "210102". */
export function divisionPrefix(code: string): string {
  const level = divisionLevel(code);
  return level === 'province' ? code.slice(0, 2) : level === 'city' ? code.slice(0, 4) : code;
}

export function cityOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Whether `code` lies within `jurisdiction`. */
export function within(jurisdiction: string, code: string | null | undefined): boolean {
  if (!code) return false;
  return code.startsWith(divisionPrefix(jurisdiction));
}
