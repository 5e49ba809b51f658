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
  // Workflow items (src/workflow): one kind per procedure of the regulation.
  'filing',
  'design-review',
  'adjustment',
  'inspection',
  'case',
  'complaint',
  'warning',
  'reward',
  // Captured information (src/vault, Chapter 3): recordings' metadata, their
  // content, holds, the access log, and the three kinds of request.
  'captured-info',
  'captured-content',
  'captured-hold',
  'captured-event',
  'access-request',
  'viewing-application',
  'evidence-request',
  // Device operations (src/operations, art 11(2), 21): operation records and
  // status, the alerts they raise, and the GB/T 28181 identities that report.
  'operation-record',
  'operation-alert',
  'operation-endpoint',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * `decide` is an official act of a public security organ on a workflow item
 * (accept a filing, order rectification, decide a fine, publish a warning):
 * only police supervisors hold it, so a party's `update` (reporting its own
 * rectification, resubmitting its own filing) can never take one.
 */
export const ACTIONS = ['read', 'create', 'update', 'delete', 'import', 'export', 'decide'] as const;
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
  /**
   * The accounts a request or grant names (the officers of an art 24 request,
   * the applicant under art 25): the `party` scope holds for them alone.
   */
  parties?: readonly number[] | null;
  /** The account that opened a workflow item (a complaint, a consultation). */
  ownerUserId?: number | null;
}

type Scope = 'any' | 'jurisdiction' | 'own-unit' | 'own-provider' | 'own-item' | 'party';

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
const WORKFLOW_KINDS: readonly ResourceKind[] = ['filing', 'design-review', 'adjustment', 'inspection', 'case', 'complaint', 'warning', 'reward'];

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
  // Art 20 (2): a provider builds lawfully and keeps the construction records on file, so it
  // reads and exports the systems it installed (its projects). It changes none of them: a key
  // unit keeps its own systems (art 10 ¶2). Art 20 (3) keeps clients' information between a
  // provider and its clients: no other provider's projects, and not the units, sites and
  // devices around them. Restricted systems stay hidden (art 19, MAY_SEE_RESTRICTED).
  { roles: ['provider'], kinds: ['security-system'], actions: READ, scope: 'own-provider' },
  // Art 24 ¶1: investigators need to know which systems exist before asking for access.
  { roles: ['investigator'], kinds: UNIT_PLACES, actions: ['read'], scope: 'any' },
  { roles: ['oversight'], kinds: [...UNIT_PLACES, 'public-area', 'provider', 'user'], actions: ['read', 'export'], scope: 'any' },
  // Workflows. Which transition each party may take is in the state machines
  // (src/workflow); here is only whose items they are.
  // Art 6, 16-18, 26-35: the police receive filings, inspect, order, fine, warn and reward in their area.
  { roles: SUPERVISORS, kinds: WORKFLOW_KINDS, actions: ['read', 'decide', 'export'], scope: 'jurisdiction' },
  // They open only their own procedures: a filing, a design review, a consultation or a complaint is the party's to open (Art 9 ¶2, 12, 16, 28).
  { roles: SUPERVISORS, kinds: ['inspection', 'case', 'warning', 'reward'], actions: ['create'], scope: 'jurisdiction' },
  // Art 16-17: a provider files and refiles; it sees the orders, complaints and warnings that concern it.
  { roles: ['provider'], kinds: ['filing'], actions: ['read', 'create', 'update'], scope: 'own-provider' },
  { roles: ['provider'], kinds: ['case', 'complaint', 'warning'], actions: ['read', 'update'], scope: 'own-provider' },
  // Art 12, 9 ¶2, 31: a key unit runs its own design review, consults on adjustments, reports its rectification.
  { roles: ['key_unit'], kinds: ['design-review', 'adjustment'], actions: ['read', 'create', 'update'], scope: 'own-unit' },
  { roles: ['key_unit'], kinds: ['inspection', 'case'], actions: ['read', 'update'], scope: 'own-unit' },
  // Art 28: users of a provider's service complain; Art 9 ¶2, 12: construction units (法人和其他组织) consult and record their review.
  { roles: ['citizen', 'key_unit'], kinds: ['complaint', 'adjustment', 'design-review'], actions: ['read', 'create', 'update'], scope: 'own-item' },
  // Art 29, 36: oversight sees every official act.
  { roles: ['oversight'], kinds: WORKFLOW_KINDS, actions: ['read', 'export'], scope: 'any' },
  // Captured information (Chapter 3). Metadata and requests are decided here by
  // role and place; content is only ever reached under a grant the vault checks
  // (art 24-25), whose holders come in as `parties`. No role reaches content by
  // role alone, the administrator included (art 22).
  // Art 10 ¶2, 11(3), 23: a key unit takes in, keeps, seals and erases its own recordings and registers each access.
  { roles: ['key_unit'], kinds: ['captured-info'], actions: ['read', 'create', 'update', 'delete', 'export'], scope: 'own-unit' },
  { roles: ['key_unit'], kinds: ['captured-hold', 'captured-event', 'access-request', 'viewing-application', 'evidence-request'], actions: ['read', 'update'], scope: 'own-unit' },
  // Art 25 ¶1 (3)(4): at the unit, a visitor is shown the recordings a registered visit names.
  { roles: ['key_unit'], kinds: ['captured-content'], actions: ['read'], scope: 'own-unit' },
  // Art 26, 27(2): the police supervise how captured information is kept and used in their area;
  // art 23 ¶2: they ask to extract (a hold); art 25: stations and organs handle applications.
  { roles: SUPERVISORS, kinds: ['captured-info', 'captured-event'], actions: ['read', 'export'], scope: 'jurisdiction' },
  { roles: SUPERVISORS, kinds: ['captured-hold', 'access-request', 'viewing-application', 'evidence-request'], actions: ['read', 'create', 'update'], scope: 'jurisdiction' },
  { roles: ['station_officer'], kinds: ['captured-hold', 'viewing-application'], actions: ['read', 'create', 'update'], scope: 'jurisdiction' },
  { roles: ['station_officer'], kinds: ['captured-info', 'evidence-request'], actions: ['read'], scope: 'jurisdiction' },
  // Art 24: officers file requests wherever their duty takes them, and reach what they are party to.
  { roles: ['investigator', 'station_officer', ...SUPERVISORS], kinds: ['access-request'], actions: ['create'], scope: 'any' },
  { roles: ['investigator', 'station_officer', ...SUPERVISORS], kinds: ['access-request', 'captured-content'], actions: ['read', 'update', 'export'], scope: 'party' },
  // Art 25: citizens, legal persons and organisations apply, follow their own applications, and take their evidence package.
  { roles: ['citizen'], kinds: ['viewing-application', 'evidence-request'], actions: ['create'], scope: 'any' },
  { roles: ['citizen'], kinds: ['viewing-application', 'evidence-request'], actions: ['read', 'update', 'export'], scope: 'party' },
  // Art 36: oversight sees every access and every refusal.
  { roles: ['oversight'], kinds: ['captured-info', 'captured-event', 'captured-hold', 'access-request', 'viewing-application', 'evidence-request'], actions: ['read', 'export'], scope: 'any' },
  // Device operations. Art 11(2): a key unit keeps its own systems running, takes in their
  // operation logs and sets the credentials its devices report with.
  { roles: ['key_unit'], kinds: ['operation-record'], actions: ['read', 'create', 'export'], scope: 'own-unit' },
  { roles: ['key_unit'], kinds: ['operation-alert'], actions: READ, scope: 'own-unit' },
  { roles: ['key_unit'], kinds: ['operation-endpoint'], actions: ['read', 'create', 'update'], scope: 'own-unit' },
  // Art 6, 21, 26: the police watch whether systems in their area run, and open an art 21 case from an alert.
  { roles: SUPERVISORS, kinds: ['operation-record', 'operation-alert', 'operation-endpoint'], actions: READ, scope: 'jurisdiction' },
  { roles: SUPERVISORS, kinds: ['operation-alert'], actions: ['decide'], scope: 'jurisdiction' },
  { roles: ['station_officer'], kinds: ['operation-record', 'operation-alert'], actions: READ, scope: 'jurisdiction' },
  { roles: ['admin'], kinds: ['operation-record', 'operation-alert', 'operation-endpoint'], actions: ['read', 'create', 'update', 'export'], scope: 'any' },
  // Art 36: oversight sees whether the police acted on what the systems reported.
  { roles: ['oversight'], kinds: ['operation-record', 'operation-alert'], actions: READ, scope: 'any' },
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
    case 'party':
      return res.parties != null && res.parties.includes(actor.userId);
    case 'own-item':
      return res.ownerUserId != null && res.ownerUserId === actor.userId;
  }
}

export function isAllowed(actor: Actor | null, action: Action, res: ResourceRef): boolean {
  if (!actor) return false;
  if (res.restricted && !MAY_SEE_RESTRICTED.includes(actor.role)) return false;
  return GRANTS.some((g) => g.roles.includes(actor.role) && g.kinds.includes(res.kind) && g.actions.includes(action) && scopeHolds(g.scope, actor, res));
}

/**
 * An entity's ledger history (art 36): the entries that name a record are
 * read with the record's own read permission, no wider. The entries
 * themselves are public (ids, pseudonyms and digests only); what this guards
 * is the link between a record and the leaves about it, which only those who
 * may see the record are handed ready-made.
 */
export function mayReadHistory(actor: Actor | null, res: ResourceRef): boolean {
  return isAllowed(actor, 'read', res);
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

/**
 * Whether a list of `listed` records may show the names of the `ref` records
 * its rows point to (a system's key unit, a device's system). Where the caller
 * may read those records itself, yes, within the same restriction (Art 19).
 * Beyond that, one case: a provider sees the names of the units and public
 * areas its own projects belong to. It built the systems for them and holds
 * their information already; Art 20 (3) binds it to keep that secret, not to
 * forget it. It reads nothing else of those units.
 */
export function mayNameReferences(actor: Actor | null, listed: ResourceKind, ref: ResourceKind): boolean {
  if (!actor) return false;
  if (listScope(actor, 'read', ref).kind !== 'none') return true;
  return actor.role === 'provider' && listed === 'security-system' && (ref === 'key-unit' || ref === 'public-area');
}

/**
 * What may be done to an account. Art 36 holds officials to account for what
 * they do under their accounts, so who holds which rights is decided here
 * like everything else: the administrator manages accounts, everyone changes
 * their own password, nobody else does anything.
 */
export const ACCOUNT_ACTIONS = ['read', 'change-rights', 'reset-password', 'disable', 'enable', 'revoke-sessions', 'change-own-password'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/**
 * `allowed`, `forbidden`, or why an administrator may not do it to their own
 * account: a demotion or a disabling must come from another administrator (so
 * the platform is never left without one, and no one quietly sheds the rights
 * they answer for), and a password reset skips the current password that
 * changing one's own asks for.
 */
export type AccountDecision = 'allowed' | 'forbidden' | 'own-demotion' | 'own-disable' | 'own-reset';

/** `target` is the account acted on; null for the list (reading only). */
export function decideAccount(actor: Actor | null, action: AccountAction, target: { userId: number } | null, next?: { role?: string }): AccountDecision {
  if (!actor) return 'forbidden';
  const own = target != null && target.userId === actor.userId;
  if (action === 'change-own-password') return own ? 'allowed' : 'forbidden';
  if (action === 'read') return isAllowed(actor, 'read', { kind: 'user' }) ? 'allowed' : 'forbidden';
  if (!isAllowed(actor, 'update', { kind: 'user' })) return 'forbidden';
  if (own && action === 'change-rights' && next?.role !== undefined && next.role !== actor.role) return 'own-demotion';
  if (own && action === 'disable') return 'own-disable';
  if (own && action === 'reset-password') return 'own-reset';
  return 'allowed';
}
