import type { JifangDb } from '../../db/database.js';
import { ledgerAdapter } from '../adapters/ledger.js';
import { registryAdapter } from '../adapters/registry.js';
import type { LedgerPort } from './ledger.js';
import type { RegistryPort } from './registry.js';

export type { LedgerPort, WorkflowLedgerEvent } from './ledger.js';
export type { AnyDb, KeyUnitFacts, ProviderFacts, PublicAreaChoice, PublicAreaFacts, RegistryPort, SystemFacts } from './registry.js';

/** The other contexts the workflows call, each behind a small port. */
export interface WorkflowPorts {
  registry: RegistryPort;
  ledger: LedgerPort;
}

const bound = new WeakMap<JifangDb, Partial<WorkflowPorts>>();
const made = new WeakMap<JifangDb, WorkflowPorts>();

/** Binds ports to one database handle: tests give each database their own registry. */
export function bindWorkflowPorts(jdb: JifangDb, ports: Partial<WorkflowPorts>): void {
  bound.set(jdb, { ...bound.get(jdb), ...ports });
  made.delete(jdb);
}

/** The registry and the ledger through their public faces, unless a test bound others. */
export function portsFor(jdb: JifangDb): WorkflowPorts {
  let p = made.get(jdb);
  if (!p) {
    p = { registry: registryAdapter(jdb.dialect), ledger: ledgerAdapter, ...bound.get(jdb) };
    made.set(jdb, p);
  }
  return p;
}
