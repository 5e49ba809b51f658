import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { residentIdCheckDigit } from '../../shared/standards/gb11643.js';
import { createWorld, type Headers as AuthHeaders, type World } from './captured-fixtures.js';

const T0 = '2026-06-01T08:00:00.000Z';
const t = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();
const MIN = 60_000;
const DAY = 86_400_000;
const id17 = '21010219850712003';
const RESIDENT_ID = id17 + residentIdCheckDigit(id17);
const OTHER_ID = '21010219900101002' + residentIdCheckDigit('21010219900101002');
/** A CSV export's rows, header first, after its byte-order mark. */
const csv = (raw: Buffer) => {
  expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(raw, { bom: true }) as string[][];
};
const BAD_CHECK = id17 + (residentIdCheckDigit(id17) === '1' ? '2' : '1');

describe.each(testDialects)('art 25 ¶1 citizen viewing over HTTP on %s', (dialect) => {
  let w: World;
  let unitA: AuthHeaders;
  let unitB: AuthHeaders;
  let citizen: AuthHeaders;
  let neighbour: AuthHeaders;
  let station: AuthHeaders;
  let otherStation: AuthHeaders;
  const window = { from: t(-60 * MIN), to: t(-30 * MIN) };
  let inWindow: number;
  let outsideWindow: number;
  let secret: number;
  let appId: number;
  let documentNo: string;
  let code: string;
  let visitId: number;

  beforeAll(async () => {
    w = await createWorld(dialect);
    unitA = await w.as({ username: 'unit-a', role: 'key_unit', keyUnitId: w.unitA });
    unitB = await w.as({ username: 'unit-b', role: 'key_unit', keyUnitId: w.unitB });
    citizen = await w.as({ username: 'zhang-san', role: 'citizen' });
    neighbour = await w.as({ username: 'li-si', role: 'citizen' });
    station = await w.as({ username: 'taiyuanjie', role: 'station_officer', jurisdiction: '210102' });
    otherStation = await w.as({ username: 'zhongshan', role: 'station_officer', jurisdiction: '210202' });
    inWindow = (await w.upload(unitA, w.sysA, w.camA1, t(-50 * MIN), t(-45 * MIN), 1)).id;
    outsideWindow = (await w.upload(unitA, w.sysA, w.camA1, t(-20 * MIN), t(-15 * MIN), 2)).id;
    secret = (await w.upload(unitA, w.sysSecret, null, t(-50 * MIN), t(-45 * MIN), 3)).id;
  }, 300_000);
  afterAll(() => w.t.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: object) => w.t.app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) });
  const application = (over: object = {}) => ({ applicantKind: 'citizen', applicantName: '张三', residentId: RESIDENT_ID, reason: '本人电动车于东门被盗，需查看东门录像', stationDivision: '210102', window, ...over });

  it('checks the resident ID (GB 11643) when the application is filed, and keeps it only masked', async () => {
    const bad = await inject('POST', '/api/v1/viewing-applications', citizen, application({ residentId: BAD_CHECK }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'JF_VAULT_RESIDENT_ID', citation: { article: 25, paragraph: 1, item: 1 } });
    expect(bad.json().messages.en).toContain('check digit');
    const res = await inject('POST', '/api/v1/viewing-applications', citizen, application());
    expect(res.statusCode).toBe(201);
    const a = res.json().application;
    appId = a.id;
    expect(a).toMatchObject({ state: 'submitted', applicantName: '张三', residentIdMasked: `${RESIDENT_ID.slice(0, 6)}********${RESIDENT_ID.slice(-4)}` });
    expect(res.body).not.toContain(RESIDENT_ID);
    const rows = await w.t.tdb.db.withoutPlugins().selectFrom('viewing_applications').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(RESIDENT_ID);
  });

  it('is registered by the local station against the card, never by another station, and never for a restricted system', async () => {
    const scope = [{ systemId: w.sysA, deviceId: w.camA1 }];
    expect((await inject('POST', `/api/v1/viewing-applications/${appId}/registration`, otherStation, { residentId: RESIDENT_ID, scope })).json().code).toBe('JF_VAULT_NOT_STATION');
    const mismatch = await inject('POST', `/api/v1/viewing-applications/${appId}/registration`, station, { residentId: OTHER_ID, scope });
    expect(mismatch.json()).toMatchObject({ code: 'JF_VAULT_ID_MISMATCH', citation: { article: 25, paragraph: 1, item: 1 } });
    const secretScope = await inject('POST', `/api/v1/viewing-applications/${appId}/registration`, station, { residentId: RESIDENT_ID, scope: [{ systemId: w.sysSecret }] });
    expect(secretScope.json()).toMatchObject({ code: 'JF_VAULT_RESTRICTED_EXCLUDED', citation: { article: 25, paragraph: 1 } });
    const ok = await inject('POST', `/api/v1/viewing-applications/${appId}/registration`, station, { residentId: RESIDENT_ID, scope });
    expect(ok.json().application).toMatchObject({ state: 'registered', keyUnitId: w.unitA, scope: [{ systemId: w.sysA, deviceId: w.camA1 }] });
  });

  it('is approved or refused by the station with reasons; approved with a document, its code shown once (art 25 ¶1 (2))', async () => {
    const other = (await inject('POST', '/api/v1/viewing-applications', station, application({ applicantName: '李四', residentId: OTHER_ID, scope: [{ systemId: w.sysA }] }))).json().application;
    expect(other.state).toBe('registered');
    const refused = await inject('POST', `/api/v1/viewing-applications/${other.id}/decision`, station, { approve: false, reasons: '所述时段与其合法权益无关' });
    expect(refused.json().application).toMatchObject({ state: 'refused', decisionReasons: '所述时段与其合法权益无关' });
    expect((await inject('POST', `/api/v1/viewing-applications/${other.id}/decision`, station, { approve: true })).statusCode).toBe(400);
    const res = await inject('POST', `/api/v1/viewing-applications/${appId}/decision`, station, { approve: true, reasons: '涉及申请人财产权益', mode: 'document' });
    const body = res.json();
    expect(body.application).toMatchObject({ state: 'approved', mode: 'document', documentNo: expect.stringMatching(/^CK210102/) });
    expect(body.verificationCode).toMatch(/^[A-Z2-9]{8}$/);
    documentNo = body.application.documentNo;
    code = body.verificationCode;
    const again = (await inject('GET', `/api/v1/viewing-applications/${appId}`, citizen)).json();
    expect(JSON.stringify(again)).not.toContain(code);
    expect(again.application.state).toBe('approved');
    expect((await inject('GET', `/api/v1/viewing-applications/${appId}`, neighbour)).statusCode).toBe(403);
    expect((await inject('GET', '/api/v1/viewing-applications', neighbour)).json().items).toEqual([]);
  });

  it('refuses a forged or unknown document, a wrong code, or a document for another unit, and records each attempt', async () => {
    const forged = await inject('POST', '/api/v1/viewing-documents/verification', unitA, { documentNo: 'CK210102202606019999', verificationCode: code });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'JF_VAULT_DOCUMENT_INVALID', citation: { article: 25, paragraph: 1, item: 2 } });
    expect((await inject('POST', '/api/v1/viewing-documents/verification', unitA, { documentNo, verificationCode: 'AAAAAAAA' })).statusCode).toBe(403);
    expect((await inject('POST', '/api/v1/viewing-documents/verification', unitB, { documentNo, verificationCode: code })).statusCode).toBe(403);
    const ok = await inject('POST', '/api/v1/viewing-documents/verification', unitA, { documentNo, verificationCode: code });
    expect(ok.json().application).toMatchObject({ id: appId, applicantName: '张*' });
    const county = await w.as({ username: 'heping-supervisor', role: 'county_supervisor', jurisdiction: '210102' });
    const refused = (await inject('GET', '/api/v1/captured/events?action=verify-document&outcome=refused', county)).json().items;
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it('registers the visit at the unit only for recordings within the approval, with the card checked and others’ privacy screened (art 25 ¶1 (3)(4))', async () => {
    const visit = (over: object) => inject('POST', `/api/v1/viewing-applications/${appId}/visits`, unitA, { documentNo, verificationCode: code, residentId: RESIDENT_ID, segmentIds: [inWindow], privacyScreened: true, ...over });
    expect((await visit({ privacyScreened: false })).json()).toMatchObject({ code: 'JF_VAULT_PRIVACY_SCREENING', citation: { article: 25, paragraph: 1 } });
    expect((await visit({ residentId: OTHER_ID })).json().code).toBe('JF_VAULT_ID_MISMATCH');
    expect((await visit({ verificationCode: 'AAAAAAAA' })).json().code).toBe('JF_VAULT_DOCUMENT_INVALID');
    const outside = await visit({ segmentIds: [inWindow, outsideWindow] });
    expect(outside.json()).toMatchObject({ code: 'JF_VAULT_OUTSIDE_SCOPE', citation: { article: 25, paragraph: 1, item: 4 } });
    expect((await visit({ segmentIds: [secret] })).json().code).toBe('JF_VAULT_RESTRICTED_EXCLUDED');
    const ok = await visit({});
    expect(ok.statusCode).toBe(201);
    expect(ok.json().application).toMatchObject({ state: 'visited', visits: [{ segmentIds: [inWindow] }] });
    visitId = ok.json().application.visits[0].id;
  });

  it('lets the unit show only those recordings, view only, to the visitor; nobody else plays them', async () => {
    const play = (h: AuthHeaders, id: number) => inject('POST', `/api/v1/captured/${id}/playback`, h, { grantKind: 'viewing-visit', grantId: visitId });
    expect((await play(unitA, inWindow)).statusCode).toBe(200);
    expect((await play(unitA, outsideWindow)).json()).toMatchObject({ code: 'JF_VAULT_OUTSIDE_SCOPE', citation: { article: 25, paragraph: 1, item: 4 } });
    expect((await play(unitB, inWindow)).json().code).toBe('JF_VAULT_NO_GRANT');
    expect((await play(citizen, inWindow)).json().code).toBe('JF_VAULT_NO_GRANT');
    const copy = await w.t.app.inject({ url: `/api/v1/captured/${inWindow}/download?grantKind=viewing-visit&grantId=${visitId}`, headers: unitA });
    expect(copy.json()).toMatchObject({ code: 'JF_VAULT_NO_GRANT', citation: { article: 22, item: 3 } });
  });

  it('refuses a document once it has expired', async () => {
    const late = (await inject('POST', '/api/v1/viewing-applications', station, application({ applicantName: '王五', scope: [{ systemId: w.sysA }] }))).json().application;
    const d = (await inject('POST', `/api/v1/viewing-applications/${late.id}/decision`, station, { approve: true, reasons: '同意', mode: 'document' })).json();
    try {
      w.t.clock.set(t(15 * DAY + 1000));
      const unit = await w.login('unit-a');
      const res = await inject('POST', '/api/v1/viewing-documents/verification', unit, { documentNo: d.application.documentNo, verificationCode: d.verificationCode });
      expect(res.json()).toMatchObject({ code: 'JF_VAULT_DOCUMENT_EXPIRED', citation: { article: 25, paragraph: 1, item: 2 } });
    } finally {
      w.t.clock.set(T0);
    }
  });

  it('lets the citizen follow their own application', async () => {
    const mine = (await inject('GET', '/api/v1/viewing-applications', citizen)).json().items;
    expect(mine).toEqual([expect.objectContaining({ id: appId, state: 'visited', applicantName: '张三' })]);
    const unitView = (await inject('GET', '/api/v1/viewing-applications', unitA)).json().items;
    expect(unitView.find((a: { id: number }) => a.id === appId).applicantName).toBe('张*');
  });

  it('pages the list on the server with its total, sorts by filing or window, and refuses an unknown sort naming the field', async () => {
    const early = (await inject('POST', '/api/v1/viewing-applications', station, application({ applicantName: '赵六', window: { from: t(-120 * MIN), to: t(-90 * MIN) }, scope: [{ systemId: w.sysA }] }))).json().application;
    const all = (await inject('GET', '/api/v1/viewing-applications?limit=200', station)).json();
    expect(all.total).toBe(4);
    expect(all.items).toHaveLength(4);
    const first = (await inject('GET', '/api/v1/viewing-applications?limit=3&offset=0', station)).json();
    const rest = (await inject('GET', '/api/v1/viewing-applications?limit=3&offset=3', station)).json();
    expect([first.total, first.items.length, rest.total, rest.items.length]).toEqual([4, 3, 4, 1]);
    expect([...first.items, ...rest.items].map((a: { id: number }) => a.id)).toEqual(all.items.map((a: { id: number }) => a.id));
    const byWindow = (await inject('GET', '/api/v1/viewing-applications?sort=window&order=asc', station)).json().items.map((a: { id: number }) => a.id);
    expect(byWindow[0]).toBe(early.id);
    const byWindowDesc = (await inject('GET', '/api/v1/viewing-applications?sort=window&order=desc', station)).json().items.map((a: { id: number }) => a.id);
    expect(byWindowDesc[byWindowDesc.length - 1]).toBe(early.id);
    const created = (await inject('GET', '/api/v1/viewing-applications?sort=created&order=asc', station)).json().items.map((a: { id: number }) => a.id);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect((await inject('GET', '/api/v1/viewing-applications?state=approved', station)).json()).toMatchObject({ total: 1, items: [{ state: 'approved', applicantName: '王五' }] });
    // Art 25 ¶1 (2): those for which the station issued a viewing document.
    const documents = (await inject('GET', '/api/v1/viewing-applications?withDocument=true', station)).json();
    expect(documents.total).toBe(2);
    expect(documents.items.every((a: { documentNo: string | null }) => a.documentNo)).toBe(true);
    const bad = await inject('GET', '/api/v1/viewing-applications?sort=name', station);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'sort', rule: 'enum' })]);
    expect((await inject('GET', '/api/v1/viewing-applications?limit=201', station)).statusCode).toBe(400);
    expect((await inject('GET', '/api/v1/viewing-applications/export?order=up', station)).statusCode).toBe(400);
  });

  it('exports what the list shows to each caller, never the resident ID number, and nothing to another station', async () => {
    const res = await w.t.app.inject({ url: '/api/v1/viewing-applications/export?format=csv&sort=created&order=asc', headers: station });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/viewing-applications-\d{8}\.csv/);
    const [header, ...rows] = csv(res.rawPayload);
    expect(header).toContain('申请人 / Applicant');
    expect(header).toContain('时段起 / Window from');
    expect(rows.map((r) => Number(r[0]))).toEqual((await inject('GET', '/api/v1/viewing-applications?sort=created&order=asc', station)).json().items.map((a: { id: number }) => a.id));
    expect(rows.map((r) => r[header.indexOf('申请人 / Applicant')])).toContain('张三');
    expect(res.body).not.toContain(RESIDENT_ID);
    expect(res.body).not.toContain(RESIDENT_ID.slice(-4));
    expect(res.body).not.toContain('电动车');
    // The capturing unit's list shows the name masked, so does its export.
    const unit = csv((await w.t.app.inject({ url: '/api/v1/viewing-applications/export', headers: unitA })).rawPayload);
    expect(unit.length - 1).toBe((await inject('GET', '/api/v1/viewing-applications', unitA)).json().total);
    expect(unit.slice(1).map((r) => r[header.indexOf('申请人 / Applicant')])).toContain('张*');
    expect(JSON.stringify(unit)).not.toContain('张三');
    const xlsx = await w.t.app.inject({ url: '/api/v1/viewing-applications/export?format=xlsx', headers: station });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    for (const h of [otherStation, neighbour, unitB]) {
      expect(csv((await w.t.app.inject({ url: '/api/v1/viewing-applications/export', headers: h })).rawPayload)).toHaveLength(1);
    }
  });
});
