import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.js';
import { residentIdCheckDigit } from '../../shared/standards/gb11643.js';
import { createWorld, type Headers, type World } from './captured-fixtures.js';

const T0 = '2026-06-01T08:00:00.000Z';
const t = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();
const MIN = 60_000;
const id17 = '21010219850712003';
const RESIDENT_ID = id17 + residentIdCheckDigit(id17);
const REASON = '本人电动车于东门被盗，需查看东门录像，联系电话13912345678';

/** Parses as XML or throws; returns the root element's name and attributes. */
function parseXml(text: string): { name: string; attributes: Record<string, string>; texts: string[] } {
  const p = new SaxesParser({ xmlns: true });
  let root: { name: string; attributes: Record<string, string> } | undefined;
  const texts: string[] = [];
  p.on('opentag', (n) => {
    if (!root) root = { name: n.local, attributes: Object.fromEntries(Object.entries(n.attributes).map(([k, a]) => [k, a.value])) };
  });
  p.on('text', (x) => texts.push(x));
  p.on('error', (e) => {
    throw e;
  });
  p.write(text).close();
  if (!root) throw new Error('no root element');
  return { ...root, texts };
}

describe.each(testDialects)('the public portal’s API on %s', (dialect) => {
  let w: World;
  let citizen: Headers;
  let station: Headers;
  let heping: Headers;
  const window = { from: t(-60 * MIN), to: t(-30 * MIN) };

  beforeAll(async () => {
    w = await createWorld(dialect);
    citizen = await w.as({ username: 'zhang-san', role: 'citizen' });
    station = await w.as({ username: 'taiyuanjie', role: 'station_officer', jurisdiction: '210102' });
    heping = await w.as({ username: 'heping-supervisor', role: 'county_supervisor', jurisdiction: '210102' });
  }, 300_000);
  afterAll(() => w.t.close());

  const inject = (method: 'GET' | 'POST', url: string, headers?: Headers, payload?: object) => w.t.app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) });
  const status = (number: string, code: string) => inject('GET', `/api/v1/public/applications/status?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`);

  it('gives a viewing application a number and status code when it is filed, shown to the applicant and the station, never to others', async () => {
    const filed = (await inject('POST', '/api/v1/viewing-applications', citizen, { applicantKind: 'citizen', applicantName: '张三', residentId: RESIDENT_ID, reason: REASON, stationDivision: '210102', window })).json().application;
    expect(filed.applicationNo).toBe(`CKSQ-210102-${String(filed.id).padStart(6, '0')}`);
    expect(filed.statusCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const byStation = (await inject('GET', `/api/v1/viewing-applications/${filed.id}`, station)).json().application;
    expect(byStation.statusCode).toBe(filed.statusCode);
    const byPolice = (await inject('GET', `/api/v1/viewing-applications/${filed.id}`, heping)).json().application;
    expect(byPolice.applicationNo).toBe(filed.applicationNo);
    expect(byPolice.statusCode).toBeNull();
  });

  it('answers the state and, once decided, the decision with its reasons and article — and nothing personal (Art 25 ¶1 (2))', async () => {
    const filed = (await inject('POST', '/api/v1/viewing-applications', station, { applicantKind: 'citizen', applicantName: '李四', residentId: RESIDENT_ID, reason: REASON, stationDivision: '210102', window, scope: [{ systemId: w.sysA }] })).json().application;
    expect(filed.state).toBe('registered');
    const before = await status(filed.applicationNo, filed.statusCode);
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    expect(before.json()).toMatchObject({ kind: 'viewing', number: filed.applicationNo, state: 'registered', decision: null, citation: { article: 25, paragraph: 1, item: 1, href: '/law/25#p1-i1' } });
    await inject('POST', `/api/v1/viewing-applications/${filed.id}/decision`, station, { approve: false, reasons: '所述时段与其合法权益无关；申请人身份证210102198507120031、电话13912345678' });
    // Lower case and spaces are what people type.
    const after = await status(` ${filed.applicationNo.toLowerCase()} `, filed.statusCode.toLowerCase());
    const body = after.json();
    expect(body).toMatchObject({
      state: 'refused',
      stateLabel: { zh: '不予同意', en: 'Refused' },
      decision: { outcome: 'refused', citation: { article: 25, paragraph: 1, item: 2, label: { zh: '第二十五条第一款第（二）项', en: 'Art 25 ¶1 (2)' } } },
    });
    expect(body.decision.reasons).toContain('所述时段与其合法权益无关');
    for (const personal of ['李四', RESIDENT_ID, REASON, '13912345678', '210102198507120031', 'residentIdMasked']) expect(after.body).not.toContain(personal);
  });

  it('checks a printed viewing document by its number and code like every other document, naming the station and the dates, never the holder (Art 25 ¶1 (2))', async () => {
    const filed = (await inject('POST', '/api/v1/viewing-applications', station, { applicantKind: 'citizen', applicantName: '孙七', residentId: RESIDENT_ID, reason: REASON, stationDivision: '210102', window, scope: [{ systemId: w.sysA }] })).json().application;
    const decided = (await inject('POST', `/api/v1/viewing-applications/${filed.id}/decision`, station, { approve: true, reasons: '涉及申请人财产权益', mode: 'document' })).json();
    expect(decided.application?.documentNo, JSON.stringify(decided)).toMatch(/^CK/);
    const no: string = decided.application.documentNo;
    const code: string = decided.verificationCode;
    const verify = (n: string, c: string) => inject('GET', `/api/v1/public/documents/verify?number=${encodeURIComponent(n)}&code=${encodeURIComponent(c)}`);
    const ok = await verify(` ${no.toLowerCase()} `, code.toLowerCase());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.json()).toEqual({
      valid: true,
      number: no,
      kind: 'viewing-document',
      title: { zh: '查看文书', en: 'Viewing document' },
      issuedAt: decided.application.decidedAt,
      issuingOrgan: { divisionCode: '210102', name: { zh: expect.stringContaining('和平'), en: expect.any(String) } },
      subject: null,
      validUntil: decided.application.documentExpiresAt,
      inForce: true,
    });
    for (const personal of ['孙七', RESIDENT_ID, REASON, '13912345678']) expect(ok.body).not.toContain(personal);
    // A wrong code answers as an unknown number.
    const wrong = await verify(no, code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');
    const unknown = await verify(no.slice(0, -1) + (no.endsWith('9') ? '8' : '9'), code);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
    // Run out, it is still genuine, and says it no longer allows viewing.
    try {
      w.t.clock.set(t(15 * 86_400_000 + 1000));
      expect((await verify(no, code)).json()).toMatchObject({ valid: true, kind: 'viewing-document', inForce: false });
    } finally {
      w.t.clock.set(T0);
    }
  });

  it('answers an unknown number and a wrong code alike, 404', async () => {
    const filed = (await inject('POST', '/api/v1/viewing-applications', citizen, { applicantKind: 'citizen', applicantName: '张三', residentId: RESIDENT_ID, reason: REASON, stationDivision: '210102', window })).json().application;
    const wrong = await status(filed.applicationNo, filed.statusCode === 'AAAAAAAAAA' ? 'BBBBBBBBBB' : 'AAAAAAAAAA');
    const unknown = await status('CKSQ-210102-999999', filed.statusCode);
    const nonsense = await status('XYZ', 'ABC');
    for (const r of [wrong, unknown, nonsense]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('JF_NOT_FOUND');
    }
    expect(wrong.body).toBe(unknown.body);
    expect((await status('', 'x')).statusCode).toBe(400);
  });

  it('follows an evidence request too (Art 25 ¶2)', async () => {
    const filed = (
      await inject('POST', '/api/v1/evidence-requests', citizen, {
        partyKind: 'citizen',
        partyName: '赵六',
        caseKind: 'civil',
        caseRef: '(2026)辽0102民初1234号',
        applicationText: '本人系原告，就校门口交通事故纠纷负有举证责任，申请调取东门摄像机录像作为证据。',
        proofDescription: '沈阳市和平区人民法院受理案件通知书',
        bearsBurdenOfProof: true,
        divisionCode: '210102',
        window,
      })
    ).json().request;
    expect(filed.applicationNo).toMatch(/^DZSQ-210102-\d{6}$/);
    const r = await status(filed.applicationNo, filed.statusCode);
    expect(r.json()).toMatchObject({ kind: 'evidence', state: 'submitted', decision: null, citation: { article: 25, paragraph: 2 } });
    expect(r.body).not.toContain('赵六');
    expect(r.body).not.toContain('民初1234');
  });

  it('limits guessing like the document verifier: 30 a minute per client', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await w.t.app.inject({ method: 'GET', url: '/api/v1/public/applications/status?number=CKSQ-210102-000001&code=AAAAAAAAAA', remoteAddress: '203.0.113.9' })).statusCode;
    expect(last).toBe(429);
  });

  it('draws the sign of Art 15 as a standalone SVG at its configured size in millimetres, with the configured wording', async () => {
    const cfg = (await inject('GET', '/api/v1/public/signage')).json();
    expect(cfg).toMatchObject({ titleZh: '视频监控区域', textZh: '您已进入视频监控区域', widthMm: 297, heightMm: 210, citation: { article: 15 } });
    const res = await inject('GET', `/api/v1/public/signage.svg?unit=${encodeURIComponent('沈阳市和平区实验中学 <&>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = parseXml(res.body);
    expect(svg.name).toBe('svg');
    expect(svg.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: '297mm', height: '210mm', viewBox: '0 0 297 210' });
    expect(svg.texts).toEqual(expect.arrayContaining(['视频监控区域', '您已进入视频监控区域', 'VIDEO SURVEILLANCE AREA', '沈阳市和平区实验中学 <&>']));
    const zhOnly = parseXml((await inject('GET', '/api/v1/public/signage.svg?english=false')).body);
    expect(zhOnly.texts.join(' ')).not.toContain('SURVEILLANCE');
    expect((await inject('GET', `/api/v1/public/signage.svg?unit=${'x'.repeat(61)}`)).statusCode).toBe(400);
  });
});

describe('the sign under a province’s own style (Art 15: 标识的样式由省公安机关统一制定)', () => {
  it('takes wording and size from the configuration', async () => {
    const { loadConfig } = await import('../../config.js');
    const { signageSvg } = await import('./public-signage.js');
    const c = loadConfig({ JIFANG_SIGNAGE_TITLE_ZH: '监控区域', JIFANG_SIGNAGE_TEXT_ZH: '内有监控', JIFANG_SIGNAGE_WIDTH_MM: '400', JIFANG_SIGNAGE_HEIGHT_MM: '300', JIFANG_SIGNAGE_ENGLISH: 'false' });
    expect(c.signage).toMatchObject({ titleZh: '监控区域', widthMm: 400, heightMm: 300, english: false });
    const svg = parseXml(signageSvg(c.signage));
    expect(svg.attributes).toMatchObject({ width: '400mm', height: '300mm' });
    expect(svg.texts).toEqual(expect.arrayContaining(['监控区域', '内有监控']));
    expect(svg.texts.join(' ')).not.toMatch(/[A-Z]{3}/);
    expect(loadConfig({ JIFANG_SIGNAGE_WIDTH_MM: '10' }).signage.widthMm).toBe(297);
  });
});
