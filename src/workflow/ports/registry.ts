import type { Kysely } from 'kysely';
import type { Bilingual } from '../../shared/text.js';

/**
 * What the workflows need to know from the registry, and nothing more. The
 * registry owns these records; workflows keep only their ids and check they
 * exist through this port. `adapters/registry.ts` implements it over the
 * registry's public face; tests may bind their own (see ports/index.ts).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface ProviderFacts {
  id: number;
  name: string;
  creditCode: string | null;
  services: string[];
  /** Art 17: from outside Liaoning. */
  fromOutsideLiaoning: boolean;
  /** County-level GB/T 2260 code of the place of business in Liaoning; null when outside. */
  divisionCode: string | null;
}

export interface KeyUnitFacts {
  id: number;
  name: string;
  creditCode: string | null;
  unitType: string | null;
  /** Art 10 ¶1 item the unit falls under. */
  art10Item: number | null;
  divisionCode: string;
  /** Art 19. */
  restricted: boolean;
}

export interface PublicAreaFacts {
  id: number;
  name: string;
  kind: string | null;
  divisionCode: string;
  /** Art 8 ¶1: the department the government designated. */
  designatedDepartment: string | null;
}

export interface SystemFacts {
  id: number;
  name: string;
  subsystemKind: string | null;
  keyUnitId: number | null;
  publicAreaId: number | null;
  providerId: number | null;
  divisionCode: string | null;
  restricted: boolean;
  retentionDays: number | null;
}

export interface PublicAreaChoice extends PublicAreaFacts {
  systems: { id: number; name: string }[];
}

export interface RegistryPort {
  provider(db: AnyDb, id: number): Promise<ProviderFacts | undefined>;
  keyUnit(db: AnyDb, id: number): Promise<KeyUnitFacts | undefined>;
  publicArea(db: AnyDb, id: number): Promise<PublicAreaFacts | undefined>;
  system(db: AnyDb, id: number): Promise<SystemFacts | undefined>;
  systemsOfKeyUnit(db: AnyDb, keyUnitId: number): Promise<SystemFacts[]>;
  /**
   * Public areas whose name matches `q`, with their systems (not restricted ones):
   * what a construction unit chooses from when it asks before moving a system (Art 9 ¶2).
   */
  searchPublicAreas(db: AnyDb, q: string | undefined, limit: number): Promise<PublicAreaChoice[]>;
  /** Providers whose name matches `q`: whom a user of their service may complain about (Art 28). */
  searchProviders(db: AnyDb, q: string | undefined, limit: number): Promise<{ id: number; name: string; creditCode: string | null }[]>;
  /** Names of registered products and manufacturers: an official may not prescribe them (Art 29). */
  productNames(db: AnyDb): Promise<string[]>;
  /** The police organ answering for a division, when the registry has it. */
  organName(db: AnyDb, divisionCode: string): Promise<Bilingual | undefined>;
}

