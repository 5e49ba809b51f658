import { sql } from 'kysely';
import { listScope, type Actor, type ListScope } from '../access/index.js';
import { KINDS } from '../registry/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import { ENTITY_KINDS, type EntityKind } from './domain/entities.js';
import { tableOf } from './registry-rows.js';
import type { Condition } from './repository.js';

/**
 * The rows of the compliance tables a caller may read, from the one
 * authorization decision: for each kind of entity, the scope the policy gives
 * for reading that kind in the registry. Findings are never wider than the
 * entities they are about.
 */
export interface ComplianceScope {
  where: Condition;
  /**
   * A unit's or a provider's own scope needs the entities themselves (the
   * counts are per county); every other scope can read the counts.
   */
  needsEntities: boolean;
  kinds: EntityKind[];
}

/**
 * A place filter on `c`: a county by its code; a city or the province as the
 * range of county codes that start with its prefix (2101, 21), which an
 * index on the county code serves.
 */
export function placeCondition(code: string): Condition {
  const level = code.endsWith('0000') ? 2 : code.endsWith('00') ? 4 : 6;
  if (level === 6) return sql<boolean>`c.division_code = ${code}`;
  const prefix = code.slice(0, level);
  const next = String(Number(prefix) + 1);
  return sql<boolean>`(c.division_code >= ${prefix} and c.division_code < ${next})`;
}

/** The entities of `kind` that belong to a key unit: the unit itself, or rows the registry records under it. */
export function unitCondition(kind: EntityKind, keyUnitId: number): Condition {
  const id = sql.lit(Math.trunc(keyUnitId));
  if (kind === 'key-units') return sql<boolean>`c.entity_id = ${id}`;
  return sql<boolean>`c.entity_id in (select id from ${sql.raw(tableOf(kind))} where key_unit_id = ${id})`;
}

/**
 * The entities of `kind` that are a provider's own: the provider itself, or
 * rows the registry records it installed (a system, art 20).
 */
export function providerCondition(kind: EntityKind, providerId: number): Condition | null {
  const column = KINDS[kind].providerColumn;
  if (!column) return null;
  const id = sql.lit(Math.trunc(providerId));
  if (column === 'id') return sql<boolean>`c.entity_id = ${id}`;
  const snake = column.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
  return sql<boolean>`c.entity_id in (select id from ${sql.raw(tableOf(kind))} where ${sql.raw(snake)} = ${id})`;
}

function kindCondition(kind: EntityKind, s: ListScope): Condition | null {
  const k = KINDS[kind];
  const restricted = s.kind !== 'none' && !s.includeRestricted ? sql<boolean>` and c.restricted = 0` : sql<boolean>``;
  switch (s.kind) {
    case 'none':
      return null;
    case 'all':
      return sql<boolean>`(c.entity_kind = ${kind}${restricted})`;
    case 'division': {
      if (!k.hasDivision) return null;
      const p = s.prefix;
      return sql<boolean>`(c.entity_kind = ${kind} and ${placeCondition(p.length === 2 ? `${p}0000` : p.length === 4 ? `${p}00` : p)}${restricted})`;
    }
    case 'key-unit':
      return k.keyUnitColumn ? sql<boolean>`(c.entity_kind = ${kind} and ${unitCondition(kind, s.keyUnitId)}${restricted})` : null;
    case 'provider': {
      const own = providerCondition(kind, s.providerId);
      return own ? sql<boolean>`(c.entity_kind = ${kind} and ${own}${restricted})` : null;
    }
  }
}

/** 403 when the caller may read no entity of any of `kinds`. */
export function complianceScope(actor: Actor | null, kinds: readonly EntityKind[] = ENTITY_KINDS): ComplianceScope {
  const parts: Condition[] = [];
  const allowed: EntityKind[] = [];
  let needsEntities = false;
  for (const kind of kinds) {
    const s = listScope(actor, 'read', KINDS[kind].resource);
    const c = kindCondition(kind, s);
    if (!c) continue;
    parts.push(c);
    allowed.push(kind);
    if (s.kind === 'key-unit' || s.kind === 'provider') needsEntities = true;
  }
  if (!parts.length) throw new AppError(CommonErrors.JF_FORBIDDEN);
  return { where: sql<boolean>`(${sql.join(parts, sql` or `)})`, needsEntities, kinds: allowed };
}
