/**
 * The supervision dashboard: counts of a place within the caller's
 * jurisdiction, read from what the compliance sweep, the workflows and the
 * vault stored, each linked to its list and its article.
 */
export { dashboard, type DashboardContext } from './dashboard.js';
export { DashboardRepository } from './repository.js';
export { DashboardErrors } from './errors.js';
export * from './schemas.js';

import type { JifangDb } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { DashboardContext } from './dashboard.js';
import { DashboardRepository } from './repository.js';

export function dashboardContext(jdb: JifangDb, clock: Clock): DashboardContext {
  return { repo: DashboardRepository.of(jdb), clock };
}
