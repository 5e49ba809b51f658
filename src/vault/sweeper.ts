import type { VaultDeps } from './context.js';
import { sweep, type SweepReport } from './retention.js';

/**
 * Runs the retention sweep on a timer (art 23 ¶2): each run decides what has
 * reached its keep period and carries out each unit's policy (seal or erase),
 * never touching what is held or younger than the minimum. Returns a stop
 * function that resolves once a run under way has finished, so a server can
 * close its database after it.
 */
export function startRetentionSweeper(deps: VaultDeps, opts: { everyMs?: number; onReport?: (r: SweepReport) => void; onError?: (e: unknown) => void } = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        opts.onReport?.(await sweep(deps, null, { execute: true }));
      } catch (e) {
        opts.onError?.(e);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, opts.everyMs ?? 3_600_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
