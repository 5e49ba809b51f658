import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { complianceContext, sweep, type ComplianceContext } from '../../compliance/index.js';
import type { Finding, Outcome } from '../../law/index.js';
import { createItem, deleteItem, RegistryRepository, syncReferenceData, updateItem, type RegistryContext } from '../../registry/index.js';
import { creditCodeCheckCharacter } from '../../shared/standards/gb32100.js';

const cc = (body17: string) => body17 + creditCodeCheckCharacter(body17);

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const OUTCOMES: Outcome[] = ['violation', 'obligation', 'compliant', 'allowed', 'refused', 'not_applicable'];

interface Item {
  entity: { type: string; id: number; name: string; divisionCode: string | null };
  finding: Finding;
}

describe.each(testDialects)('compliance over HTTP on %s', (dialect) => {
  let t: TestApp;
  let reg: RegistryContext;
  let cx: ComplianceContext;
  let province: AuthHeaders;
  let shenyang: AuthHeaders;
  let dalian: AuthHeaders;
  let hotelUser: AuthHeaders;
  const id: Record<string, number> = {};

  const get = (h: AuthHeaders | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: h ? { ...h } : {} });
  const create = async (kind: Parameters<typeof createItem>[2], values: Record<string, unknown>) => (await createItem(reg, admin, kind, values)).id;
  /** Every stored finding a filter selects, page after page. */
  const allFindings = async (h: AuthHeaders, query: string): Promise<Item[]> => {
    const out: Item[] = [];
    for (let page = 1; ; page++) {
      const res = await get(h, `/api/v1/compliance/findings?${query}&pageSize=100&page=${page}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      out.push(...body.items);
      if (out.length >= body.total || !body.items.length) return out;
    }
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    reg = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    cx = complianceContext(t.tdb, t.clock);
    await syncReferenceData(reg.repo, t.clock);
    // Shenyang, Heping district: a hotel with a camera in a guest room, a school with no system, a square nobody covers.
    id.hotel = await create('key-units', { name: '沈阳和平大酒店', unitType: 'hotel', divisionCode: '210102' });
    id.hotelSystem = await create('security-systems', { name: '酒店视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.hotel, retentionDays: 30 });
    id.lobbyCam = await create('devices', { name: '大堂摄像机', systemId: id.hotelSystem, capturesVideo: true, placeKind: 'public_space' });
    id.roomCam = await create('devices', { name: '客房摄像机', systemId: id.hotelSystem, capturesVideo: true, capturesAudio: true, placeKind: 'hotel_room' });
    id.school = await create('key-units', { name: '沈阳市和平区第一二〇中学', unitType: 'secondary_school', divisionCode: '210102' });
    id.schoolGate = await create('sites', { name: '一二〇中学北门', keyUnitId: id.school });
    id.square = await create('public-areas', { name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局' });
    id.provider = await create('providers', { name: '沈阳和平安防工程有限公司', creditCode: cc('91210102MA0000001'), services: ['installation', 'design'], divisionCode: '210102' });
    // Dalian, Zhongshan district: a bank keeping footage for 15 days.
    id.bank = await create('key-units', { name: '中国工商银行大连中山支行', unitType: 'bank_branch', divisionCode: '210202' });
    id.bankSystem = await create('security-systems', { name: '营业厅视频监控', subsystemKind: 'video_audio_surveillance', keyUnitId: id.bank, retentionDays: 15 });
    id.bankCam = await create('devices', { name: '柜台摄像机', systemId: id.bankSystem, capturesVideo: true, placeKind: 'business_counter' });
    id.product = await create('products', { name: '网络摄像机', model: 'JF-1', manufacturer: '某安防科技股份有限公司', category: 'video_camera', catalogueListed: true });

    province = await t.as({ username: 'province', role: 'province_supervisor', jurisdiction: '210000' });
    shenyang = await t.as({ username: 'shenyang', role: 'city_supervisor', jurisdiction: '210100' });
    dalian = await t.as({ username: 'dalian', role: 'city_supervisor', jurisdiction: '210200' });
    hotelUser = await t.as({ username: 'hotel', role: 'key_unit', keyUnitId: id.hotel });
  });
  afterAll(() => t.close());

  describe('one entity', () => {
    it('finds the camera in a hotel guest room a violation of art 14, with the removal order of art 33, each linked to its article', async () => {
      const res = await get(shenyang, `/api/v1/assessments/devices/${id.roomCam}`);
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json();
      expect(a.entity).toMatchObject({ type: 'devices', id: id.roomCam, name: '客房摄像机', divisionCode: '210102', divisionName: '和平区', cityName: '沈阳市' });
      expect(a.at).toBe('2026-06-01');
      const art14 = a.findings.find((f: Finding) => f.ruleId === 'art14.no-capture-in-private-places');
      expect(art14).toMatchObject({ outcome: 'violation', href: '/law/14', citationLabel: { zh: '第十四条', en: 'Art 14' }, subject: `devices/${id.roomCam}` });
      expect(art14.message.zh).toContain('宾馆客房');
      expect(art14.message.en).toContain('hotel guest room');
      const art33 = a.findings.find((f: Finding) => f.ruleId === 'art33.removal-order');
      expect(art33).toMatchObject({ outcome: 'violation', href: '/law/33' });
      expect(art33.penalty.orders.map((o: { kind: string }) => o.kind)).toContain('removal');
      // Signage is not in the registry: the art 15 duty is still to be shown met.
      expect(a.findings.find((f: Finding) => f.ruleId === 'art15.signage-where-video-captured')).toMatchObject({ outcome: 'obligation', href: '/law/15' });
      expect(a.unknownFacts.map((u: { fact: string }) => u.fact)).toEqual(['devices[0].signagePresent']);
      expect(a.counts).toMatchObject({ violation: 2, obligation: 1 });
      expect(a.situation.devices[0]).toEqual({ id: 'device', captures: ['video', 'audio'], placeKind: 'hotel_room', operatedBy: 'unit' });
    });

    it('finds the lobby camera compliant with art 14', async () => {
      const a = (await get(shenyang, `/api/v1/assessments/devices/${id.lobbyCam}`)).json();
      expect(a.findings.find((f: Finding) => f.ruleId === 'art14.no-capture-in-private-places').outcome).toBe('compliant');
      expect(a.counts.violation).toBe(0);
    });

    it('finds a school without a system in breach of art 10 ¶1 (7), and its art 11 duties still to be shown met', async () => {
      const a = (await get(shenyang, `/api/v1/assessments/key-units/${id.school}`)).json();
      const byRule = new Map(a.findings.map((f: Finding) => [f.ruleId, f]));
      expect(byRule.get('art10.p1.key-unit-must-install')).toMatchObject({ outcome: 'violation', href: '/law/10#p1-i7', citationLabel: { zh: '第十条第一款第（七）项', en: 'Art 10 ¶1 (7)' } });
      expect(byRule.get('art10.p2.key-unit-status')).toMatchObject({ outcome: 'compliant' });
      for (const [i, rule] of ['art11.i1.maintenance-rules', 'art11.i2.designated-trained-operator', 'art11.i3.captured-information-rules', 'art11.i4.duty-roster-and-emergency-plan'].entries()) {
        expect(byRule.get(rule), rule).toMatchObject({ outcome: 'obligation', href: `/law/11#p1-i${i + 1}` });
      }
      expect(byRule.get('art31.rectify-then-fine')).toMatchObject({ outcome: 'violation', href: '/law/31#p1-i1' });
      expect(a.unknownFacts.map((u: { fact: string; href: string }) => u.href)).toEqual(['/law/11#p1-i1', '/law/11#p1-i2', '/law/11#p1-i3', '/law/11#p1-i4', '/law/31']);
    });

    it('finds the site of that school uncovered too, and only its own rule', async () => {
      const a = (await get(shenyang, `/api/v1/assessments/sites/${id.schoolGate}`)).json();
      expect(a.findings.map((f: Finding) => `${f.ruleId}:${f.outcome}`)).toEqual(['art10.p1.key-unit-must-install:violation', 'art31.rectify-then-fine:violation']);
    });

    it('finds a bank keeping footage for 15 days short of the 30 days of art 23 ¶2', async () => {
      const a = (await get(dalian, `/api/v1/assessments/security-systems/${id.bankSystem}`)).json();
      const f = a.findings.find((x: Finding) => x.ruleId === 'art23.p2.minimum-retention');
      expect(f).toMatchObject({ outcome: 'violation', href: '/law/23#p2' });
      expect(f.message.en).toContain('15 days');
      expect(a.findings.find((x: Finding) => x.ruleId === 'art3.p3.system-definition').outcome).toBe('compliant');
    });

    it('finds a square without a system in breach of art 8 ¶2, and a provider with its filing still to do', async () => {
      const area = (await get(shenyang, `/api/v1/assessments/public-areas/${id.square}`)).json();
      expect(area.findings).toMatchObject([{ ruleId: 'art8.p2.required-public-area-coverage', outcome: 'violation', href: '/law/8#p2' }]);
      const p = (await get(shenyang, `/api/v1/assessments/providers/${id.provider}`)).json();
      expect(p.findings.find((f: Finding) => f.ruleId === 'art16.p1.file-with-city-police')).toMatchObject({ outcome: 'obligation', href: '/law/16#p1' });
      const product = (await get(shenyang, `/api/v1/assessments/products/${id.product}`)).json();
      expect(product.findings).toMatchObject([{ ruleId: 'art3.p2.product-definition', outcome: 'compliant', href: '/law/3#p2' }]);
    });

    it('refuses an entity the caller may not read, and answers 404 for one that does not exist', async () => {
      expect((await get(shenyang, `/api/v1/assessments/devices/${id.bankCam}`)).statusCode).toBe(403);
      expect((await get(shenyang, `/api/v1/assessments/key-units/${id.bank}`)).json().code).toBe('JF_FORBIDDEN');
      expect((await get(dalian, `/api/v1/assessments/key-units/${id.hotel}`)).statusCode).toBe(403);
      expect((await get(shenyang, '/api/v1/assessments/devices/999999')).statusCode).toBe(404);
      expect((await get(undefined, `/api/v1/assessments/devices/${id.roomCam}`)).statusCode).toBe(401);
      expect((await get(shenyang, '/api/v1/assessments/police-organs/1')).statusCode).toBe(400);
      // A key unit reads its own devices, and no one else's.
      expect((await get(hotelUser, `/api/v1/assessments/devices/${id.roomCam}`)).statusCode).toBe(200);
      expect((await get(hotelUser, `/api/v1/assessments/key-units/${id.school}`)).statusCode).toBe(403);
    });
  });

  describe('the sweep', () => {
    it('stores the findings of every entity, and answers for them within each jurisdiction', async () => {
      const s = await sweep(cx);
      expect(s.mode).toBe('full');
      expect(s.byKind.devices).toMatchObject({ examined: 3, reevaluated: 3, removed: 0 });
      expect(s.byKind['key-units'].examined).toBe(3);
      expect(s.examined).toBe(3 + 1 + 1 + 2 + 3 + 1 + 1);

      const art14 = await allFindings(province, 'rule=art14.no-capture-in-private-places&outcome=violation');
      expect(art14.map((i) => [i.entity.type, i.entity.id, i.entity.name, i.finding.href])).toEqual([['devices', id.roomCam, '客房摄像机', '/law/14']]);
      expect(await allFindings(dalian, 'rule=art14.no-capture-in-private-places&outcome=violation')).toEqual([]);
      // Shenyang's supervisor sees Shenyang's findings only.
      const sy = await allFindings(shenyang, 'outcome=violation');
      expect(new Set(sy.map((i) => i.entity.divisionCode))).toEqual(new Set(['210102']));
      expect(sy.map((i) => i.finding.ruleId)).toContain('art8.p2.required-public-area-coverage');
      // The hotel's account sees its own unit, system and devices.
      const own = await allFindings(hotelUser, 'outcome=violation');
      expect(new Set(own.map((i) => `${i.entity.type}/${i.entity.id}`))).toEqual(new Set([`devices/${id.roomCam}`]));
      // Filters by article and by unit.
      expect((await allFindings(province, 'article=23&outcome=violation')).map((i) => i.entity.id)).toEqual([id.bankSystem]);
      const hotel = await allFindings(province, `keyUnitId=${id.hotel}`);
      expect(new Set(hotel.map((i) => i.entity.type))).toEqual(new Set(['key-units', 'security-systems', 'devices']));
      // Sorted by place, then kind and id; `order=desc` turns the whole list around, Dalian before Shenyang.
      const key = (i: Item) => `${i.entity.divisionCode}/${i.entity.type}/${i.entity.id}/${i.finding.ruleId}`;
      const ascending = await allFindings(province, 'outcome=violation');
      expect(ascending[0].entity.divisionCode).toBe('210102');
      const descending = await allFindings(province, 'outcome=violation&order=desc');
      expect(descending[0].entity.divisionCode).toBe('210202');
      expect(descending.map((i) => i.entity.divisionCode)).toEqual(ascending.map((i) => i.entity.divisionCode).reverse());
      expect(new Set(descending.map(key))).toEqual(new Set(ascending.map(key)));
      expect((await get(province, '/api/v1/compliance/findings?order=sideways')).statusCode).toBe(400);
      // The entity's page says when the sweep stored its findings.
      expect((await get(shenyang, `/api/v1/assessments/devices/${id.roomCam}`)).json().sweep).toMatchObject({ runId: s.runId, current: true });
    });

    it('assesses again only the entity whose facts changed', async () => {
      t.clock.advance(60_000);
      await updateItem(reg, admin, 'devices', id.lobbyCam, { placeKind: 'toilet' });
      const s = await sweep(cx);
      expect(s.mode).toBe('incremental');
      expect(s.reevaluated).toBe(1);
      expect(s.byKind.devices.reevaluated).toBe(1);
      expect(s.removed).toBe(0);
      const art14 = await allFindings(province, 'rule=art14.no-capture-in-private-places&outcome=violation');
      expect(art14.map((i) => i.entity.id).sort((a, b) => a - b)).toEqual([id.lobbyCam, id.roomCam].sort((a, b) => a - b));

      // Nothing changed: nothing is assessed again.
      t.clock.advance(60_000);
      expect((await sweep(cx)).reevaluated).toBe(0);
    });

    it('follows a change to the rows whose facts depend on it: a new system covers the school, a deleted device leaves its system', async () => {
      t.clock.advance(60_000);
      const sys = await create('security-systems', { name: '校园视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: id.school, retentionDays: 30 });
      const s = await sweep(cx);
      // The system itself, the school (it has a system now) and its gate (a unit-wide system serves it).
      expect(s.reevaluated).toBe(3);
      expect(s.byKind['key-units'].reevaluated).toBe(1);
      expect(s.byKind.sites.reevaluated).toBe(1);
      const art10 = await allFindings(province, `rule=art10.p1.key-unit-must-install&keyUnitId=${id.school}`);
      expect(art10.map((i) => `${i.entity.type}:${i.finding.outcome}`).sort()).toEqual(['key-units:compliant', 'sites:compliant']);

      t.clock.advance(60_000);
      await deleteItem(reg, admin, 'devices', id.bankCam);
      const d = await sweep(cx);
      expect(d.byKind.devices.removed).toBe(1);
      // With no device left, the system is taken at its kind's word; same facts as before, so nothing else moves.
      expect((await allFindings(province, `kind=devices&keyUnitId=${id.bank}`)).length).toBe(0);
      await deleteItem(reg, admin, 'security-systems', sys);
      const back = await sweep(cx);
      expect(back.byKind['key-units'].reevaluated).toBe(1);
    });

    it('sums up per city and per county exactly what the findings list holds', async () => {
      const res = await get(province, '/api/v1/compliance/summary?by=city');
      expect(res.statusCode, res.body).toBe(200);
      const sum = res.json();
      expect(sum.rows.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([
        ['210100', '沈阳市'],
        ['210200', '大连市'],
      ]);
      for (const row of sum.rows) {
        const items = await allFindings(province, `division=${row.code}`);
        const placed = items.filter((i) => i.entity.type !== 'products');
        for (const o of OUTCOMES) expect(row.counts[o], `${row.code} ${o}`).toBe(placed.filter((i) => i.finding.outcome === o).length);
        expect(row.entities).toBe(new Set(placed.map((i) => `${i.entity.type}/${i.entity.id}`)).size);
        const withViolation = new Set(placed.filter((i) => i.finding.outcome === 'violation').map((i) => `${i.entity.type}/${i.entity.id}`));
        expect(row.entitiesWithViolations).toBe(withViolation.size);
      }
      expect(sum.total.counts.violation).toBe(sum.rows.reduce((n: number, r: { counts: { violation: number } }) => n + r.counts.violation, 0));
      const art14 = sum.rules.find((r: { ruleId: string }) => r.ruleId === 'art14.no-capture-in-private-places');
      expect(art14).toMatchObject({ href: '/law/14', citationLabel: { zh: '第十四条' }, counts: { violation: 2, compliant: 0 } });

      const counties = (await get(province, '/api/v1/compliance/summary?by=county&division=210100')).json();
      expect(counties.division).toEqual({ code: '210100', name: '沈阳市' });
      expect(counties.rows.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([['210102', '和平区']]);
      expect(counties.rows[0].counts).toEqual(sum.rows[0].counts);
    });

    it('keeps each summary within the caller’s jurisdiction', async () => {
      const sy = (await get(shenyang, '/api/v1/compliance/summary?by=city')).json();
      expect(sy.rows.map((r: { code: string }) => r.code)).toEqual(['210100']);
      expect((await get(shenyang, '/api/v1/compliance/summary?by=county&division=210200')).json().rows).toEqual([]);
      const own = (await get(hotelUser, '/api/v1/compliance/summary')).json();
      expect(own.total.entities).toBe(4);
      expect((await get(undefined, '/api/v1/compliance/summary')).statusCode).toBe(401);
      expect((await get(province, '/api/v1/compliance/summary?division=999999')).statusCode).toBe(400);
    });
  });
});
