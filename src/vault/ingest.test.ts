import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import { ingest, reconcile } from './ingest.js';
import { vaultDb } from './tables.js';
import { actor, at, footage, minutes, resetVault, testVault, T0 } from './test-support.js';
import type { VaultDeps } from './context.js';

const unit = actor('key_unit', { keyUnitId: 1 });

async function blobFiles(dir: string): Promise<string[]> {
  const root = path.join(dir, 'blobs');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

async function counts(v: VaultDeps) {
  const db = vaultDb(v.db);
  const n = async (t: 'capturedSegments' | 'capturedBlobs' | 'capturedEvents') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { segments: await n('capturedSegments'), blobs: await n('capturedBlobs') };
}

describe.each(testDialects)('ingest on %s (art 23 ¶1)', (dialect) => {
  let tdb: TestDatabase;
  let v: VaultDeps;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  beforeEach(async () => {
    await resetVault(tdb);
    v = testVault(tdb).vault;
  });
  afterAll(() => tdb.cleanup());

  const meta = (over = {}) => ({ systemId: 1, deviceId: 11, startedAt: at(T0, -minutes(10)), endedAt: at(T0, -minutes(5)), mediaType: 'video/mp4', source: 'upload' as const, ...over });

  it('stores a file once by SHA-256, with its record, and answers a retry with the same record', async () => {
    const clip = footage(1);
    const first = await ingest(v, unit, { ...meta(), sha256: clip.sha256, size: clip.bytes.length }, Readable.from([clip.bytes]));
    expect(first.created).toBe(true);
    expect(first.segment).toMatchObject({ systemId: 1, deviceId: 11, keyUnitId: 1, sha256: clip.sha256, size: clip.bytes.length, state: 'kept' });
    const again = await ingest(v, unit, { ...meta(), sha256: clip.sha256 }, Readable.from([clip.bytes]));
    expect(again).toMatchObject({ created: false, segment: { id: first.segment.id } });
    // The same bytes for another span are another recording, stored once.
    await ingest(v, unit, meta({ startedAt: at(T0, -minutes(5)), endedAt: at(T0, -minutes(1)) }), Readable.from([clip.bytes]));
    expect(await counts(v)).toEqual({ segments: 2, blobs: 1 });
    expect(await blobFiles(tdb.dataDir)).toHaveLength(1);
  });

  it('rejects a truncated upload, a wrong digest, an empty file and an unknown system, leaving nothing behind', async () => {
    const clip = footage(2);
    await expect(ingest(v, unit, { ...meta(), size: clip.bytes.length + 10 }, Readable.from([clip.bytes]))).rejects.toMatchObject({ code: 'JF_VAULT_TRUNCATED' });
    await expect(ingest(v, unit, { ...meta(), sha256: 'a'.repeat(64) }, Readable.from([clip.bytes]))).rejects.toMatchObject({ code: 'JF_VAULT_DIGEST_MISMATCH' });
    await expect(ingest(v, unit, meta(), Readable.from([Buffer.alloc(0)]))).rejects.toMatchObject({ code: 'JF_VAULT_EMPTY' });
    await expect(ingest(v, unit, meta({ systemId: 999 }), Readable.from([clip.bytes]))).rejects.toMatchObject({ code: 'JF_VAULT_UNKNOWN_SYSTEM' });
    await expect(ingest(v, unit, meta({ deviceId: 21 }), Readable.from([clip.bytes]))).rejects.toMatchObject({ code: 'JF_VAULT_UNKNOWN_DEVICE' });
    await expect(ingest(v, unit, meta({ endedAt: at(T0, -minutes(20)) }), Readable.from([clip.bytes]))).rejects.toMatchObject({ code: 'JF_VAULT_BAD_TIME_SPAN' });
    const broken = new Readable({
      read() {
        this.push(clip.bytes.subarray(0, 100));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(ingest(v, unit, meta(), broken)).rejects.toMatchObject({ code: 'JF_VAULT_TRUNCATED' });
    expect(await counts(v)).toEqual({ segments: 0, blobs: 0 });
    expect(await blobFiles(tdb.dataDir)).toEqual([]);
  });

  it.each(['received', 'stored', 'recorded'] as const)('a crash at "%s" leaves no half record, and reconciliation leaves no orphan file', async (stage) => {
    const clip = footage(3);
    const crashing = { ...v, onIngestStage: (s: string) => { if (s === stage) throw new Error(`crash at ${s}`); } };
    await expect(ingest(crashing, unit, meta(), Readable.from([clip.bytes]))).rejects.toThrow(`crash at ${stage}`);
    expect(await counts(v)).toEqual({ segments: 0, blobs: 0 });
    // A real crash skips the cleanup a thrown error runs: put back what it would leave.
    if (stage !== 'received') fs.mkdirSync(path.join(tdb.dataDir, 'blobs', 'sha256', clip.sha256.slice(0, 2), clip.sha256.slice(2, 4)), { recursive: true });
    if (stage !== 'received') fs.writeFileSync(path.join(tdb.dataDir, 'blobs', 'sha256', clip.sha256.slice(0, 2), clip.sha256.slice(2, 4), clip.sha256), clip.bytes);
    fs.mkdirSync(path.join(tdb.dataDir, 'blobs', 'tmp'), { recursive: true });
    fs.writeFileSync(path.join(tdb.dataDir, 'blobs', 'tmp', 'left-over.part'), clip.bytes.subarray(0, 50));
    const r = await reconcile(v, { olderThan: new Date(Date.now() + 60_000) });
    expect(r.missing).toBe(0);
    expect(await blobFiles(tdb.dataDir)).toEqual([]);
    // And the retry succeeds.
    const again = await ingest(v, unit, { ...meta(), sha256: clip.sha256 }, Readable.from([clip.bytes]));
    expect(again.created).toBe(true);
    expect(await counts(v)).toEqual({ segments: 1, blobs: 1 });
  });

  it('records every ingest as an event', async () => {
    const clip = footage(4);
    await ingest(v, unit, meta(), Readable.from([clip.bytes]));
    const events = await vaultDb(v.db).selectFrom('capturedEvents').selectAll().execute();
    expect(events.map((e) => [e.action, e.outcome, Number(e.actorUserId)])).toEqual([['ingest', 'allowed', unit.userId]]);
  });
});
