import type { VaultDeps } from './context.js';
import { sweep, type SweepReport } from './retention.js';

/**
 * Runs the retention sweep on a timer (art 23 ¶2): each run decides what has
 * reached its keep period and carries out each unit's policy (seal or erase),
 * never touching what is held or younger than the minimum. Returns a stop function.
 */
export function startRetentionSweeper(deps: VaultDeps, opts: { everyMs?: number; onReport?: (r: SweepReport) => void; onError?: (e: unknown) => void } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      opts.onReport?.(await sweep(deps, null, { execute: true }));
    } catch (e) {
      opts.onError?.(e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, opts.everyMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
