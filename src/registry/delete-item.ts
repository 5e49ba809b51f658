import { isAllowed, type Actor } from '../access/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import type { RegistryContext } from './context.js';
import { KINDS, type RegistryKind } from './domain/kinds.js';
import { RegistryErrors } from './errors.js';
import { getItem } from './list-items.js';
import { recordRegistryChange } from './ledger-leaf.js';
import { resourceRefOf } from './prepare-records.js';

const TABLE_LABELS: Record<string, { zh: string; en: string }> = {
  sites: { zh: '场所', en: 'sites' },
  security_systems: { zh: '技防系统', en: 'systems' },
  devices: { zh: '设备', en: 'devices' },
  users: { zh: '账号', en: 'accounts' },
  police_organs: { zh: '下级公安机关', en: 'subordinate organs' },
};

/** Removes a row nothing refers to any more; otherwise says what still does. */
export async function deleteItem(ctx: RegistryContext, actor: Actor | null, kind: RegistryKind, id: number): Promise<void> {
  const k = KINDS[kind];
  const existing = await getItem(ctx, actor, kind, id);
  if (!isAllowed(actor, 'delete', resourceRefOf(kind, existing))) throw new AppError(CommonErrors.JF_FORBIDDEN);
  await ctx.repo.transaction(async (repo) => {
    const deps = await repo.dependents(kind, id);
    if (deps.length) {
      const label = (t: string) => TABLE_LABELS[t] ?? { zh: t, en: t };
      throw new AppError(RegistryErrors.JF_REGISTRY_IN_USE, {
        params: {
          what: k.label.zh,
          whatEn: k.label.en.toLowerCase(),
          refs: deps.map((d) => `${label(d.table).zh}${d.count}个`).join('、'),
          refsEn: deps.map((d) => `${d.count} ${label(d.table).en}`).join(', '),
        },
        extra: { dependents: deps },
      });
    }
    await repo.delete(kind, id);
    await recordRegistryChange(repo, actor, 'delete', kind, id, existing, ctx.clock.now().toISOString());
  });
}
