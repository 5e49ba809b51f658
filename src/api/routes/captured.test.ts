import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { footage } from '../../vault/test-support.js';
import { createWorld, type Headers as AuthHeaders, type World } from './captured-fixtures.js';

const T0 = '2026-06-01T08:00:00.000Z';
const ago = (ms: number) => new Date(new Date(T0).getTime() - ms).toISOString();
const MIN = 60_000;
const DAY = 86_400_000;

describe.each(testDialects)('captured information over HTTP on %s', (dialect) => {
  let w: World;
  let unitA: AuthHeaders;
  let unitB: AuthHeaders;
  let county: AuthHeaders;
  let oversight: AuthHeaders;
  beforeAll(async () => {
    w = await createWorld(dialect);
    unitA = await w.as({ username: 'unit-a', role: 'key_unit', keyUnitId: w.unitA });
    unitB = await w.as({ username: 'unit-b', role: 'key_unit', keyUnitId: w.unitB });
    county = await w.as({ username: 'heping-supervisor', role: 'county_supervisor', jurisdiction: '210102' });
    oversight = await w.as({ username: 'oversight', role: 'oversight' });
  }, 300_000);
  afterAll(() => w.t.close());

  it('takes in a streamed upload for a system on record, once, and shows it to the unit and its police only', async () => {
    const seg = await w.upload(unitA, w.sysA, w.camA1, ago(10 * MIN), ago(5 * MIN));
    expect(seg).toMatchObject({ id: expect.any(Number), sha256: footage(1).sha256 });
    // The retry of the same file and span answers 200 with the same record.
    const clip = footage(1);
    const qs = new URLSearchParams({ systemId: String(w.sysA), deviceId: String(w.camA1), startedAt: ago(10 * MIN), endedAt: ago(5 * MIN) });
    const again = await w.t.app.inject({ method: 'POST', url: `/api/v1/captured?${qs}`, headers: { ...unitA, 'content-type': 'video/mp4' }, payload: clip.bytes });
    expect(again.statusCode).toBe(200);
    expect(again.json().segment.id).toBe(seg.id);
    const mine = await w.t.app.inject({ url: '/api/v1/captured', headers: unitA });
    expect(mine.json().items.map((s: { id: number }) => s.id)).toContain(seg.id);
    expect((await w.t.app.inject({ url: '/api/v1/captured', headers: unitB })).json().items).toEqual([]);
    expect((await w.t.app.inject({ url: `/api/v1/captured/${seg.id}`, headers: county })).json()).toMatchObject({ segment: { id: seg.id }, retention: { minimumDays: 30, mayDispose: false } });
    expect((await w.t.app.inject({ url: `/api/v1/captured/${seg.id}`, headers: unitB })).statusCode).toBe(403);
  });

  it('refuses an upload for another unit’s system, an unknown system, a wrong digest or a short body, leaving nothing', async () => {
    const clip = footage(2);
    const post = (qs: Record<string, string>, payload: Buffer, headers: Record<string, string> = {}) =>
      w.t.app.inject({ method: 'POST', url: `/api/v1/captured?${new URLSearchParams({ startedAt: ago(20 * MIN), endedAt: ago(15 * MIN), ...qs })}`, headers: { ...unitA, 'content-type': 'video/mp4', ...headers }, payload });
    expect((await post({ systemId: String(w.sysB) }, clip.bytes)).statusCode).toBe(403);
    const unknown = await post({ systemId: '999999' }, clip.bytes);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('JF_VAULT_UNKNOWN_SYSTEM');
    const digest = await post({ systemId: String(w.sysA), sha256: 'b'.repeat(64) }, clip.bytes);
    expect(digest.json()).toMatchObject({ code: 'JF_VAULT_DIGEST_MISMATCH', messages: { zh: expect.any(String), en: expect.any(String) } });
    const before = (await w.t.app.inject({ url: '/api/v1/captured', headers: unitA })).json().items.length;
    const short = await post({ systemId: String(w.sysA) }, clip.bytes.subarray(0, 100), { 'content-length': String(clip.bytes.length) });
    expect([400, 413]).toContain(short.statusCode);
    expect((await w.t.app.inject({ url: '/api/v1/captured', headers: unitA })).json().items.length).toBe(before);
  });

  it('refuses an erase before the minimum with art 23 ¶2, whoever asks, and records each attempt for supervisors', async () => {
    const seg = await w.upload(unitA, w.sysA, w.camA2, ago(40 * MIN), ago(35 * MIN), 3);
    const res = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/captured/${seg.id}`, headers: { ...unitA, 'accept-language': 'en' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'JF_VAULT_RETENTION_MINIMUM', citation: { article: 23, paragraph: 2, label: { zh: '第二十三条第二款' } }, message: expect.stringContaining('30 days') });
    const other = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/captured/${seg.id}`, headers: county });
    expect(other.statusCode).toBe(403);
    expect(other.json().citation).toMatchObject({ article: 22, item: 3 });
    const alter = await w.t.app.inject({ method: 'PUT', url: `/api/v1/captured/${seg.id}`, headers: { ...unitA, 'content-type': 'video/mp4' }, payload: footage(4).bytes });
    expect(alter.statusCode).toBe(403);
    expect(alter.json()).toMatchObject({ code: 'JF_VAULT_ALTER_FORBIDDEN', citation: { article: 22, item: 3 } });
    const events = (await w.t.app.inject({ url: `/api/v1/captured/events?outcome=refused&segmentId=${seg.id}`, headers: county })).json().items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(['alter', 'erase', 'erase']);
    expect(events.find((e: { ruleId: string }) => e.ruleId === 'art23.p2.minimum-retention').citation.label.en).toBe('Art 23 ¶2');
    expect((await w.t.app.inject({ url: `/api/v1/captured/events?segmentId=${seg.id}`, headers: oversight })).json().items.length).toBe(4);
    expect((await w.t.app.inject({ url: `/api/v1/captured/events?segmentId=${seg.id}`, headers: unitB })).json().items).toEqual([]);
  });

  it('allows the unit to erase from day 30 and to sweep by its policy, and reports coverage', async () => {
    const seg = await w.upload(unitA, w.sysA, w.camA1, ago(DAY + 10 * MIN), ago(DAY + 5 * MIN), 5);
    const older = await w.upload(unitA, w.sysA, w.camA2, ago(2 * DAY + 10 * MIN), ago(2 * DAY + 5 * MIN), 7);
    try {
      w.t.clock.set(new Date(new Date(seg.endedAt).getTime() + 30 * DAY - 1000).toISOString());
      // Sessions last hours; a month later the unit logs in again.
      let unit = await w.login('unit-a');
      expect((await w.t.app.inject({ method: 'DELETE', url: `/api/v1/captured/${seg.id}`, headers: unit })).statusCode).toBe(409);
      w.t.clock.set(new Date(new Date(seg.endedAt).getTime() + 30 * DAY).toISOString());
      unit = await w.login('unit-a');
      const ok = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/captured/${seg.id}`, headers: unit });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().segment.state).toBe('erased');
      const policy = await w.t.app.inject({ method: 'PUT', url: '/api/v1/captured/retention-policy', headers: unit, payload: { action: 'seal' } });
      expect(policy.json()).toMatchObject({ action: 'seal', keyUnitId: w.unitA });
      const shortKeep = await w.t.app.inject({ method: 'PUT', url: '/api/v1/captured/retention-policy', headers: unit, payload: { systemId: w.sysA, action: 'erase', keepDays: 10 } });
      expect(shortKeep.json()).toMatchObject({ code: 'JF_VAULT_KEEP_DAYS_BELOW_MINIMUM', citation: { article: 23 } });
      const police = await w.login('heping-supervisor');
      const report = (await w.t.app.inject({ url: '/api/v1/captured/retention', headers: police })).json();
      expect(report.systems.find((s: { systemId: number }) => s.systemId === w.sysA)).toMatchObject({ action: 'seal', minimumDays: 30 });
      const swept = (await w.t.app.inject({ method: 'POST', url: '/api/v1/captured/retention/sweep', headers: unit })).json();
      expect(swept).toMatchObject({ execute: true });
      expect(swept.totals.carriedOut).toBe(1);
      expect((await w.t.app.inject({ url: `/api/v1/captured/${older.id}`, headers: unit })).json().segment.state).toBe('sealed');
      expect((await w.t.app.inject({ method: 'POST', url: '/api/v1/captured/retention/sweep', headers: police })).statusCode).toBe(403);
      const cov = (await w.t.app.inject({ url: '/api/v1/captured/coverage', headers: police })).json().items;
      expect(cov.find((c: { systemId: number }) => c.systemId === w.sysA)).toMatchObject({ outcome: 'violation', reasons: expect.arrayContaining(['gap']) });
      // A page of systems at a time, never a whole area's: the page says how many there are.
      const whole = (await w.t.app.inject({ url: '/api/v1/captured/retention?limit=100', headers: police })).json();
      expect(whole.page).toEqual({ total: whole.systems.length, limit: 100, offset: 0 });
      const first = (await w.t.app.inject({ url: '/api/v1/captured/retention?limit=1', headers: police })).json();
      expect(first.systems.map((x: { systemId: number }) => x.systemId)).toEqual([whole.systems[0].systemId]);
      expect(first.page.total).toBe(whole.page.total);
      const covPage = (await w.t.app.inject({ url: `/api/v1/captured/coverage?limit=1&offset=${whole.page.total}`, headers: police })).json();
      expect(covPage).toMatchObject({ items: [], page: { total: whole.page.total, offset: whole.page.total } });
      expect((await w.t.app.inject({ url: '/api/v1/captured/coverage?limit=101', headers: police })).statusCode).toBe(400);
    } finally {
      w.t.clock.set(T0);
    }
  });

  it('lets the police hold footage past the minimum (art 23 ¶2) and not a unit', async () => {
    const body = { scope: [{ systemId: w.sysA }], window: { from: ago(60 * MIN), to: ago(0) }, reason: '刑事案件侦查需要', caseRef: '沈公刑 2026-001' };
    expect((await w.t.app.inject({ method: 'POST', url: '/api/v1/captured/holds', headers: unitA, payload: body })).statusCode).toBe(403);
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/captured/holds', headers: county, payload: body });
    expect(res.statusCode).toBe(201);
    const holds = (await w.t.app.inject({ url: '/api/v1/captured/holds?active=true', headers: unitA })).json().items;
    expect(holds.map((h: { id: number }) => h.id)).toEqual(expect.arrayContaining(res.json().holdIds));
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/captured/holds/${res.json().holdIds[0]}/release`, headers: unitA })).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'POST', url: `/api/v1/captured/holds/${res.json().holdIds[0]}/release`, headers: county })).statusCode).toBe(204);
  });

  it('has no path to the bytes without a grant: a copy is refused with art 22 (3), a view with art 22 (1), and both recorded', async () => {
    const seg = await w.upload(unitA, w.sysA, w.camA1, ago(70 * MIN), ago(65 * MIN), 6);
    const copy = await w.t.app.inject({ url: `/api/v1/captured/${seg.id}/download`, headers: unitA });
    expect(copy.statusCode).toBe(403);
    expect(copy.json()).toMatchObject({ code: 'JF_VAULT_NO_GRANT', citation: { article: 22, item: 3 } });
    const admin = await w.as({ username: 'root', role: 'admin' });
    const view = await w.t.app.inject({ method: 'POST', url: `/api/v1/captured/${seg.id}/playback`, headers: admin, payload: { grantKind: 'access-request', grantId: 1 } });
    expect(view.statusCode).toBe(403);
    expect(view.json().citation).toMatchObject({ article: 22, item: 1 });
    const events = (await w.t.app.inject({ url: `/api/v1/captured/events?segmentId=${seg.id}&outcome=refused`, headers: oversight })).json().items;
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual(['copy', 'view']);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await w.t.app.inject('/api/openapi.json')).json();
    for (const p of ['/api/v1/captured', '/api/v1/captured/{id}/playback', '/api/v1/access-requests', '/api/v1/viewing-applications', '/api/v1/viewing-documents/verification', '/api/v1/evidence-requests/{id}/package']) expect(Object.keys(doc.paths)).toContain(p);
  });
});
