import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { tick } from '../../workflow/index.js';
import { seedRegistry, type FakeRegistry } from '../../workflow/test-support.js';
import { client, dayAfter, refusalCoverage, transitionCoverage } from './workflow-test-helpers.js';

const MATERIALS = { item1: [{ title: '营业执照' }], item2: [{ title: '培训证书' }], item3: [{ title: '场所证明' }], item4: [{ title: '管理制度' }] };
const STANDARDS = ['GB 50348-2018', 'GB 50395-2007'];
const PANEL = { reviewer: 'panel', panel: { designUnit: '某设计院', constructionContractor: '沈阳安防科技有限公司', experts: ['专家甲', '专家乙'] }, conclusion: '方案可行' };

describe.each(testDialects)('complaints, warnings, rewards, adjustments, design review (Art 9, 12-13, 28, 30) on %s', (dialect) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let shenyang: AuthHeaders;
  let heping: AuthHeaders;
  let dalian: AuthHeaders;
  let provider: AuthHeaders;
  let otherProvider: AuthHeaders;
  let citizen: AuthHeaders;
  let citizen2: AuthHeaders;
  let school: AuthHeaders;
  let oversight: AuthHeaders;
  let registry: FakeRegistry;

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionTtlSeconds: 365 * 86_400 });
    registry = seedRegistry(t.tdb).registry;
    c = client(t);
    shenyang = await t.as({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    heping = await t.as({ username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' });
    dalian = await t.as({ username: 'dl-police', role: 'city_supervisor', jurisdiction: '210200' });
    provider = await t.as({ username: 'sy-provider', role: 'provider', providerId: 1 });
    otherProvider = await t.as({ username: 'dl-provider', role: 'provider', providerId: 2 });
    citizen = await t.as({ username: 'citizen-a', role: 'citizen' });
    citizen2 = await t.as({ username: 'citizen-b', role: 'citizen' });
    school = await t.as({ username: 'school', role: 'key_unit', keyUnitId: 10 });
    oversight = await t.as({ username: 'watcher', role: 'oversight' });
    // The provider is on the public list.
    const f = await c.open(provider, 'provider-filing', 'submit', { services: ['installation'], materials: MATERIALS });
    await c.step(shenyang, f.json().item.id, 'accept');
  });
  afterAll(() => t.close());

  describe('complaints and the warning list (Art 28)', () => {
    let complaintId: number;

    it('offers a user the providers to complain about, without a registry right (Art 28)', async () => {
      const res = await c.get(citizen, `/api/v1/workflow/providers?q=${encodeURIComponent('沈阳')}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([{ id: 1, name: '沈阳安防科技有限公司', creditCode: '91210100MA0QC0A04D' }]);
      expect((await c.get(otherProvider, '/api/v1/workflow/providers')).statusCode).toBe(403);
    });

    it('receives a complaint and routes it to the police the provider filed with', async () => {
      const res = await c.open(citizen, 'complaint', 'complain', { providerId: 1, service: '2026年5月安装的小区监控', content: '安装后一周即无法录像，多次报修无人处理', contact: '13800000000' });
      expect(res.statusCode).toBe(201);
      complaintId = res.json().item.id;
      expect(res.json().item).toMatchObject({ state: 'received', competentOrgan: '210100', awaiting: 'official', providerId: 1 });
      expect((await c.get(citizen2, `/api/v1/workflow/items/${complaintId}`)).statusCode).toBe(404);
      expect((await c.get(otherProvider, `/api/v1/workflow/items/${complaintId}`)).statusCode).toBe(404);
    });

    it('shows the provider what is complained of, not who complained, and takes its statement', async () => {
      const seen = (await c.get(provider, `/api/v1/workflow/items/${complaintId}`)).json().item;
      expect(seen.data.complainant).toEqual({ userId: 0, username: '', contact: null });
      expect(seen.data.content).toContain('无法录像');
      const r = await c.step(provider, complaintId, 'respond', { text: '已安排复查' });
      expect(r.statusCode).toBe(200);
      expect(r.json().item.state).toBe('received');
      expect((await c.step(provider, complaintId, 'verify', { finding: '自证' })).statusCode).toBe(403);
      expect((await c.step(citizen2, complaintId, 'withdraw', { reason: '不是我的' })).statusCode).toBe(404);
    });

    it('refuses a warning before the complaint is verified', async () => {
      const res = await c.open(shenyang, 'warning', 'publish', { basis: 'complaint', basisItemId: complaintId, finding: '维修不及时' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ rule: { id: 'art28.warning-list-for-providers' }, citation: { article: 28 } });
    });

    it('verifies the complaint: the provider goes on the warning list at once, announced publicly', async () => {
      const res = await c.step(shenyang, complaintId, 'verify', { finding: '安装的视频监控系统无法录像，经用户投诉查证属实', ruleId: 'art20.i4.standards-and-quality' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().item.state).toBe('verified');
      const warningId = res.json().item.data.warningId;
      expect(warningId).toBeGreaterThan(0);
      expect(res.json().documents[0].kind).toBe('warning-notice');
      const pub = (await c.get(undefined, '/api/v1/public/warnings')).json();
      expect(pub.total).toBe(1);
      expect(pub.items[0]).toMatchObject({
        provider: { name: '沈阳安防科技有限公司' },
        basis: 'complaint',
        finding: '安装的视频监控系统无法录像，经用户投诉查证属实',
        rule: { id: 'art20.i4.standards-and-quality', citation: { article: 20, paragraph: 1, item: 4 } },
        authority: { divisionCode: '210100', name: { zh: '沈阳市公安局' } },
      });
      expect(JSON.stringify(pub)).not.toContain('13800000000');
      expect(JSON.stringify(pub)).not.toContain('citizen-a');
      const list = (await c.get(undefined, '/api/v1/public/providers')).json();
      expect(list.items[0].warning).toEqual({ listed: true, count: 1 });
      expect((await c.get(undefined, '/api/v1/public/providers?warned=true')).json().total).toBe(1);
      expect((await c.get(undefined, '/api/v1/public/providers?warned=false')).json().total).toBe(0);
      const again = await c.open(shenyang, 'warning', 'publish', { basis: 'complaint', basisItemId: complaintId, finding: '重复' });
      expect(again.statusCode).toBe(409);
    });

    it('rejects a complaint with reasons, and lets a complainant withdraw one', async () => {
      const a = await c.open(citizen2, 'complaint', 'complain', { providerId: 1, service: '报警服务', content: '响应慢' });
      const rejectNoReason = await c.step(shenyang, a.json().item.id, 'reject', {});
      expect(rejectNoReason.statusCode).toBe(400);
      const rej = await c.step(shenyang, a.json().item.id, 'reject', { reasons: '经调取报警记录，平均响应时间符合服务承诺' });
      expect(rej.json().item).toMatchObject({ state: 'rejected', terminal: true, data: { rejection: { reasons: '经调取报警记录，平均响应时间符合服务承诺' } } });
      const b = await c.open(citizen2, 'complaint', 'complain', { providerId: 1, service: '维护', content: '误会' });
      const w = await c.step(citizen2, b.json().item.id, 'withdraw', { reason: '已协商解决' });
      expect(w.json().item.state).toBe('withdrawn');
      expect((await c.step(dalian, b.json().item.id, 'verify', { finding: 'x' })).statusCode).toBe(403);
    });

    it('lists a provider for a verified violation, and withdraws a warning with reasons', async () => {
      const k = await c.open(shenyang, 'case', 'open', { ruleId: 'art20.i2.lawful-work-and-archives', facts: '未将建设资料存档', subject: { providerId: 1, offender: 'unit' } });
      expect(k.statusCode, k.body).toBe(201);
      const early = await c.open(shenyang, 'warning', 'publish', { basis: 'violation', basisItemId: k.json().item.id, finding: '未存档' });
      expect(early.statusCode).toBe(409);
      await c.step(shenyang, k.json().item.id, 'order-rectification', { timeLimit: dayAfter(t, 15), requirements: '补齐建设资料并存档备查' });
      const w = await c.open(shenyang, 'warning', 'publish', { basis: 'violation', basisItemId: k.json().item.id, finding: '未依法将相关建设资料存档备查，经查证属实' });
      expect(w.statusCode, w.body).toBe(201);
      expect((await c.get(undefined, '/api/v1/public/providers')).json().items[0].warning.count).toBe(2);
      const outside = await c.step(dalian, w.json().item.id, 'withdraw', { reason: 'x' });
      expect(outside.statusCode).toBe(403);
      const wd = await c.step(shenyang, w.json().item.id, 'withdraw', { reason: '复议撤销原认定' });
      expect(wd.json().item.state).toBe('withdrawn');
      expect((await c.get(undefined, '/api/v1/public/providers')).json().items[0].warning.count).toBe(1);
      expect((await c.get(undefined, '/api/v1/public/warnings')).json().total).toBe(1);
    });

    it('sorts the warning list by publication or by the provider’s name, both ways, a page at a time, and exports it in the same order (Art 28: 向社会发布警示公告)', async () => {
      // Until now one warning is published (Shenyang's, at the start). Three more follow an hour apart, two for the same provider.
      registry.providers.set(5, { id: 5, name: '安信监控工程有限公司', creditCode: null, services: ['installation'], fromOutsideLiaoning: false, divisionCode: '210102' });
      registry.providers.set(6, { id: 6, name: '辽宁天眼技防有限公司', creditCode: null, services: ['installation'], fromOutsideLiaoning: false, divisionCode: '210102' });
      const first = (await c.get(undefined, '/api/v1/public/warnings')).json().items[0].number as string;
      const numbers: Record<string, string> = { shenyang: first };
      const start = t.clock.now().toISOString();
      try {
        for (const [key, providerId] of [['anxin1', 5], ['liaoning', 6], ['anxin2', 5]] as const) {
          t.clock.advance(3600_000);
          const k = await c.open(shenyang, 'case', 'open', { ruleId: 'art20.i2.lawful-work-and-archives', facts: '未将建设资料存档', subject: { providerId, offender: 'unit' } });
          expect(k.statusCode, k.body).toBe(201);
          await c.step(shenyang, k.json().item.id, 'order-rectification', { timeLimit: dayAfter(t, 15), requirements: '补齐建设资料并存档备查' });
          const w = await c.open(shenyang, 'warning', 'publish', { basis: 'violation', basisItemId: k.json().item.id, finding: '未依法将相关建设资料存档备查，经查证属实' });
          expect(w.statusCode, w.body).toBe(201);
          numbers[key] = w.json().documents[0].number;
        }
      } finally {
        t.clock.set(start);
      }
      /** The announcement numbers of every page of two, checking each page's total. */
      const listed = async (query: string) => {
        const out: string[] = [];
        for (let offset = 0; offset < 4; offset += 2) {
          const res = await c.get(undefined, `/api/v1/public/warnings?${query}&limit=2&offset=${offset}`);
          expect(res.statusCode, res.body).toBe(200);
          expect(res.headers['cache-control']).toBe('public, max-age=30');
          expect(res.json().total).toBe(4);
          out.push(...res.json().items.map((w: { number: string }) => w.number));
        }
        return out;
      };
      const newestFirst = [numbers.anxin2, numbers.liaoning, numbers.anxin1, numbers.shenyang];
      // By name (安 before 沈 before 辽), one provider's warnings in the order they were published.
      const byName = [numbers.anxin1, numbers.anxin2, numbers.shenyang, numbers.liaoning];
      expect(await listed('sort=published&order=desc')).toEqual(newestFirst);
      expect(await listed('sort=published&order=asc')).toEqual([...newestFirst].reverse());
      expect(await listed('sort=name&order=asc')).toEqual(byName);
      expect(await listed('sort=name&order=desc')).toEqual([...byName].reverse());
      expect((await c.get(undefined, '/api/v1/public/warnings')).json().items.map((w: { number: string }) => w.number)).toEqual(newestFirst);

      const csv = await c.get(undefined, '/api/v1/public/warnings/export?format=csv&sort=name&order=desc');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['x-total-count']).toBe('4');
      expect(csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((r) => r.split(',')[0])).toEqual([...byName].reverse());
      const asc = await c.get(undefined, '/api/v1/public/warnings/export?format=csv&sort=published&order=asc');
      expect(asc.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((r) => r.split(',')[0])).toEqual([...newestFirst].reverse());

      for (const url of ['/api/v1/public/warnings?sort=severity', '/api/v1/public/warnings/export?sort=severity', '/api/v1/public/warnings?order=newest', '/api/v1/public/warnings/export?order=newest']) {
        const bad = await c.get(undefined, url);
        expect(bad.statusCode, url).toBe(400);
        const field = url.includes('sort=') ? 'sort' : 'order';
        expect(bad.json()).toMatchObject({ code: 'JF_VALIDATION', messages: { zh: expect.any(String), en: expect.any(String) } });
        expect(bad.json().errors).toEqual([expect.objectContaining({ field, rule: 'enum' })]);
        expect(bad.json().errors[0].message.en).toContain(field === 'sort' ? 'published, name' : 'asc, desc');
        expect(bad.json().errors[0].message.zh).toContain(field === 'sort' ? 'published、name' : 'asc、desc');
      }
    });

    it('records a missed verification deadline', async () => {
      await c.open(citizen, 'complaint', 'complain', { providerId: 1, service: '设计', content: '方案与合同不符' });
      t.clock.advance(31 * 86_400_000);
      try {
        await tick({ jdb: t.tdb, clock: t.clock });
        const missed = (await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines?open=true')).json();
        expect(missed.items.some((m: { machine: string }) => m.machine === 'complaint')).toBe(true);
        const scoped = (await c.get(dalian, '/api/v1/workflow/oversight/missed-deadlines?open=true')).json();
        expect(scoped.items.some((m: { machine: string }) => m.machine === 'complaint')).toBe(false);
      } finally {
        t.clock.advance(-31 * 86_400_000);
      }
    });
  });

  describe('rewards (Art 30)', () => {
    it('refuses a lead that is not important, grants and declines', async () => {
      const minor = await c.open(heping, 'reward', 'propose', { recipient: { kind: 'unit', name: '某超市' }, contribution: 'lead_or_evidence_from_captured_info', important: false, description: '提供了一般线索' });
      expect(minor.statusCode).toBe(422);
      expect(minor.json()).toMatchObject({ rule: { id: 'art30.commendation-or-reward' }, citation: { article: 30 } });
      const a = await c.open(heping, 'reward', 'propose', { recipient: { kind: 'unit', name: '某超市' }, contribution: 'lead_or_evidence_from_captured_info', important: true, description: '提供监控录像，协助破获盗窃案' });
      expect(a.json().item).toMatchObject({ state: 'proposed', divisionCode: '210102', awaiting: 'official' });
      const g = await c.step(shenyang, a.json().item.id, 'grant', { form: 'commendation', note: '通报表彰' });
      expect(g.json().item).toMatchObject({ state: 'granted', data: { decision: { form: 'commendation' } } });
      const b = await c.open(heping, 'reward', 'propose', { recipient: { kind: 'person', name: '保安员陈某' }, contribution: 'stopped_crime_with_system', important: true, description: '通过监控发现并制止盗窃' });
      expect((await c.step(citizen, b.json().item.id, 'grant', { form: 'reward', note: 'x' })).statusCode).toBe(404);
      const d = await c.step(heping, b.json().item.id, 'decline', { reason: '同一事件已由其他单位奖励' });
      expect(d.json().item.state).toBe('declined');
      expect((await c.open(citizen, 'reward', 'propose', { recipient: { kind: 'person', name: '我' }, contribution: 'stopped_crime_with_system', important: true, description: '自荐' })).statusCode).toBe(403);
    });
  });

  describe('adjusting a public-area system for municipal works (Art 9 ¶2)', () => {
    it('refuses works before a plan is agreed, then runs to restoration', async () => {
      const req = await c.open(citizen, 'adjustment', 'request', { publicAreaId: 20, systemIds: [31], constructionUnit: '沈阳市政建设集团', works: '中山路地下管网改造', planKind: 'restore', plan: '施工期间临时迁移摄像机，完工后原位恢复' });
      expect(req.statusCode, req.body).toBe(201);
      const id = req.json().item.id;
      expect(req.json().item).toMatchObject({ state: 'requested', divisionCode: '210102', awaiting: 'official' });
      const early = await c.step(citizen, id, 'start-works');
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'JF_WF_ILLEGAL_TRANSITION', currentState: 'requested', rule: { id: 'art9.p2.consult-police-before-adjusting' }, citation: { article: 9, paragraph: 2 } });
      const changes = await c.step(heping, id, 'request-changes', { opinion: '施工期间须设置临时监控点' });
      expect(changes.json().item).toMatchObject({ state: 'plan_revision', awaiting: 'applicant' });
      await c.step(citizen, id, 'revise-plan', { plan: '设置临时监控点，完工后原位恢复' });
      const agree = await c.step(shenyang, id, 'agree-plan', { opinion: '同意' });
      expect(agree.json().item.state).toBe('plan_agreed');
      expect((await c.step(citizen, id, 'start-works')).json().item.state).toBe('works_started');
      await c.step(citizen, id, 'report-restored', { text: '已原位恢复并联网' });
      expect((await c.step(heping, id, 'confirm-restoration')).json().item.state).toBe('closed');
    });

    it('offers the construction unit the public areas and their systems to name, without a registry right (Art 9 ¶2)', async () => {
      const res = await c.get(citizen, `/api/v1/workflow/public-areas?q=${encodeURIComponent('中山')}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([{ id: 20, name: '中山广场', kind: 'square', divisionCode: '210102', designatedDepartment: '沈阳市和平区公安技防建设中心', systems: [{ id: 31, name: '中山广场视频监控' }] }]);
      expect((await c.get(school, '/api/v1/workflow/public-areas')).json().map((a: { id: number }) => a.id)).toEqual([20]);
      expect((await c.get(provider, '/api/v1/workflow/public-areas')).statusCode).toBe(403);
      expect((await c.get(oversight, '/api/v1/workflow/public-areas')).statusCode).toBe(403);
    });

    it('refuses systems not of the area, and lets the applicant withdraw', async () => {
      const bad = await c.open(citizen, 'adjustment', 'request', { publicAreaId: 20, systemIds: [30], constructionUnit: 'x', works: 'x', planKind: 'rebuild', plan: 'x' });
      expect(bad.statusCode).toBe(422);
      const req = await c.open(citizen, 'adjustment', 'request', { publicAreaId: 20, systemIds: [31], constructionUnit: '某公司', works: '道路拓宽', planKind: 'rebuild', plan: '复建' });
      expect((await c.step(citizen2, req.json().item.id, 'withdraw', { reason: 'x' })).statusCode).toBe(404);
      expect((await c.step(citizen, req.json().item.id, 'withdraw', { reason: '工程取消' })).json().item.state).toBe('withdrawn');
    });
  });

  describe('design review and acceptance (Art 12-13)', () => {
    let id: number;
    it('records the project and its standards (Art 13)', async () => {
      const bad = await c.open(school, 'design-review', 'open', { scope: 'key_unit', keyUnitId: 10, project: { name: '新教学楼', kind: 'new' }, constructionUnit: '沈阳市和平区第一中学', standards: ['my standard'], scheme: '方案' });
      expect(bad.statusCode).toBe(400);
      const other = await c.open(school, 'design-review', 'open', { scope: 'key_unit', keyUnitId: 11, project: { name: '码头', kind: 'new' }, constructionUnit: 'x', standards: STANDARDS, scheme: 'x' });
      expect(other.statusCode).toBe(403);
      const res = await c.open(school, 'design-review', 'open', { scope: 'key_unit', keyUnitId: 10, project: { name: '新教学楼', kind: 'new' }, constructionUnit: '沈阳市和平区第一中学', standards: STANDARDS, scheme: '教学楼视频监控、入侵报警、出入口控制' });
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().item.id;
      expect(res.json().item).toMatchObject({ state: 'designing', keyUnitId: 10, data: { standards: STANDARDS } });
    });

    it('refuses construction before the scheme passes review (Art 12 ¶2)', async () => {
      const res = await c.step(school, id, 'start-construction');
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ currentState: 'designing', rule: { id: 'art12.p2.design-review-before-construction' }, citation: { article: 12, paragraph: 2 } });
      // The page says why beforehand: the act, the state it needs, the rule.
      const seen = (await c.get(school, `/api/v1/workflow/items/${id}`)).json().item;
      expect(seen.notYet.find((a: { name: string }) => a.name === 'start-construction')).toMatchObject({ from: [{ name: 'review_passed' }], rule: { id: 'art12.p2.design-review-before-construction', citation: { article: 12, paragraph: 2 } } });
      expect(seen.notYet.map((a: { name: string }) => a.name)).not.toContain('record-departure');
      expect((await c.get(heping, `/api/v1/workflow/items/${id}`)).json().item.notYet.map((a: { name: string }) => a.name)).toEqual(['record-departure']);
    });

    it('needs the panel of Art 12 ¶2, records a failed review, revision and a pass', async () => {
      expect((await c.step(school, id, 'record-review-passed', { reviewer: 'panel', conclusion: '通过' })).statusCode).toBe(422);
      expect((await c.step(school, id, 'record-review-failed', { ...PANEL, conclusion: '周界覆盖不足' })).json().item.state).toBe('review_failed');
      expect((await c.step(school, id, 'revise-scheme', { scheme: '增加周界入侵报警', reason: '按论证意见修改' })).json().item.state).toBe('designing');
      const pass = await c.step(school, id, 'record-review-passed', { reviewer: 'qualified_agency', agency: { name: '辽宁省安全技术防范评估中心', qualification: '技防工程设计方案论证' }, conclusion: '通过' });
      expect(pass.json().item.state).toBe('review_passed');
    });

    it('builds, changes the scheme (re-review), builds again and accepts with the building (Art 12 ¶1)', async () => {
      expect((await c.step(school, id, 'start-construction')).json().item.state).toBe('under_construction');
      expect((await c.step(school, id, 'change-scheme', { scheme: '改用球机', reason: '现场条件变化' })).json().item.state).toBe('designing');
      await c.step(school, id, 'record-review-passed', PANEL);
      await c.step(school, id, 'start-construction');
      const unstated = await c.step(school, id, 'accept', { buildingAcceptanceDate: dayAfter(t, 0), conclusion: '合格', systemAcceptanceStated: false, standards: STANDARDS });
      expect(unstated.statusCode).toBe(422);
      expect(unstated.json().rule.id).toBe('art12.p1.build-with-project');
      const ok = await c.step(school, id, 'accept', { buildingAcceptanceDate: dayAfter(t, 0), conclusion: '建设工程验收合格，技防系统验收合格', systemAcceptanceStated: true, standards: STANDARDS });
      expect(ok.json().item.state).toBe('accepted');
    });

    it('lets the police find a departure from the reviewed scheme: an Art 31 (4) case', async () => {
      expect((await c.step(school, id, 'record-departure', { description: '自认' })).statusCode).toBe(403);
      const res = await c.step(heping, id, 'record-departure', { description: '实际安装点位较论证方案减少三处' });
      expect(res.statusCode, res.body).toBe(200);
      const caseId = res.json().item.data.departures[0].caseId;
      const k = (await c.get(heping, `/api/v1/workflow/items/${caseId}`)).json().item;
      expect(k.data.violation).toMatchObject({ ruleId: 'art12.p2.design-review-before-construction', penaltyArticle: 31, penaltyItem: 4 });
      expect((await c.step(school, id, 'revise-scheme', { scheme: '恢复点位', reason: '整改' })).json().item.state).toBe('designing');
    });
  });

  describe('each act refused where it does not belong, and recorded for oversight', () => {
    /** A 409 naming the state the item is in and the rule of the act tried. */
    const illegal = (res: { statusCode: number; json(): { code: string; currentState: string; rule: { id: string } } }, state: string, rule: string) => {
      expect(res.statusCode, JSON.stringify(res.json())).toBe(409);
      expect(res.json()).toMatchObject({ code: 'JF_WF_ILLEGAL_TRANSITION', currentState: state, rule: { id: rule } });
    };
    const ART28 = 'art28.warning-list-for-providers';

    it('complaints: a competitor cannot file one, and a verified complaint takes no statement, rejection or withdrawal', async () => {
      const rival = await c.open(otherProvider, 'complaint', 'complain', { providerId: 1, service: '安装', content: '同行投诉' });
      expect(rival.statusCode).toBe(403);
      const verified = (await c.get(citizen, '/api/v1/workflow/items?machine=complaint')).json().items.find((i: { state: string }) => i.state === 'verified');
      illegal(await c.step(provider, verified.id, 'respond', { text: '补充说明' }), 'verified', ART28);
      illegal(await c.step(shenyang, verified.id, 'reject', { reasons: '改判' }), 'verified', ART28);
      illegal(await c.step(citizen, verified.id, 'withdraw', { reason: '撤回' }), 'verified', ART28);
    });

    it('rewards: a decided reward is neither granted nor declined again', async () => {
      const a = await c.open(heping, 'reward', 'propose', { recipient: { kind: 'unit', name: '某商场' }, contribution: 'stopped_crime_with_system', important: true, description: '通过监控制止抢夺' });
      await c.step(heping, a.json().item.id, 'grant', { form: 'reward', note: '奖励' });
      illegal(await c.step(heping, a.json().item.id, 'grant', { form: 'reward', note: '再次奖励' }), 'granted', 'art30.commendation-or-reward');
      illegal(await c.step(heping, a.json().item.id, 'decline', { reason: '改为不予奖励' }), 'granted', 'art30.commendation-or-reward');
    });

    it('adjustments: no revision, report or confirmation before its time, no second agreement, no withdrawal once the works started (Art 9 ¶2)', async () => {
      const ART9 = 'art9.p2.consult-police-before-adjusting';
      const req = await c.open(citizen, 'adjustment', 'request', { publicAreaId: 20, systemIds: [31], constructionUnit: '沈阳燃气集团', works: '燃气管道更新', planKind: 'restore', plan: '完工后原位恢复' });
      const id = req.json().item.id;
      illegal(await c.step(citizen, id, 'revise-plan', { plan: '改' }), 'requested', ART9);
      illegal(await c.step(citizen, id, 'report-restored', { text: '已恢复' }), 'requested', ART9);
      illegal(await c.step(heping, id, 'confirm-restoration'), 'requested', ART9);
      await c.step(heping, id, 'agree-plan', { opinion: '同意' });
      illegal(await c.step(heping, id, 'agree-plan', { opinion: '再次同意' }), 'plan_agreed', ART9);
      illegal(await c.step(heping, id, 'request-changes', { opinion: '改' }), 'plan_agreed', ART9);
      await c.step(citizen, id, 'start-works');
      illegal(await c.step(citizen, id, 'withdraw', { reason: '工程取消' }), 'works_started', ART9);
    });

    it('design review: no revision or change of a scheme still under review, no failed review recorded after a pass (Art 12 ¶2)', async () => {
      const REVIEW = 'art12.p2.design-review-before-construction';
      const res = await c.open(school, 'design-review', 'open', { scope: 'key_unit', keyUnitId: 10, project: { name: '体育馆', kind: 'expansion' }, constructionUnit: '沈阳市和平区第一中学', standards: STANDARDS, scheme: '体育馆视频监控' });
      const id = res.json().item.id;
      illegal(await c.step(school, id, 'revise-scheme', { scheme: '改', reason: '改' }), 'designing', REVIEW);
      illegal(await c.step(school, id, 'change-scheme', { scheme: '改', reason: '改' }), 'designing', REVIEW);
      await c.step(school, id, 'record-review-passed', PANEL);
      illegal(await c.step(school, id, 'record-review-failed', { ...PANEL, conclusion: '不通过' }), 'review_passed', REVIEW);
    });
  });

  describe('oversight lists: paging, sorting and export (Art 29, 36)', () => {
    it('pages, sorts and exports the missed deadlines within the same scope as the list', async () => {
      const opened: number[] = [];
      for (const content of ['录像缺失', '维修拖延', '报价不符']) {
        const r = await c.open(citizen, 'complaint', 'complain', { providerId: 1, service: '维护', content });
        opened.push(r.json().item.id);
        t.clock.advance(86_400_000);
      }
      t.clock.advance(31 * 86_400_000);
      try {
        await tick({ jdb: t.tdb, clock: t.clock });
        const all = (await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines?open=true&limit=200')).json();
        expect(all.total).toBeGreaterThanOrEqual(3);
        const page = (await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines?open=true&limit=2&offset=1')).json();
        expect(page.total).toBe(all.total);
        expect(page.items.map((m: { id: number }) => m.id)).toEqual(all.items.slice(1, 3).map((m: { id: number }) => m.id));
        // Default: the latest due date first.
        const due = all.items.map((m: { dueAt: string }) => Date.parse(m.dueAt));
        expect(due).toEqual([...due].sort((a, b) => b - a));
        const late = (await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines?open=true&sort=late&order=desc&limit=200')).json();
        const hours = late.items.map((m: { hoursLate: number }) => m.hoursLate);
        expect(hours).toEqual([...hours].sort((a, b) => b - a));
        expect(hours[0]).toBeGreaterThan(hours[hours.length - 1]);
        const byItem = (await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines?open=true&sort=item&order=asc&limit=200')).json();
        const items = byItem.items.map((m: { itemId: number }) => m.itemId);
        expect(items).toEqual([...items].sort((a, b) => a - b));
        expect(items).toEqual(expect.arrayContaining(opened));

        const csv = await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines/export?open=true&sort=item&order=asc&format=csv');
        expect(csv.statusCode, csv.body).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
        expect(lines[0]).toContain('事项编号 / Item ID');
        expect(lines[0]).toContain('逾期小时 / Hours late');
        expect(lines[0]).toContain('依据条款 / Article');
        expect(lines).toHaveLength(all.total + 1);
        expect(csv.body).toContain(`/work/items/${opened[0]}`);
        expect(csv.body).toContain('Art 29, 36');
        const xlsx = await c.get(oversight, '/api/v1/workflow/oversight/missed-deadlines/export?format=xlsx');
        expect(xlsx.statusCode).toBe(200);
        expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
        // A supervisor elsewhere exports only what its list shows.
        const scoped = await c.get(dalian, '/api/v1/workflow/oversight/missed-deadlines/export?open=true');
        expect(scoped.statusCode).toBe(200);
        expect(scoped.body).not.toContain(`/work/items/${opened[0]}`);
      } finally {
        t.clock.advance(-34 * 86_400_000);
      }
    });

    it('pages, sorts and exports the refused attempts, with who tried as the list shows them and the article', async () => {
      const all = (await c.get(oversight, '/api/v1/workflow/oversight/refusals?limit=200')).json();
      expect(all.total).toBeGreaterThanOrEqual(3);
      const at = all.items.map((r: { at: string }) => Date.parse(r.at));
      expect(at).toEqual([...at].sort((a, b) => b - a));
      const asc = (await c.get(oversight, '/api/v1/workflow/oversight/refusals?sort=at&order=asc&limit=2&offset=0')).json();
      expect(asc.total).toBe(all.total);
      expect(asc.items.map((r: { id: number }) => r.id)).toEqual(all.items.slice(-2).reverse().map((r: { id: number }) => r.id));
      const page = (await c.get(oversight, '/api/v1/workflow/oversight/refusals?limit=1&offset=1')).json();
      expect(page.items.map((r: { id: number }) => r.id)).toEqual([all.items[1].id]);

      const csv = await c.get(oversight, '/api/v1/workflow/oversight/refusals/export');
      expect(csv.statusCode, csv.body).toBe(200);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toContain('用户名 / Username');
      expect(lines[0]).toContain('条款 / Article');
      expect(lines[0]).toContain('事项链接 / Item link');
      expect(lines.length).toBeGreaterThanOrEqual(all.total + 1);
      const cited = all.items.find((r: { citation: { article: number } | null }) => r.citation);
      expect(csv.body).toContain(`Art ${cited.citation.article}`);
      expect(csv.body).toContain(`/law/${cited.citation.article}`);
      // Who tried appears by username, as on the list; the complainant's phone number never does.
      expect(csv.body).not.toContain('13800000000');
      const xlsx = await c.get(oversight, '/api/v1/workflow/oversight/refusals/export?format=xlsx');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('refuses the exports to whoever may not read the lists, and a sort or page it does not know', async () => {
      for (const url of ['/api/v1/workflow/oversight/missed-deadlines', '/api/v1/workflow/oversight/refusals']) {
        expect((await c.get(provider, url)).statusCode).toBe(403);
        expect((await c.get(provider, `${url}/export`)).statusCode).toBe(403);
        expect((await c.get(citizen, `${url}/export?format=xlsx`)).statusCode).toBe(403);
        const badSort = await c.get(oversight, `${url}?sort=title`);
        expect(badSort.statusCode).toBe(400);
        expect(badSort.body).toContain('sort');
        expect((await c.get(oversight, `${url}/export?sort=title`)).statusCode).toBe(400);
        expect((await c.get(oversight, `${url}?order=up`)).statusCode).toBe(400);
        expect((await c.get(oversight, `${url}?limit=201`)).statusCode).toBe(400);
        expect((await c.get(oversight, `${url}?offset=-1`)).statusCode).toBe(400);
      }
    });
  });

  describe("the officials' acts (Art 29, 36)", () => {
    type Act = { id: number; at: string; actor: { username: string; role: string; jurisdiction: string | null }; itemId: number; machine: string; transition: string; transitionLabel: { zh: string; en: string }; citation: { article: number } | null; citationHref: string | null };
    const POLICE = ['province_supervisor', 'city_supervisor', 'county_supervisor', 'station_officer'];

    it('lists every act a police account took, newest first, each with its item, rule and article, and nothing the parties did', async () => {
      const all = (await c.get(oversight, '/api/v1/workflow/oversight/acts?limit=200')).json() as { total: number; items: Act[] };
      expect(all.total).toBeGreaterThanOrEqual(3);
      expect(all.items).toHaveLength(all.total);
      expect(new Set(all.items.map((a) => a.actor.role)).size).toBeGreaterThan(0);
      for (const a of all.items) expect(POLICE).toContain(a.actor.role);
      expect(all.items.map((a) => a.actor.username)).not.toContain('citizen-a');
      expect(all.items.map((a) => a.actor.username)).not.toContain('sy-provider');
      const at = all.items.map((a) => Date.parse(a.at));
      expect(at).toEqual([...at].sort((x, y) => y - x));
      // The filing Shenyang accepted at the start: Art 16 ¶1 is where a provider files with the city police.
      const accepted = all.items.find((a) => a.machine === 'provider-filing' && a.transition === 'accept');
      expect(accepted).toMatchObject({ actor: { username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' }, transitionLabel: { zh: expect.any(String), en: expect.any(String) } });
      expect(accepted!.citation).not.toBeNull();
      expect(accepted!.citationHref).toMatch(new RegExp(`^/law/${accepted!.citation!.article}(#|$)`));

      const asc = (await c.get(oversight, '/api/v1/workflow/oversight/acts?order=asc&limit=2')).json();
      expect(asc.items.map((a: Act) => a.id)).toEqual(all.items.slice(-2).reverse().map((a) => a.id));
      const page = (await c.get(oversight, '/api/v1/workflow/oversight/acts?limit=1&offset=1')).json();
      expect(page).toMatchObject({ total: all.total, items: [{ id: all.items[1].id }] });
    });

    it('filters by account, role, procedure, place and time window', async () => {
      const get = async (q: string) => (await c.get(oversight, `/api/v1/workflow/oversight/acts?limit=200&${q}`)).json() as { total: number; items: Act[] };
      const all = await get('');
      const bySy = await get('username=sy-police');
      expect(bySy.total).toBe(all.items.filter((a) => a.actor.username === 'sy-police').length);
      expect(bySy.total).toBeGreaterThan(0);
      const counties = await get('role=county_supervisor');
      expect(counties.items.every((a) => a.actor.role === 'county_supervisor')).toBe(true);
      expect(counties.total).toBe(all.items.filter((a) => a.actor.role === 'county_supervisor').length);
      const filings = await get('machine=provider-filing');
      expect(filings.total).toBeGreaterThan(0);
      expect(filings.items.every((a) => a.machine === 'provider-filing')).toBe(true);
      expect((await get('division=210200')).items.every((a) => a.actor.jurisdiction !== '210100')).toBe(true);
      const first = all.items[all.items.length - 1];
      const window = await get(`from=${encodeURIComponent(first.at)}&to=${encodeURIComponent(new Date(Date.parse(first.at) + 1).toISOString())}`);
      expect(window.items.map((a) => a.id)).toContain(first.id);
      expect(window.items.every((a) => a.at === first.at)).toBe(true);
    });

    it("keeps a supervisor to its own jurisdiction's acts and refuses everyone else", async () => {
      const sy = (await c.get(oversight, '/api/v1/workflow/oversight/acts?username=sy-police&limit=200')).json();
      const dl = (await c.get(dalian, '/api/v1/workflow/oversight/acts?limit=200')).json();
      const syIds = new Set(sy.items.map((a: Act) => a.id));
      expect(dl.items.some((a: Act) => syIds.has(a.id))).toBe(false);
      expect((await c.get(shenyang, '/api/v1/workflow/oversight/acts?username=sy-police&limit=200')).json().total).toBe(sy.total);
      for (const who of [provider, citizen, school]) {
        expect((await c.get(who, '/api/v1/workflow/oversight/acts')).statusCode).toBe(403);
        expect((await c.get(who, '/api/v1/workflow/oversight/acts/export')).statusCode).toBe(403);
      }
    });

    it('refuses a filter it does not know, naming the field and the rule', async () => {
      for (const [q, field, rule] of [
        ['role=citizen', 'role', 'enum'],
        ['machine=parking', 'machine', 'enum'],
        ['division=110000', 'division', 'gb2260-division'],
        ['from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 'to', 'after-from'],
      ] as const) {
        const res = await c.get(oversight, `/api/v1/workflow/oversight/acts?${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().errors[0]).toMatchObject({ field, rule, message: { zh: expect.any(String), en: expect.any(String) } });
      }
      expect((await c.get(oversight, '/api/v1/workflow/oversight/acts?from=yesterday')).statusCode).toBe(400);
      expect((await c.get(oversight, '/api/v1/workflow/oversight/acts?limit=201')).statusCode).toBe(400);
    });

    it('exports every page for the same filters, with who acted, the item and the article', async () => {
      const list = (await c.get(oversight, '/api/v1/workflow/oversight/acts?username=sy-police&limit=200')).json();
      const csv = await c.get(oversight, '/api/v1/workflow/oversight/acts/export?username=sy-police&format=csv');
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-disposition']).toContain('official-acts');
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toContain('用户名 / Username');
      expect(lines[0]).toContain('条款 / Article');
      expect(lines).toHaveLength(list.total + 1);
      expect(csv.body).toContain(`/work/items/${list.items[0].itemId}`);
      expect(csv.body).not.toContain('hp-police');
      const xlsx = await c.get(oversight, '/api/v1/workflow/oversight/acts/export?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  });

  it('has taken every transition of these machines, and seen each refused', async () => {
    const missing: Record<string, { neverTaken: string[]; neverRefused: string[] }> = {};
    for (const m of ['complaint', 'warning', 'reward', 'adjustment', 'design-review']) {
      const { all, applied } = await transitionCoverage(t, m);
      const { refused } = await refusalCoverage(t, m);
      const gap = { neverTaken: all.filter((x) => !applied.includes(x)), neverRefused: all.filter((x) => !refused.includes(x)) };
      if (gap.neverTaken.length || gap.neverRefused.length) missing[m] = gap;
    }
    expect(missing).toEqual({});
  });
});
