import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import type { Actor } from '../../access/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';

const admin: Actor = { userId: 0, username: 'admin', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };
const MATERIALS = { item1: [{ title: '营业执照' }], item2: [{ title: '培训证书' }], item3: [{ title: '场所证明' }], item4: [{ title: '管理制度' }] };

/** The workflows over the real registry and the real ledger: no stand-ins. */
describe.each(testDialects)('workflows over the registry and the ledger on %s', (dialect) => {
  let t: TestApp;
  let ctx: RegistryContext;
  let providerId: number;
  let unitId: number;
  let areaId: number;
  let officer: AuthHeaders;
  let county: AuthHeaders;
  let provider: AuthHeaders;
  let citizen: AuthHeaders;

  const post = (headers: AuthHeaders, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { ...headers }, payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ctx = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
    await syncReferenceData(ctx.repo, t.clock);
    providerId = (await createItem(ctx, admin, 'providers', { name: '沈阳市盛京安防工程有限公司', creditCode: '91210100MA0QC0A04D', services: ['installation'], divisionCode: '210103' })).id;
    unitId = (await createItem(ctx, admin, 'key-units', { name: '沈阳市第一二〇中学', unitType: 'secondary_school', divisionCode: '210102', creditCode: '12210100MB1234567C' })).id;
    areaId = (await createItem(ctx, admin, 'public-areas', { name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局' })).id;
    await createItem(ctx, admin, 'security-systems', { name: '校园视频监控', subsystemKind: 'video_audio_surveillance', keyUnitId: unitId, providerId });
    await createItem(ctx, admin, 'products', { name: '星光摄像机', model: 'XG-900', manufacturer: '某某视觉', category: 'video_camera' });
    officer = await t.as({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    county = await t.as({ username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' });
    provider = await t.as({ username: 'sj-provider', role: 'provider', providerId });
    citizen = await t.as({ username: 'builder', role: 'citizen' });
  });
  afterAll(() => t.close());

  async function queued(): Promise<number> {
    const r = await t.tdb.db.selectFrom('ledgerQueue').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const e = await t.tdb.db.selectFrom('ledgerEntries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number((r as { n: number }).n) + Number((e as { n: number }).n);
  }

  it('files from the registry’s provider record, names the organ from the registry, and queues a leaf per act', async () => {
    const before = await queued();
    const filed = await post(provider, '/api/v1/workflow/items', { machine: 'provider-filing', transition: 'submit', input: { services: ['installation'], materials: MATERIALS } });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().item).toMatchObject({ competentOrgan: '210100', data: { provider: { name: '沈阳市盛京安防工程有限公司' }, businessDivision: '210103' } });
    const id = filed.json().item.id;
    const named = await post(officer, `/api/v1/workflow/items/${id}/transitions/return`, { version: 1, input: { reasons: ['item3'], explanation: '请改用某某视觉的设备后再备案' } });
    expect(named.statusCode).toBe(422);
    expect(named.json().code).toBe('JF_WF_ART29_FORBIDDEN');
    const ok = await post(officer, `/api/v1/workflow/items/${id}/transitions/accept`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const doc = (await t.app.inject({ url: `/api/v1/workflow/documents/${ok.json().documents[0].id}`, headers: { ...officer } })).json();
    expect(doc.organName.zh).toBe('沈阳市公安局');
    // submit, refusal, accept, receipt
    expect((await queued()) - before).toBe(4);
  });

  it('prefills an inspection from the registry’s unit, systems and the provider’s filing', async () => {
    const plan = await post(county, '/api/v1/workflow/items', { machine: 'inspection', transition: 'plan', input: { subject: { keyUnitId: unitId }, plannedDate: '2026-06-02', scope: '年度检查' } });
    expect(plan.statusCode, plan.body).toBe(201);
    const started = await post(county, `/api/v1/workflow/items/${plan.json().item.id}/transitions/start`, { version: 1 });
    const list = started.json().item.data.checklist;
    expect(list[0].prefill[0].text.zh).toContain('登记的技防系统 1 套');
    expect(list[2].prefill.map((p: { text: { zh: string } }) => p.text.zh).join()).toContain('已备案');
  });

  it('refuses a public-area project by anyone but the designated department (Art 9 ¶1)', async () => {
    const input = { scope: 'public_area', publicAreaId: areaId, project: { name: '广场改造', kind: 'rebuild' }, constructionUnit: '某开发公司', standards: ['GB 50348-2018'], scheme: '新增摄像机' };
    const res = await post(citizen, '/api/v1/workflow/items', { machine: 'design-review', transition: 'open', input });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ rule: { id: 'art9.p1.only-government-installs-in-public-areas' }, citation: { article: 9, paragraph: 1 } });
    const ok = await post(citizen, '/api/v1/workflow/items', { machine: 'design-review', transition: 'open', input: { ...input, constructionUnit: '沈阳市和平区城市管理局' } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('offers the public areas with their systems, and the providers, from the registry to those who may name them', async () => {
    const sys = (await createItem(ctx, admin, 'security-systems', { name: '中山广场视频监控', subsystemKind: 'video_audio_surveillance', publicAreaId: areaId, providerId })).id;
    const areas = await t.app.inject({ url: `/api/v1/workflow/public-areas?q=${encodeURIComponent('中山')}`, headers: { ...citizen } });
    expect(areas.statusCode, areas.body).toBe(200);
    expect(areas.json()).toEqual([{ id: areaId, name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区城市管理局', systems: [{ id: sys, name: '中山广场视频监控' }] }]);
    const providers = await t.app.inject({ url: `/api/v1/workflow/providers?q=${encodeURIComponent('盛京')}`, headers: { ...citizen } });
    expect(providers.json()).toEqual([{ id: providerId, name: '沈阳市盛京安防工程有限公司', creditCode: '91210100MA0QC0A04D' }]);
    // The registry itself stays closed to them.
    expect((await t.app.inject({ url: '/api/v1/registry/public-areas', headers: { ...citizen } })).statusCode).toBe(403);
  });
});
