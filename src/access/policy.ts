import { divisionPrefix, within } from './jurisdiction.js';
import type { Role } from './roles.js';

/**
 * The one authorization decision. Every route asks here, by role and
 * jurisdiction; anything not granted below is denied.
 */

export interface Actor {
  userId: number;
  username: string;
  role: Role;
  /** GB/T 2260 code of the area a police account answers for. */
  jurisdiction: string | null;
  organId: number | null;
  keyUnitId: number | null;
  providerId: number | null;
}

export const RESOURCE_KINDS = [
  'division',
  'police-organ',
  'key-unit',
  'site',
  'public-area',
  'security-system',
  'device',
  'product',
  'provider',
  'user',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'import', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/** What the decision needs to know about one thing. */
export interface ResourceRef {
  kind: ResourceKind;
  /** Six-digit division code where the thing is (or where a provider does business). */
  divisionCode?: string | null;
  keyUnitId?: number | null;
  providerId?: number | null;
  /** Art 19: involves state secrets or national security. */
  restricted?: boolean;
}

type Scope = 'any' | 'jurisdiction' | 'own-unit' | 'own-provider';

interface Grant {
  roles: readonly Role[];
  kinds: readonly ResourceKind[];
  actions: readonly Action[];
  scope: Scope;
}

const SUPERVISORS: readonly Role[] = ['province_supervisor', 'city_supervisor', 'county_supervisor'];
const UNIT_PLACES: readonly ResourceKind[] = ['key-unit', 'site', 'security-system', 'device'];
const ALL: readonly Action[] = ACTIONS;
const READ: readonly Action[] = ['read', 'export'];

const GRANTS: readonly Grant[] = [
  // Reference data every account may read.
  { roles: ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer', 'key_unit', 'provider', 'investigator', 'citizen', 'oversight', 'admin'], kinds: ['division', 'police-organ', 'product'], actions: READ, scope: 'any' },
  { roles: ['admin'], kinds: ['division', 'police-organ', 'key-unit', 'site', 'public-area', 'security-system', 'device', 'product', 'provider', 'user'], actions: ALL, scope: 'any' },
  // Art 6: the police supervise technical prevention in their area.
  { roles: SUPERVISORS, kinds: [...UNIT_PLACES, 'public-area', 'provider'], actions: ALL, scope: 'jurisdiction' },
  { roles: ['province_supervisor', 'city_supervisor'], kinds: ['product'], actions: ALL, scope: 'any' },
  { roles: ['station_officer'], kinds: [...UNIT_PLACES, 'public-area'], actions: READ, scope: 'jurisdiction' },
  // Art 10 ¶2: a key unit installs, manages and maintains its own systems.
  { roles: ['key_unit'], kinds: ['key-unit'], actions: ['read', 'update', 'export'], scope: 'own-unit' },
  { roles: ['key_unit'], kinds: ['site', 'security-system', 'device'], actions: ALL, scope: 'own-unit' },
  { roles: ['provider'], kinds: ['provider'], actions: ['read', 'update'], scope: 'own-provider' },
  // Art 24 ¶1: investigators need to know which systems exist before asking for access.
  { roles: ['investigator'], kinds: UNIT_PLACES, actions: ['read'], scope: 'any' },
  { roles: ['oversight'], kinds: [...UNIT_PLACES, 'public-area', 'provider', 'user'], actions: ['read', 'export'], scope: 'any' },
];

/** Art 19: who may see a restricted system at all. */
const MAY_SEE_RESTRICTED: readonly Role[] = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'key_unit', 'admin'];

function scopeHolds(scope: Scope, actor: Actor, res: ResourceRef): boolean {
  switch (scope) {
    case 'any':
      return true;
    case 'jurisdiction':
      return actor.jurisdiction != null && within(actor.jurisdiction, res.divisionCode);
    case 'own-unit':
      return actor.keyUnitId != null && res.keyUnitId === actor.keyUnitId;
    case 'own-provider':
      return actor.providerId != null && res.providerId === actor.providerId;
  }
}

export function isAllowed(actor: Actor | null, action: Action, res: ResourceRef): boolean {
  if (!actor) return false;
  if (res.restricted && !MAY_SEE_RESTRICTED.includes(actor.role)) return false;
  return GRANTS.some((g) => g.roles.includes(actor.role) && g.kinds.includes(res.kind) && g.actions.includes(action) && scopeHolds(g.scope, actor, res));
}

/** The subset of rows a list may return, as a filter the repositories apply. */
export type ListScope =
  | { kind: 'none' }
  | { kind: 'all'; includeRestricted: boolean }
  | { kind: 'division'; prefix: string; includeRestricted: boolean }
  | { kind: 'key-unit'; keyUnitId: number; includeRestricted: boolean }
  | { kind: 'provider'; providerId: number; includeRestricted: boolean };

export function listScope(actor: Actor | null, action: Action, kind: ResourceKind): ListScope {
  if (!actor) return { kind: 'none' };
  const includeRestricted = MAY_SEE_RESTRICTED.includes(actor.role);
  const grants = GRANTS.filter((g) => g.roles.includes(actor.role) && g.kinds.includes(kind) && g.actions.includes(action));
  if (grants.some((g) => g.scope === 'any')) return { kind: 'all', includeRestricted };
  for (const g of grants) {
    if (g.scope === 'jurisdiction' && actor.jurisdiction) {
      return { kind: 'division', prefix: divisionPrefix(actor.jurisdiction), includeRestricted };
    }
    if (g.scope === 'own-unit' && actor.keyUnitId != null) return { kind: 'key-unit', keyUnitId: actor.keyUnitId, includeRestricted };
    if (g.scope === 'own-provider' && actor.providerId != null) return { kind: 'provider', providerId: actor.providerId, includeRestricted };
  }
  return { kind: 'none' };
}
