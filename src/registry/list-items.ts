import { isAllowed, listScope, mayNameReferences, type Actor } from '../access/index.js';
import { AppError, CommonErrors, notFound } from '../shared/errors.js';
import type { RegistryContext } from './context.js';
import { KINDS, type RegistryKind } from './domain/kinds.js';
import { resourceRefOf } from './prepare-records.js';
import type { Item, ListQuery, Page } from './repository.js';

/** One page of a registry, of the rows the caller may read (the policy's scope, in SQL). */
export async function listItems(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, query: ListQuery): Promise<Page> {
  const scope = listScope(actor, 'read', KINDS[kind].resource);
  if (scope.kind === 'none') throw new AppError(CommonErrors.JF_FORBIDDEN);
  const k = KINDS[kind];
  const refKinds = [...new Set(k.fields.flatMap((f) => (f.type === 'ref' && f.ref && f.listed ? [f.ref] : [])))];
  return ctx.repo.list(kind, scope, query, refKinds.filter((r) => mayNameReferences(actor, k.resource, KINDS[r].resource)));
}

export async function getItem(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, id: number): Promise<Item> {
  const item = await ctx.repo.get(kind, id);
  if (!item) throw notFound({ zh: `${KINDS[kind].label.zh}（编号${id}）`, en: `${KINDS[kind].label.en} ${id}` });
  if (!isAllowed(actor, 'read', resourceRefOf(kind, item))) throw new AppError(CommonErrors.JF_FORBIDDEN);
  return item;
}
