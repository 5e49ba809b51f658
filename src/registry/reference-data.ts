import { liaoningDivisions, liaoningTownships, LIAONING, type Division } from '../shared/standards/gb2260.js';
import type { Clock } from '../shared/clock.js';
import type { OrganLevel } from './domain/vocabulary.js';
import type { RegistryRepository } from './repository.js';

/**
 * Reference data generated, not typed: the GB/T 2260 divisions of Liaoning and
 * the police organ hierarchy of art 6 built from them — the provincial
 * department, a bureau per city, a bureau per county-level division, and a
 * station per township.
 */

export interface OrganPlan {
  code: string;
  name: string;
  level: OrganLevel;
  parentCode: string | null;
  divisionCode: string;
}

/** 和平区 → 沈阳市公安局和平分局; 康平县 → 康平县公安局; 新民市 → 新民市公安局. */
export function countyOrganName(county: Division, city: Division): string {
  if (county.name.endsWith('区')) {
    const short = county.name.endsWith('新区') ? county.name : county.name.slice(0, -1);
    return `${city.name}公安局${short}分局`;
  }
  return `${county.name}公安局`;
}

/** 东华门街道 → 东华门派出所; 新城子镇 → 新城子派出所; 青年农场 → 青年农场派出所. */
export function stationName(township: string): string {
  const m = /^(.+?)(街道办事处|街道|镇|乡)$/.exec(township);
  const stem = m && [...m[1]].length >= 2 ? m[1] : township;
  return `${stem}派出所`;
}

export function policeOrganPlan(): OrganPlan[] {
  const divisions = liaoningDivisions();
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const province = byCode.get(LIAONING)!;
  const plan: OrganPlan[] = [{ code: LIAONING, name: `${province.name}公安厅`, level: 'province', parentCode: null, divisionCode: LIAONING }];
  for (const c of divisions.filter((d) => d.level === 'city')) plan.push({ code: c.code, name: `${c.name}公安局`, level: 'city', parentCode: LIAONING, divisionCode: c.code });
  for (const d of divisions.filter((x) => x.level === 'county')) {
    plan.push({ code: d.code, name: countyOrganName(d, byCode.get(d.parentCode!)!), level: 'county', parentCode: d.parentCode, divisionCode: d.code });
  }
  // Two townships of a county that shorten to the same name keep their full names.
  const townships = liaoningTownships().filter((t) => byCode.has(t.countyCode));
  const counts = new Map<string, number>();
  for (const t of townships) counts.set(`${t.countyCode}:${stationName(t.name)}`, (counts.get(`${t.countyCode}:${stationName(t.name)}`) ?? 0) + 1);
  for (const t of townships) {
    const short = stationName(t.name);
    const name = (counts.get(`${t.countyCode}:${short}`) ?? 0) > 1 ? `${t.name}派出所` : short;
    plan.push({ code: t.code, name, level: 'station', parentCode: t.countyCode, divisionCode: t.countyCode });
  }
  return plan;
}

const cityOf = (code: string) => (code === LIAONING ? LIAONING : `${code.slice(0, 4)}00`);

/**
 * Adds the divisions and police organs a database lacks (by code); existing
 * rows are left as they are. Safe to run on every seed.
 */
export async function syncReferenceData(repo: RegistryRepository, clock: Clock): Promise<{ divisions: number; organs: number }> {
  const now = clock.now().toISOString();
  return repo.transaction(async (r) => {
    const divisions = await r.addMissingDivisions(liaoningDivisions());
    const plan = policeOrganPlan();
    const existing = await r.taken(
      'police-organs',
      'code',
      plan.map((p) => p.code),
    );
    let organs = 0;
    for (const level of ['province', 'city', 'county', 'station'] as const) {
      const rows = plan
        .filter((p) => p.level === level && !existing.has(p.code))
        .map((p) => ({
          code: p.code,
          name: p.name,
          level: p.level,
          parentId: p.parentCode ? (existing.get(p.parentCode) ?? null) : null,
          divisionCode: p.divisionCode,
          cityCode: cityOf(p.divisionCode),
        }));
      if (!rows.length) continue;
      organs += await r.insertMany('police-organs', rows, now);
      for (const [code, id] of await r.taken(
        'police-organs',
        'code',
        rows.map((x) => x.code),
      )) {
        existing.set(code, id);
      }
    }
    return { divisions, organs };
  });
}
