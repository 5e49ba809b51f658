import { registryBench } from './registry.bench.js';
import { ledgerBenchModule } from './ledger.js';
import { complianceBench } from './compliance.js';
import { dashboardBench } from './dashboard.js';
import { operationsBench } from './operations.js';
import type { BenchModule } from './types.js';
import { vaultBench } from './vault.js';
import { workflowBench } from './workflow.js';

/** Every benchmark `npm run bench` runs, in order; add one line per module. */
export const BENCHES: BenchModule[] = [registryBench, ledgerBenchModule, complianceBench, vaultBench, workflowBench, dashboardBench, operationsBench];
