import { describe, expect, it } from 'vitest';
import { decideAccount, isAllowed, listScope, mayNameReferences } from './policy.js';
import type { Actor } from './index.js';

const city: Actor = { userId: 7, username: 'officer', role: 'city_supervisor', jurisdiction: '210100', organId: 1, keyUnitId: null, providerId: null };
const inShenyang = (kind: Parameters<typeof isAllowed>[2]['kind']) => ({ kind, divisionCode: '210102' });

describe('who opens which procedure', () => {
  it('lets the police open their own procedures in their area: inspections (Art 26), cases (Art 31-35), warnings (Art 28), rewards (Art 30)', () => {
    for (const kind of ['inspection', 'case', 'warning', 'reward'] as const) expect(isAllowed(city, 'create', inShenyang(kind)), kind).toBe(true);
    expect(isAllowed(city, 'create', { kind: 'inspection', divisionCode: '210202' }), 'outside the city').toBe(false);
  });

  it('leaves to the party what the regulation gives the party: a filing (Art 16), a design review (Art 12), a consultation (Art 9 ¶2), a complaint (Art 28)', () => {
    for (const kind of ['filing', 'design-review', 'adjustment', 'complaint'] as const) {
      expect(isAllowed(city, 'create', inShenyang(kind)), kind).toBe(false);
      // They still read and decide them in their area.
      expect(isAllowed(city, 'read', inShenyang(kind)), kind).toBe(true);
      expect(isAllowed(city, 'decide', inShenyang(kind)), kind).toBe(true);
    }
  });
});

describe('who manages accounts (art 36: every permission change is answered for)', () => {
  const admin: Actor = { userId: 1, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
  const oversight: Actor = { ...admin, userId: 2, role: 'oversight' };
  const other = { userId: 9 };

  it('lets the administrator change rights, reset passwords, disable, enable and revoke sessions of other accounts', () => {
    for (const a of ['read', 'change-rights', 'reset-password', 'disable', 'enable', 'revoke-sessions'] as const) expect(decideAccount(admin, a, other, { role: 'citizen' }), a).toBe('allowed');
  });

  it('lets everyone change their own password, and nobody change another’s that way', () => {
    for (const who of [admin, oversight, city]) expect(decideAccount(who, 'change-own-password', { userId: who.userId })).toBe('allowed');
    expect(decideAccount(admin, 'change-own-password', other)).toBe('forbidden');
  });

  it('denies every change to anyone else, and everything to no one; oversight reads (art 36) but changes nothing', () => {
    for (const a of ['change-rights', 'reset-password', 'disable', 'enable', 'revoke-sessions'] as const) {
      expect(decideAccount(city, a, other), a).toBe('forbidden');
      expect(decideAccount(oversight, a, other), a).toBe('forbidden');
      expect(decideAccount(null, a, other), a).toBe('forbidden');
    }
    expect(decideAccount(city, 'read', other)).toBe('forbidden');
    expect(decideAccount(oversight, 'read', other)).toBe('allowed');
  });

  it('keeps an administrator from demoting or disabling their own account, or resetting their own password without the current one', () => {
    const self = { userId: admin.userId };
    expect(decideAccount(admin, 'change-rights', self, { role: 'oversight' })).toBe('own-demotion');
    expect(decideAccount(admin, 'change-rights', self, { role: 'admin' })).toBe('allowed');
    expect(decideAccount(admin, 'disable', self)).toBe('own-disable');
    expect(decideAccount(admin, 'reset-password', self)).toBe('own-reset');
    expect(decideAccount(admin, 'revoke-sessions', self)).toBe('allowed');
  });
});

describe('device operations (Art 11 (2), 21)', () => {
  const school: Actor = { userId: 9, username: 'school', role: 'key_unit', jurisdiction: null, organId: null, keyUnitId: 5, providerId: null };
  const own = { divisionCode: '210102', keyUnitId: 5 };
  const other = { divisionCode: '210102', keyUnitId: 6 };

  it('lets a key unit take in and read its own systems’ operation records and set their GB/T 28181 credentials, and nobody else’s', () => {
    expect(isAllowed(school, 'create', { kind: 'operation-record', ...own })).toBe(true);
    expect(isAllowed(school, 'update', { kind: 'operation-endpoint', ...own })).toBe(true);
    expect(isAllowed(school, 'create', { kind: 'operation-record', ...other })).toBe(false);
    expect(isAllowed(school, 'read', { kind: 'operation-alert', ...other })).toBe(false);
    expect(isAllowed(school, 'decide', { kind: 'operation-alert', ...own })).toBe(false);
  });

  it('lets the police read operation records and alerts in their area and open a case from an alert (Art 21), but not write records', () => {
    expect(isAllowed(city, 'read', { kind: 'operation-record', ...own })).toBe(true);
    expect(isAllowed(city, 'decide', { kind: 'operation-alert', ...own })).toBe(true);
    expect(isAllowed(city, 'decide', { kind: 'operation-alert', divisionCode: '210202' })).toBe(false);
    expect(isAllowed(city, 'create', { kind: 'operation-record', ...own })).toBe(false);
    expect(isAllowed(city, 'update', { kind: 'operation-endpoint', ...own })).toBe(false);
  });

  it('denies everyone else by default', () => {
    const citizen: Actor = { userId: 3, username: 'c', role: 'citizen', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
    for (const kind of ['operation-record', 'operation-alert', 'operation-endpoint'] as const) expect(isAllowed(citizen, 'read', { kind, ...own })).toBe(false);
    expect(isAllowed(null, 'read', { kind: 'operation-record', ...own })).toBe(false);
  });
});

describe("a provider's projects (Art 20 (2): 依法施工，并将相关建设资料存档备查)", () => {
  const provider: Actor = { userId: 11, username: 'andun', role: 'provider', jurisdiction: null, organId: null, keyUnitId: null, providerId: 4 };
  const installed = { kind: 'security-system' as const, divisionCode: '210102', keyUnitId: 5, providerId: 4 };
  const othersProject = { ...installed, providerId: 8 };

  it('reads and exports a system it installed', () => {
    expect(isAllowed(provider, 'read', installed)).toBe(true);
    expect(isAllowed(provider, 'export', installed)).toBe(true);
  });

  it("never reads or exports another provider's system, nor one nobody is recorded as installing (Art 20 (3): 对在业务中涉及的客户信息保守秘密)", () => {
    for (const action of ['read', 'export'] as const) {
      expect(isAllowed(provider, action, othersProject), action).toBe(false);
      expect(isAllowed(provider, action, { ...installed, providerId: null }), action).toBe(false);
    }
    // An account not linked to a provider has no projects.
    expect(isAllowed({ ...provider, providerId: null }, 'read', { ...installed, providerId: null })).toBe(false);
  });

  it('does not see a restricted system even when it installed it (Art 19)', () => {
    expect(isAllowed(provider, 'read', { ...installed, restricted: true })).toBe(false);
    expect(isAllowed(provider, 'export', { ...installed, restricted: true })).toBe(false);
  });

  it('creates, changes, deletes and imports no system: the key unit keeps its own (Art 10 ¶2)', () => {
    for (const action of ['create', 'update', 'delete', 'import', 'decide'] as const) expect(isAllowed(provider, action, installed), action).toBe(false);
  });

  it('lists its own projects only, restricted ones left out, and no unit, site or device around them', () => {
    expect(listScope(provider, 'read', 'security-system')).toEqual({ kind: 'provider', providerId: 4, includeRestricted: false });
    expect(listScope(provider, 'export', 'security-system')).toEqual({ kind: 'provider', providerId: 4, includeRestricted: false });
    for (const action of ['create', 'update', 'delete', 'import'] as const) expect(listScope(provider, action, 'security-system').kind, action).toBe('none');
    for (const kind of ['key-unit', 'site', 'device', 'public-area'] as const) {
      expect(listScope(provider, 'read', kind).kind, kind).toBe('none');
      expect(isAllowed(provider, 'read', { kind, divisionCode: '210102', keyUnitId: 5, providerId: 4 }), kind).toBe(false);
    }
  });

  it('sees the names of the units and public areas of its projects on their list, and of nothing else (Art 20 (3): it holds its clients’ information already)', () => {
    expect(mayNameReferences(provider, 'security-system', 'key-unit')).toBe(true);
    expect(mayNameReferences(provider, 'security-system', 'public-area')).toBe(true);
    expect(mayNameReferences(provider, 'site', 'key-unit')).toBe(false);
    const investigator: Actor = { userId: 12, username: 'inv', role: 'investigator', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
    expect(mayNameReferences(investigator, 'security-system', 'key-unit')).toBe(true);
    expect(mayNameReferences(investigator, 'security-system', 'public-area')).toBe(false);
    expect(mayNameReferences(null, 'security-system', 'key-unit')).toBe(false);
  });
});
