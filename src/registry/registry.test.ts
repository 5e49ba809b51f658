import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/support/databases.js';
import type { Actor } from '../access/index.js';
import { fixedClock } from '../shared/clock.js';
import { AppError, type FieldIssue } from '../shared/errors.js';
import { creditCodeCheckCharacter } from '../shared/standards/gb32100.js';
import { createItem, deleteItem, getItem, listItems, RegistryRepository, stationName, countyOrganName, syncReferenceData, updateItem, type RegistryContext } from './index.js';
import { searchGrams } from './domain/search-grams.js';
import { findDivision } from '../shared/standards/gb2260.js';

const admin: Actor = { userId: 1, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const police = (role: Actor['role'], jurisdiction: string): Actor => ({ userId: 2, username: role, role, jurisdiction, organId: null, keyUnitId: null, providerId: null });

function creditCode(body17: string): string {
  return body17 + creditCodeCheckCharacter(body17);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('names generated from GB/T 2260', () => {
  it('names a station after its township and a county bureau after its county', () => {
    expect(stationName('东华门街道')).toBe('东华门派出所');
    expect(stationName('新城子镇')).toBe('新城子派出所');
    expect(stationName('青年农场')).toBe('青年农场派出所');
    expect(countyOrganName(findDivision('210102')!, findDivision('210100')!)).toBe('沈阳市公安局和平分局');
    expect(countyOrganName(findDivision('210123')!, findDivision('210100')!)).toBe('康平县公安局');
  });
  it('keeps single characters and pairs for short queries', () => {
    expect(searchGrams('沈阳银行')).toBe('沈 沈阳 阳 阳银 银 银行 行');
  });
});

describe.each(testDialects)('registry on %s', (dialect) => {
  let tdb: TestDatabase;
  let ctx: RegistryContext;
  const clock = fixedClock('2026-06-01T08:00:00.000Z');

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    ctx = { repo: RegistryRepository.of(tdb), clock };
  });
  afterAll(() => tdb.cleanup());

  it('generates the police organ hierarchy once, and again adds nothing', async () => {
    const first = await syncReferenceData(ctx.repo, clock);
    expect(first.organs).toBeGreaterThan(1400);
    const again = await syncReferenceData(ctx.repo, clock);
    expect(again).toEqual({ divisions: 0, organs: 0 });
    const heping = await listItems(ctx, admin, 'police-organs', { q: '和平分局' });
    expect(heping.items.map((i) => i.name)).toContain('沈阳市公安局和平分局');
    const station = await listItems(ctx, admin, 'police-organs', { q: '太原街派出所' });
    expect(station.items[0]).toMatchObject({ level: 'station', divisionCode: '210102', cityCode: '210100', divisionName: '和平区', cityName: '沈阳市' });
    const parent = await getItem(ctx, admin, 'police-organs', station.items[0].parentId as number);
    expect(parent.name).toBe('沈阳市公安局和平分局');
  });

  it('records a key unit with its art 10 item and city derived', async () => {
    const u = await createItem(ctx, admin, 'key-units', { name: '沈阳市第一二〇中学', unitType: 'secondary_school', divisionCode: '210102', creditCode: creditCode('12210100MB0000001') });
    expect(u).toMatchObject({ art10Item: 7, cityCode: '210100', divisionName: '和平区', cityName: '沈阳市', restricted: false, createdAt: '2026-06-01T08:00:00.000Z' });
  });

  it('names every broken rule at once and writes nothing', async () => {
    const before = (await listItems(ctx, admin, 'key-units', {})).total;
    const e = await refusal(createItem(ctx, admin, 'key-units', { name: '', unitType: 'castle', divisionCode: '110101', creditCode: '91350100M000100Y44', colour: 'red' }));
    expect(e.status).toBe(400);
    const rules = Object.fromEntries((e.errors as FieldIssue[]).map((i) => [i.field, i.rule]));
    expect(rules).toEqual({ name: 'required', unitType: 'enum', divisionCode: 'gb2260-division', creditCode: 'gb32100-check-character', colour: 'unknown-field' });
    for (const i of e.errors!) expect(i.message.zh && i.message.en).toBeTruthy();
    expect((await listItems(ctx, admin, 'key-units', {})).total).toBe(before);
    const city = await refusal(createItem(ctx, admin, 'key-units', { name: '某单位', unitType: 'hotel', divisionCode: '210100' }));
    expect(city.errors![0]).toMatchObject({ field: 'divisionCode', rule: 'gb2260-county' });
  });

  it('finds names by any substring of one, two or more characters', async () => {
    for (const [name, division] of [
      ['沈阳银行和平支行', '210102'],
      ['大连市实验学校', '210202'],
      ['鞍山钢铁集团档案馆', '210302'],
      ['Shenyang Hotel 沈阳大酒店', '210103'],
    ] as const) {
      await createItem(ctx, admin, 'key-units', { name, unitType: name.includes('银行') ? 'bank_branch' : name.includes('学校') ? 'secondary_school' : name.includes('档案') ? 'archive' : 'hotel', divisionCode: division });
    }
    const names = async (q: string) => (await listItems(ctx, admin, 'key-units', { q })).items.map((i) => i.name).sort();
    expect(await names('银')).toEqual(['沈阳银行和平支行']);
    expect(await names('学校')).toEqual(['大连市实验学校']);
    expect(await names('实验学')).toEqual(['大连市实验学校']);
    expect(await names('钢铁集团档案')).toEqual(['鞍山钢铁集团档案馆']);
    expect(await names('中学')).toEqual(['沈阳市第一二〇中学']);
    expect(await names('hotel')).toEqual(['Shenyang Hotel 沈阳大酒店']);
    expect(await names('HO')).toEqual(['Shenyang Hotel 沈阳大酒店']);
    expect(await names('沈阳')).toEqual(['Shenyang Hotel 沈阳大酒店', '沈阳市第一二〇中学', '沈阳银行和平支行']);
    expect(await names('熊猫')).toEqual([]);
    expect(await names('"')).toEqual([]);
  });

  it('finds the same rows whether it fetches matches by id or walks the list’s index', async () => {
    const walking: RegistryContext = { repo: RegistryRepository.of(tdb, { walkIndexAbove: 0 }), clock };
    const scopes = [admin, police('city_supervisor', '210100'), police('county_supervisor', '210102'), { ...admin, role: 'investigator' as const }];
    for (const q of ['银', '沈阳', '实验学', '档', 'hotel', '熊猫']) {
      for (const who of scopes) {
        const a = await listItems(ctx, who, 'key-units', { q });
        const b = await listItems(walking, who, 'key-units', { q });
        expect(b).toEqual(a);
      }
    }
  });

  it('answers any search with names that contain it, and refuses any bad input with a field issue, never an error', async () => {
    const chars = fc.constantFrom(...'沈阳银行学校大连实验中〇 "*%_\\\'()-:^ABab1\u0000\t'.split(''));
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 6 }).map((xs) => xs.join('')), async (q) => {
        const page = await listItems(ctx, admin, 'key-units', { q, pageSize: 100 });
        const needle = q.replace(/[\u0000-\u001f]/g, '').trim().toLowerCase();
        for (const i of page.items) expect(String(i.name).toLowerCase()).toContain(needle);
        expect(page.total).toBeGreaterThanOrEqual(page.items.length);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ name: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.anything()), unitType: fc.oneof(fc.constant('hotel'), fc.string(), fc.anything()), divisionCode: fc.oneof(fc.constant('210102'), fc.string(), fc.integer(), fc.anything()), creditCode: fc.oneof(fc.string(), fc.anything()), restricted: fc.anything() }, { requiredKeys: ['name', 'unitType', 'divisionCode'] }), async (input) => {
        try {
          // Input that happens to be valid is recorded; take it out again.
          const made = await createItem(ctx, admin, 'key-units', input);
          await deleteItem(ctx, admin, 'key-units', made.id);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).status).toBe(400);
          expect((e as AppError).errors!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a Shenyang supervisor to Shenyang and a county supervisor to the county', async () => {
    const sy = await listItems(ctx, police('city_supervisor', '210100'), 'key-units', {});
    expect(sy.items.every((i) => i.cityCode === '210100')).toBe(true);
    expect(sy.items.length).toBe(3);
    const hp = await listItems(ctx, police('county_supervisor', '210102'), 'key-units', {});
    expect(hp.items.map((i) => i.divisionCode)).toEqual(['210102', '210102']);
    const dalian = (await listItems(ctx, admin, 'key-units', { q: '大连' })).items[0];
    const e = await refusal(getItem(ctx, police('city_supervisor', '210100'), 'key-units', dalian.id));
    expect(e.status).toBe(403);
    const moved = await refusal(updateItem(ctx, police('city_supervisor', '210100'), 'key-units', sy.items[0].id, { divisionCode: '210202' }));
    expect(moved.status).toBe(403);
  });

  it('pages, filters and sorts', async () => {
    const p1 = await listItems(ctx, admin, 'key-units', { pageSize: 2, sort: 'name', order: 'desc' });
    const p2 = await listItems(ctx, admin, 'key-units', { pageSize: 2, page: 2, sort: 'name', order: 'desc' });
    expect(p1.total).toBe(5);
    expect(p1.items).toHaveLength(2);
    const all = (await listItems(ctx, admin, 'key-units', { sort: 'name', order: 'desc' })).items.map((i) => i.name);
    expect([...p1.items, ...p2.items].map((i) => i.name)).toEqual(all.slice(0, 4));
    expect((await listItems(ctx, admin, 'key-units', { filters: { art10Item: 8 } })).items.map((i) => i.name)).toEqual(['鞍山钢铁集团档案馆']);
    expect((await listItems(ctx, admin, 'key-units', { filters: { divisionCode: '210100' } })).total).toBe(3);
    expect((await listItems(ctx, admin, 'key-units', { filters: { cityCode: '210200' } })).total).toBe(1);
  });

  it('derives a system’s place from its owner and a device’s from its system, and follows changes', async () => {
    const unit = await createItem(ctx, admin, 'key-units', { name: '沈阳市皇姑区试卷印制厂', unitType: 'exam_paper_site', divisionCode: '210105' });
    const site = await createItem(ctx, admin, 'sites', { name: '保密印刷车间', keyUnitId: unit.id });
    expect(site).toMatchObject({ divisionCode: '210105', restricted: false });
    const sys = await createItem(ctx, admin, 'security-systems', { name: '车间视频监控', subsystemKind: 'video_audio_surveillance', siteId: site.id });
    expect(sys).toMatchObject({ keyUnitId: unit.id, divisionCode: '210105', cityCode: '210100', retentionDays: 30, restricted: false });
    const cam = await createItem(ctx, admin, 'devices', { name: '车间1号摄像机', systemId: sys.id, capturesVideo: true, placeKind: 'entrance_exit', bearing: 90, fieldOfView: 60, rangeMeters: 25 });
    expect(cam).toMatchObject({ keyUnitId: unit.id, publicAreaId: null, divisionCode: '210105', restricted: false, capturesVideo: true, capturesAudio: false });

    await updateItem(ctx, admin, 'key-units', unit.id, { restricted: true });
    expect(await getItem(ctx, admin, 'security-systems', sys.id)).toMatchObject({ restricted: true });
    expect(await getItem(ctx, admin, 'devices', cam.id)).toMatchObject({ restricted: true });
    expect(await getItem(ctx, admin, 'sites', site.id)).toMatchObject({ restricted: true });

    await updateItem(ctx, admin, 'sites', site.id, { divisionCode: '210106' });
    expect(await getItem(ctx, admin, 'devices', cam.id)).toMatchObject({ divisionCode: '210106', cityCode: '210100' });
  });

  it('hides restricted systems from station officers and investigators (art 19)', async () => {
    for (const who of [police('station_officer', '210106'), { ...admin, role: 'investigator' as const }]) {
      const systems = await listItems(ctx, who, 'security-systems', {});
      expect(systems.items.some((s) => s.restricted)).toBe(false);
      const devices = await listItems(ctx, who, 'devices', {});
      expect(devices.total).toBe(0);
    }
    const sup = await listItems(ctx, police('city_supervisor', '210100'), 'security-systems', {});
    expect(sup.items.some((s) => s.restricted)).toBe(true);
    // Counted without the restricted unit, however the search is carried out.
    const investigator = { ...admin, role: 'investigator' as const };
    const walking: RegistryContext = { repo: RegistryRepository.of(tdb, { walkIndexAbove: 0 }), clock };
    for (const c of [ctx, walking]) {
      expect((await listItems(c, investigator, 'key-units', { q: '试卷' })).total).toBe(0);
      expect((await listItems(c, investigator, 'key-units', { q: '沈阳' })).items.map((i) => i.name)).not.toContain('沈阳市皇姑区试卷印制厂');
      expect((await listItems(c, admin, 'key-units', { q: '试卷' })).total).toBe(1);
    }
  });

  it('checks the rules that tie fields together', async () => {
    const area = await createItem(ctx, admin, 'public-areas', { name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局' });
    const unit = (await listItems(ctx, admin, 'key-units', { q: '银行' })).items[0];
    const both = await refusal(createItem(ctx, admin, 'security-systems', { name: 'x', subsystemKind: 'integrated', keyUnitId: unit.id, publicAreaId: area.id }));
    expect(both.errors!.map((i) => [i.field, i.rule])).toEqual([['publicAreaId', 'owner']]);
    const none = await refusal(createItem(ctx, admin, 'security-systems', { name: 'x', subsystemKind: 'integrated', retentionDays: 0 }));
    expect(none.errors!.map((i) => [i.field, i.rule])).toEqual([
      ['retentionDays', 'minimum'],
      ['keyUnitId', 'owner'],
    ]);
    const missing = await refusal(createItem(ctx, admin, 'devices', { name: 'x', systemId: 999999, placeKind: 'toilet', bearing: 360 }));
    expect(missing.errors!.map((i) => [i.field, i.rule])).toEqual([
      ['bearing', 'maximum'],
      ['systemId', 'exists'],
    ]);
    const provider = await refusal(createItem(ctx, admin, 'providers', { name: '某技防公司', creditCode: creditCode('91210100MA0000001'), services: ['design', 'painting'] }));
    expect(provider.errors!.map((i) => [i.field, i.rule])).toEqual([
      ['services', 'enum'],
      ['divisionCode', 'required'],
    ]);
  });

  it('keeps provider credit codes unique and files outside providers with the province (art 17)', async () => {
    const code = creditCode('91210100MA0000002');
    const p = await createItem(ctx, admin, 'providers', { name: '沈阳安防工程有限公司', creditCode: code, services: 'installation;design', divisionCode: '210103' });
    expect(p).toMatchObject({ services: ['design', 'installation'], cityCode: '210100', fromOutsideLiaoning: false });
    const dup = await refusal(createItem(ctx, admin, 'providers', { name: '重名', creditCode: code, services: ['design'], divisionCode: '210103' }));
    expect(dup.errors![0]).toMatchObject({ field: 'creditCode', rule: 'unique' });
    const outside = await createItem(ctx, admin, 'providers', { name: '北京某报警运营公司', creditCode: creditCode('91110000MA0000003'), services: ['alarm_operation'], fromOutsideLiaoning: true });
    expect(outside).toMatchObject({ cityCode: '210000', divisionCode: null, cityName: '辽宁省' });
    const byCity = await listItems(ctx, police('city_supervisor', '210100'), 'providers', {});
    expect(byCity.items.map((i) => i.name)).toEqual(['沈阳安防工程有限公司']);
    const byProvince = await listItems(ctx, police('province_supervisor', '210000'), 'providers', { filters: { services: 'alarm_operation' } });
    expect(byProvince.items.map((i) => i.name)).toEqual(['北京某报警运营公司']);
  });

  it('refuses to delete what is still referred to, and deletes what is not', async () => {
    const sys = (await listItems(ctx, admin, 'security-systems', { q: '车间' })).items[0];
    const e = await refusal(deleteItem(ctx, admin, 'security-systems', sys.id));
    expect(e.code).toBe('JF_REGISTRY_IN_USE');
    expect(e.status).toBe(409);
    const cam = (await listItems(ctx, admin, 'devices', { filters: { systemId: sys.id } })).items[0];
    await deleteItem(ctx, admin, 'devices', cam.id);
    await deleteItem(ctx, admin, 'security-systems', sys.id);
    expect((await refusal(getItem(ctx, admin, 'security-systems', sys.id))).status).toBe(404);
  });
});
