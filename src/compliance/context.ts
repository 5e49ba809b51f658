import type { JifangDb } from '../db/database.js';
import { RegistryRepository, type RegistryContext } from '../registry/index.js';
import type { Clock } from '../shared/clock.js';
import { RegistryRows } from './registry-rows.js';
import { ComplianceRepository } from './repository.js';

/** What every compliance use case works with. */
export interface ComplianceContext {
  repo: ComplianceRepository;
  rows: RegistryRows;
  /** The registry's own use cases: reading one entity goes through them, and so through the policy. */
  registry: RegistryContext;
  clock: Clock;
}

export function complianceContext(jdb: JifangDb, clock: Clock): ComplianceContext {
  return { repo: ComplianceRepository.of(jdb), rows: RegistryRows.of(jdb), registry: { repo: RegistryRepository.of(jdb), clock }, clock };
}
