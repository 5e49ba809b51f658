import type { Bilingual } from '../shared/text.js';

/** Who can log in, by what they do under the regulation (MISSION.md "Who uses it"). */
export const ROLES = [
  'province_supervisor',
  'city_supervisor',
  'county_supervisor',
  'station_officer',
  'key_unit',
  'provider',
  'investigator',
  'citizen',
  'oversight',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const POLICE_ROLES: readonly Role[] = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer'];

export const ROLE_NAMES: Record<Role, Bilingual> = {
  province_supervisor: { zh: '省公安机关技防监管', en: 'Provincial police supervisor' },
  city_supervisor: { zh: '市公安机关技防监管', en: 'City police supervisor' },
  county_supervisor: { zh: '县级公安机关技防监管', en: 'County police supervisor' },
  station_officer: { zh: '公安派出所民警', en: 'Police station officer' },
  key_unit: { zh: '技术防范重点单位', en: 'Key unit' },
  provider: { zh: '技防服务单位', en: 'Service provider' },
  investigator: { zh: '侦查、调查机关工作人员', en: 'Investigating officer' },
  citizen: { zh: '公民、法人和其他组织', en: 'Citizen or organisation' },
  oversight: { zh: '监督', en: 'Oversight' },
  admin: { zh: '系统管理员', en: 'System administrator' },
};

/** The level of division a police role's jurisdiction must be. */
export const JURISDICTION_LEVEL: Partial<Record<Role, 'province' | 'city' | 'county'>> = {
  province_supervisor: 'province',
  city_supervisor: 'city',
  county_supervisor: 'county',
  station_officer: 'county',
};

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}
