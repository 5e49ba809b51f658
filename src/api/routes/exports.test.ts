import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { complianceContext, sweep } from '../../compliance/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';
import { seedRegistry } from '../../workflow/test-support.js';
import { createWorld, type World } from './captured-fixtures.js';
import { client } from './workflow-test-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows of a CSV export, its header first, after checking the byte-order mark Excel needs for Chinese. */
export function csvRows(raw: Buffer): string[][] {
  expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(raw, { bom: true }) as string[][];
}

/** The rows of an XLSX export's first sheet, its header first, every cell as text. */
export async function xlsxRows(raw: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const width = sheet.getRow(1).cellCount;
  const out: string[][] = [];
  sheet.eachRow((r) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(r.getCell(c).value == null ? '' : String(r.getCell(c).value));
    out.push(cells);
  });
  return out;
}

describe.each(testDialects)('workflow items export on %s', (dialect) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let shenyang: AuthHeaders;
  let dalian: AuthHeaders;
  let citizen: AuthHeaders;
  let citizen2: AuthHeaders;

  /** Every item the list shows for `query`, page after page. */
  async function listed(h: AuthHeaders, query: string): Promise<{ id: number; title: string; state: string }[]> {
    const out = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await c.get(h, `/api/v1/workflow/items?${query}&limit=200&offset=${offset}`)).json();
      out.push(...page.items);
      if (out.length >= page.total || !page.items.length) return out;
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionTtlSeconds: 365 * 86_400 });
    seedRegistry(t.tdb);
    c = client(t);
    shenyang = await t.as({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    dalian = await t.as({ username: 'dl-police', role: 'city_supervisor', jurisdiction: '210200' });
    citizen = await t.as({ username: 'citizen-a', role: 'citizen' });
    citizen2 = await t.as({ username: 'citizen-b', role: 'citizen' });
    // More than one page of the list (200), so the export must gather every page.
    for (let i = 0; i < 203; i++) {
      const r = await c.open(citizen, 'complaint', 'complain', { providerId: 1, service: `监控安装${i}`, content: '无法录像' });
      expect(r.statusCode, r.body).toBe(201);
    }
    for (let i = 0; i < 2; i++) {
      const r = await c.open(citizen2, 'complaint', 'complain', { providerId: 2, service: `报警服务${i}`, content: '响应慢' });
      expect(r.statusCode, r.body).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('exports as CSV every item the list shows for the same filters, with bilingual headers and an attachment name', async () => {
    const res = await c.get(shenyang, '/api/v1/workflow/items/export?format=csv&machine=complaint&open=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="workflow-items-\d{8}\.csv"$/);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 4)).toEqual(['编号 / ID', '事项类型 / Type', '标题 / Title', '状态 / State']);
    const list = await listed(shenyang, 'machine=complaint&open=true');
    expect(list.length).toBeGreaterThan(200);
    expect(rows.map((r) => Number(r[0]))).toEqual(list.map((i) => i.id));
    expect(rows.map((r) => r[2])).toEqual(list.map((i) => i.title));
    expect(rows.map((r) => r[4])).toEqual(list.map((i) => i.state));
  });

  it('exports XLSX with the same rows, and a search narrows it as it narrows the list', async () => {
    const res = await c.get(shenyang, '/api/v1/workflow/items/export?format=xlsx&providerId=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="workflow-items-\d{8}\.xlsx"$/);
    const [header, ...rows] = await xlsxRows(res.rawPayload);
    expect(header[0]).toBe('编号 / ID');
    const list = await listed(shenyang, 'providerId=1');
    expect(list).toHaveLength(203);
    expect(rows.map((r) => Number(r[0]))).toEqual(list.map((i) => i.id));

    const q = encodeURIComponent(list[0].title);
    const [, ...found] = csvRows((await c.get(shenyang, `/api/v1/workflow/items/export?q=${q}`)).rawPayload);
    expect(found.map((r) => Number(r[0]))).toEqual((await listed(shenyang, `q=${q}`)).map((i) => i.id));
    const [, ...none] = csvRows((await c.get(shenyang, '/api/v1/workflow/items/export?q=zzz-nothing')).rawPayload);
    expect(none).toEqual([]);
  });

  it('gives each caller only what its list gives it: another city, a citizen its own complaints', async () => {
    for (const h of [dalian, citizen2]) {
      const [, ...rows] = csvRows((await c.get(h, '/api/v1/workflow/items/export')).rawPayload);
      const list = await listed(h, '');
      expect(list).toHaveLength(2);
      expect(rows.map((r) => Number(r[0]))).toEqual(list.map((i) => i.id));
    }
    expect((await c.get(undefined, '/api/v1/workflow/items/export')).statusCode).toBe(401);
  });
});

describe.each(testDialects)('compliance findings export on %s', (dialect) => {
  let t: TestApp;
  let province: AuthHeaders;
  let shenyang: AuthHeaders;
  let dalian: AuthHeaders;
  let hotelUser: AuthHeaders;
  let citizen: AuthHeaders;
  const id: Record<string, number> = {};
  const get = (h: AuthHeaders | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: h ? { ...h } : {} });
  /** Every finding the list shows for `query`, page after page, as `kind/id rule outcome`. */
  const listed = async (h: AuthHeaders, query: string): Promise<string[]> => {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const body = (await get(h, `/api/v1/compliance/findings?${query}&pageSize=100&page=${page}`)).json();
      out.push(...body.items.map((i: { entity: { type: string; id: number }; finding: { ruleId: string; outcome: string } }) => `${i.entity.type}/${i.entity.id} ${i.finding.ruleId} ${i.finding.outcome}`));
      if (out.length >= body.total || !body.items.length) return out;
    }
  };
  const exported = (rows: string[][]) => rows.map((r) => `${r[0]}/${r[1]} ${r[6]} ${r[8]}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const reg: RegistryContext = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
    const create = async (kind: Parameters<typeof createItem>[2], values: Record<string, unknown>) => (await createItem(reg, admin, kind, values)).id;
    await syncReferenceData(reg.repo, t.clock);
    id.hotel = await create('key-units', { name: '沈阳和平大酒店', unitType: 'hotel', divisionCode: '210102' });
    id.hotelSystem = await create('security-systems', { name: '酒店视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.hotel, retentionDays: 30 });
    id.roomCam = await create('devices', { name: '客房摄像机', systemId: id.hotelSystem, capturesVideo: true, placeKind: 'hotel_room' });
    // Enough devices that the findings fill more than one page of the list (100).
    for (let i = 0; i < 45; i++) await create('devices', { name: `走廊摄像机${i}`, systemId: id.hotelSystem, capturesVideo: true, placeKind: 'public_space' });
    id.square = await create('public-areas', { name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局' });
    id.bank = await create('key-units', { name: '中国工商银行大连中山支行', unitType: 'bank_branch', divisionCode: '210202' });
    id.bankSystem = await create('security-systems', { name: '营业厅视频监控', subsystemKind: 'video_audio_surveillance', keyUnitId: id.bank, retentionDays: 15 });
    await sweep(complianceContext(t.tdb, t.clock));
    province = await t.as({ username: 'province', role: 'province_supervisor', jurisdiction: '210000' });
    shenyang = await t.as({ username: 'shenyang', role: 'city_supervisor', jurisdiction: '210100' });
    dalian = await t.as({ username: 'dalian', role: 'city_supervisor', jurisdiction: '210200' });
    hotelUser = await t.as({ username: 'hotel', role: 'key_unit', keyUnitId: id.hotel });
    citizen = await t.as({ username: 'citizen', role: 'citizen' });
  });
  afterAll(() => t.close());

  it('exports as CSV every finding the list shows for the same filters, with bilingual headers', async () => {
    const res = await get(province, '/api/v1/compliance/findings/export?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="compliance-findings-\d{8}\.csv"$/);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 3)).toEqual(['对象类型 / Entity kind', '对象编号 / Entity ID', '对象名称 / Entity']);
    const list = await listed(province, '');
    expect(list.length).toBeGreaterThan(100);
    expect(exported(rows)).toEqual(list);
    const [, ...violations] = csvRows((await get(province, '/api/v1/compliance/findings/export?outcome=violation&article=14')).rawPayload);
    expect(exported(violations)).toEqual(await listed(province, 'outcome=violation&article=14'));
    expect(violations.map((r) => r[2])).toEqual(['客房摄像机']);
  });

  it('exports XLSX with the same rows, each caller only within its jurisdiction or its own unit', async () => {
    for (const [h, query] of [
      [shenyang, 'outcome=violation'],
      [dalian, ''],
      [hotelUser, ''],
    ] as const) {
      const res = await get(h, `/api/v1/compliance/findings/export?format=xlsx&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const [, ...rows] = await xlsxRows(res.rawPayload);
      const list = await listed(h, query);
      expect(list.length).toBeGreaterThan(0);
      expect(exported(rows)).toEqual(list);
    }
    const [, ...dl] = await xlsxRows((await get(dalian, '/api/v1/compliance/findings/export?format=xlsx')).rawPayload);
    expect(new Set(dl.map((r) => r[5]))).toEqual(new Set(['210202']));
    const own = await get(citizen, '/api/v1/compliance/findings');
    expect((await get(citizen, '/api/v1/compliance/findings/export')).statusCode).toBe(own.statusCode);
  });
});

describe.each(testDialects)('captured-information access record export on %s', (dialect) => {
  let w: World;
  let unitA: AuthHeaders;
  let unitB: AuthHeaders;
  let heping: AuthHeaders;
  let dalian: AuthHeaders;
  let oversight: AuthHeaders;
  let citizen: AuthHeaders;
  const get = (h: AuthHeaders | undefined, url: string) => w.t.app.inject({ url, headers: h ? { ...h } : {} });
  const ago = (ms: number) => new Date(w.t.clock.now().getTime() - ms).toISOString();
  /** Every entry the list shows for `query`, page after page (newest first), by id. */
  const listed = async (h: AuthHeaders, query: string): Promise<number[]> => {
    const out: number[] = [];
    for (let beforeId: number | undefined; ; ) {
      const items = (await get(h, `/api/v1/captured/events?${query}&limit=1000${beforeId ? `&beforeId=${beforeId}` : ''}`)).json().items as { id: number }[];
      out.push(...items.map((e) => e.id));
      if (items.length < 1000) return out;
      beforeId = items[items.length - 1].id;
    }
  };

  beforeAll(async () => {
    w = await createWorld(dialect);
    unitA = await w.as({ username: 'unit-a', role: 'key_unit', keyUnitId: w.unitA });
    unitB = await w.as({ username: 'unit-b', role: 'key_unit', keyUnitId: w.unitB });
    heping = await w.as({ username: 'heping-supervisor', role: 'county_supervisor', jurisdiction: '210102' });
    dalian = await w.as({ username: 'dalian-supervisor', role: 'city_supervisor', jurisdiction: '210200' });
    oversight = await w.as({ username: 'oversight', role: 'oversight' });
    citizen = await w.as({ username: 'citizen', role: 'citizen' });
    const seg = await w.upload(unitA, w.sysA, w.camA1, ago(10 * 60_000), ago(5 * 60_000));
    await w.upload(unitB, w.sysB, w.camB1, ago(10 * 60_000), ago(5 * 60_000), 2);
    // More than one page of the list (1000): the police may not erase a unit's footage (art 22), and each attempt is recorded.
    for (let i = 0; i < 1002; i++) {
      const res = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/captured/${seg.id}`, headers: { ...heping } });
      expect(res.statusCode).toBe(403);
    }
  }, 300_000);
  afterAll(() => w.t.close());

  it('exports every entry the list shows for the same filters, account and action but no content', async () => {
    const res = await get(heping, '/api/v1/captured/events/export?format=csv&outcome=refused');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="captured-access-record-\d{8}\.csv"$/);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 5)).toEqual(['编号 / ID', '时间 / Time', '账号 / Account', '角色 / Role', '操作 / Action']);
    expect(header.join()).not.toMatch(/detail|content|sha256/i);
    const list = await listed(heping, 'outcome=refused');
    expect(list.length).toBeGreaterThan(1000);
    expect(rows.map((r) => Number(r[0]))).toEqual(list);
    expect(new Set(rows.map((r) => `${r[2]} ${r[4]}`))).toEqual(new Set(['heping-supervisor erase']));
  });

  it('gives oversight the whole record, each supervisor its jurisdiction, a unit its own, as XLSX too; others are refused as the list refuses them', async () => {
    for (const h of [oversight, dalian]) {
      const res = await get(h, '/api/v1/captured/events/export?format=xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const [, ...rows] = await xlsxRows(res.rawPayload);
      expect(rows.map((r) => Number(r[0]))).toEqual(await listed(h, ''));
    }
    const [, ...dl] = await xlsxRows((await get(dalian, '/api/v1/captured/events/export?format=xlsx')).rawPayload);
    expect(dl.length).toBeGreaterThan(0);
    expect(new Set(dl.map((r) => r[9]))).toEqual(new Set(['210202']));
    for (const h of [unitA, unitB, citizen, undefined]) {
      const list = await get(h, '/api/v1/captured/events');
      const exp = await get(h, '/api/v1/captured/events/export');
      expect(exp.statusCode).toBe(list.statusCode);
      if (h && list.statusCode === 200) expect(csvRows(exp.rawPayload).slice(1).map((r) => Number(r[0]))).toEqual(await listed(h, ''));
    }
  });
});

describe.each(testDialects)('public providers and warnings export on %s', (dialect) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const MATERIALS = { item1: [{ title: '营业执照' }], item2: [{ title: '培训证书' }], item3: [{ title: '场所证明' }], item4: [{ title: '管理制度' }] };

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionTtlSeconds: 365 * 86_400 });
    seedRegistry(t.tdb);
    c = client(t);
    const shenyang = await t.as({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    const dalian = await t.as({ username: 'dl-police', role: 'city_supervisor', jurisdiction: '210200' });
    const citizen = await t.as({ username: 'citizen-a', role: 'citizen' });
    for (const [providerId, police, services] of [
      [1, shenyang, ['installation', 'design']],
      [2, dalian, ['alarm_operation']],
    ] as const) {
      const provider = await t.as({ username: `provider-${providerId}`, role: 'provider', providerId });
      const f = await c.open(provider, 'provider-filing', 'submit', { services, materials: MATERIALS });
      expect(f.statusCode, f.body).toBe(201);
      expect((await c.step(police, f.json().item.id, 'accept')).statusCode).toBe(200);
    }
    const complaint = await c.open(citizen, 'complaint', 'complain', { providerId: 1, service: '小区监控安装', content: '无法录像', contact: '13800000000' });
    // A verified complaint puts the provider on the warning list (Art 28).
    expect((await c.step(shenyang, complaint.json().item.id, 'verify', { finding: '安装的系统无法录像，查证属实' })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('exports without a login the providers the public list shows for the same filters, its fields only', async () => {
    for (const query of ['', 'service=installation', 'warned=false', `q=${encodeURIComponent('大连')}`]) {
      const res = await c.get(undefined, `/api/v1/public/providers/export?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="public-providers-\d{8}\.csv"$/);
      const [header, ...rows] = csvRows(res.rawPayload);
      expect(header).toEqual(['单位名称 / Name', '统一社会信用代码 / Unified social credit code', '服务项目 / Services', '经营地 / Place of business', '备案机关 / Filed with', '备案日期 / Filed on', '备案回执编号 / Receipt number', '列入警示名单 / On the warning list', '警示次数 / Warnings']);
      const list = (await c.get(undefined, `/api/v1/public/providers?${query}&limit=200`)).json();
      expect(rows.map((r) => [r[0], r[1], r[6], r[8]])).toEqual(list.items.map((p: { name: string; creditCode: string; receiptNumber: string; warning: { count: number } }) => [p.name, p.creditCode, p.receiptNumber, String(p.warning.count)]));
    }
    const [, ...all] = await xlsxRows((await c.get(undefined, '/api/v1/public/providers/export?format=xlsx')).rawPayload);
    expect(all.map((r) => r[0]).sort()).toEqual(['大连报警运营服务有限公司', '沈阳安防科技有限公司']);
  });

  it('exports without a login the warning list as the public list shows it', async () => {
    const res = await c.get(undefined, '/api/v1/public/warnings/export?format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const [header, ...rows] = await xlsxRows(res.rawPayload);
    expect(header[1]).toBe('服务单位 / Provider');
    const list = (await c.get(undefined, '/api/v1/public/warnings?limit=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual(list.items.map((w: { number: string; provider: { name: string }; finding: string }) => [w.number ?? '', w.provider.name, w.finding]));
    expect(res.body).not.toContain('13800000000');
    const [, ...none] = csvRows((await c.get(undefined, `/api/v1/public/warnings/export?q=${encodeURIComponent('大连')}`)).rawPayload);
    expect(none).toEqual([]);
  });
});
