import { art10ItemOf, type Art10Item } from '../interpretations/unit-types.js';
import type { RetentionCategory } from '../parameters/retention.js';
import { SUBSYSTEM_KINDS, type KeyUnit, type SecuritySystem, type Situation } from './schema.js';

/**
 * Facts derived from a situation that several rules read. Each derivation
 * names the provision it follows.
 */

/** Art 3 ¶3: a system made of at least one of the named subsystems. */
export function isTechPreventionSystem(s: Pick<SecuritySystem, 'subsystems'>): boolean {
  return s.subsystems.some((k) => (SUBSYSTEM_KINDS as readonly string[]).includes(k));
}

export type KeyUnitStatus =
  | { keyUnit: true; item: Art10Item; conditional?: 'installation_feasibility_unknown' }
  | { keyUnit: false; item?: Art10Item; reason: 'not_listed' | 'secret_site' | 'installation_not_feasible' };

/**
 * Art 10: whether a unit is a key unit, and under which item. Exceptions over
 * the item: a secret site is not under item 5 (涉密场所除外); an existing
 * community is under item 11 only where installation is feasible (有安装条件).
 */
export function keyUnitStatus(ku: { unitType: string; secretSite?: boolean; installationFeasible?: boolean }): KeyUnitStatus {
  const item = art10ItemOf(ku.unitType);
  if (item === undefined) return { keyUnit: false, reason: 'not_listed' };
  if (item === 5 && ku.secretSite === true) return { keyUnit: false, item, reason: 'secret_site' };
  if (ku.unitType === 'residential_community_existing') {
    if (ku.installationFeasible === false) return { keyUnit: false, item, reason: 'installation_not_feasible' };
    if (ku.installationFeasible === undefined) return { keyUnit: true, item, conditional: 'installation_feasibility_unknown' };
  }
  return { keyUnit: true, item };
}

export function findKeyUnit(s: Situation, id: string | undefined): KeyUnit | undefined {
  return id === undefined ? undefined : s.keyUnits?.find((k) => k.id === id);
}

export function findSystem(s: Situation, id: string | undefined): SecuritySystem | undefined {
  return id === undefined ? undefined : s.systems?.find((x) => x.id === id);
}

/** The art 10 item of a key-unit system: from its key unit, else as recorded on the system. */
export function systemArt10Item(sys: SecuritySystem, s: Situation): number | undefined {
  const ku = findKeyUnit(s, sys.keyUnitRef);
  return (ku ? art10ItemOf(ku.unitType) : undefined) ?? sys.art10Item;
}

/** What art 23 ¶2 looks the minimum retention up by. */
export function retentionCategory(sys: SecuritySystem, s: Situation): RetentionCategory {
  const c: RetentionCategory = { scope: sys.scope };
  const item = sys.scope === 'key_unit' ? systemArt10Item(sys, s) : undefined;
  if (item !== undefined) c.art10Item = item;
  if (sys.captures) c.captures = sys.captures;
  return c;
}

/** Resolves a finding's subject path such as `acts[3]` back to the situation's object. */
export function subjectObject(s: Situation, path: string): Record<string, unknown> | undefined {
  const m = /^(\w+)\[(\d+)\]$/.exec(path);
  if (!m) return undefined;
  const list = (s as Record<string, unknown>)[m[1]];
  return Array.isArray(list) ? (list[Number(m[2])] as Record<string, unknown> | undefined) : undefined;
}
