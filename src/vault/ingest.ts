import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { AppError } from '../shared/errors.js';
import type { VaultActor, VaultDeps } from './context.js';
import { CAPTURE_KINDS, type CaptureKind } from './domain/types.js';
import { ms, normaliseTimestamp } from './domain/time.js';
import { VaultErrors } from './errors.js';
import { recordEvent } from './events.js';
import type { DeviceFacts, SystemFacts } from './ports/system-directory.js';
import { SHA256_HEX, type BlobWriter } from './store/blob-store.js';
import { BlobTooLargeError } from './store/fs-blob-store.js';
import { vaultDb } from './tables.js';
import { toSegment, type Segment } from './segments.js';

export interface IngestMeta {
  systemId: number;
  deviceId?: number | null;
  startedAt: string;
  endedAt: string;
  captureKind?: CaptureKind;
  mediaType?: string;
  originalName?: string | null;
  /** The digest the sender computed; the upload is refused if the bytes differ. */
  sha256?: string | null;
  /** The length the sender announced; fewer bytes means a truncated upload. */
  size?: number | null;
  source: 'upload' | 'folder';
}

export interface IngestResult {
  segment: Segment;
  /** False when the same file for the same span was taken in before (a safe retry). */
  created: boolean;
}

/** The system (and device) a recording claims to come from, as on record. */
export async function resolveSource(deps: VaultDeps, systemId: number, deviceId: number | null | undefined): Promise<{ system: SystemFacts; device: DeviceFacts | null }> {
  const system = await deps.directory.getSystem(systemId);
  if (!system) throw new AppError(VaultErrors.JF_VAULT_UNKNOWN_SYSTEM, { params: { systemId } });
  if (deviceId == null) return { system, device: null };
  const device = await deps.directory.getDevice(deviceId);
  if (!device || device.systemId !== systemId) throw new AppError(VaultErrors.JF_VAULT_UNKNOWN_DEVICE, { params: { deviceId, systemId } });
  return { system, device };
}

export function validateSpan(deps: VaultDeps, startedAt: string, endedAt: string): { startedAt: string; endedAt: string } {
  const s = normaliseTimestamp(startedAt);
  const e = normaliseTimestamp(endedAt);
  const bad = (zh: string, en: string) => new AppError(VaultErrors.JF_VAULT_BAD_TIME_SPAN, { params: { reason: zh, reasonEn: en } });
  if (!s || !e) throw bad('起止时间须为 ISO 8601 时间', 'start and end must be ISO 8601 timestamps');
  if (e <= s) throw bad('结束时间须晚于开始时间', 'the end must be after the start');
  // A recorder's clock may run a little ahead; footage from the future is not footage.
  if (ms(e) > deps.clock.now().getTime() + 5 * 60_000) throw bad('结束时间在将来', 'the end lies in the future');
  if (ms(e) - ms(s) > 24 * 3_600_000) throw bad('一段采获信息不得超过24小时', 'one segment may span at most 24 hours');
  return { startedAt: s, endedAt: e };
}

/**
 * Takes in one file of captured information (art 23 ¶1: 采取技术手段，加强对采获
 * 信息的管理). The bytes are hashed as they stream to a private temporary file;
 * a truncated upload, a digest that does not match, or a system not on record
 * leaves nothing behind. The file becomes visible under its digest before the
 * database row commits; a crash in between leaves a file without a row, which
 * `reconcile` removes, never a row without its file.
 */
export async function ingest(deps: VaultDeps, actor: VaultActor, meta: IngestMeta, body: Readable, source?: { system: SystemFacts; device: DeviceFacts | null }): Promise<IngestResult> {
  let writer: BlobWriter | null = null;
  try {
    const span = validateSpan(deps, meta.startedAt, meta.endedAt);
    const { system } = source ?? (await resolveSource(deps, meta.systemId, meta.deviceId));
    const expectedSha = meta.sha256?.toLowerCase() ?? null;
    if (expectedSha && !SHA256_HEX.test(expectedSha)) {
      throw new AppError(VaultErrors.JF_VAULT_DIGEST_MISMATCH, { params: { expected: expectedSha, actual: '-' } });
    }
    writer = await deps.store.begin();
    let digest;
    try {
      digest = await writer.receive(body, { maxBytes: meta.size ?? deps.settings.maxUploadBytes });
    } catch (e) {
      if (e instanceof BlobTooLargeError) throw new AppError(VaultErrors.JF_VAULT_TRUNCATED, { params: { expected: meta.size ?? e.limit, received: `>${e.limit}` } });
      // The sender went away mid-stream: an interrupted upload.
      throw new AppError(VaultErrors.JF_VAULT_TRUNCATED, { params: { expected: meta.size ?? '?', received: '?' } });
    }
    if (digest.size === 0) throw new AppError(VaultErrors.JF_VAULT_EMPTY);
    if (meta.size != null && digest.size !== meta.size) throw new AppError(VaultErrors.JF_VAULT_TRUNCATED, { params: { expected: meta.size, received: digest.size } });
    if (expectedSha && digest.sha256 !== expectedSha) throw new AppError(VaultErrors.JF_VAULT_DIGEST_MISMATCH, { params: { expected: expectedSha, actual: digest.sha256 } });
    await deps.onIngestStage?.('received');

    const deviceId = meta.deviceId ?? null;
    const dedupKey = `${meta.systemId}:${deviceId ?? '-'}:${span.startedAt}:${digest.sha256}`;
    const db = vaultDb(deps.db);
    const existing = await db.selectFrom('capturedSegments').selectAll().where('dedupKey', '=', dedupKey).executeTakeFirst();
    if (existing) {
      await writer.abort();
      return { segment: toSegment(existing), created: false };
    }

    await writer.commit();
    await deps.onIngestStage?.('stored');
    const now = deps.clock.now().toISOString();
    const captureKind: CaptureKind = meta.captureKind ?? (meta.mediaType?.startsWith('audio/') ? 'audio' : meta.mediaType?.startsWith('image/') ? 'image' : 'video');
    if (!CAPTURE_KINDS.includes(captureKind)) throw new AppError(VaultErrors.JF_VAULT_BAD_TIME_SPAN, { params: { reason: captureKind, reasonEn: captureKind } });
    try {
      const row = await deps.db.transaction().execute(async (trxAny) => {
        const trx = vaultDb(trxAny);
        await trx.insertInto('capturedBlobs').values({ sha256: digest.sha256, size: digest.size, createdAt: now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
        const seg = await trx
          .insertInto('capturedSegments')
          .values({
            systemId: meta.systemId,
            deviceId,
            keyUnitId: system.keyUnitId,
            divisionCode: system.divisionCode,
            restricted: system.restricted ? 1 : 0,
            retentionScope: system.retentionScope,
            captureKind,
            startedAt: span.startedAt,
            endedAt: span.endedAt,
            sha256: digest.sha256,
            size: digest.size,
            mediaType: meta.mediaType ?? 'application/octet-stream',
            originalName: meta.originalName ?? null,
            source: meta.source,
            state: 'kept',
            ingestedAt: now,
            ingestedBy: actor?.userId ?? null,
            sealedAt: null,
            erasedAt: null,
            erasedBy: null,
            dedupKey,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('capturedSystems')
          .values({
            systemId: meta.systemId,
            keyUnitId: system.keyUnitId,
            divisionCode: system.divisionCode,
            restricted: system.restricted ? 1 : 0,
            retentionScope: system.retentionScope,
            art10Item: system.art10Item,
            firstCapturedAt: span.startedAt,
            lastCapturedAt: span.endedAt,
            updatedAt: now,
          })
          .onConflict((oc) =>
            oc.column('systemId').doUpdateSet({
              keyUnitId: system.keyUnitId,
              divisionCode: system.divisionCode,
              restricted: system.restricted ? 1 : 0,
              retentionScope: system.retentionScope,
              art10Item: system.art10Item,
              firstCapturedAt: sql<string>`case when excluded.first_captured_at < captured_systems.first_captured_at then excluded.first_captured_at else captured_systems.first_captured_at end`,
              lastCapturedAt: sql<string>`case when excluded.last_captured_at > captured_systems.last_captured_at then excluded.last_captured_at else captured_systems.last_captured_at end`,
              updatedAt: now,
            }),
          )
          .execute();
        await recordEvent(trxAny, deps, actor, {
          action: 'ingest',
          outcome: 'allowed',
          systemId: meta.systemId,
          segmentId: Number(seg.id),
          keyUnitId: system.keyUnitId,
          divisionCode: system.divisionCode,
          detail: { sha256: digest.sha256, size: digest.size, source: meta.source },
        });
        await deps.onIngestStage?.('recorded');
        return seg;
      });
      return { segment: toSegment(row), created: true };
    } catch (e) {
      // A concurrent retry of the same file won the race: answer with its record.
      const again = await db.selectFrom('capturedSegments').selectAll().where('dedupKey', '=', dedupKey).executeTakeFirst().catch(() => undefined);
      if (again) return { segment: toSegment(again), created: false };
      await removeIfUnreferenced(deps, digest.sha256).catch(() => undefined);
      throw e;
    }
  } catch (e) {
    await writer?.abort();
    // Whatever of the body the handler did not read is discarded, so the connection can be reused.
    if (!body.destroyed) body.resume();
    throw e;
  }
}

/** Deletes a stored file when no database row names it (after a failed or rolled-back ingest, or an erasure). */
export async function removeIfUnreferenced(deps: VaultDeps, sha256: string): Promise<boolean> {
  const row = await vaultDb(deps.db).selectFrom('capturedBlobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
  if (row) return false;
  await deps.store.remove(sha256);
  return true;
}

/**
 * Brings the store and the database back into step after a crash: temporary
 * files and files no row names are removed once older than the grace period
 * (younger ones may belong to an ingest still running in another process).
 */
export async function reconcile(deps: VaultDeps, opts: { olderThan?: Date } = {}): Promise<{ temporary: number; orphans: number; missing: number }> {
  const before = opts.olderThan ?? new Date(deps.clock.now().getTime() - deps.settings.orphanGraceSeconds * 1000);
  const temporary = await deps.store.clearTemporary(before);
  const db = vaultDb(deps.db);
  let orphans = 0;
  for await (const f of deps.store.list()) {
    if (f.modifiedAt > before) continue;
    const known = await db.selectFrom('capturedBlobs').select('sha256').where('sha256', '=', f.sha256).executeTakeFirst();
    if (!known) {
      await deps.store.remove(f.sha256);
      orphans++;
    }
  }
  // A row whose file is gone would be a half record; the ingest order rules it out, and this counts any.
  let missing = 0;
  const rows = await db.selectFrom('capturedBlobs').select('sha256').execute();
  for (const r of rows) if (!(await deps.store.has(r.sha256))) missing++;
  return { temporary, orphans, missing };
}
