import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainQueue, ledgerConfigFrom } from '../src/ledger/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/registry/seed/demo.js';
import { DEMO_CITIZEN, seedCapturedDemo } from '../src/vault/index.js';
import { DEMO_CITIZEN_PHONE, seedWorkflowDemo } from '../src/workflow/index.js';
import { checkResidentId } from '../src/shared/standards/gb11643.js';
import { residentIdCheckDigit } from '../src/shared/standards/gb11643.js';
import { createTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/**
 * Nothing restricted (Art 19), personal or secret leaves by a public route.
 * Over the demo Liaoning and its own work in progress (the demo citizen's
 * complaint, applications and requests among it), with the work a city does
 * on top of it (a filing, a complaint with the complainant's phone, a
 * verified warning, a case against the restricted exam-paper room, viewing
 * applications and an evidence request with names, ID numbers and reasons),
 * every route the OpenAPI document lists
 * that answers without a login is called with realistic queries, and no answer
 * may hold any of it. A public route this test does not call fails it.
 */

const id17 = '21010219850712003';
const RESIDENT_ID = id17 + residentIdCheckDigit(id17);
const PHONE = '13812345678';
const APPLICANT = '王小明';
const PARTY = '赵晓六';
const VIEW_REASON = '本人于太原街被撞倒，肇事车辆逃逸，需查看事发路口录像';
const EVIDENCE_TEXT = '本人系原告，就交通事故损害赔偿纠纷负有举证责任，申请调取事发时段录像作为证据。';
const COMPLAINT = '安装的监控系统一周后无法录像，多次报修无人处理';
const MATERIALS = { item1: [{ title: '营业执照副本' }], item2: [{ title: '技术人员培训证书（5人）' }], item3: [{ title: '办公及设备场所租赁合同' }], item4: [{ title: '安全管理制度' }] };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every cell of every sheet of a workbook, one line a row. */
async function xlsxText(raw: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const lines: string[] = [];
  for (const sheet of wb.worksheets) sheet.eachRow((r) => lines.push(JSON.stringify(r.values)));
  expect(lines.length).toBeGreaterThan(0);
  return lines.join('\n');
}

type Req = { method: 'GET' | 'POST'; url: string; payload?: object };

describe.each(testDialects)('the public side on the demo Liaoning (%s): nothing restricted, personal or secret', (dialect) => {
  let t: TestApp;
  const forbidden: { what: string; text: string }[] = [];
  const forbiddenPatterns: { what: string; re: RegExp }[] = [];
  const documents: { number: string; code: string }[] = [];
  const applications: { number: string; code: string }[] = [];
  let restrictedUnitName = '';
  let publicRoutes: string[] = [];

  const login = async (username: string) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: DEMO_PASSWORD } });
    expect(r.statusCode, r.body).toBe(200);
    const cookie = String(r.headers['set-cookie']).split(';')[0];
    return { cookie, 'x-csrf-token': r.json().csrfToken as string };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.tdb, t.clock);
    // The demo's own work: the demo citizen's complaint, applications and requests among it.
    await seedWorkflowDemo(t.tdb, t.clock);
    await seedCapturedDemo(t.tdb, t.clock, t.config.dataDir);
    const db = t.tdb.db.withoutPlugins();
    const [citizen, station, heping, shenyang, provider] = await Promise.all(['demo-citizen', 'demo-station', 'demo-heping', 'demo-shenyang', 'demo-provider'].map(login));
    const send = async (h: object, method: 'POST' | 'GET', url: string, payload?: object) => {
      const r = await t.app.inject({ method, url, headers: { ...h }, ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
      return r.json();
    };
    const step = async (h: object, id: number, name: string, input?: object) => {
      const cur = await send(h, 'GET', `/api/v1/workflow/items/${id}`);
      return send(h, 'POST', `/api/v1/workflow/items/${id}/transitions/${name}`, { version: cur.item.version, ...(input ? { input } : {}) });
    };

    // Art 19: the restricted unit, its systems and devices.
    const units = await db.selectFrom('key_units').select(['id', 'name']).where('restricted', '=', 1).execute();
    expect(units.length).toBeGreaterThan(0);
    restrictedUnitName = String(units[0].name);
    const systems = await db.selectFrom('security_systems').select(['id', 'name', 'key_unit_id']).where('restricted', '=', 1).execute();
    const devices = await db.selectFrom('devices').select(['id']).where('system_id', 'in', systems.map((s) => s.id)).execute();
    for (const u of units) {
      forbidden.push({ what: 'restricted unit name', text: String(u.name) });
      forbiddenPatterns.push({ what: `restricted unit id ${u.id}`, re: new RegExp(`(keyUnitId|unitId|key_unit_id)"?\\s*[:=]\\s*"?${u.id}(?!\\d)|key-unit[:/]${u.id}(?!\\d)`) });
    }
    for (const s of systems) {
      forbidden.push({ what: 'restricted system name', text: String(s.name) });
      forbiddenPatterns.push({ what: `restricted system id ${s.id}`, re: new RegExp(`(systemId|system_id)"?\\s*[:=]\\s*"?${s.id}(?!\\d)|security-system[:/]${s.id}(?!\\d)`) });
    }
    for (const d of devices) forbiddenPatterns.push({ what: `restricted device id ${d.id}`, re: new RegExp(`(deviceId|device_id)"?\\s*[:=]\\s*"?${d.id}(?!\\d)|device[:/]${d.id}(?!\\d)`) });

    // A provider files (Art 16-18) and is accepted: the public list has it.
    const filing = await send(provider, 'POST', '/api/v1/workflow/items', { machine: 'provider-filing', transition: 'submit', input: { services: ['design', 'installation'], materials: MATERIALS } });
    await step(shenyang, filing.item.id, 'accept');
    // A citizen complains, with a phone number; the police verify it and the warning goes out (Art 28).
    const providerId = Number((await db.selectFrom('users').select('provider_id').where('username', '=', 'demo-provider').executeTakeFirstOrThrow()).provider_id);
    const complaint = await send(citizen, 'POST', '/api/v1/workflow/items', { machine: 'complaint', transition: 'complain', input: { providerId, service: `2026年5月为${APPLICANT}家安装的监控`, content: COMPLAINT, contact: `${APPLICANT} ${PHONE}` } });
    await step(shenyang, complaint.item.id, 'verify', { finding: '安装的视频监控系统无法录像，经用户投诉查证属实' });
    // A case against the restricted unit, with a rectification notice (Art 19, 31).
    const kase = await send(heping, 'POST', '/api/v1/workflow/items', { machine: 'case', transition: 'open', input: { ruleId: 'art10.p1.key-unit-must-install', facts: '检查发现', subject: { keyUnitId: Number(units[0].id), offender: 'unit' } } });
    await step(heping, kase.item.id, 'order-rectification', { timeLimit: '2026-06-20', requirements: '完善试卷保管室入侵报警系统' });
    for (const d of await db.selectFrom('workflow_documents').select(['number', 'verification_code']).execute()) documents.push({ number: String(d.number), code: String(d.verification_code) });

    // Art 25 ¶1: viewing applications, one refused, one approved with a document.
    const school = Number((await db.selectFrom('users').select('key_unit_id').where('username', '=', 'demo-school').executeTakeFirstOrThrow()).key_unit_id);
    const schoolSystem = Number((await db.selectFrom('security_systems').select('id').where('key_unit_id', '=', school).orderBy('id').executeTakeFirstOrThrow()).id);
    const now = t.clock.now().getTime();
    const window = { from: new Date(now - 3_600_000).toISOString(), to: new Date(now - 1_800_000).toISOString() };
    const apply = { applicantKind: 'citizen', applicantName: APPLICANT, residentId: RESIDENT_ID, reason: VIEW_REASON, stationDivision: '210102', window };
    const a1 = (await send(citizen, 'POST', '/api/v1/viewing-applications', apply)).application;
    await send(station, 'POST', `/api/v1/viewing-applications/${a1.id}/registration`, { residentId: RESIDENT_ID, scope: [{ systemId: schoolSystem }] });
    const approved = await send(station, 'POST', `/api/v1/viewing-applications/${a1.id}/decision`, { approve: true, reasons: `涉及${APPLICANT}本人人身权益`, mode: 'document' });
    // The printed viewing document is checked on the portal like the workflow's documents (Art 25 ¶1 (2)).
    documents.push({ number: approved.application.documentNo, code: approved.verificationCode });
    const a2 = (await send(station, 'POST', '/api/v1/viewing-applications', { ...apply, scope: [{ systemId: schoolSystem }] })).application;
    await send(station, 'POST', `/api/v1/viewing-applications/${a2.id}/decision`, { approve: false, reasons: `申请人联系电话${PHONE}，所述时段与其合法权益无关` });
    // Art 25 ¶2: an evidence request, refused with reasons.
    const e1 = (
      await send(citizen, 'POST', '/api/v1/evidence-requests', { partyKind: 'citizen', partyName: PARTY, residentId: RESIDENT_ID, caseKind: 'civil', caseRef: '(2026)辽0102民初4321号', applicationText: EVIDENCE_TEXT, proofDescription: '法院受理案件通知书', bearsBurdenOfProof: true, divisionCode: '210102', window })
    ).request;
    await send(heping, 'POST', `/api/v1/evidence-requests/${e1.id}/record`, { approve: false, reason: '未附法院出具的调查取证通知' });
    for (const x of [a1, a2]) applications.push({ number: x.applicationNo, code: x.statusCode });
    applications.push({ number: e1.applicationNo, code: e1.statusCode });
    for (const table of ['viewing_applications', 'evidence_requests'] as const) {
      for (const r of await db.selectFrom(table).select(['application_no', 'status_code']).execute()) {
        if (!applications.some((a) => a.number === String(r.application_no))) applications.push({ number: String(r.application_no), code: String(r.status_code) });
      }
    }

    // Every leaf signed, so the ledger's public routes show all of it.
    await drainQueue(t.tdb.db, ledgerConfigFrom(t.config.dataDir), t.clock);

    for (const text of [APPLICANT, PARTY, RESIDENT_ID, PHONE, VIEW_REASON, EVIDENCE_TEXT, COMPLAINT, `${RESIDENT_ID.slice(0, 6)}********${RESIDENT_ID.slice(-4)}`, '民初4321']) forbidden.push({ what: 'personal data', text });
    for (const text of [DEMO_CITIZEN.name, DEMO_CITIZEN.residentId, `${DEMO_CITIZEN.residentId.slice(0, 6)}********${DEMO_CITIZEN.residentId.slice(-4)}`, DEMO_CITIZEN_PHONE]) forbidden.push({ what: "the demo citizen's personal data", text });
    for (const r of await db.selectFrom('viewing_applications').select(['reason']).execute()) forbidden.push({ what: 'a viewing reason', text: String(r.reason) });
    for (const r of await db.selectFrom('evidence_requests').select(['application_text', 'case_ref']).execute()) forbidden.push({ what: 'an evidence request', text: String(r.application_text) }, { what: 'a case reference', text: String(r.case_ref) });
    for (const r of await db.selectFrom('access_requests').select(['case_ref', 'duty', 'organ_certificate_no']).execute()) {
      forbidden.push({ what: 'an access request', text: String(r.case_ref) }, { what: 'an access request', text: String(r.duty) }, { what: 'an organ certificate', text: String(r.organ_certificate_no) });
    }
    for (const u of await db.selectFrom('users').select(['username', 'display_name']).execute()) {
      forbidden.push({ what: 'account name', text: String(u.username) });
    }
    // Secrets: the status codes and document codes are never echoed beyond their own check.
    for (const a of applications) forbiddenPatterns.push({ what: 'application status code', re: new RegExp(`"${a.code}"`) });

    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const url = p.replace(/\{[^}]+\}/g, '1');
        const r = await t.app.inject({ method: method.toUpperCase() as 'GET', url });
        if (!(r.statusCode === 401 && r.json().code === 'JF_UNAUTHENTICATED')) publicRoutes.push(`${method.toUpperCase()} ${p}`);
      }
    }
  }, 600_000);
  afterAll(() => t?.close());

  /** Realistic calls of every public route; the key is the route as the OpenAPI document names it. */
  async function calls(): Promise<Record<string, Req[]>> {
    const size = Number((await t.app.inject('/api/v1/ledger/status')).json().treeSize);
    const entries: Req[] = [];
    for (let s = 0; s < size; s += 100) entries.push({ method: 'GET', url: `/api/v1/ledger/entries?start=${s}` });
    const examples = (await t.app.inject('/api/v1/assessments/examples')).json();
    const example = Array.isArray(examples) ? examples[0] : (examples.examples?.[0] ?? examples.items?.[0]);
    const q = encodeURIComponent;
    return {
      'GET /api/health': [{ method: 'GET', url: '/api/health' }],
      'GET /api/v1/session': [{ method: 'GET', url: '/api/v1/session' }],
      'POST /api/v1/session': [{ method: 'POST', url: '/api/v1/session', payload: { username: 'demo-citizen', password: 'not-the-password' } }],
      'GET /api/v1/law': [{ method: 'GET', url: '/api/v1/law' }],
      'GET /api/v1/law/articles/{number}': [19, 25].map((n) => ({ method: 'GET' as const, url: `/api/v1/law/articles/${n}` })),
      'GET /api/v1/ledger/checkpoint': [{ method: 'GET', url: '/api/v1/ledger/checkpoint' }, { method: 'GET', url: `/api/v1/ledger/checkpoint?size=${size}` }],
      'GET /api/v1/ledger/verifier-key': [{ method: 'GET', url: '/api/v1/ledger/verifier-key' }],
      'GET /api/v1/ledger/keys': [{ method: 'GET', url: '/api/v1/ledger/keys' }],
      'GET /api/v1/ledger/proof/inclusion': [{ method: 'GET', url: `/api/v1/ledger/proof/inclusion?leaf=${Math.max(0, size - 1)}` }],
      'GET /api/v1/ledger/proof/consistency': [{ method: 'GET', url: `/api/v1/ledger/proof/consistency?from=1` }],
      'GET /api/v1/ledger/entries': entries,
      'GET /api/v1/ledger/status': [{ method: 'GET', url: '/api/v1/ledger/status' }],
      'GET /api/v1/ledger/checkpoints': [{ method: 'GET', url: '/api/v1/ledger/checkpoints' }],
      'GET /api/v1/ledger/checkpoints/export': ['', '?format=xlsx'].map((s) => ({ method: 'GET' as const, url: `/api/v1/ledger/checkpoints/export${s}` })),
      'GET /api/v1/assessments/schema': [{ method: 'GET', url: '/api/v1/assessments/schema' }],
      'GET /api/v1/assessments/examples': [{ method: 'GET', url: '/api/v1/assessments/examples' }],
      'POST /api/v1/assessments': [{ method: 'POST', url: '/api/v1/assessments', payload: example?.input ?? example ?? { at: '2026-01-01', situation: { devices: [{ id: 'cam', captures: ['video'], placeKind: 'hotel_room' }] } } }],
      'POST /api/v1/penalties/calculate': [{ method: 'POST', url: '/api/v1/penalties/calculate', payload: { article: 35, item: 1, offender: 'individual', illegalGainsYuan: 2000, at: '2026-01-01' } }],
      'GET /api/v1/public/providers': ['', '?q=' + q('安盾'), '?q=' + q(restrictedUnitName), '?warned=true', '?limit=200'].map((s) => ({ method: 'GET' as const, url: `/api/v1/public/providers${s}` })),
      'GET /api/v1/public/providers/export': ['', '?format=xlsx', '?q=' + q('安盾'), '?q=' + q(restrictedUnitName) + '&format=xlsx', '?warned=true&service=installation'].map((s) => ({ method: 'GET' as const, url: `/api/v1/public/providers/export${s}` })),
      'GET /api/v1/public/warnings/export': ['', '?format=xlsx', '?q=' + q('安盾')].map((s) => ({ method: 'GET' as const, url: `/api/v1/public/warnings/export${s}` })),
      'GET /api/v1/public/warnings': ['', '?q=' + q('安盾'), '?limit=200'].map((s) => ({ method: 'GET' as const, url: `/api/v1/public/warnings${s}` })),
      'GET /api/v1/public/documents/verify': [
        ...documents.map((d) => ({ method: 'GET' as const, url: `/api/v1/public/documents/verify?number=${q(d.number)}&code=${q(d.code)}` })),
        { method: 'GET', url: `/api/v1/public/documents/verify?number=${q(documents[0].number)}&code=WRONGCODE1` },
      ],
      'GET /api/v1/public/applications/status': [
        ...applications.map((a) => ({ method: 'GET' as const, url: `/api/v1/public/applications/status?number=${q(a.number)}&code=${q(a.code)}` })),
        { method: 'GET', url: `/api/v1/public/applications/status?number=${q(applications[0].number)}&code=WRONGCODE1` },
      ],
      'GET /api/v1/public/signage': [{ method: 'GET', url: '/api/v1/public/signage' }],
      'GET /api/v1/public/signage.svg': [{ method: 'GET', url: `/api/v1/public/signage.svg?unit=${q('沈阳市和平区实验中学')}` }],
    };
  }

  it('knows every route that answers without a login, and calls each one', async () => {
    expect(publicRoutes.length).toBeGreaterThan(10);
    expect(Object.keys(await calls()).sort()).toEqual([...publicRoutes].sort());
  });

  it('answers each public call without a restricted item, an ID number, a phone number, a person’s name or an applicant’s words', async () => {
    const all = await calls();
    const problems: string[] = [];
    let answered = 0;
    for (const [route, reqs] of Object.entries(all)) {
      for (const r of reqs) {
        const res = await t.app.inject({ method: r.method, url: r.url, ...(r.payload ? { payload: r.payload } : {}), remoteAddress: `198.51.100.${(answered++ % 200) + 1}` });
        expect(res.statusCode, `${r.method} ${r.url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        let body = res.body;
        // A spreadsheet is zipped: read its cells as the public can.
        if (String(res.headers['content-type']).startsWith(XLSX)) body = await xlsxText(res.rawPayload);
        // Ledger leaves travel base64-encoded: read them as the public can.
        if (route === 'GET /api/v1/ledger/entries') body += res.json().entries.map((e: { leaf: string }) => Buffer.from(e.leaf, 'base64').toString('utf8')).join('\n');
        for (const f of forbidden) if (body.includes(f.text)) problems.push(`${route} ${r.url}: ${f.what} «${f.text}»`);
        for (const p of forbiddenPatterns) if (p.re.test(body)) problems.push(`${route} ${r.url}: ${p.what}`);
        for (const m of body.matchAll(/(?<![0-9A-Za-z+/])\d{17}[\dX](?![0-9A-Za-z])/g)) if (!checkResidentId(m[0])) problems.push(`${route} ${r.url}: resident ID number ${m[0]}`);
        for (const m of body.matchAll(/(?<![0-9A-Za-z+/])1[3-9]\d{9}(?![0-9A-Za-z])/g)) problems.push(`${route} ${r.url}: phone number ${m[0]}`);
      }
    }
    expect(problems).toEqual([]);
    // The checks found what they look for where it is: the applications and documents answered.
    expect(answered).toBeGreaterThan(30);
  });

  it('still answers the public what it is there for', async () => {
    const providers = (await t.app.inject('/api/v1/public/providers?q=' + encodeURIComponent('沈阳安盾'))).json();
    expect(providers.items[0]).toMatchObject({ name: '沈阳安盾技防工程有限公司', warning: { listed: true } });
    // The exports hold the same providers and warnings as the lists.
    const csv = (await t.app.inject('/api/v1/public/providers/export?q=' + encodeURIComponent('沈阳安盾'))).body;
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[1]).toMatch(/^沈阳安盾技防工程有限公司,/);
    const warnings = (await t.app.inject('/api/v1/public/warnings/export')).body;
    expect(warnings).toContain('沈阳安盾技防工程有限公司');
    const status = (await t.app.inject(`/api/v1/public/applications/status?number=${applications[1].number}&code=${applications[1].code}`)).json();
    expect(status).toMatchObject({ state: 'refused', decision: { outcome: 'refused', reasons: expect.stringContaining('所述时段与其合法权益无关') } });
    // The notice to the restricted exam-paper room names nobody (Art 19); the demo's notice to a bank branch names it.
    const notices = await t.tdb.db
      .withoutPlugins()
      .selectFrom('workflow_documents as d')
      .innerJoin('workflow_items as i', 'i.id', 'd.item_id')
      .select(['d.number', 'd.verification_code', 'i.restricted', 'i.title'])
      .where('d.kind', '=', 'rectification-notice')
      .execute();
    const verify = async (n: (typeof notices)[number]) => (await t.app.inject(`/api/v1/public/documents/verify?number=${n.number}&code=${n.verification_code}`)).json();
    const secret = notices.find((n) => Number(n.restricted) === 1)!;
    expect(await verify(secret)).toMatchObject({ valid: true, kind: 'rectification-notice', subject: null });
    const bank = notices.find((n) => String(n.title).startsWith('中国工商银行沈阳和平支行'))!;
    expect(await verify(bank)).toMatchObject({ valid: true, kind: 'rectification-notice', subject: '中国工商银行沈阳和平支行' });
    const viewingDocument = documents.find((d) => d.number.startsWith('CK'))!;
    const vd = (await t.app.inject(`/api/v1/public/documents/verify?number=${viewingDocument.number}&code=${viewingDocument.code}`)).json();
    expect(vd).toMatchObject({ valid: true, kind: 'viewing-document', subject: null, inForce: true });
  });
});
