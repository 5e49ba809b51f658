import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { verifyBag } from '../../vault/index.js';
import { createWorld, type Headers as AuthHeaders, type World } from './captured-fixtures.js';

const T0 = '2026-06-01T08:00:00.000Z';
const t = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();
const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
/** A CSV export's rows, header first, after its byte-order mark. */
const ids200 = (r: { json(): { items: { id: number }[] } }) => r.json().items.map((x) => x.id);
const csv = (raw: Buffer) => {
  expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(raw, { bom: true }) as string[][];
};

describe.each(testDialects)('art 24 access over HTTP on %s', (dialect) => {
  let w: World;
  let unitA: AuthHeaders;
  let unitB: AuthHeaders;
  let inv1: AuthHeaders;
  let inv2: AuthHeaders;
  let inv3: AuthHeaders;
  let station: AuthHeaders;
  let county: AuthHeaders;
  let oversight: AuthHeaders;
  const window = { from: t(-60 * MIN), to: t(-30 * MIN) };
  const seg: Record<string, number> = {};

  beforeAll(async () => {
    w = await createWorld(dialect);
    unitA = await w.as({ username: 'unit-a', role: 'key_unit', keyUnitId: w.unitA });
    unitB = await w.as({ username: 'unit-b', role: 'key_unit', keyUnitId: w.unitB });
    inv1 = await w.as({ username: 'inv-1', role: 'investigator' });
    inv2 = await w.as({ username: 'inv-2', role: 'investigator' });
    inv3 = await w.as({ username: 'inv-3', role: 'investigator' });
    station = await w.as({ username: 'station-heping', role: 'station_officer', jurisdiction: '210102' });
    county = await w.as({ username: 'heping-supervisor', role: 'county_supervisor', jurisdiction: '210102' });
    oversight = await w.as({ username: 'oversight', role: 'oversight' });
    seg.inside = (await w.upload(unitA, w.sysA, w.camA1, t(-50 * MIN), t(-45 * MIN), 1)).id;
    seg.endsSecondBefore = (await w.upload(unitA, w.sysA, w.camA1, t(-65 * MIN), t(-60 * MIN - S), 2)).id;
    seg.startsSecondAfter = (await w.upload(unitA, w.sysA, w.camA1, t(-30 * MIN + S), t(-25 * MIN), 3)).id;
    seg.touchesStart = (await w.upload(unitA, w.sysA, w.camA1, t(-61 * MIN), t(-60 * MIN + S), 4)).id;
    seg.otherCamera = (await w.upload(unitA, w.sysA, w.camA2, t(-50 * MIN), t(-45 * MIN), 5)).id;
  }, 300_000);
  afterAll(() => w.t.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: object) => w.t.app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) });
  const body = (over: object = {}) => ({
    organName: '沈阳市公安局和平分局刑事侦查大队',
    organKind: 'public_security',
    organCertificateNo: '和公刑证〔2026〕12号',
    caseRef: '和公刑立字〔2026〕88号',
    duty: '侦查2026年5月31日东门盗窃案，需查看东门摄像机录像',
    purposes: ['view'],
    scope: [{ systemId: w.sysA, deviceId: w.camA1 }],
    window,
    validUntil: t(2 * HOUR),
    workIdNo: 'JH-210102-0001',
    acceptConfidentiality: true,
    ...over,
  });
  const play = (h: AuthHeaders, segmentId: number, id: number) => inject('POST', `/api/v1/captured/${segmentId}/playback`, h, { grantKind: 'access-request', grantId: id });

  it('refuses an organ without investigation power, a window in the future, and one outside retention', async () => {
    const court = await inject('POST', '/api/v1/access-requests', inv1, body({ organKind: 'court' }));
    expect(court.statusCode).toBe(403);
    expect(court.json()).toMatchObject({ code: 'JF_VAULT_ORGAN_NO_POWER', citation: { article: 24, paragraph: 1 } });
    const future = await inject('POST', '/api/v1/access-requests', inv1, body({ window: { from: t(HOUR), to: t(2 * HOUR) } }));
    expect(future.json()).toMatchObject({ code: 'JF_VAULT_WINDOW_OUTSIDE_RETENTION', citation: { article: 23, paragraph: 2 } });
    const old = await inject('POST', '/api/v1/access-requests', inv1, body({ window: { from: t(-60 * 24 * HOUR), to: t(-59 * 24 * HOUR) } }));
    expect(old.statusCode).toBe(422);
    expect(old.json().messages.en).toMatch(/older than the minimum retention/);
    expect((await inject('POST', '/api/v1/access-requests', unitA, body())).statusCode).toBe(403);
  });

  it('needs two distinct officers: one person with two sessions, or one work ID on two accounts, counts once (art 24 ¶1 (1))', async () => {
    const filed = await inject('POST', '/api/v1/access-requests', inv1, body());
    expect(filed.statusCode).toBe(201);
    const r = filed.json().request;
    expect(r).toMatchObject({ state: 'awaiting_officers', officers: [{ workIdNo: 'JH-210102-0001' }] });
    const secondSession = await w.login('inv-1');
    expect(secondSession.cookie).not.toBe(inv1.cookie);
    const twice = await inject('POST', `/api/v1/access-requests/${r.id}/officers`, secondSession, { workIdNo: 'JH-210102-0009', acceptConfidentiality: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'JF_VAULT_SAME_OFFICER', citation: { article: 24, paragraph: 1, item: 1 } });
    const sameCard = await inject('POST', `/api/v1/access-requests/${r.id}/officers`, inv2, { workIdNo: 'jh-210102-0001', acceptConfidentiality: true });
    expect(sameCard.json().code).toBe('JF_VAULT_SAME_OFFICER');
    const early = await inject('POST', `/api/v1/access-requests/${r.id}/registration`, unitA, { certificateChecked: true, workIdsChecked: true });
    expect(early.json()).toMatchObject({ code: 'JF_VAULT_TOO_FEW_OFFICERS', citation: { article: 24, paragraph: 1, item: 1 } });
    expect((await play(inv1, seg.inside, r.id)).json().code).toBe('JF_VAULT_NO_GRANT');
    const noDuty = await inject('POST', `/api/v1/access-requests/${r.id}/officers`, inv2, { workIdNo: 'JH-210102-0002', acceptConfidentiality: false });
    expect(noDuty.json()).toMatchObject({ code: 'JF_VAULT_CONFIDENTIALITY_REQUIRED', citation: { article: 24, paragraph: 1, item: 4 } });
    const two = await inject('POST', `/api/v1/access-requests/${r.id}/officers`, inv2, { workIdNo: 'JH-210102-0002', acceptConfidentiality: true });
    expect(two.json().request).toMatchObject({ state: 'awaiting_registration', officers: [{ username: 'inv-1' }, { username: 'inv-2' }] });
  });

  it('is granted only once the capturing unit has checked the credentials and registered it (art 24 ¶1 (2)(3))', async () => {
    const r = (await inject('GET', '/api/v1/access-requests?kind=official', inv2, undefined)).json().items[0];
    expect((await inject('POST', `/api/v1/access-requests/${r.id}/registration`, unitB, { certificateChecked: true, workIdsChecked: true })).statusCode).toBe(403);
    const unchecked = await inject('POST', `/api/v1/access-requests/${r.id}/registration`, unitA, { certificateChecked: true, workIdsChecked: false });
    expect(unchecked.json()).toMatchObject({ code: 'JF_VAULT_CREDENTIALS_UNCHECKED', citation: { article: 24, paragraph: 1, item: 2 } });
    const ok = await inject('POST', `/api/v1/access-requests/${r.id}/registration`, unitA, { certificateChecked: true, workIdsChecked: true, registrationNo: 'DJ-2026-0001' });
    expect(ok.json().request).toMatchObject({ state: 'granted', status: 'granted', registrationNo: 'DJ-2026-0001' });
    expect((await inject('GET', `/api/v1/access-requests/${r.id}`, unitA, undefined)).statusCode).toBe(200);
    expect((await inject('GET', `/api/v1/access-requests/${r.id}`, inv3, undefined)).statusCode).toBe(403);
    const inScope = (await inject('GET', `/api/v1/access-requests/${r.id}/segments`, inv1, undefined)).json().items.map((s: { id: number }) => s.id);
    expect(inScope).toContain(seg.inside);
    expect(inScope).not.toContain(seg.otherCamera);
  });

  it('plays footage in scope with range requests and a watermark naming the viewer, and records the view under the grant', async () => {
    const r = (await inject('GET', '/api/v1/access-requests?kind=official', inv1, undefined)).json().items[0];
    const open = await play(inv1, seg.inside, r.id);
    expect(open.statusCode).toBe(200);
    const { streamUrl, watermark } = open.json();
    expect(watermark).toContain('inv-1');
    const part = await w.t.app.inject({ url: streamUrl, headers: { ...inv1, range: 'bytes=0-99' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toMatch(/^bytes 0-99\/\d+$/);
    expect(part.rawPayload.length).toBe(100);
    expect(decodeURIComponent(String(part.headers['x-jifang-watermark']))).toContain('inv-1');
    const whole = await w.t.app.inject({ url: streamUrl, headers: inv1 });
    expect(whole.statusCode).toBe(200);
    // The ticket is the viewer's own.
    expect((await w.t.app.inject({ url: streamUrl, headers: inv2 })).json().code).toBe('JF_VAULT_TICKET_INVALID');
    const events = (await inject('GET', `/api/v1/captured/events?grantKind=access-request&grantId=${r.id}&action=view&outcome=allowed`, county, undefined)).json().items;
    expect(events).toEqual([expect.objectContaining({ outcome: 'allowed', segmentId: seg.inside, ruleId: 'art24.p1.scope', actorUsername: 'inv-1', actorRole: 'investigator' })]);
  });

  it('refuses footage a second outside the window, from another camera, a copy under a view grant, and an outsider (art 24 ¶1 (4), art 22)', async () => {
    const r = (await inject('GET', '/api/v1/access-requests?kind=official', inv1, undefined)).json().items[0];
    for (const id of [seg.endsSecondBefore, seg.startsSecondAfter, seg.otherCamera]) {
      const res = await play(inv1, id, r.id);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'JF_VAULT_OUTSIDE_SCOPE', citation: { article: 24, paragraph: 1, item: 4 } });
    }
    expect((await play(inv1, seg.touchesStart, r.id)).statusCode).toBe(200);
    const copy = await w.t.app.inject({ url: `/api/v1/captured/${seg.inside}/download?grantKind=access-request&grantId=${r.id}`, headers: inv1 });
    expect(copy.json()).toMatchObject({ code: 'JF_VAULT_PURPOSE_NOT_GRANTED', citation: { article: 22, item: 3 } });
    expect((await play(inv3, seg.inside, r.id)).json().code).toBe('JF_VAULT_NO_GRANT');
    const refused = (await inject('GET', `/api/v1/captured/events?grantKind=access-request&grantId=${r.id}&outcome=refused`, oversight, undefined)).json().items;
    expect(refused.length).toBeGreaterThanOrEqual(5);
  });

  it('stops at the end of the grant: a second before it plays, a second after it is refused', async () => {
    const r = (await inject('GET', '/api/v1/access-requests?kind=official', inv1, undefined)).json().items[0];
    try {
      w.t.clock.set(t(2 * HOUR - S));
      expect((await play(inv1, seg.inside, r.id)).statusCode).toBe(200);
      w.t.clock.set(t(2 * HOUR + S));
      const late = await play(inv1, seg.inside, r.id);
      expect(late.json()).toMatchObject({ code: 'JF_VAULT_GRANT_EXPIRED', citation: { article: 24, paragraph: 1, item: 4 } });
      expect((await inject('GET', `/api/v1/access-requests/${r.id}`, inv1, undefined)).json().request.status).toBe('expired');
    } finally {
      w.t.clock.set(T0);
    }
  });

  it('exports within a copy grant as a BagIt package that validates, and refuses anything outside it', async () => {
    const filed = (await inject('POST', '/api/v1/access-requests', inv1, body({ purposes: ['view', 'copy'], workIdNo: 'JH-210102-0001' }))).json().request;
    await inject('POST', `/api/v1/access-requests/${filed.id}/officers`, inv2, { workIdNo: 'JH-210102-0002', acceptConfidentiality: true });
    await inject('POST', `/api/v1/access-requests/${filed.id}/registration`, unitA, { certificateChecked: true, workIdsChecked: true });
    const outside = await inject('POST', `/api/v1/access-requests/${filed.id}/export`, inv2, { segmentIds: [seg.inside, seg.otherCamera] });
    expect(outside.json().code).toBe('JF_VAULT_OUTSIDE_SCOPE');
    const res = await inject('POST', `/api/v1/access-requests/${filed.id}/export`, inv2, { segmentIds: [seg.inside, seg.touchesStart] });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-export-')), 'export.tar');
    fs.writeFileSync(file, res.rawPayload);
    const check = await verifyBag(file);
    expect(check).toMatchObject({ valid: true, errors: [], payloadFiles: 6 });
    const download = await w.t.app.inject({ url: `/api/v1/captured/${seg.inside}/download?grantKind=access-request&grantId=${filed.id}`, headers: inv1 });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    const copies = (await inject('GET', `/api/v1/captured/events?grantKind=access-request&grantId=${filed.id}&action=copy&outcome=allowed`, county, undefined)).json().items;
    expect(copies).toHaveLength(3);
  });

  it('grants emergency use to public security at once, reviewed afterwards by a superior; unreviewed uses show on the oversight view (art 24 ¶2)', async () => {
    const procuratorate = await inject('POST', '/api/v1/access-requests/emergency', inv3, { organName: '某区人民检察院', organKind: 'procuratorate', reason: '紧急', mode: 'direct_use', scope: [{ systemId: w.sysA }], durationMinutes: 60 });
    expect(procuratorate.json()).toMatchObject({ code: 'JF_VAULT_EMERGENCY_ORGAN', citation: { article: 24, paragraph: 2 } });
    const noPlatform = await inject('POST', '/api/v1/access-requests/emergency', station, { organName: '太原街派出所', reason: '走失儿童紧急查找', mode: 'connect_platform', scope: [{ systemId: w.sysA }], durationMinutes: 60 });
    expect(noPlatform.json().code).toBe('JF_VAULT_REASONS_REQUIRED');
    const res = await inject('POST', '/api/v1/access-requests/emergency', station, { organName: '太原街派出所', reason: '走失儿童紧急查找', mode: 'connect_platform', platformName: '和平分局视频指挥平台', scope: [{ systemId: w.sysA }], durationMinutes: 60 });
    expect(res.statusCode).toBe(201);
    const e = res.json().request;
    expect(e).toMatchObject({ kind: 'emergency', state: 'active', emergency: { mode: 'connect_platform', awaitingReview: false } });
    expect((await play(station, seg.inside, e.id)).statusCode).toBe(200);
    expect((await inject('POST', `/api/v1/access-requests/${e.id}/close`, station, {})).json().request.state).toBe('ended');
    const waiting = (await inject('GET', '/api/v1/access-requests?awaitingReview=true', oversight, undefined)).json().items;
    expect(waiting.map((x: { id: number }) => x.id)).toContain(e.id);
    expect((await play(station, seg.inside, e.id)).json().code).toBe('JF_VAULT_NO_GRANT');
    const self = await inject('POST', `/api/v1/access-requests/${e.id}/review`, station, { verdict: 'justified', note: '自审' });
    expect(self.json().code).toBe('JF_VAULT_NOT_SUPERIOR');
    const review = await inject('POST', `/api/v1/access-requests/${e.id}/review`, county, { verdict: 'justified', note: '情况紧急，使用适当' });
    expect(review.json().request).toMatchObject({ state: 'reviewed', emergency: { verdict: 'justified', awaitingReview: false } });
    expect((await inject('GET', '/api/v1/access-requests?awaitingReview=true', oversight, undefined)).json().items.map((x: { id: number }) => x.id)).not.toContain(e.id);
  });

  it('finds an emergency use run out while active as awaiting review (art 24 ¶2: reviewed afterwards), counted in the total', async () => {
    const e = (await inject('POST', '/api/v1/access-requests/emergency', station, { organName: '太原街派出所', reason: '抢劫案嫌疑人追踪', mode: 'direct_use', scope: [{ systemId: w.sysA }], durationMinutes: 5 })).json().request;
    const waiting = async () => (await inject('GET', '/api/v1/access-requests?awaitingReview=true', oversight)).json();
    expect((await waiting()).items.map((x: { id: number }) => x.id)).not.toContain(e.id);
    try {
      w.t.clock.set(t(10 * MIN));
      const now = await w.login('oversight');
      const r = (await inject('GET', '/api/v1/access-requests?awaitingReview=true', now)).json();
      expect(r.items.map((x: { id: number }) => x.id)).toContain(e.id);
      expect(r.total).toBe(r.items.length);
      const expired = (await inject('GET', '/api/v1/access-requests?state=expired', now)).json();
      expect(expired.items.find((x: { id: number }) => x.id === e.id)).toMatchObject({ status: 'expired', emergency: { awaitingReview: true } });
      expect((await inject('GET', '/api/v1/access-requests?state=active', now)).json().items.map((x: { id: number }) => x.id)).not.toContain(e.id);
    } finally {
      w.t.clock.set(T0);
    }
  });

  it('pages the list on the server with its total, sorts by filing or window, filters by state, and refuses an unknown sort naming the field', async () => {
    const ids = (r: { json(): { items: { id: number }[] } }) => r.json().items.map((x) => x.id);
    const all = (await inject('GET', '/api/v1/access-requests?limit=200', county)).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items).toHaveLength(all.total);
    const paged: number[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const p = (await inject('GET', `/api/v1/access-requests?limit=2&offset=${offset}`, county)).json();
      expect(p.total).toBe(all.total);
      expect(p.items.length).toBeLessThanOrEqual(2);
      paged.push(...p.items.map((x: { id: number }) => x.id));
    }
    expect(paged).toEqual(all.items.map((x: { id: number }) => x.id));
    const created = ids(await inject('GET', '/api/v1/access-requests?sort=created&order=asc&limit=200', county));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const froms = (await inject('GET', '/api/v1/access-requests?sort=window&order=asc&limit=200', county)).json().items.map((x: { window: { from: string } }) => x.window.from);
    expect(froms).toEqual([...froms].sort());
    const reviewed = (await inject('GET', '/api/v1/access-requests?state=reviewed', county)).json();
    expect(reviewed.total).toBeGreaterThanOrEqual(1);
    expect(reviewed.items.every((x: { state: string }) => x.state === 'reviewed')).toBe(true);
    const emergency = (await inject('GET', '/api/v1/access-requests?kind=emergency&limit=1', county)).json();
    expect(emergency.total).toBe(all.items.filter((x: { kind: string }) => x.kind === 'emergency').length);
    const bad = await inject('GET', '/api/v1/access-requests?sort=organ', county);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'sort', rule: 'enum' })]);
    expect((await inject('GET', '/api/v1/access-requests?state=pending', county)).json().errors).toEqual([expect.objectContaining({ field: 'state' })]);
  });

  it("exports what the list shows to each caller, never an officer's work ID, and nothing to another unit", async () => {
    const res = await inject('GET', '/api/v1/access-requests/export?format=csv&sort=created&order=asc', county);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/access-requests-\d{8}\.csv/);
    const [header, ...rows] = csv(res.rawPayload);
    expect(header).toEqual(expect.arrayContaining(['机关 / Organ', '状态 / Status', '有效期至 / Valid until', '条款 / Article']));
    expect(rows.map((r) => Number(r[0]))).toEqual(ids200(await inject('GET', '/api/v1/access-requests?sort=created&order=asc&limit=200', county)));
    expect(res.body).not.toContain('JH-210102-0001');
    expect(res.body).not.toContain('和公刑证');
    const unit = csv((await inject('GET', '/api/v1/access-requests/export', unitA)).rawPayload);
    expect(unit.length - 1).toBe((await inject('GET', '/api/v1/access-requests', unitA)).json().total);
    const xlsx = await inject('GET', '/api/v1/access-requests/export?format=xlsx', county);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(csv((await inject('GET', '/api/v1/access-requests/export', unitB)).rawPayload)).toHaveLength(1);
    const mine = csv((await inject('GET', '/api/v1/access-requests/export', inv3)).rawPayload);
    expect(mine.length - 1).toBe((await inject('GET', '/api/v1/access-requests', inv3)).json().total);
  });
});
