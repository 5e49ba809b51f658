import { isAllowed, type Actor } from '../access/index.js';
import { AppError, CommonErrors, validationError } from '../shared/errors.js';
import type { RegistryContext } from './context.js';
import { mergeIssues } from './create-item.js';
import { KINDS, writableFields, type RegistryKind } from './domain/kinds.js';
import { coerceFields, missingRequired, type Values } from './domain/validate.js';
import { getItem } from './list-items.js';
import { recordRegistryChange } from './ledger-leaf.js';
import { prepareRecords, resourceRefOf } from './prepare-records.js';
import type { Item } from './repository.js';

/**
 * Changes some fields of a row. The whole row is checked again, and the
 * caller must be allowed to hold the row both before and after (a unit cannot
 * be moved out of the caller's jurisdiction). What other rows copy from it
 * follows in the same transaction.
 */
export async function updateItem(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, id: number, patch: Values): Promise<Item> {
  const k = KINDS[kind];
  const existing = await getItem(ctx, actor, kind, id);
  if (!isAllowed(actor, 'update', resourceRefOf(kind, existing))) throw new AppError(CommonErrors.JF_FORBIDDEN);
  const coerced = coerceFields(k, patch);
  const merged: Values = {};
  for (const f of writableFields(k)) merged[f.name] = existing[f.name];
  Object.assign(merged, coerced.values);
  const [prepared] = await prepareRecords(ctx.repo, kind, [{ values: merged, id }]);
  const issues = mergeIssues(coerced.issues, missingRequired(k, merged), prepared.issues);
  if (issues.length) throw validationError(issues);
  if (!isAllowed(actor, 'update', resourceRefOf(kind, { ...prepared.row, id }))) throw new AppError(CommonErrors.JF_FORBIDDEN);
  const now = ctx.clock.now().toISOString();
  return ctx.repo.transaction(async (repo) => {
    const item = await repo.update(kind, id, prepared.row, now);
    await recordRegistryChange(repo, actor, 'update', kind, id, item, now);
    return item;
  });
}
