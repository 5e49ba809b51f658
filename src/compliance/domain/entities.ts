import type { Bilingual } from '../../shared/text.js';

/**
 * The registry entities the regulation's rules speak about, by their API path
 * segment. Police organs are not among them: no rule of the regulation reads
 * a police organ as a subject.
 */
export const ENTITY_KINDS = ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'providers', 'products'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export function isEntityKind(x: string): x is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(x);
}

export const ENTITY_LABELS: Record<EntityKind, Bilingual> = {
  'key-units': { zh: '技术防范重点单位', en: 'Key unit' },
  sites: { zh: '场所和部位', en: 'Site' },
  'public-areas': { zh: '社会公共区域', en: 'Public area' },
  'security-systems': { zh: '技防系统', en: 'Security system' },
  devices: { zh: '前端设备', en: 'Device' },
  providers: { zh: '技防服务单位', en: 'Service provider' },
  products: { zh: '技防产品', en: 'Product' },
};

/**
 * Where an entity is, copied beside its findings so every list is filtered
 * in SQL: its county (the province, 210000, for a provider from outside) and
 * the art 19 restriction. The ids are the rows whose facts depend on this one
 * (a device's system; a system's unit, site or public area): when it changes
 * or goes, they are looked at again. A unit's own entities are found through
 * the registry's indexes, not through these.
 */
export interface EntityPlace {
  divisionCode: string | null;
  restricted: boolean;
  keyUnitId: number | null;
  siteId: number | null;
  publicAreaId: number | null;
  systemId: number | null;
}

/** The city of a county code (210102 → 210100); the province stays the province. */
export function cityOf(divisionCode: string | null): string | null {
  if (!divisionCode) return null;
  return divisionCode.endsWith('0000') ? divisionCode : `${divisionCode.slice(0, 4)}00`;
}
