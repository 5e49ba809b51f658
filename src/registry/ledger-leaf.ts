import type { Actor } from '../access/index.js';
import { appendEvent, digestOfRecord } from '../ledger/index.js';
import { KINDS, type RegistryKind } from './domain/kinds.js';
import type { RegistryRepository } from './repository.js';

/**
 * Queues the ledger leaf of a change to a registry record in the change's own
 * transaction (art 36: officials answer for the records they keep). The
 * record appears by kind and id (`key-unit:12`), its content only as the
 * digest of the row as written, so no name or telephone number is in clear.
 */
export async function recordRegistryChange(repo: RegistryRepository, actor: Actor | null, action: 'create' | 'update' | 'delete' | 'import', kind: RegistryKind, id: number | null, row: unknown, at: string): Promise<void> {
  await appendEvent(repo.db, {
    type: `registry/${action}`,
    actorUserId: actor?.userId ?? null,
    subjectRef: id == null ? `registry:${kind}` : `${KINDS[kind].resource}:${id}`,
    digest: digestOfRecord(row),
    at,
  });
}
