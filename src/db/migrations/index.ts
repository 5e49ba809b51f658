import type { Migration } from 'kysely';
import type { DialectName } from '../database.js';
import access from './0001-access.js';
import registry from './0002-registry.js';
import ledger from './0003-ledger.js';
import vault from './0004-vault.js';
import workflow from './0005-workflow.js';
import compliance from './0006-compliance.js';
import ledgerSubjects from './0007-ledger-subjects.js';
import applicationCodes from './0008-application-codes.js';
import dashboard from './0009-dashboard.js';
import registryChanges from './0010-registry-changes.js';
import keyUnitTypeLists from './0011-key-unit-type-lists.js';
import deviceOperations from './0012-device-operations.js';
import officialActs from './0013-official-acts.js';
import listSorts from './0015-list-sorts.js';
import dashboardAccesses from './0016-dashboard-accesses.js';
import capturedLists from './0017-captured-lists.js';

/**
 * Every migration, in order. Names sort; each is written against
 * `Kysely<any>` so it stays frozen in time, and takes the dialect for the few
 * places the two engines differ (full-text search, types).
 */
export const migrations: Record<string, (d: DialectName) => Migration> = {
  '0001-access': access,
  '0002-registry': registry,
  '0003-ledger': ledger,
  '0004-vault': vault,
  '0005-workflow': workflow,
  '0006-compliance': compliance,
  '0007-ledger-subjects': ledgerSubjects,
  '0008-application-codes': applicationCodes,
  '0009-dashboard': dashboard,
  '0010-registry-changes': registryChanges,
  '0011-key-unit-type-lists': keyUnitTypeLists,
  '0012-device-operations': deviceOperations,
  '0013-official-acts': officialActs,
  '0015-list-sorts': listSorts,
  '0016-dashboard-accesses': dashboardAccesses,
  '0017-captured-lists': capturedLists,
};
