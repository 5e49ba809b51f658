import type { Kysely } from 'kysely';
import { isAllowed, type Action, type Actor, type ResourceKind, type ResourceRef } from '../access/index.js';
import type { DialectName } from '../db/database.js';
import { RegistryRepository } from '../registry/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import { OperationsErrors } from './errors.js';

/** What operations needs to know of a registered system, read through the registry's public face. */
export interface SystemFacts {
  id: number;
  name: string;
  keyUnitId: number | null;
  divisionCode: string;
  cityCode: string;
  /** Art 19, from the system, its site or its unit. */
  restricted: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function systemFacts(db: Kysely<any>, dialect: DialectName, id: number): Promise<SystemFacts | undefined> {
  const repo = new RegistryRepository(db, dialect);
  const s = await repo.get('security-systems', id);
  if (!s) return undefined;
  const keyUnitId = s.keyUnitId == null ? null : Number(s.keyUnitId);
  const unit = keyUnitId != null ? await repo.get('key-units', keyUnitId) : undefined;
  const site = s.siteId != null ? await repo.get('sites', Number(s.siteId)) : undefined;
  const divisionCode = String(s.divisionCode);
  return {
    id,
    name: String(s.name),
    keyUnitId,
    divisionCode,
    cityCode: String(s.cityCode ?? `${divisionCode.slice(0, 4)}00`),
    restricted: Boolean(s.restricted) || Boolean(unit?.restricted) || Boolean(site?.restricted),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function deviceSystem(db: Kysely<any>, dialect: DialectName, deviceId: number): Promise<number | undefined> {
  const d = await new RegistryRepository(db, dialect).get('devices', deviceId);
  return d ? Number(d.systemId) : undefined;
}

export function refOf(kind: ResourceKind, s: SystemFacts): ResourceRef {
  return { kind, divisionCode: s.divisionCode, keyUnitId: s.keyUnitId, restricted: s.restricted };
}

/**
 * A system the caller may act on: unknown and unreadable answer alike (404),
 * so nobody learns of a system outside their scope; readable but not
 * actionable answers 403.
 */
export async function authorizedSystem(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  deps: { db: Kysely<any>; dialect: DialectName },
  actor: Actor | null,
  systemId: number,
  kind: ResourceKind,
  action: Action,
): Promise<SystemFacts> {
  const s = await systemFacts(deps.db, deps.dialect, systemId);
  if (!s || !isAllowed(actor, 'read', refOf(kind, s)) && !isAllowed(actor, action, refOf(kind, s))) {
    throw new AppError(OperationsErrors.JF_OPS_UNKNOWN_SYSTEM, { params: { systemId } });
  }
  if (!isAllowed(actor, action, refOf(kind, s))) throw new AppError(CommonErrors.JF_FORBIDDEN);
  return s;
}
