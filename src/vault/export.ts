import type { Readable } from 'node:stream';
import { getAccessRequest } from './access-requests.js';
import { authorizeContent } from './content.js';
import type { VaultActor, VaultDeps } from './context.js';
import { recordEvent } from './events.js';
import { packagePayload, storeBag } from './evidence.js';
import type { Segment } from './segments.js';

/**
 * Art 24 ¶1: officers holding a grant with `copy` export recordings in scope,
 * as a BagIt bag with the request, the registration and the chain of custody.
 * Each recording is decided (and any refusal recorded) before anything is packed.
 */
export async function exportUnderRequest(deps: VaultDeps, actor: NonNullable<VaultActor>, requestId: number, segmentIds: number[]): Promise<{ sha256: string; size: number; stream: Readable; name: string }> {
  const ref = { kind: 'access-request' as const, id: requestId };
  const segments: Segment[] = [];
  // Every recording is decided first (refusals recorded as they come); the copies are recorded only once all are allowed.
  for (const id of [...new Set(segmentIds)].sort((a, b) => a - b)) segments.push((await authorizeContent(deps, actor, id, 'copy', ref, { record: false })).segment);
  const v = await getAccessRequest(deps, requestId);
  const now = deps.clock.now().toISOString();
  const payload = await packagePayload(deps, segments, {
    request: { accessRequest: v.id, kind: v.kind, organName: v.organName, organKind: v.organKind, organCertificateNo: v.organCertificateNo, caseRef: v.caseRef, duty: v.duty, purposes: v.purposes, window: v.window, validUntil: v.validUntil, scope: v.scope, legalBasis: v.kind === 'official' ? 'Art 24 ¶1' : 'Art 24 ¶2' },
    approvals: { officers: v.officers, registeredAt: v.registeredAt, registeredBy: v.registeredBy, registrationNo: v.registrationNo, exportedAt: now, exportedBy: actor.userId },
    grant: ref,
  });
  const name = `jifang-export-${requestId}-${now.replace(/[-:]/g, '').slice(0, 15)}`;
  const digest = await storeBag(deps, name, payload, [
    ['Source-Organization', v.keyUnitId != null ? `key-unit/${v.keyUnitId}` : `division/${v.divisionCode}`],
    ['Bagging-Date', now.slice(0, 10)],
    ['External-Identifier', v.registrationNo ?? `access-request/${v.id}`],
    ['Internal-Sender-Identifier', `access-request/${v.id}`],
    ['Bag-Software-Agent', 'Jifang'],
  ]);
  await deps.db.transaction().execute(async (trx) => {
    for (const s of segments) await recordEvent(trx, deps, actor, { action: 'copy', outcome: 'allowed', ruleId: 'art24.p1.scope', systemId: s.systemId, segmentId: s.id, keyUnitId: s.keyUnitId, divisionCode: s.divisionCode, grant: ref, detail: { sha256: s.sha256, export: true } });
    await recordEvent(trx, deps, actor, { action: 'export', outcome: 'allowed', ruleId: 'art24.p1.scope', keyUnitId: v.keyUnitId, divisionCode: v.divisionCode, grant: ref, detail: { packageSha256: digest.sha256, segments: segments.map((s) => s.id) } });
  });
  return { ...digest, stream: deps.store.read(digest.sha256), name };
}
