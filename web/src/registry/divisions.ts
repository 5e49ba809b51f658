import { api } from '../api/client';

/** A GB/T 2260 division as `GET /api/v1/divisions?parent=` answers it. */
export interface DivisionOption {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
}

export const LIAONING = '210000';

const children = new Map<string, Promise<DivisionOption[]>>();

/** The divisions directly under `parent` (the cities of Liaoning under 210000), remembered for the visit. */
export function loadDivisions(parent: string): Promise<DivisionOption[]> {
  let p = children.get(parent);
  if (!p) {
    p = api<{ items: DivisionOption[] } | DivisionOption[]>('/api/v1/divisions', { query: { parent } }).then((r) => (Array.isArray(r) ? r : r.items));
    p.catch(() => children.delete(parent));
    children.set(parent, p);
  }
  return p;
}

export function divisionLevelOf(code: string): DivisionOption['level'] {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The path of codes a cascader shows for `code`: [city] or [city, county]. */
export function divisionPath(code: string): string[] {
  const level = divisionLevelOf(code);
  if (level === 'province') return [code];
  const city = `${code.slice(0, 4)}00`;
  return level === 'city' ? [city] : [city, code];
}
