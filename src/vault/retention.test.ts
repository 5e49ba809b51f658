import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import { RETENTION_FLOORS, type RetentionFloor } from '../law/index.js';
import type { VaultDeps } from './context.js';
import { ingest } from './ingest.js';
import { lawRetention } from './ports/retention-law.js';
import { coverage, dispose, placeHolds, setPolicy, sweep } from './retention.js';
import { vaultDb } from './tables.js';
import { actor, at, days, footage, minutes, resetVault, testVault, T0 } from './test-support.js';

const unit = actor('key_unit', { keyUnitId: 1 });
const admin = actor('admin');

/** A national rule (国家另有规定) that keeps art 10 item 3 systems' video for 90 days. */
const NINETY: RetentionFloor = {
  id: 'test.national.art10-3.90-days',
  role: 'exception',
  appliesTo: { scope: 'key_unit', art10Items: [3] },
  days: 90,
  from: '2025-04-01',
  source: { instrument: 'gwy-799-2025', gap: 'test floor' },
  note: { zh: '测试', en: 'test' },
};

describe.each(testDialects)('retention on %s (art 23 ¶2)', (dialect) => {
  let tdb: TestDatabase;
  let v: VaultDeps;
  let clock: ReturnType<typeof testVault>['clock'];
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  beforeEach(async () => {
    await resetVault(tdb);
    ({ vault: v, clock } = testVault(tdb, { law: lawRetention([...RETENTION_FLOORS, NINETY]) }));
  });
  afterAll(() => tdb.cleanup());

  /** A five-minute recording of `systemId` ending `agoMs` before T0. */
  async function recording(systemId: number, endAgoMs: number, variant = 1, deviceId: number | null = null) {
    const clip = footage(variant);
    const endedAt = at(T0, -endAgoMs);
    const r = await ingest(v, unit, { systemId, deviceId, startedAt: at(endedAt, -minutes(5)), endedAt, mediaType: 'video/mp4', source: 'upload' }, Readable.from([clip.bytes]));
    return r.segment;
  }

  it('refuses erasure on day 29 whoever asks, allows it from day 30, and records both', async () => {
    const seg = await recording(1, 0);
    clock.set(at(seg.endedAt, days(30) - 1000));
    for (const who of [unit, admin, null]) {
      await expect(dispose(v, who, seg.id, 'erase')).rejects.toMatchObject({ code: 'JF_VAULT_RETENTION_MINIMUM', status: 409, citation: { article: 23, paragraph: 2 } });
    }
    await expect(dispose(v, unit, seg.id, 'seal')).rejects.toMatchObject({ code: 'JF_VAULT_RETENTION_MINIMUM' });
    clock.set(at(seg.endedAt, days(30)));
    const erased = await dispose(v, unit, seg.id, 'erase');
    expect(erased.state).toBe('erased');
    expect(await v.store.has(seg.sha256)).toBe(false);
    const events = await vaultDb(v.db).selectFrom('capturedEvents').select(['action', 'outcome', 'ruleId']).where('segmentId', '=', seg.id).where('action', '!=', 'ingest').orderBy('id').execute();
    expect(events.map((e) => e.outcome)).toEqual(['refused', 'refused', 'refused', 'refused', 'allowed']);
    expect(events[0].ruleId).toBe('art23.p2.minimum-retention');
  });

  it('applies a longer national minimum where one is in force: day 89 refused, day 90 allowed', async () => {
    const dir = testVault(tdb).directory;
    dir.add({ ...(await dir.getSystem(2))!, art10Item: 3 });
    v = { ...v, directory: dir };
    const seg = await recording(2, 0);
    clock.set(at(seg.endedAt, days(89)));
    await expect(dispose(v, unit, seg.id, 'erase')).rejects.toMatchObject({ code: 'JF_VAULT_RETENTION_MINIMUM', bilingual: { en: expect.stringContaining('90 days') } });
    clock.set(at(seg.endedAt, days(90)));
    expect((await dispose(v, unit, seg.id, 'seal')).state).toBe('sealed');
  });

  it('keeps what the police asked to extract, past the minimum, until the hold is released', async () => {
    const seg = await recording(1, 0);
    await v.db.transaction().execute((trx) => placeHolds(trx, v, actor('county_supervisor'), { scope: [{ systemId: 1, deviceId: null }], window: { from: seg.startedAt, to: seg.endedAt }, reason: 'case', source: 'police_request' }, new Map([[1, { keyUnitId: 1, divisionCode: '210102' }]])));
    clock.set(at(seg.endedAt, days(40)));
    await expect(dispose(v, unit, seg.id, 'erase')).rejects.toMatchObject({ code: 'JF_VAULT_HELD', citation: { article: 23, paragraph: 2 } });
    await vaultDb(v.db).updateTable('retentionHolds').set({ releasedAt: clock.now().toISOString() }).execute();
    expect((await dispose(v, unit, seg.id, 'erase')).state).toBe('erased');
  });

  it('erases a shared file only when no kept recording still needs it', async () => {
    const a = await recording(1, days(40), 5);
    const b = await recording(1, days(1), 5);
    expect(a.sha256).toBe(b.sha256);
    await dispose(v, unit, a.id, 'erase');
    expect(await v.store.has(a.sha256)).toBe(true);
  });

  it('sweeps: reports what is due per system, excludes holds, and carries out the unit policy', async () => {
    for (let i = 0; i < 5; i++) await recording(1, days(31) + minutes(10 * i), 1);
    await recording(1, days(29), 2);
    for (let i = 0; i < 3; i++) await recording(2, days(35) + minutes(10 * i), 3);
    const held = await recording(2, days(50), 4);
    await v.db.transaction().execute((trx) => placeHolds(trx, v, null, { scope: [{ systemId: 2, deviceId: null }], window: { from: held.startedAt, to: held.endedAt }, reason: 'case', source: 'police_request' }, new Map([[2, { keyUnitId: 1, divisionCode: '210102' }]])));
    const report = await sweep(v, null);
    const bySystem = Object.fromEntries(report.systems.map((s) => [s.systemId, s]));
    expect(bySystem[1]).toMatchObject({ due: 5, held: 0, minimumDays: 30, action: 'report', carriedOut: 0 });
    expect(bySystem[2]).toMatchObject({ due: 3, held: 1 });
    await setPolicy(v, unit, { keyUnitId: 1, systemId: null, action: 'erase', keepDays: null, minimumDays: 30 });
    await setPolicy(v, unit, { keyUnitId: null, systemId: 2, action: 'seal', keepDays: 40, minimumDays: 30 });
    await expect(setPolicy(v, unit, { keyUnitId: 1, systemId: null, action: 'erase', keepDays: 20, minimumDays: 30 })).rejects.toMatchObject({ code: 'JF_VAULT_KEEP_DAYS_BELOW_MINIMUM' });
    const done = await sweep(v, null, { execute: true, batchSize: 2 });
    const after = Object.fromEntries(done.systems.map((s) => [s.systemId, s]));
    expect(after[1]).toMatchObject({ action: 'erase', carriedOut: 5 });
    expect(after[2]).toMatchObject({ action: 'seal', keepDays: 40, due: 0, held: 1, carriedOut: 0 });
    const states = await vaultDb(v.db).selectFrom('capturedSegments').select(['systemId', 'state']).execute();
    expect(states.filter((s) => Number(s.systemId) === 1 && s.state === 'erased')).toHaveLength(5);
    expect(states.filter((s) => s.state === 'kept')).toHaveLength(5);
  });

  it('flags a system whose recordings do not reach back the minimum, or have gaps, as a violation', async () => {
    // System 1: continuous five-minute recordings over the last 31 days, for device 11.
    const clip = footage(6);
    const rows: number[] = [];
    for (let t = new Date(T0).getTime() - days(31); t < new Date(T0).getTime(); t += minutes(5)) rows.push(t);
    await v.db.transaction().execute(async (trx) => {
      await vaultDb(trx).insertInto('capturedBlobs').values({ sha256: clip.sha256, size: clip.bytes.length, createdAt: T0 }).execute();
      for (let i = 0; i < rows.length; i += 500) {
        await vaultDb(trx)
          .insertInto('capturedSegments')
          .values(rows.slice(i, i + 500).map((t) => ({ systemId: 1, deviceId: 11, keyUnitId: 1, divisionCode: '210102', restricted: 0, retentionScope: 'key_unit', captureKind: 'video', startedAt: new Date(t).toISOString(), endedAt: new Date(t + minutes(5)).toISOString(), sha256: clip.sha256, size: clip.bytes.length, mediaType: 'video/mp4', originalName: null, source: 'folder', state: 'kept', ingestedAt: T0, ingestedBy: null, sealedAt: null, erasedAt: null, erasedBy: null, dedupKey: `1:11:${t}` })))
          .execute();
      }
      await vaultDb(trx).insertInto('capturedSystems').values({ systemId: 1, keyUnitId: 1, divisionCode: '210102', restricted: 0, retentionScope: 'key_unit', art10Item: 7, firstCapturedAt: new Date(rows[0]).toISOString(), lastCapturedAt: T0, updatedAt: T0 }).execute();
    });
    let [f] = await coverage(v, { systemIds: [1] });
    expect(f).toMatchObject({ outcome: 'compliant', minimumDays: 30, gaps: [] });
    // An hour lost three days ago.
    await vaultDb(v.db).deleteFrom('capturedSegments').where('startedAt', '>=', at(T0, -days(3))).where('startedAt', '<', at(T0, -days(3) + minutes(60))).execute();
    [f] = await coverage(v, { systemIds: [1] });
    expect(f).toMatchObject({ outcome: 'violation', reasons: ['gap'], gaps: [{ deviceId: 11, seconds: 3600 }] });
    // A short disk: everything older than 20 days gone.
    await vaultDb(v.db).deleteFrom('capturedSegments').where('startedAt', '<', at(T0, -days(20))).execute();
    [f] = await coverage(v, { systemIds: [1] });
    expect(f.reasons).toEqual(['gap', 'does-not-reach-back']);
  });
});
