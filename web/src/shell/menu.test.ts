import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/access/roles';
import { REGISTRY_KINDS as SERVER_REGISTRY_KINDS } from '../../../src/registry/domain/kinds';
import { mayDo, REGISTRY_KINDS } from '../registry/kinds';
import type { SessionUser } from '../session/session';
import { MENU_REGISTRIES, menuRegistries } from './menu';

function userOf(role: string): SessionUser {
  const police = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer'].includes(role);
  return {
    id: 1,
    username: role,
    role,
    roleName: { zh: role, en: role },
    jurisdiction: role === 'province_supervisor' ? '210000' : role === 'city_supervisor' ? '210100' : police ? '210102' : null,
    jurisdictionName: null,
    keyUnitId: role === 'key_unit' ? 7 : null,
    providerId: role === 'provider' ? 9 : null,
    organId: null,
  };
}

describe('side menu by role', () => {
  it('knows the registries the server serves', () => {
    expect([...REGISTRY_KINDS]).toEqual([...SERVER_REGISTRY_KINDS]);
  });

  it('has an entry for every role', () => {
    expect(Object.keys(MENU_REGISTRIES).sort()).toEqual([...ROLES].sort());
  });

  it.each([...ROLES])('offers %s only registries the authorization decision lets it read', (role) => {
    for (const k of menuRegistries(role)) expect(mayDo(userOf(role), 'read', k), k).toBe(true);
  });

  it('gives supervisors every registry', () => {
    for (const r of ['province_supervisor', 'city_supervisor', 'county_supervisor']) expect([...menuRegistries(r)].sort()).toEqual([...REGISTRY_KINDS].sort());
  });

  it('gives a key unit its unit, sites, systems and devices (Art 10)', () => {
    expect(menuRegistries('key_unit')).toEqual(['key-units', 'sites', 'security-systems', 'devices']);
  });

  it('gives a provider its own record and the systems it installed (Art 20 (2)), and a citizen only the regulation', () => {
    expect(menuRegistries('provider')).toEqual(['providers', 'security-systems']);
    expect(menuRegistries('citizen')).toEqual([]);
    expect(menuRegistries(undefined)).toEqual([]);
  });

  it('shows create and import only where the decision allows them', () => {
    expect(mayDo(userOf('city_supervisor'), 'create', 'key-units')).toBe(true);
    expect(mayDo(userOf('key_unit'), 'create', 'key-units')).toBe(false);
    expect(mayDo(userOf('key_unit'), 'create', 'devices')).toBe(true);
    expect(mayDo(userOf('station_officer'), 'create', 'sites')).toBe(false);
    expect(mayDo(userOf('provider'), 'update', 'providers')).toBe(true);
    // A provider's projects are read-only to it: no create, import, edit or delete buttons, but an export.
    for (const action of ['create', 'import', 'update', 'delete'] as const) expect(mayDo(userOf('provider'), action, 'security-systems'), action).toBe(false);
    expect(mayDo(userOf('provider'), 'export', 'security-systems')).toBe(true);
    expect(mayDo(null, 'read', 'key-units')).toBe(false);
  });
});
