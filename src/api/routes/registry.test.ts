import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { creditCodeCheckCharacter } from '../../shared/standards/gb32100.js';
import { RegistryRepository, syncReferenceData } from '../../registry/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const cc = (body17: string) => body17 + creditCodeCheckCharacter(body17);

/** Session cookie and CSRF token, as headers for `inject`. */
type AuthHeaders = Record<string, string>;
const login = async (t: TestApp, u: Parameters<TestApp['as']>[0]): Promise<AuthHeaders> => ({ ...(await t.as(u)) });

describe.each(testDialects)('registry API on %s', (dialect) => {
  let t: TestApp;
  let admin: AuthHeaders;
  let shenyang: AuthHeaders;
  let station: AuthHeaders;
  let investigator: AuthHeaders;
  let citizen: AuthHeaders;
  const ids: Record<string, number> = {};

  const post = (h: AuthHeaders, kind: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/registry/${kind}`, headers: h, payload });
  const get = (h: AuthHeaders, url: string) => t.app.inject({ url, headers: h });
  const created = async (kind: string, payload: object) => {
    const res = await post(admin, kind, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await syncReferenceData(RegistryRepository.of(t.tdb), t.clock);
    admin = await login(t, { username: 'admin', role: 'admin' });
    shenyang = await login(t, { username: 'shenyang', role: 'city_supervisor', jurisdiction: '210100' });
    station = await login(t, { username: 'station', role: 'station_officer', jurisdiction: '210102' });
    investigator = await login(t, { username: 'investigator', role: 'investigator' });
    citizen = await login(t, { username: 'citizen', role: 'citizen' });
    ids.school = (await created('key-units', { name: '沈阳市和平区第一二〇中学', unitType: 'secondary_school', divisionCode: '210102', creditCode: cc('12210102MB0000001') })).id;
    ids.bank = (await created('key-units', { name: '中国工商银行大连中山支行', unitType: 'bank_branch', divisionCode: '210202' })).id;
    ids.exam = (await created('key-units', { name: '沈阳市和平区试卷保密室', unitType: 'exam_paper_site', divisionCode: '210102' })).id;
  });
  afterAll(() => t.close());

  it('describes every registry for generic pages and forms', async () => {
    const res = await get(citizen, '/api/v1/registry/meta');
    expect(res.statusCode).toBe(200);
    const meta = res.json();
    expect(meta.kinds.map((k: { kind: string }) => k.kind)).toEqual(['key-units', 'sites', 'public-areas', 'security-systems', 'devices', 'products', 'providers', 'police-organs']);
    const ku = meta.kinds[0];
    const unitType = ku.fields.find((f: { name: string }) => f.name === 'unitType');
    expect(unitType).toMatchObject({ type: 'enum', required: true, filterable: true });
    expect(unitType.enum).toContainEqual({ value: 'bank_branch', label: { zh: '银行营业网点', en: 'Bank branch' } });
    expect(ku.fields.find((f: { name: string }) => f.name === 'art10Item')).toMatchObject({ type: 'integer', readOnly: true });
    const devices = meta.kinds.find((k: { kind: string }) => k.kind === 'devices');
    expect(devices.fields.find((f: { name: string }) => f.name === 'systemId')).toMatchObject({ type: 'ref', ref: 'security-systems', required: true });
    expect(devices.fields.find((f: { name: string }) => f.name === 'placeKind').enum.map((o: { value: string }) => o.value)).toContain('hotel_room');
  });

  it('lists Liaoning divisions under a parent to any logged-in user, and nobody else', async () => {
    const res = await get(citizen, '/api/v1/divisions?parent=210100');
    expect(res.json().items).toContainEqual({ code: '210102', name: '和平区', level: 'county', parentCode: '210100', cityCode: '210100' });
    expect((await get(citizen, '/api/v1/divisions')).json().items).toEqual([{ code: '210000', name: '辽宁省', level: 'province', parentCode: null, cityCode: '210000' }]);
    expect((await t.app.inject('/api/v1/divisions?parent=210000')).statusCode).toBe(401);
  });

  it('records, reads, changes and deletes each kind', async () => {
    const product = await created('products', { name: '网络摄像机', model: 'DS-2CD3T46', manufacturer: '某安防科技股份有限公司', category: 'video_camera', catalogueListed: true });
    const provider = await created('providers', { name: '沈阳市和平区安防工程有限公司', creditCode: cc('91210102MA0000001'), services: ['design', 'installation'], divisionCode: '210102' });
    const site = await created('sites', { name: '教学楼', keyUnitId: ids.school });
    const area = await created('public-areas', { name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局' });
    const system = await created('security-systems', { name: '校园视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: ids.school, siteId: site.id, providerId: provider.id, retentionDays: 90 });
    const device = await created('devices', { name: '教学楼东门摄像机', systemId: system.id, capturesVideo: true, placeKind: 'entrance_exit', lat: 41.7912, lng: 123.4021, bearing: 180, fieldOfView: 90, rangeMeters: 30, productId: product.id });
    const organ = await created('police-organs', { name: '和平区试点警务站', level: 'station', code: '210102999', parentId: (await get(admin, '/api/v1/registry/police-organs?q=和平分局')).json().items[0].id, divisionCode: '210102' });
    expect(device).toMatchObject({ keyUnitId: ids.school, divisionCode: '210102', cityCode: '210100', divisionName: '和平区', cityName: '沈阳市', restricted: false });
    expect(device).not.toHaveProperty('searchGrams');
    expect(area).toMatchObject({ cityCode: '210100', lat: null });
    expect(organ).toMatchObject({ level: 'station', cityCode: '210100' });

    const read = await get(admin, `/api/v1/registry/security-systems/${system.id}`);
    expect(read.json()).toEqual(system);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/registry/devices/${device.id}`, headers: admin, payload: { bearing: 270, lat: null } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ bearing: 270, lat: null, name: '教学楼东门摄像机' });

    for (const [kind, id] of [
      ['devices', device.id],
      ['security-systems', system.id],
      ['public-areas', area.id],
      ['police-organs', organ.id],
    ] as const) {
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/registry/${kind}/${id}`, headers: admin });
      expect(del.statusCode).toBe(204);
      expect((await get(admin, `/api/v1/registry/${kind}/${id}`)).statusCode).toBe(404);
    }
    const inUse = await t.app.inject({ method: 'DELETE', url: `/api/v1/registry/key-units/${ids.school}`, headers: admin });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('JF_REGISTRY_IN_USE');
  });

  it('answers 400 naming each field and rule in both languages, and writes nothing', async () => {
    const before = (await get(admin, '/api/v1/registry/providers')).json().total;
    const res = await post(admin, 'providers', { name: '某公司', creditCode: '91210102MA00000010', services: ['design', 'paint'], divisionCode: '999999', fromOutsideLiaoning: 'maybe' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('JF_VALIDATION');
    const rules = Object.fromEntries(body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]));
    expect(rules).toEqual({ creditCode: 'gb32100-check-character', services: 'enum', divisionCode: 'gb2260-division', fromOutsideLiaoning: 'type' });
    expect(body.errors.find((e: { field: string }) => e.field === 'creditCode').message).toEqual({ zh: '统一社会信用代码：校验码不正确（GB 32100）', en: 'Unified social credit code: has a wrong check character (GB 32100)' });
    expect((await get(admin, '/api/v1/registry/providers')).json().total).toBe(before);
    const noBody = await post(admin, 'key-units', {});
    expect(noBody.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['divisionCode', 'name', 'unitType']);
  });

  it('answers 404 for an unknown id and 403 where the policy says no', async () => {
    expect((await get(admin, '/api/v1/registry/key-units/987654')).statusCode).toBe(404);
    expect((await get(admin, '/api/v1/registry/key-units/abc')).statusCode).toBe(400);
    expect((await post(citizen, 'key-units', { name: '某单位', unitType: 'hotel', divisionCode: '210102' })).statusCode).toBe(403);
    expect((await get(citizen, '/api/v1/registry/key-units')).statusCode).toBe(403);
    const dalian = await post(shenyang, 'key-units', { name: '大连某酒店', unitType: 'hotel', divisionCode: '210202' });
    expect(dalian.statusCode).toBe(403);
  });

  it('keeps a Shenyang supervisor out of Dalian, and a key unit to itself', async () => {
    const list = (await get(shenyang, '/api/v1/registry/key-units?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: { cityCode: string }) => i.cityCode === '210100')).toBe(true);
    expect((await get(shenyang, `/api/v1/registry/key-units/${ids.bank}`)).statusCode).toBe(403);
    expect((await get(shenyang, '/api/v1/registry/key-units?q=银行')).json().total).toBe(0);
    const unit = await login(t, { username: 'school', role: 'key_unit', keyUnitId: ids.school });
    const own = (await get(unit, '/api/v1/registry/key-units')).json();
    expect(own.items.map((i: { id: number }) => i.id)).toEqual([ids.school]);
    expect((await get(unit, `/api/v1/registry/key-units/${ids.exam}`)).statusCode).toBe(403);
    const site = await post(unit, 'sites', { name: '操场', keyUnitId: ids.school });
    expect(site.statusCode).toBe(201);
    expect((await post(unit, 'sites', { name: '别家的场所', keyUnitId: ids.exam })).statusCode).toBe(403);
  });

  it('hides restricted systems from station officers and investigators (art 19)', async () => {
    await created('security-systems', { name: '试卷保密室入侵报警系统', subsystemKind: 'intrusion_alarm', keyUnitId: ids.exam, restricted: true });
    await created('security-systems', { name: '和平区第一二〇中学入侵报警系统', subsystemKind: 'intrusion_alarm', keyUnitId: ids.school });
    for (const h of [station, investigator]) {
      const res = (await get(h, '/api/v1/registry/security-systems?q=入侵报警')).json();
      expect(res.items.map((i: { name: string }) => i.name)).toEqual(['和平区第一二〇中学入侵报警系统']);
      expect((await get(h, '/api/v1/registry/security-systems?restricted=true')).json().total).toBe(0);
    }
    const sup = (await get(shenyang, '/api/v1/registry/security-systems?restricted=true')).json();
    expect(sup.items.map((i: { name: string }) => i.name)).toEqual(['试卷保密室入侵报警系统']);
  });

  it('searches by one, two or more characters, filters, sorts and pages', async () => {
    const names = async (qs: string) => (await get(admin, `/api/v1/registry/key-units?${qs}`)).json().items.map((i: { name: string }) => i.name);
    expect(await names(`q=${encodeURIComponent('银')}`)).toEqual(['中国工商银行大连中山支行']);
    expect(await names(`q=${encodeURIComponent('中学')}`)).toEqual(['沈阳市和平区第一二〇中学']);
    expect(await names(`q=${encodeURIComponent('试卷保密')}`)).toEqual(['沈阳市和平区试卷保密室']);
    expect(await names('divisionCode=210102&sort=name&order=desc')).toEqual(['沈阳市和平区试卷保密室', '沈阳市和平区第一二〇中学']);
    expect(await names('art10Item=3')).toEqual(['中国工商银行大连中山支行']);
    const page = (await get(admin, '/api/v1/registry/key-units?pageSize=1&page=2&sort=name')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(page.items).toHaveLength(1);
    const bad = await get(admin, '/api/v1/registry/key-units?pageSize=101&sort=colour&unitType=castle');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'sort', 'unitType']);
  });

  it('exports CSV with a BOM and imports it back, all the same', async () => {
    const res = await get(admin, '/api/v1/registry/key-units/export?format=csv&divisionCode=210102');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="key-units-\d{8}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,name,unitType,art10Item,creditCode,divisionCode,cityCode,address,restricted,createdAt,updatedAt,divisionName,cityName');
    expect(lines).toHaveLength(3);

    const other = await createTestAppWith(dialect);
    try {
      const imp = await other.app.inject({ method: 'POST', url: '/api/v1/registry/key-units/import?format=csv', headers: { ...other.admin, 'content-type': 'text/csv' }, payload: res.rawPayload });
      expect(imp.statusCode, imp.body).toBe(200);
      expect(imp.json()).toEqual({ imported: 2 });
      const strip = (x: Record<string, unknown>) => ({ ...x, id: 0, createdAt: '', updatedAt: '' });
      const theirs = (await other.app.inject({ url: '/api/v1/registry/key-units?sort=name', headers: other.admin })).json().items.map(strip);
      const ours = (await get(admin, '/api/v1/registry/key-units?divisionCode=210102&sort=name')).json().items.map(strip);
      expect(theirs).toEqual(ours);
    } finally {
      await other.close();
    }
  });

  it('exports XLSX and imports it back', async () => {
    const res = await get(admin, '/api/v1/registry/providers/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toContain('creditCode');
    expect(wb.worksheets[0].getRow(2).getCell(2).value).toBe('沈阳市和平区安防工程有限公司');
    const other = await createTestAppWith(dialect);
    try {
      const imp = await other.app.inject({ method: 'POST', url: '/api/v1/registry/providers/import?format=xlsx', headers: { ...other.admin, 'content-type': XLSX }, payload: res.rawPayload });
      expect(imp.json()).toEqual({ imported: 1 });
      const p = (await other.app.inject({ url: '/api/v1/registry/providers', headers: other.admin })).json().items[0];
      expect(p).toMatchObject({ name: '沈阳市和平区安防工程有限公司', services: ['design', 'installation'], divisionCode: '210102', fromOutsideLiaoning: false });
    } finally {
      await other.close();
    }
  });

  it('rejects a file with bad rows, naming row, column and rule, and imports none of it', async () => {
    const before = (await get(admin, '/api/v1/registry/key-units')).json().total;
    const csv = [
      'name,unitType,divisionCode,creditCode,restricted',
      '沈阳市第五中学,secondary_school,210103,,false',
      ',hospital,210104,,',
      '沈阳市某医院,hospital,210100,91350100M000100Y44,perhaps',
      '',
      '沈阳市某宾馆,castle,210102,,',
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registry/key-units/import?format=csv', headers: { ...admin, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('JF_REGISTRY_IMPORT_REJECTED');
    expect(body.errors.map((e: { row: number; field: string; rule: string }) => [e.row, e.field, e.rule])).toEqual([
      [2, 'name', 'required'],
      [3, 'divisionCode', 'gb2260-county'],
      [3, 'creditCode', 'gb32100-check-character'],
      [3, 'restricted', 'type'],
      [5, 'unitType', 'enum'],
    ]);
    expect(body.errors[0].message.zh).toContain('第2行');
    expect((await get(admin, '/api/v1/registry/key-units')).json().total).toBe(before);

    const header = await t.app.inject({ method: 'POST', url: '/api/v1/registry/key-units/import', headers: { ...admin, 'content-type': 'text/csv' }, payload: 'name,colour\n甲,红\n' });
    expect(header.json().errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([
      ['colour', 'unknown-column'],
      ['unitType', 'missing-column'],
      ['divisionCode', 'missing-column'],
    ]);
    const junk = await t.app.inject({ method: 'POST', url: '/api/v1/registry/key-units/import?format=xlsx', headers: { ...admin, 'content-type': XLSX }, payload: Buffer.from('not a workbook') });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().errors[0]).toMatchObject({ row: 0, field: 'file', rule: 'xlsx-format' });
  });

  it('refuses rows outside the importer’s jurisdiction', async () => {
    const csv = 'name,unitType,divisionCode\n沈阳某站,large_station,210103\n大连某站,large_station,210202\n';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registry/key-units/import', headers: { ...shenyang, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { row: number; field: string; rule: string }) => [e.row, e.field, e.rule])).toEqual([[2, 'divisionCode', 'forbidden']]);
    expect((await get(admin, `/api/v1/registry/key-units?q=${encodeURIComponent('沈阳某站')}`)).json().total).toBe(0);
  });
});

async function createTestAppWith(dialect: (typeof testDialects)[number]): Promise<TestApp & { admin: AuthHeaders }> {
  const app = await createTestApp(dialect);
  return Object.assign(app, { admin: await login(app, { username: 'admin2', role: 'admin' }) });
}
