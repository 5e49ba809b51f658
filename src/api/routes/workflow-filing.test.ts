import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { tick } from '../../workflow/index.js';
import { creditCodeCheckCharacter } from '../../shared/standards/gb32100.js';
import { CREDIT_CODES, seedRegistry, type FakeRegistry, type RecordingLedger } from '../../workflow/test-support.js';
import { refusalCoverage, transitionCoverage } from './workflow-test-helpers.js';

const MATERIALS = {
  item1: [{ title: '营业执照副本' }],
  item2: [{ title: '技术人员培训证书（5人）' }],
  item3: [{ title: '办公及设备场所租赁合同、设备清单' }],
  item4: [{ title: '安全管理制度、岗位责任制度' }],
};

describe.each(testDialects)('provider filing (Art 16-18) on %s', (dialect) => {
  let t: TestApp;
  let ledger: RecordingLedger;
  let registry: FakeRegistry;
  let shenyang: AuthHeaders;
  let dalian: AuthHeaders;
  let province: AuthHeaders;
  let heping: AuthHeaders;
  let provider: AuthHeaders;
  let dalianProvider: AuthHeaders;
  let beijingProvider: AuthHeaders;
  let badProvider: AuthHeaders;
  let oversight: AuthHeaders;
  let citizen: AuthHeaders;

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionTtlSeconds: 365 * 86_400 });
    ({ ledger, registry } = seedRegistry(t.tdb));
    shenyang = await t.as({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    dalian = await t.as({ username: 'dl-police', role: 'city_supervisor', jurisdiction: '210200' });
    province = await t.as({ username: 'ln-police', role: 'province_supervisor', jurisdiction: '210000' });
    heping = await t.as({ username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' });
    provider = await t.as({ username: 'sy-provider', role: 'provider', providerId: 1 });
    dalianProvider = await t.as({ username: 'dl-provider', role: 'provider', providerId: 2 });
    beijingProvider = await t.as({ username: 'bj-provider', role: 'provider', providerId: 3 });
    badProvider = await t.as({ username: 'bad-provider', role: 'provider', providerId: 4 });
    oversight = await t.as({ username: 'watcher', role: 'oversight' });
    citizen = await t.as({ username: 'someone', role: 'citizen' });
  });
  afterAll(() => t.close());

  const submit = (headers: AuthHeaders, input: Record<string, unknown> = { services: ['design', 'installation'], materials: MATERIALS }) =>
    t.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers: { ...headers }, payload: { machine: 'provider-filing', transition: 'submit', input } });
  const act = (headers: AuthHeaders, id: number, name: string, version: number, input?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/workflow/items/${id}/transitions/${name}`, headers: { ...headers }, payload: { version, ...(input ? { input } : {}) } });
  const get = (headers: AuthHeaders | undefined, url: string) => t.app.inject({ url, ...(headers ? { headers: { ...headers } } : {}) });

  let filingId: number;

  it('refuses a filing without the proof of each condition of Art 16 ¶1, naming the condition', async () => {
    const res = await submit(provider, { services: ['design'], materials: { ...MATERIALS, item3: [] } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', citation: { article: 16 }, errors: [{ field: 'materials.item3' }] });
    expect(res.json().messages.zh).toContain('技术设备和场所');
  });

  it('refuses a filing whose business licence has no valid credit code (GB 32100)', async () => {
    const res = await submit(badProvider);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', rule: { id: 'art16.i1.business-licence' }, citation: { article: 16, paragraph: 1, item: 1 } });
  });

  it('routes a Shenyang provider to the Shenyang city police (Art 16) and sets the check deadline', async () => {
    const res = await submit(provider);
    expect(res.statusCode).toBe(201);
    const item = res.json().item;
    expect(item).toMatchObject({ machine: 'provider-filing', state: 'submitted', version: 1, competentOrgan: '210100', divisionCode: '210100', awaiting: 'official', dueParty: 'official' });
    expect(item.dueAt).toBe('2026-06-11T16:00:00.000Z');
    expect(item.data.provider).toEqual({ id: 1, name: '沈阳安防科技有限公司', creditCode: CREDIT_CODES.shenyangSecurity });
    expect(item.actions.map((a: { name: string }) => a.name)).toEqual(['withdraw']);
    filingId = item.id;
  });

  it('refuses a second filing while one is in progress', async () => {
    const res = await submit(provider);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', openItemId: filingId });
  });

  it('shows the filing in the Shenyang officer’s inbox, and not in Dalian’s', async () => {
    const sy = (await get(shenyang, '/api/v1/workflow/inbox')).json();
    expect(sy.items.map((i: { id: number }) => i.id)).toContain(filingId);
    expect(sy.items.find((i: { id: number }) => i.id === filingId).actions.map((a: { name: string }) => a.name)).toEqual(['accept', 'return']);
    const dl = (await get(dalian, '/api/v1/workflow/inbox')).json();
    expect(dl.items.map((i: { id: number }) => i.id)).not.toContain(filingId);
  });

  it('refuses the decision to an officer outside the jurisdiction, with the reason', async () => {
    const res = await act(dalian, filingId, 'accept', 1);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'JF_WF_OUTSIDE_JURISDICTION', citation: { article: 6 } });
    const county = await act(heping, filingId, 'accept', 1);
    expect(county.statusCode).toBe(403);
  });

  it('refuses the decision to the provincial police for a Liaoning provider: the city police receive it (Art 16)', async () => {
    const res = await act(province, filingId, 'accept', 1);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', rule: { id: 'art16.p1.file-with-city-police' }, citation: { article: 16, paragraph: 1 } });
  });

  it('refuses the provider taking the police’s decision', async () => {
    const res = await act(provider, filingId, 'accept', 1);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('JF_WF_NOT_YOUR_TRANSITION');
  });

  it('offers only the conditions of Art 16 as reasons to return a filing', async () => {
    const bad = await act(shenyang, filingId, 'return', 1, { reasons: ['no-local-office'], explanation: '请补充' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('input.reasons.0');
    const none = await act(shenyang, filingId, 'return', 1, { reasons: [], explanation: '请补充' });
    expect(none.statusCode).toBe(400);
  });

  it('refuses and records a fee or a named product in an official act (Art 29)', async () => {
    const fee = await act(shenyang, filingId, 'accept', 1, { fee: 200 });
    expect(fee.statusCode).toBe(422);
    expect(fee.json()).toMatchObject({ code: 'JF_WF_ART29_FORBIDDEN', citation: { article: 29 }, rule: { id: 'art29.no-fees-or-benefits' } });
    const product = await act(shenyang, filingId, 'return', 1, { reasons: ['item3'], explanation: '设备须统一采购海康威视产品后再来备案' });
    expect(product.statusCode).toBe(422);
    expect(product.json()).toMatchObject({ code: 'JF_WF_ART29_FORBIDDEN', rule: { id: 'art29.no-designated-products-or-services' } });
    const charge = await act(shenyang, filingId, 'return', 1, { reasons: ['item1'], explanation: '请先缴纳备案费' });
    expect(charge.statusCode).toBe(422);
    const backdated = await act(shenyang, filingId, 'return', 1, { reasons: ['item1'], explanation: '执照模糊', date: '2026-01-01' });
    expect(backdated.statusCode).toBe(422);
    expect(backdated.json().code).toBe('JF_WF_BACKDATED');
    const log = (await get(oversight, '/api/v1/workflow/oversight/refusals?limit=50')).json();
    const codes = log.items.filter((r: { itemId: number }) => r.itemId === filingId).map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['JF_WF_ART29_FORBIDDEN', 'JF_WF_BACKDATED', 'JF_WF_OUTSIDE_JURISDICTION', 'JF_WF_RULE_REFUSED']));
    const entry = log.items.find((r: { code: string; itemId: number }) => r.code === 'JF_WF_ART29_FORBIDDEN' && r.itemId === filingId);
    expect(entry.user).toMatchObject({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
  });

  it('returns the filing with reasons from Art 16, and the provider completes and resubmits it', async () => {
    const ret = await act(shenyang, filingId, 'return', 1, { reasons: ['item2'], explanation: '培训证书未加盖发证机构印章' });
    expect(ret.statusCode).toBe(200);
    expect(ret.json().item).toMatchObject({ state: 'returned', version: 2, awaiting: 'subject', dueAt: null });
    expect(ret.json().item.data.returns[0]).toMatchObject({ reasons: ['item2'], explanation: '培训证书未加盖发证机构印章' });
    const inboxP = (await get(provider, '/api/v1/workflow/inbox')).json();
    expect(inboxP.items.map((i: { id: number }) => i.id)).toContain(filingId);
    const again = await act(shenyang, filingId, 'return', 2, { reasons: ['item2'], explanation: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'JF_WF_ILLEGAL_TRANSITION', currentState: 'returned', rule: { id: 'art16.p1.file-with-city-police' } });
    expect(again.json().allowedTransitions.map((a: { name: string }) => a.name)).toEqual(['resubmit', 'withdraw']);
    const re = await act(provider, filingId, 'resubmit', 2, { materials: { ...MATERIALS, item2: [{ title: '培训证书（已盖章）' }] } });
    expect(re.statusCode).toBe(200);
    expect(re.json().item).toMatchObject({ state: 'submitted', version: 3 });
  });

  it('leaves exactly one of two officers’ simultaneous decisions applied', async () => {
    const [a, b] = await Promise.all([act(shenyang, filingId, 'accept', 3), act(shenyang, filingId, 'return', 3, { reasons: ['item4'], explanation: '制度不全' })]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(['JF_WF_VERSION_CONFLICT', 'JF_WF_ILLEGAL_TRANSITION']).toContain(loser.json().code);
    const now = (await get(shenyang, `/api/v1/workflow/items/${filingId}`)).json();
    expect(now.item.version).toBe(4);
    expect(now.history).toHaveLength(4);
    if (now.item.state === 'returned') {
      const re = await act(provider, filingId, 'resubmit', 4, { materials: MATERIALS });
      expect(re.statusCode).toBe(200);
      const acc = await act(shenyang, filingId, 'accept', 5);
      expect(acc.statusCode).toBe(200);
    }
  });

  it('puts the accepted provider on the public list at once, with a receipt that verifies (Art 18)', async () => {
    const item = (await get(shenyang, `/api/v1/workflow/items/${filingId}`)).json();
    expect(item.item.state).toBe('accepted');
    expect(item.documents).toHaveLength(1);
    expect(item.documents[0]).toMatchObject({ kind: 'filing-receipt', title: { zh: '备案回执' } });
    expect(item.documents[0].number).toMatch(/^BA-210100-2026-00001$/);
    const doc = (await get(provider, `/api/v1/workflow/documents/${item.documents[0].id}`)).json();
    expect(doc.content).toMatchObject({ recipient: { name: '沈阳安防科技有限公司' }, organ: { zh: '沈阳市公安局' } });
    expect(doc.verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);

    const list = await get(undefined, '/api/v1/public/providers');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    const p = list.json().items[0];
    expect(p).toEqual({
      name: '沈阳安防科技有限公司',
      creditCode: CREDIT_CODES.shenyangSecurity,
      services: [
        { code: 'design', label: { zh: '设计', en: 'Design' } },
        { code: 'installation', label: { zh: '安装', en: 'Installation' } },
      ],
      placeOfBusiness: { code: '210102', name: { zh: '和平区', en: '和平区' } },
      filingAuthority: { divisionCode: '210100', name: { zh: '沈阳市公安局', en: '沈阳市 Public Security Bureau' } },
      filedAt: expect.any(String),
      receiptNumber: item.documents[0].number,
      warning: { listed: false, count: 0 },
    });
    expect((await get(undefined, '/api/v1/public/providers?q=安防科技')).json().total).toBe(1);
    expect((await get(undefined, `/api/v1/public/providers?q=${CREDIT_CODES.shenyangSecurity.slice(0, 10).toLowerCase()}`)).json().total).toBe(1);
    expect((await get(undefined, '/api/v1/public/providers?q=大连')).json().total).toBe(0);
    expect((await get(undefined, '/api/v1/public/providers?service=alarm_operation')).json().total).toBe(0);

    const ok = await get(undefined, `/api/v1/public/documents/verify?number=${doc.number}&code=${doc.verificationCode}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, kind: 'filing-receipt', subject: '沈阳安防科技有限公司', issuingOrgan: { divisionCode: '210100' } });
    const wrong = await get(undefined, `/api/v1/public/documents/verify?number=${doc.number}&code=ABCDEFGHJK`);
    expect(wrong.statusCode).toBe(404);
    const unknown = await get(undefined, `/api/v1/public/documents/verify?number=BA-210100-2026-99999&code=${doc.verificationCode}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('lets nobody outside the filing read its receipt', async () => {
    const item = (await get(shenyang, `/api/v1/workflow/items/${filingId}`)).json();
    const other = await get(dalianProvider, `/api/v1/workflow/documents/${item.documents[0].id}`);
    expect(other.statusCode).toBe(404);
    const police = await get(dalian, `/api/v1/workflow/documents/${item.documents[0].id}`);
    expect(police.statusCode).toBe(403);
    expect(police.json().code).toBe('JF_WF_OUTSIDE_JURISDICTION');
    const c = await get(citizen, `/api/v1/workflow/items/${filingId}`);
    expect(c.statusCode).toBe(404);
  });

  it('routes a provider from outside Liaoning to the provincial police (Art 17), who accept', async () => {
    const res = await submit(beijingProvider, { services: ['maintenance'], materials: MATERIALS });
    expect(res.statusCode).toBe(201);
    const item = res.json().item;
    expect(item).toMatchObject({ competentOrgan: '210000', divisionCode: '210000' });
    const city = await act(shenyang, item.id, 'accept', 1);
    expect(city.statusCode).toBe(403);
    const ok = await act(province, item.id, 'accept', 1);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().documents[0].number).toMatch(/^BA-210000-2026-/);
    const list = (await get(undefined, '/api/v1/public/providers?filingOrgan=210000')).json();
    expect(list.items[0]).toMatchObject({ name: '北京视安技术有限公司', placeOfBusiness: { code: null, name: { zh: '辽宁省外' } }, filingAuthority: { name: { zh: '辽宁省公安厅' } } });
  });

  it('lets a provider withdraw a filing in progress, and deregister a filed one (off the public list)', async () => {
    const res = await submit(dalianProvider, { services: ['alarm_operation'], materials: MATERIALS });
    const id = res.json().item.id;
    const w = await act(dalianProvider, id, 'withdraw', 1, { reason: '暂不开展业务' });
    expect(w.statusCode).toBe(200);
    expect(w.json().item).toMatchObject({ state: 'withdrawn', terminal: true, actions: [] });
    const after = await act(dalian, id, 'accept', 2);
    expect(after.statusCode).toBe(409);
    expect(after.json().allowedTransitions).toEqual([]);

    const before = (await get(undefined, '/api/v1/public/providers')).json().total;
    const d = await act(beijingProvider, (await get(beijingProvider, '/api/v1/workflow/items?machine=provider-filing')).json().items[0].id, 'deregister', 2, { reason: '停止在辽宁经营' });
    expect(d.statusCode).toBe(200);
    expect((await get(undefined, '/api/v1/public/providers')).json().total).toBe(before - 1);
  });

  it('records a missed check deadline for oversight once the scheduler finds it', async () => {
    const res = await submit(dalianProvider, { services: ['alarm_operation'], materials: MATERIALS });
    const id = res.json().item.id;
    t.clock.advance(12 * 86_400_000);
    try {
      const r = await tick({ jdb: t.tdb, clock: t.clock });
      expect(r.missed).toBeGreaterThanOrEqual(1);
      const inbox = (await get(dalian, '/api/v1/workflow/inbox')).json();
      expect(inbox.overdue).toBe(1);
      expect(inbox.items[0]).toMatchObject({ id, overdue: true });
      const missed = (await get(oversight, '/api/v1/workflow/oversight/missed-deadlines')).json();
      expect(missed.items.find((m: { itemId: number }) => m.itemId === id)).toMatchObject({ party: 'official', competentOrgan: '210200', resolvedAt: null });
      const acc = await act(dalian, id, 'accept', 1);
      expect(acc.statusCode).toBe(200);
      const after = (await get(oversight, '/api/v1/workflow/oversight/missed-deadlines')).json();
      expect(after.items.find((m: { itemId: number }) => m.itemId === id).resolvedAt).not.toBeNull();
      expect((await get(provider, '/api/v1/workflow/oversight/missed-deadlines')).statusCode).toBe(403);
    } finally {
      t.clock.advance(-12 * 86_400_000);
    }
  });

  it('queues a ledger leaf for every transition and refusal', () => {
    const types = new Set(ledger.events.map((e) => e.type));
    expect(types).toEqual(new Set(['workflow/transition', 'workflow/document', 'workflow/refused']));
    expect(ledger.events.every((e) => /^sha256:[0-9a-f]{64}$/.test(e.digest ?? ''))).toBe(true);
  });

  it('refuses the provider’s own acts where they do not belong: withdrawing or resubmitting a filed filing, deregistering a withdrawn one', async () => {
    const filed = (await get(provider, `/api/v1/workflow/items/${filingId}`)).json().item;
    expect(filed.state).toBe('accepted');
    for (const [name, input] of [
      ['withdraw', { reason: '不再经营' }],
      ['resubmit', { materials: MATERIALS }],
    ] as const) {
      const res = await act(provider, filingId, name, filed.version, input);
      expect(res.statusCode, name).toBe(409);
      expect(res.json()).toMatchObject({ code: 'JF_WF_ILLEGAL_TRANSITION', currentState: 'accepted', rule: { id: 'art16.p1.file-with-city-police' } });
      expect(res.json().allowedTransitions.map((a: { name: string }) => a.name)).toEqual(['deregister']);
    }
    const withdrawn = (await get(dalianProvider, '/api/v1/workflow/items?machine=provider-filing')).json().items.find((i: { state: string }) => i.state === 'withdrawn');
    const res = await act(dalianProvider, withdrawn.id, 'deregister', withdrawn.version, { reason: '停止经营' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ currentState: 'withdrawn', rule: { id: 'art18.publish-filed-providers' }, citation: { article: 18 } });
  });

  it('sorts the public list by filing date or by name, both ways, a page at a time, and exports it in the same order (Art 18: 应当及时将备案单位名录向社会公布)', async () => {
    // Three more Shenyang providers file a day apart, after Shenyang's (day 0) and Dalian's (day 12) filings above.
    const more = [
      { id: 5, name: '安信监控工程有限公司', day: 13 },
      { id: 6, name: '辽宁天眼技防有限公司', day: 14 },
      { id: 7, name: '本溪科达安防有限公司', day: 15 },
    ];
    const start = t.clock.now().toISOString();
    try {
      for (const p of more) {
        const first17 = `912101007${String(p.id).padStart(8, '0')}`;
        registry.providers.set(p.id, { id: p.id, name: p.name, creditCode: first17 + creditCodeCheckCharacter(first17), services: ['design'], fromOutsideLiaoning: false, divisionCode: '210102' });
        t.clock.set(new Date(new Date(start).getTime() + p.day * 86_400_000).toISOString());
        const res = await submit(await t.as({ username: `sort-provider-${p.id}`, role: 'provider', providerId: p.id }), { services: ['design'], materials: MATERIALS });
        expect(res.statusCode, res.body).toBe(201);
        expect((await act(shenyang, res.json().item.id, 'accept', 1)).statusCode).toBe(200);
      }
    } finally {
      t.clock.set(start);
    }
    /** The names of every page of two, checking each page's total. */
    const names = async (query: string) => {
      const out: string[] = [];
      for (let offset = 0; offset < 6; offset += 2) {
        const res = await get(undefined, `/api/v1/public/providers?${query}&limit=2&offset=${offset}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['cache-control']).toBe('public, max-age=30');
        expect(res.json().total).toBe(5);
        out.push(...res.json().items.map((p: { name: string }) => p.name));
      }
      return out;
    };
    const newestFirst = ['本溪科达安防有限公司', '辽宁天眼技防有限公司', '安信监控工程有限公司', '大连报警运营服务有限公司', '沈阳安防科技有限公司'];
    const byName = ['大连报警运营服务有限公司', '安信监控工程有限公司', '本溪科达安防有限公司', '沈阳安防科技有限公司', '辽宁天眼技防有限公司'];
    expect(await names('sort=filed&order=desc')).toEqual(newestFirst);
    expect(await names('sort=filed&order=asc')).toEqual([...newestFirst].reverse());
    expect(await names('sort=name&order=asc')).toEqual(byName);
    expect(await names('sort=name&order=desc')).toEqual([...byName].reverse());
    // Without a sort the list is as it always was: newest filing first; a name alone ascends.
    expect((await get(undefined, '/api/v1/public/providers')).json().items.map((p: { name: string }) => p.name)).toEqual(newestFirst);
    expect((await get(undefined, '/api/v1/public/providers?sort=name')).json().items.map((p: { name: string }) => p.name)).toEqual(byName);

    const csv = await get(undefined, '/api/v1/public/providers/export?format=csv&sort=name&order=desc');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['x-total-count']).toBe('5');
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    expect(rows.map((r) => r.split(',')[0])).toEqual([...byName].reverse());
    const filed = (await get(undefined, '/api/v1/public/providers/export?format=csv&sort=filed&order=asc')).body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    expect(filed.map((r) => r.split(',')[0])).toEqual([...newestFirst].reverse());
  });

  it('refuses an unknown order on the public list and its export with 400, naming the field and the values it may take in both languages', async () => {
    for (const url of ['/api/v1/public/providers?sort=rank', '/api/v1/public/providers/export?sort=rank', '/api/v1/public/providers?order=up', '/api/v1/public/providers/export?format=csv&order=up']) {
      const res = await get(undefined, url);
      expect(res.statusCode, url).toBe(400);
      const body = res.json();
      const field = url.includes('sort=') ? 'sort' : 'order';
      expect(body).toMatchObject({ code: 'JF_VALIDATION', messages: { zh: expect.any(String), en: expect.any(String) } });
      expect(body.errors).toEqual([expect.objectContaining({ field, rule: 'enum' })]);
      expect(body.errors[0].message.zh).toContain(field === 'sort' ? 'filed、name' : 'asc、desc');
      expect(body.errors[0].message.en).toContain(field === 'sort' ? 'filed, name' : 'asc, desc');
    }
  });

  it('has taken every transition of the filing, and seen each refused', async () => {
    const { all, applied } = await transitionCoverage(t, 'provider-filing');
    expect(applied).toEqual(all);
    const { refused } = await refusalCoverage(t, 'provider-filing');
    expect(all.filter((x) => !refused.includes(x)), 'never refused').toEqual([]);
  });
});
