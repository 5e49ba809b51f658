import type { JifangDb } from '../db/database.js';

/**
 * Hooks run by `serve` before listening: seeding the demo Liaoning into an
 * empty database. Each returns lines to print (URL, demo accounts).
 */
export type FirstRunHook = (jdb: JifangDb) => Promise<string[]>;

const hooks: FirstRunHook[] = [];

export function addFirstRunHook(h: FirstRunHook) {
  hooks.push(h);
}

export async function onFirstRun(jdb: JifangDb): Promise<string[]> {
  const out: string[] = [];
  for (const h of hooks) out.push(...(await h(jdb)));
  return out;
}
