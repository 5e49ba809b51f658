import type { AuthHeaders, TestApp } from '../../../test/support/app.js';
import { allWorkflows } from '../../workflow/index.js';

/** Small helpers the workflow HTTP suites share. */
export function client(t: TestApp) {
  const open = (headers: AuthHeaders, machine: string, transition: string, input: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers: { ...headers }, payload: { machine, transition, input } });
  const act = (headers: AuthHeaders, id: number, name: string, version: number, input?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/workflow/items/${id}/transitions/${name}`, headers: { ...headers }, payload: { version, ...(input ? { input } : {}) } });
  const get = (headers: AuthHeaders | undefined, url: string) => t.app.inject({ url, ...(headers ? { headers: { ...headers } } : {}) });
  /** Takes a transition at the item's current version. */
  const step = async (headers: AuthHeaders, id: number, name: string, input?: Record<string, unknown>) => {
    const cur = await get(headers, `/api/v1/workflow/items/${id}`);
    const version = cur.statusCode === 200 ? cur.json().item.version : 1;
    return act(headers, id, name, version, input);
  };
  const attach = (headers: AuthHeaders, id: number) =>
    t.app.inject({ method: 'POST', url: `/api/v1/workflow/items/${id}/attachments`, headers: { ...headers }, payload: { filename: 'hazard.png', contentType: 'image/png', dataBase64: PNG } });
  return { open, act, get, step, attach };
}

/** A 1×1 PNG. */
export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every transition a machine has, and those this database has seen applied, to check a suite took each one. */
export async function transitionCoverage(t: TestApp, machine: string): Promise<{ all: string[]; applied: string[] }> {
  const m = allWorkflows().find((w) => w.machine.name === machine)!.machine;
  const rows = await t.tdb.db
    .selectFrom('workflowTransitions as t')
    .innerJoin('workflowItems as i', 'i.id', 't.itemId')
    .select('t.transition')
    .distinct()
    .where('i.machine', '=', machine)
    .execute();
  return { all: m.transitions.map((x) => x.name).sort(), applied: rows.map((r: { transition: string }) => r.transition).sort() };
}

/** `YYYY-MM-DD`, `days` after the test clock's day in China. */
export function dayAfter(t: TestApp, days: number): string {
  const d = new Date(t.clock.now().getTime() + 8 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Every transition a machine has, and those this database has seen refused by the engine
 * (wrong state, wrong party, a rule, Art 29, jurisdiction: the refusals oversight sees), to
 * check a suite tried each one where it does not belong as well as where it does.
 */
export async function refusalCoverage(t: TestApp, machine: string): Promise<{ all: string[]; refused: string[] }> {
  const m = allWorkflows().find((w) => w.machine.name === machine)!.machine;
  const rows = await t.tdb.db
    .selectFrom('workflowRefusals as r')
    .leftJoin('workflowItems as i', 'i.id', 'r.itemId')
    .select(['r.transition', 'r.machine', 'i.machine as itemMachine'])
    .execute();
  const refused = new Set(
    (rows as { transition: string | null; machine: string | null; itemMachine: string | null }[])
      .filter((r) => r.transition && (r.machine ?? r.itemMachine) === machine)
      .map((r) => r.transition!),
  );
  return { all: m.transitions.map((x) => x.name).sort(), refused: [...refused].filter((x) => m.transitions.some((d) => d.name === x)).sort() };
}
