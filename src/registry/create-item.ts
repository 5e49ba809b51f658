import { isAllowed, listScope, type Actor } from '../access/index.js';
import { AppError, CommonErrors, validationError, type FieldIssue } from '../shared/errors.js';
import type { RegistryContext } from './context.js';
import { KINDS, type RegistryKind } from './domain/kinds.js';
import { coerceFields, missingRequired, withDefaults, type Values } from './domain/validate.js';
import { recordRegistryChange } from './ledger-leaf.js';
import { prepareRecords, resourceRefOf } from './prepare-records.js';
import type { Item } from './repository.js';

/** Keeps the first issue per field, so one mistake is not reported twice. */
export function mergeIssues(...lists: FieldIssue[][]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const fields = new Set<string>();
  for (const list of lists) {
    const here = new Set<string>();
    for (const i of list) {
      if (fields.has(i.field)) continue;
      out.push(i);
      here.add(i.field);
    }
    for (const f of here) fields.add(f);
  }
  return out;
}

/** Records a new row: every broken rule answered at once, nothing written on refusal. */
export async function createItem(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, input: Values): Promise<Item> {
  const k = KINDS[kind];
  if (listScope(actor, 'create', k.resource).kind === 'none') throw new AppError(CommonErrors.JF_FORBIDDEN);
  const coerced = coerceFields(k, input);
  const values = withDefaults(k, coerced.values);
  const [prepared] = await prepareRecords(ctx.repo, kind, [{ values }]);
  const issues = mergeIssues(coerced.issues, missingRequired(k, values), prepared.issues);
  if (issues.length) throw validationError(issues);
  if (!isAllowed(actor, 'create', resourceRefOf(kind, prepared.row))) throw new AppError(CommonErrors.JF_FORBIDDEN);
  const now = ctx.clock.now().toISOString();
  return ctx.repo.transaction(async (repo) => {
    const item = await repo.insert(kind, prepared.row, now);
    await recordRegistryChange(repo, actor, 'create', kind, item.id, item, now);
    return item;
  });
}
