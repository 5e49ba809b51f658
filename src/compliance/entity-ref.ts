import { findDivision } from '../shared/standards/gb2260.js';
import type { EntityKind } from './domain/entities.js';
import type { EntityRef } from './schemas.js';

/** The name of a GB/T 2260 code; the empty place has none. */
export function divisionName(code: string | null | undefined): string | null {
  if (!code) return null;
  return findDivision(code)?.name ?? null;
}

export function entityRef(kind: EntityKind, id: number, name: string, divisionCode: string | null, cityCode: string | null): EntityRef {
  return { type: kind, id, name, divisionCode, divisionName: divisionName(divisionCode), cityCode, cityName: divisionName(cityCode) };
}
