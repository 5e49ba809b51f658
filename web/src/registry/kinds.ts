import { listScope, type Action, type Actor, type ResourceKind } from '../../../src/access/policy';
import type { SessionUser } from '../session/session';

/** The registries the web app shows, by their API path segment. */
export const REGISTRY_KINDS = ['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export function isRegistryKind(x: string | undefined): x is RegistryKind {
  return !!x && (REGISTRY_KINDS as readonly string[]).includes(x);
}

/** API path segment → the kind the authorization decision speaks of. */
export const RESOURCE_KIND: Record<RegistryKind, ResourceKind> = {
  'key-units': 'key-unit',
  sites: 'site',
  'public-areas': 'public-area',
  'security-systems': 'security-system',
  devices: 'device',
  products: 'product',
  providers: 'provider',
  'police-organs': 'police-organ',
};

export function actorOf(u: SessionUser): Actor {
  return { userId: u.id, username: u.username, role: u.role as Actor['role'], jurisdiction: u.jurisdiction, organId: u.organId, keyUnitId: u.keyUnitId, providerId: u.providerId };
}

/**
 * Whether the user may do `action` on some rows of the registry. The same
 * decision the server takes (src/access/policy.ts), asked here only to decide
 * which buttons to show; the server still decides every request.
 */
export function mayDo(u: SessionUser | null | undefined, action: Action, kind: RegistryKind): boolean {
  return !!u && listScope(actorOf(u), action, RESOURCE_KIND[kind]).kind !== 'none';
}
