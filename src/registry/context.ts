import type { Clock } from '../shared/clock.js';
import type { RegistryRepository } from './repository.js';

/** What every registry use case works with: the repository and the clock. */
export interface RegistryContext {
  repo: RegistryRepository;
  clock: Clock;
}
