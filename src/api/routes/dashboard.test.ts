import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { complianceContext, sweep } from '../../compliance/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

interface Figure {
  key: string;
  value: number;
  href: string;
  article: { href: string; label: { zh: string; en: string } } | null;
  byPlace: Record<string, number>;
}

describe.each(testDialects)('the supervision dashboard over HTTP on %s', (dialect) => {
  let t: TestApp;
  let reg: RegistryContext;
  let province: AuthHeaders;
  let shenyang: AuthHeaders;
  let heping: AuthHeaders;
  let shenhe: AuthHeaders;
  let oversight: AuthHeaders;
  let schoolUser: AuthHeaders;
  let citizen: AuthHeaders;
  const id: Record<string, number> = {};

  const get = (h: AuthHeaders, url: string) => t.app.inject({ method: 'GET', url, headers: { ...h } });
  const board = async (h: AuthHeaders, query = '') => {
    const res = await get(h, `/api/v1/dashboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const fig = (b: { figures: Figure[] }, key: string) => b.figures.find((f) => f.key === key)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    reg = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    await syncReferenceData(reg.repo, t.clock);
    const create = async (kind: Parameters<typeof createItem>[2], values: Record<string, unknown>) => (await createItem(reg, admin, kind, values)).id;
    // Heping (Shenyang): a school without any system (art 10 ¶1 (7), art 31 (1)), a hotel with one.
    id.school = await create('key-units', { name: '沈阳市和平区第一二〇中学', unitType: 'secondary_school', divisionCode: '210102' });
    id.hotel = await create('key-units', { name: '沈阳和平大酒店', unitType: 'hotel', divisionCode: '210102' });
    id.hotelSystem = await create('security-systems', { name: '酒店视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.hotel, retentionDays: 30 });
    // Shenhe (Shenyang): a bank branch without a system; Zhongshan (Dalian): another.
    id.bank = await create('key-units', { name: '沈河支行', unitType: 'bank_branch', divisionCode: '210103' });
    id.dalianBank = await create('key-units', { name: '大连中山支行', unitType: 'bank_branch', divisionCode: '210202' });
    // Dalian: a research site involving state secrets (art 19), which oversight does not see.
    id.secret = await create('key-units', { name: '某研究所试验场所', unitType: 'research_site', divisionCode: '210202', restricted: true });
    t.clock.advance(3_600_000);
    await sweep(complianceContext(t.tdb, t.clock));

    // Workflow items and access events, as the workflows and the vault store them.
    const now = t.clock.now().toISOString();
    const item = (machine: string, state: string, divisionCode: string, title: string, dueAt: string | null) =>
      sql`insert into workflow_items (machine, state, version, awaiting, division_code, title, data, due_at, due_party, restricted, created_at, updated_at)
          values (${machine}, ${state}, 1, 'subject', ${divisionCode}, ${title}, '{}', ${dueAt}, ${dueAt ? 'subject' : null}, 0, ${now}, ${now})`.execute(t.tdb.db);
    await item('case', 'rectification_ordered', '210102', '一二〇中学未安装技防系统', '2026-06-20T15:59:59.999Z');
    await item('case', 'open', '210102', '酒店隐患', null);
    await item('case', 'overdue', '210103', '沈河支行逾期', '2026-05-20T15:59:59.999Z');
    await item('case', 'rectification_ordered', '210202', '大连支行未安装技防系统', '2026-06-10T15:59:59.999Z');
    await item('provider-filing', 'submitted', '210102', '备案', null);
    await item('complaint', 'received', '210103', '投诉', null);
    const event = (outcome: string, divisionCode: string, at: string, action = 'view') =>
      sql`insert into captured_events (at, action, outcome, division_code) values (${at}, ${action}, ${outcome}, ${divisionCode})`.execute(t.tdb.db);
    await event('allowed', '210102', '2026-05-03T02:00:00.000Z');
    // Filing, confirming and registering a request are acts on the record, not accesses (Art 24 ¶1: 查看、复制、使用).
    for (const action of ['request', 'confirm', 'register', 'ingest']) await event('allowed', '210102', '2026-05-04T02:00:00.000Z', action);
    await event('allowed', '210102', '2026-05-05T02:00:00.000Z', 'copy');
    await event('allowed', '210102', '2026-06-01T02:00:00.000Z');
    await event('refused', '210103', '2026-04-10T02:00:00.000Z');
    await event('allowed', '210202', '2026-05-03T02:00:00.000Z');
    // Operating status, as device operations store it: the hotel's system offline, one in Dalian interrupted, one online.
    const status = (systemId: number, divisionCode: string, state: string, restricted = 0) =>
      sql`insert into operation_status (system_id, key_unit_id, division_code, city_code, restricted, status, since, last_report_at, last_kind, keepalive, updated_at)
          values (${systemId}, null, ${divisionCode}, ${`${divisionCode.slice(0, 4)}00`}, ${restricted}, ${state}, ${now}, ${now}, 'keepalive', 1, ${now})`.execute(t.tdb.db);
    await status(id.hotelSystem, '210102', 'offline');
    await status(900_001, '210202', 'interrupted');
    await status(900_002, '210103', 'online');
    await status(900_003, '210202', 'offline', 1);

    province = await t.as({ username: 'province', role: 'province_supervisor', jurisdiction: '210000' });
    shenyang = await t.as({ username: 'shenyang', role: 'city_supervisor', jurisdiction: '210100' });
    heping = await t.as({ username: 'heping', role: 'county_supervisor', jurisdiction: '210102' });
    shenhe = await t.as({ username: 'shenhe', role: 'county_supervisor', jurisdiction: '210103' });
    oversight = await t.as({ username: 'oversight', role: 'oversight' });
    schoolUser = await t.as({ username: 'school', role: 'key_unit', keyUnitId: id.school });
    citizen = await t.as({ username: 'citizen', role: 'citizen' });
  });
  afterAll(() => t.close());

  it('shows the province all fourteen cities side by side, each figure per city and linked to its list and article', async () => {
    const b = await board(province);
    expect(b.division).toMatchObject({ code: '210000', level: 'province' });
    expect(b.by).toBe('city');
    expect(b.places).toHaveLength(14);
    expect(b.places.map((p: { code: string }) => p.code)).toContain('210200');
    const units = fig(b, 'keyUnits');
    expect(units).toMatchObject({ value: 5, href: '/registry/key-units', article: { href: '/law/10#p1' } });
    expect(units.byPlace).toMatchObject({ '210100': 3, '210200': 2 });
    const orders = fig(b, 'rectificationOrders');
    expect(orders).toMatchObject({ value: 2, href: '/work/items?machine=case&state=rectification_ordered,removal_ordered', article: { href: '/law/31' } });
    expect(orders.byPlace).toMatchObject({ '210100': 1, '210200': 1 });
    expect(fig(b, 'accesses').value).toBe(4);
    expect(fig(b, 'refusals').article?.href).toBe('/law/22');
  });

  it('counts key units by the item of art 10 ¶1 and by what the sweep found: a school and two banks with no system are in violation of art 31 (1), the hotel with one is not', async () => {
    const b = await board(province);
    const cat = (item: number) => b.categories.find((c: { item: number }) => c.item === item);
    // Schools and hotels both fall under item (7), crowded places.
    expect(cat(7)).toMatchObject({ total: 2, violation: 1, href: '/registry/key-units?art10Item=7', article: { href: '/law/10#p1-i7' } });
    expect(cat(3)).toMatchObject({ total: 2, violation: 2 });
    expect(fig(b, 'keyUnitsInViolation').value).toBe(3);
    expect(b.sweep?.asOf).toBe('2026-06-01');
  });

  it('shows a city by county and over the last twelve months, with the next deadlines of orders linked to each case', async () => {
    const b = await board(shenyang);
    expect(b.division).toMatchObject({ code: '210100', level: 'city' });
    expect(b.by).toBe('county');
    expect(b.parent).toBeNull();
    expect(fig(b, 'keyUnits').byPlace).toMatchObject({ '210102': 2, '210103': 1 });
    expect(fig(b, 'keyUnits').byPlace['210202']).toBeUndefined();
    expect(fig(b, 'keyUnits').href).toBe('/registry/key-units?divisionCode=210100');
    expect(fig(b, 'overdue')).toMatchObject({ value: 1, article: { href: '/law/32' } });
    expect(fig(b, 'filingsWaiting')).toMatchObject({ value: 1, article: { href: '/law/18' } });
    expect(fig(b, 'complaints')).toMatchObject({ value: 1, article: { href: '/law/28' } });
    expect(b.months).toHaveLength(12);
    expect(b.months.at(-1)).toBe('2026-06');
    const accesses = b.series.find((s: { key: string }) => s.key === 'accesses');
    expect(accesses.values.at(-1)).toBe(1);
    // May: a view and a copy; the request, confirmation, registration and intake that month are no access.
    expect(accesses.values.at(-2)).toBe(2);
    // Each figure leads to the access record filtered exactly as it counts: the place, the twelve months, the acts.
    for (const key of ['accesses', 'refusals']) {
      const f = fig(b, key);
      expect(f.href).toMatch(/^\/captured\/events\?outcome=(allowed|refused).*&division=210100&from=/);
      const listed = await get(shenyang, `/api/v1/captured/events${f.href.slice('/captured/events'.length)}&limit=1000`);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().items, key).toHaveLength(f.value as number);
    }
    const unknown = await get(shenyang, '/api/v1/captured/events?action=view,fly');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toContain('action');
    expect((await get(shenyang, '/api/v1/captured/events?division=110000')).statusCode).toBe(400);
    expect(b.deadlines).toHaveLength(1);
    expect(b.deadlines[0]).toMatchObject({ title: '一二〇中学未安装技防系统', divisionName: '和平区', overdue: false, stateLabel: { zh: '已责令限期改正' } });
    expect(b.deadlines[0].href).toMatch(/^\/work\/items\/\d+$/);
  });

  it('drills down from the province to a city and to a county', async () => {
    const city = await board(province, '?division=210100');
    expect(city.parent).toMatchObject({ code: '210000' });
    expect(fig(city, 'keyUnits').value).toBe(3);
    // Each figure of procedures leads to the list of exactly the items it counts, in the same place.
    for (const key of ['openHazards', 'rectificationOrders', 'overdue', 'complaints', 'filingsWaiting']) {
      const f = fig(city, key);
      expect(f.href).toContain('division=210100');
      const listed = await get(province, `/api/v1/workflow/items?${f.href.split('?')[1]}`);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().total, key).toBe(f.value);
    }
    expect(fig(city, 'rectificationOrders').value).toBe(1);
    const county = await board(province, '?division=210103');
    expect(county.places).toEqual([{ code: '210103', name: '沈河区', drill: null }]);
    expect(fig(county, 'keyUnits').value).toBe(1);
    expect(fig(county, 'refusals').value).toBe(1);
  });

  it("never shows a county supervisor another county's figures", async () => {
    const b = await board(heping);
    expect(b.division.code).toBe('210102');
    expect(fig(b, 'keyUnits').value).toBe(2);
    expect(fig(b, 'overdue').value).toBe(0);
    expect(fig(b, 'complaints').value).toBe(0);
    expect(fig(b, 'refusals').value).toBe(0);
    expect(Object.keys(fig(b, 'keyUnits').byPlace)).toEqual(['210102']);
    for (const other of ['210103', '210100', '210000', '210202']) {
      expect((await get(heping, `/api/v1/dashboard?division=${other}`)).statusCode).toBe(403);
    }
    const s = await board(shenhe);
    expect(fig(s, 'keyUnits').value).toBe(1);
    expect(fig(s, 'rectificationOrders').value).toBe(0);
  });

  it('refuses a key unit and a citizen (403): their workspaces read their own records', async () => {
    for (const h of [schoolUser, citizen]) {
      const res = await get(h, '/api/v1/dashboard');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('JF_FORBIDDEN');
    }
  });

  it('gives oversight the province, with the emergency uses awaiting review (art 24 ¶2), and no unit that involves state secrets (art 19)', async () => {
    const b = await board(oversight);
    expect(b.division.code).toBe('210000');
    expect(fig(b, 'keyUnits').byPlace).toMatchObject({ '210100': 3, '210200': 1 });
    expect(fig(b, 'emergencyAwaitingReview')).toMatchObject({ value: 0, article: { href: '/law/24#p2' } });
  });

  it('counts the systems offline or interrupted (art 21 ¶1 (2): 中断技防系统的正常使用) per place, linked to the status list filtered', async () => {
    const b = await board(province);
    const down = fig(b, 'systemsOffline');
    // The restricted system in Dalian counts for the police, who may see it (art 19).
    expect(down).toMatchObject({ value: 3, article: { href: '/law/21#p1-i2' }, href: '/operations?status=offline&status=interrupted' });
    expect(down.byPlace).toMatchObject({ '210100': 1, '210200': 2 });
    expect(b.gaps).toEqual([]);
    const city = await board(shenyang);
    expect(fig(city, 'systemsOffline')).toMatchObject({ value: 1, href: '/operations?status=offline&status=interrupted&divisionCode=210100' });
    expect(fig(await board(shenhe), 'systemsOffline').value).toBe(0);
    expect(fig(await board(oversight), 'systemsOffline').value).toBe(2);
  });

  it('refuses a code that is no division of Liaoning, naming it', async () => {
    const res = await get(province, '/api/v1/dashboard?division=219999');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('JF_DASHBOARD_NO_DIVISION');
    expect(res.json().messages.en).toContain('219999');
  });
});
