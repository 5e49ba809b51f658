import { registryBench } from './registry.bench.js';
import type { BenchModule } from './types.js';

/** Every benchmark `npm run bench` runs, in order; add one line per module. */
export const BENCHES: BenchModule[] = [registryBench];
