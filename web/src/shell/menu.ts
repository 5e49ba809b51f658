import type { RegistryKind } from '../registry/kinds';

/**
 * Which registries each role's menu offers. Reference data every account may
 * read (products, police organs) is listed only where it is part of the work.
 */
export const MENU_REGISTRIES: Record<string, readonly RegistryKind[]> = {
  // Art 6, 16-18, 26: supervision of units, areas, providers, products.
  province_supervisor: ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs'],
  city_supervisor: ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs'],
  county_supervisor: ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs'],
  station_officer: ['key-units', 'sites', 'public-areas', 'security-systems', 'devices'],
  // Art 10: a key unit keeps its own sites, systems and devices on record.
  key_unit: ['key-units', 'sites', 'security-systems', 'devices'],
  // Art 16-17: a provider keeps its own filing; art 20 (2): the records of the systems it installed.
  provider: ['providers', 'security-systems'],
  // Art 24 ¶1: investigators look up which systems exist.
  investigator: ['key-units', 'sites', 'security-systems', 'devices'],
  oversight: ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'providers'],
  admin: ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs'],
  citizen: [],
};

export function menuRegistries(role: string | undefined): readonly RegistryKind[] {
  return (role && MENU_REGISTRIES[role]) || [];
}

/** The roles for whom a registry is "their own" record, named so in the menu. */
export function ownRecordKind(role: string | undefined): RegistryKind | null {
  if (role === 'key_unit') return 'key-units';
  if (role === 'provider') return 'providers';
  return null;
}
