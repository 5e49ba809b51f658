import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type AuthHeaders, type TestApp } from '../../../test/support/app.js';
import { testDialects } from '../../../test/support/databases.js';
import { tick } from '../../workflow/index.js';
import { seedRegistry } from '../../workflow/test-support.js';
import { client, dayAfter, refusalCoverage, transitionCoverage } from './workflow-test-helpers.js';

const DAY = 86_400_000;

describe.each(testDialects)('inspection → rectification → fine, removal, direct penalties (Art 26-27, 31-35) on %s', (dialect) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let heping: AuthHeaders;
  let shenyang: AuthHeaders;
  let dalian: AuthHeaders;
  let school: AuthHeaders;
  let oversight: AuthHeaders;

  beforeAll(async () => {
    // Time limits run for days; sessions must outlive the moved clock.
    t = await createTestApp(dialect, { sessionTtlSeconds: 365 * 86_400 });
    seedRegistry(t.tdb);
    c = client(t);
    heping = await t.as({ username: 'hp-police', role: 'county_supervisor', jurisdiction: '210102' });
    shenyang = await t.as({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    dalian = await t.as({ username: 'dl-police', role: 'city_supervisor', jurisdiction: '210200' });
    school = await t.as({ username: 'school', role: 'key_unit', keyUnitId: 10 });
    oversight = await t.as({ username: 'watcher', role: 'oversight' });
  });
  afterAll(() => t.close());

  async function openCase(ruleId: string, subject: Record<string, unknown> = { keyUnitId: 10, offender: 'unit' }, who = heping) {
    const res = await c.open(who, 'case', 'open', { ruleId, facts: '检查发现', subject });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().item as { id: number; version: number };
  }

  let inspectionId: number;
  let caseId: number;

  describe('the inspection (Art 26-27)', () => {
    it('refuses a plan dated in the past', async () => {
      const res = await c.open(heping, 'inspection', 'plan', { subject: { keyUnitId: 10 }, plannedDate: dayAfter(t, -1), scope: '年度检查' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', citation: { article: 26 }, errors: [{ field: 'plannedDate' }] });
    });

    it('refuses a plan for a unit outside the officer’s jurisdiction', async () => {
      const res = await c.open(heping, 'inspection', 'plan', { subject: { keyUnitId: 11 }, plannedDate: dayAfter(t, 1), scope: '年度检查' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('JF_WF_OUTSIDE_JURISDICTION');
    });

    it('plans, reschedules, and cancels an inspection', async () => {
      const res = await c.open(heping, 'inspection', 'plan', { subject: { keyUnitId: 10 }, plannedDate: dayAfter(t, 3), scope: '专项检查' });
      expect(res.statusCode).toBe(201);
      const id = res.json().item.id;
      const past = await c.step(heping, id, 'reschedule', { plannedDate: dayAfter(t, -2), reason: '补登' });
      expect(past.statusCode).toBe(422);
      const re = await c.step(heping, id, 'reschedule', { plannedDate: dayAfter(t, 5), reason: '单位请求改期' });
      expect(re.statusCode).toBe(200);
      expect(re.json().item.data.plannedDate).toBe(dayAfter(t, 5));
      const cancel = await c.step(heping, id, 'cancel', { reason: '合并至年度检查' });
      expect(cancel.json().item).toMatchObject({ state: 'cancelled', terminal: true });
      const start = await c.step(heping, id, 'start');
      expect(start.statusCode).toBe(409);
    });

    it('plans the inspection and prefills the Art 27 checklist from the registry and the rules on start', async () => {
      const res = await c.open(heping, 'inspection', 'plan', { subject: { keyUnitId: 10 }, plannedDate: dayAfter(t, 0), scope: '年度监督检查' });
      inspectionId = res.json().item.id;
      expect(res.json().item).toMatchObject({ state: 'planned', keyUnitId: 10, divisionCode: '210102', awaiting: 'official' });
      const school1 = await c.get(school, `/api/v1/workflow/items/${inspectionId}`);
      expect(school1.statusCode).toBe(200);
      expect(school1.json().item.actions).toEqual([]);
      const started = await c.step(heping, inspectionId, 'start');
      expect(started.statusCode).toBe(200);
      const list = started.json().item.data.checklist;
      expect(list.map((e: { item: number }) => e.item)).toEqual([1, 2, 3, 4, 5]);
      expect(list[0].label.zh).toContain('安装义务');
      expect(list[0].prefill.some((p: { source: string }) => p.source === 'registry')).toBe(true);
      expect(list[0].prefill.some((p: { source: string; ruleId?: string }) => p.source === 'rules' && p.ruleId === 'art10.p1.key-unit-must-install')).toBe(true);
      expect(list[2].prefill.some((p: { text: { zh: string } }) => p.text.zh.includes('沈阳安防科技有限公司'))).toBe(true);
    });

    it('records a hazard with a photo: the missing duty roster (Art 11 (4))', async () => {
      const photo = await c.attach(heping, inspectionId);
      expect(photo.statusCode).toBe(201);
      const bad = await c.step(heping, inspectionId, 'record-hazard', { ruleId: 'art99.nothing', description: '无' });
      expect(bad.statusCode).toBe(422);
      const stray = await c.step(heping, inspectionId, 'record-hazard', { ruleId: 'art11.i4.duty-roster-and-emergency-plan', description: '无值班记录', photoIds: [photo.json().id + 1000] });
      expect(stray.statusCode).toBe(422);
      const res = await c.step(heping, inspectionId, 'record-hazard', { ruleId: 'art11.i4.duty-roster-and-emergency-plan', description: '监控室无值班记录，未制定应急处置预案', photoIds: [photo.json().id] });
      expect(res.statusCode).toBe(200);
      const d = res.json().item.data;
      expect(d.hazards[0]).toMatchObject({ id: 1, checklistItem: 2, path: 'rectify-then-fine', citation: { article: 11, paragraph: 1, item: 4 } });
      expect(d.checklist[1].result).toBe('hazard');
      const pic = await c.get(school, `/api/v1/workflow/attachments/${photo.json().id}`);
      expect(pic.statusCode).toBe(200);
      expect(pic.headers['content-type']).toBe('image/png');
      const notPng = await t.app.inject({ method: 'POST', url: `/api/v1/workflow/items/${inspectionId}/attachments`, headers: { ...heping }, payload: { filename: 'x.png', contentType: 'image/png', dataBase64: Buffer.from('hello').toString('base64') } });
      expect(notPng.statusCode).toBe(400);
    });

    it('refuses to complete before items 1-4 are checked, and to mark a hazard item compliant', async () => {
      const early = await c.step(heping, inspectionId, 'complete');
      expect(early.statusCode).toBe(409);
      expect(early.json().messages.zh).toContain('（1）、（3）、（4）');
      const wrong = await c.step(heping, inspectionId, 'record-check', { item: 2, result: 'compliant' });
      expect(wrong.statusCode).toBe(409);
      for (const item of [1, 3, 4]) expect((await c.step(heping, inspectionId, 'record-check', { item, result: 'compliant', notes: '符合' })).statusCode).toBe(200);
    });

    it('refuses a fee on the inspection record (Art 29)', async () => {
      const res = await c.step(heping, inspectionId, 'record-check', { item: 5, result: 'not_applicable', notes: '收取检查费200元' });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('JF_WF_ART29_FORBIDDEN');
    });

    it('completes the inspection and issues the record, which verifies', async () => {
      const res = await c.step(heping, inspectionId, 'complete');
      expect(res.statusCode).toBe(200);
      expect(res.json().documents[0]).toMatchObject({ kind: 'inspection-record' });
      expect(res.json().item.data.checklist[4].result).toBe('not_applicable');
      const doc = (await c.get(heping, `/api/v1/workflow/documents/${res.json().documents[0].id}`)).json();
      expect(doc.content.organ.zh).toBe('沈阳市公安局和平分局');
      expect(doc.content.hazards).toHaveLength(1);
      const v = await c.get(undefined, `/api/v1/public/documents/verify?number=${doc.number}&code=${doc.verificationCode}`);
      expect(v.json()).toMatchObject({ kind: 'inspection-record', title: { zh: '监督检查记录' }, subject: '沈阳市和平区第一中学' });
    });

    it('opens a case on the hazard, once', async () => {
      const res = await c.step(heping, inspectionId, 'open-case', { hazardId: 1 });
      expect(res.statusCode).toBe(200);
      caseId = res.json().item.data.hazards[0].caseId;
      expect(caseId).toBeGreaterThan(0);
      const again = await c.step(heping, inspectionId, 'open-case', { hazardId: 1 });
      expect(again.statusCode).toBe(409);
      const detail = (await c.get(heping, `/api/v1/workflow/items/${inspectionId}`)).json();
      expect(detail.children.map((x: { id: number }) => x.id)).toEqual([caseId]);
    });
  });

  describe('Art 11 → Art 32: order, deadline passes, fine', () => {
    it('opens the case on the Art 32 road', async () => {
      const res = (await c.get(heping, `/api/v1/workflow/items/${caseId}`)).json();
      expect(res.item).toMatchObject({ machine: 'case', state: 'open', keyUnitId: 10, parentId: inspectionId });
      expect(res.item.data.violation).toMatchObject({ ruleId: 'art11.i4.duty-roster-and-emergency-plan', path: 'rectify-then-fine', penaltyArticle: 32, penaltyItem: 4 });
      expect(res.item.actions.map((a: { name: string }) => a.name)).toEqual(['order-rectification', 'order-removal', 'decide-penalty', 'dismiss', 'record-referral']);
    });

    it('refuses a time limit in the past or today, and the wrong road', async () => {
      expect((await c.step(heping, caseId, 'order-rectification', { timeLimit: dayAfter(t, -1), requirements: '建立值班制度' })).json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', errors: [{ field: 'timeLimit' }] });
      expect((await c.step(heping, caseId, 'order-rectification', { timeLimit: dayAfter(t, 0), requirements: '建立值班制度' })).statusCode).toBe(422);
      const removal = await c.step(heping, caseId, 'order-removal', { timeLimit: dayAfter(t, 10), requirements: '拆除' });
      expect(removal.statusCode).toBe(409);
      expect(removal.json().rule.id).toBe('art32.rectify-then-fine');
      const direct = await c.step(heping, caseId, 'decide-penalty', { statement: '直接处罚' });
      expect(direct.statusCode).toBe(409);
    });

    it('refuses an order that names a product the unit must buy (Art 29)', async () => {
      const res = await c.step(heping, caseId, 'order-rectification', { timeLimit: dayAfter(t, 10), requirements: '须统一采购海康威视摄像机并由指定公司安装' });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('JF_WF_ART29_FORBIDDEN');
    });

    it('orders rectification within ten days and issues the notice, with the fine that follows a miss', async () => {
      const key = await c.step(school, caseId, 'order-rectification', { timeLimit: dayAfter(t, 10), requirements: '建立值班制度' });
      expect(key.statusCode).toBe(403);
      const res = await c.step(heping, caseId, 'order-rectification', { timeLimit: dayAfter(t, 10), requirements: '建立监控室值班制度并制定应急处置预案，报送整改情况' });
      expect(res.statusCode).toBe(200);
      const item = res.json().item;
      expect(item).toMatchObject({ state: 'rectification_ordered', awaiting: 'subject', dueParty: 'subject', dueAt: `${dayAfter(t, 10)}T16:00:00.000Z` });
      const doc = (await c.get(school, `/api/v1/workflow/documents/${res.json().documents[0].id}`)).json();
      expect(doc.kind).toBe('rectification-notice');
      expect(doc.content.timeLimit).toBe(dayAfter(t, 10));
      expect(doc.content.consequence.fines[0].zh).toBe('对单位处5000元罚款');
      expect(doc.content.legalBasis.citation).toEqual({ article: 32 });
      expect(doc.content.freeChoice.zh).toContain('第二十九条');
      const inbox = (await c.get(school, '/api/v1/workflow/inbox')).json();
      expect(inbox.items.map((i: { id: number }) => i.id)).toContain(caseId);
    });

    it('answers an early fine decision with the current state and what may be done', async () => {
      const res = await c.step(heping, caseId, 'decide-fine', { statement: '逾期' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'JF_WF_ILLEGAL_TRANSITION', currentState: 'rectification_ordered', citation: { article: 32 } });
      expect(res.json().allowedTransitions.map((a: { name: string }) => a.name)).toEqual(['report-rectification', 'confirm-rectified', 'deadline-passed', 'record-referral']);
      const system = await c.step(heping, caseId, 'deadline-passed');
      expect(system.statusCode).toBe(403);
    });

    it('moves the case to overdue when the time limit passes unrectified (the scheduler)', async () => {
      t.clock.advance(11 * DAY);
      const r = await tick({ jdb: t.tdb, clock: t.clock });
      expect(r.transitioned, JSON.stringify([r, await t.tdb.db.selectFrom('workflowJobs').selectAll().execute()])).toBeGreaterThanOrEqual(1);
      const res = (await c.get(heping, `/api/v1/workflow/items/${caseId}`)).json();
      expect(res.item).toMatchObject({ state: 'overdue', awaiting: 'official', dueParty: 'official' });
      expect(res.history.at(-1)).toMatchObject({ transition: 'deadline-passed', system: true, actor: null, rule: 'art31.rectify-then-fine' });
      const again = await tick({ jdb: t.tdb, clock: t.clock });
      expect(again.transitioned).toBe(0);
    });

    it('refuses amounts the article does not allow, and Art 34’s "serious" on an Art 32 case', async () => {
      const amounts = await c.step(heping, caseId, 'decide-fine', { statement: '逾期不改正', fines: [{ payer: 'unit', amountYuan: 10000 }] });
      expect(amounts.statusCode).toBe(422);
      expect(amounts.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', citation: { article: 32 }, errors: [{ field: 'fines' }] });
      expect(amounts.json().messages.zh).toContain('对单位处5000元罚款');
      const serious = await c.step(heping, caseId, 'decide-fine', { statement: '逾期不改正', serious: true });
      expect(serious.statusCode).toBe(422);
      const outside = await c.step(dalian, caseId, 'decide-fine', { statement: '逾期不改正' });
      expect(outside.statusCode).toBe(403);
      expect(outside.json().code).toBe('JF_WF_OUTSIDE_JURISDICTION');
    });

    it('decides the Art 32 fine of 5,000 yuan, computed by the law, and issues the decision', async () => {
      const res = await c.step(heping, caseId, 'decide-fine', { statement: '经复查，逾期未建立值班制度', fines: [{ payer: 'unit', amountYuan: 5000 }] });
      expect(res.statusCode, res.body).toBe(200);
      const item = res.json().item;
      expect(item.state).toBe('penalty_decided');
      expect(item.data.rectifiedInTime).toBe(false);
      expect(item.data.penalty.decision.fines).toEqual([expect.objectContaining({ payer: 'unit', amountYuan: 5000 })]);
      const doc = (await c.get(shenyang, `/api/v1/workflow/documents/${res.json().documents[0].id}`)).json();
      expect(doc.kind).toBe('penalty-decision');
      expect(doc.number).toMatch(/^CF-210102-2026-00001$/);
      expect(doc.content.legalBasis).toMatchObject({ citation: { article: 32 }, label: { zh: '第三十二条' } });
      expect(doc.content.legalBasis.text.zh).toContain('处5000元罚款');
      expect(doc.content.remedies.zh).toContain('行政复议');
      const other = await c.get(dalian, `/api/v1/workflow/documents/${res.json().documents[0].id}`);
      expect(other.statusCode).toBe(403);
      const v = await c.get(undefined, `/api/v1/public/documents/verify?number=${doc.number}&code=${doc.verificationCode}`);
      expect(v.json()).toMatchObject({ kind: 'penalty-decision', issuingOrgan: { divisionCode: '210102' } });
    });

    it('refuses a referral the article does not provide, and closes the case', async () => {
      const ref = await c.step(heping, caseId, 'record-referral', { kind: 'criminal_liability', note: '移送' });
      expect(ref.statusCode).toBe(422);
      expect(ref.json().errors[0].field).toBe('kind');
      const close = await c.step(heping, caseId, 'close', { note: '罚款已缴纳' });
      expect(close.json().item).toMatchObject({ state: 'closed', terminal: true });
    });

    it('shows oversight who did each act, and the deadlines nobody missed', async () => {
      const h = (await c.get(oversight, `/api/v1/workflow/items/${caseId}`)).json().history;
      expect(h.map((x: { transition: string }) => x.transition)).toEqual(['open', 'order-rectification', 'deadline-passed', 'decide-fine', 'close']);
      expect(h.filter((x: { system: boolean }) => !x.system).every((x: { actor: { username: string } }) => x.actor.username.startsWith('hp-police'))).toBe(true);
    });
  });

  describe('Art 31: order, the unit reports, re-inspection', () => {
    it('closes a case the unit rectified and reported in time', async () => {
      const k = await openCase('art10.p1.key-unit-must-install');
      await c.step(heping, k.id, 'order-rectification', { timeLimit: dayAfter(t, 30), requirements: '安装视频监控系统' });
      const report = await c.step(school, k.id, 'report-rectification', { text: '已安装并运行' });
      expect(report.statusCode).toBe(200);
      expect(report.json().item).toMatchObject({ state: 'rectification_reported', awaiting: 'official' });
      const early = await c.step(heping, k.id, 'record-overdue', { notes: '未改正' });
      expect(early.statusCode).toBe(409);
      const notYet = await c.step(heping, k.id, 'find-not-rectified', { notes: '尚未联网' });
      expect(notYet.json().item.state).toBe('rectification_ordered');
      await c.step(school, k.id, 'report-rectification', { text: '已联网' });
      const ok = await c.step(heping, k.id, 'confirm-rectified', { notes: '复查合格' });
      expect(ok.json().item).toMatchObject({ state: 'closed_rectified', terminal: true });
      expect(ok.json().item.data.rectifiedInTime).toBe(true);
    });

    it('records overdue at re-inspection once the time limit has passed, then fines unit and responsible persons', async () => {
      const k = await openCase('art10.p1.key-unit-must-install');
      await c.step(heping, k.id, 'order-rectification', { timeLimit: dayAfter(t, 5), requirements: '安装入侵报警系统' });
      await c.step(school, k.id, 'report-rectification', { text: '已订购设备' });
      t.clock.advance(6 * DAY);
      await tick({ jdb: t.tdb, clock: t.clock });
      const inTime = await c.step(heping, k.id, 'find-not-rectified', { notes: '未安装' });
      expect(inTime.statusCode).toBe(409);
      const confirm = await c.step(heping, k.id, 'confirm-rectified', { notes: '已改正' });
      expect(confirm.statusCode).toBe(200);
      // A second case the same way, found overdue.
      const k2 = await openCase('art10.p1.key-unit-must-install');
      await c.step(heping, k2.id, 'order-rectification', { timeLimit: dayAfter(t, 2), requirements: '安装入侵报警系统' });
      await c.step(school, k2.id, 'report-rectification', { text: '已订购设备' });
      t.clock.advance(3 * DAY);
      const overdue = await c.step(heping, k2.id, 'record-overdue', { notes: '逾期仍未安装' });
      expect(overdue.json().item.state).toBe('overdue');
      const fine = await c.step(heping, k2.id, 'decide-fine', { statement: '逾期不改正', responsiblePersons: ['张某', '李某'] });
      expect(fine.statusCode).toBe(200);
      const fines = fine.json().item.data.penalty.decision.fines.map((f: { payer: string; amountYuan: number; perPerson?: boolean }) => [f.payer, f.amountYuan, !!f.perPerson]);
      expect(fines).toEqual([
        ['unit', 30000, false],
        ['responsible_person', 5000, true],
      ]);
      const doc = (await c.get(heping, `/api/v1/workflow/documents/${fine.json().documents[0].id}`)).json();
      expect(doc.content.responsiblePersons).toEqual(['张某', '李某']);
      const v = await c.get(undefined, `/api/v1/public/documents/verify?number=${doc.number}&code=${doc.verificationCode}`);
      expect(JSON.stringify(v.json())).not.toContain('张某');
    });

    it('closes an unrectified case without a fine where Chapter 5 has none (Art 15)', async () => {
      const k = await openCase('art15.signage-where-video-captured');
      await c.step(heping, k.id, 'order-rectification', { timeLimit: dayAfter(t, 3), requirements: '设置提示标识' });
      t.clock.advance(4 * DAY);
      await tick({ jdb: t.tdb, clock: t.clock });
      const fine = await c.step(heping, k.id, 'decide-fine', { statement: '逾期' });
      expect(fine.statusCode).toBe(409);
      const close = await c.step(heping, k.id, 'close-unrectified', { note: '督促整改，另行检查' });
      expect(close.json().item.state).toBe('closed');
    });

    it('refuses to close without a fine where the article provides one', async () => {
      const k = await openCase('art11.i1.maintenance-rules');
      await c.step(heping, k.id, 'order-rectification', { timeLimit: dayAfter(t, 1), requirements: '制定维护制度' });
      t.clock.advance(2 * DAY);
      await tick({ jdb: t.tdb, clock: t.clock });
      const close = await c.step(heping, k.id, 'close-unrectified', { note: '算了' });
      expect(close.statusCode).toBe(409);
      expect(close.json().rule.id).toBe('art32.rectify-then-fine');
    });

    it('lets Art 32 reach units only, as the law reads it', async () => {
      const res = await c.open(heping, 'case', 'open', { ruleId: 'art11.i2.designated-trained-operator', facts: '无', subject: { name: '王某', divisionCode: '210102', offender: 'individual' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().citation.article).toBe(32);
    });

    it('dismisses a case not verified', async () => {
      const k = await openCase('art13.standards-conformity');
      const res = await c.step(heping, k.id, 'dismiss', { note: '经查系误报' });
      expect(res.json().item).toMatchObject({ state: 'dismissed', terminal: true });
    });
  });

  describe('Art 14 → Art 33: removal order, refused, forced removal', () => {
    it('orders removal, the time limit passes, removal is enforced, referrals recorded', async () => {
      const k = await openCase('art14.no-capture-in-private-places');
      expect((await c.step(heping, k.id, 'order-rectification', { timeLimit: dayAfter(t, 3), requirements: '拆除' })).statusCode).toBe(409);
      const order = await c.step(heping, k.id, 'order-removal', { timeLimit: dayAfter(t, 3), requirements: '拆除宿舍寝室内的摄像机' });
      expect(order.json().item.state).toBe('removal_ordered');
      const doc = (await c.get(heping, `/api/v1/workflow/documents/${order.json().documents[0].id}`)).json();
      expect(doc).toMatchObject({ kind: 'removal-notice', content: { legalBasis: { citation: { article: 33 } } } });
      t.clock.advance(4 * DAY);
      const r = await tick({ jdb: t.tdb, clock: t.clock });
      expect(r.transitioned).toBeGreaterThanOrEqual(1);
      expect((await c.get(heping, `/api/v1/workflow/items/${k.id}`)).json().item.state).toBe('removal_refused');
      const psap = await c.step(heping, k.id, 'record-referral', { kind: 'public_security_administration_punishment', note: '移送治安部门' });
      expect(psap.statusCode).toBe(200);
      expect((await c.step(heping, k.id, 'record-referral', { kind: 'damages', note: '赔偿' })).statusCode).toBe(422);
      const forced = await c.step(heping, k.id, 'enforce-removal', { note: '依法强制拆除' });
      expect(forced.json().item.state).toBe('forcibly_removed');
      expect((await c.step(heping, k.id, 'close', { note: '已拆除' })).json().item.state).toBe('closed');
    });

    it('closes when the unit reports the removal and re-inspection confirms it; or records the refusal', async () => {
      const k = await openCase('art14.no-capture-in-private-places');
      await c.step(heping, k.id, 'order-removal', { timeLimit: dayAfter(t, 5), requirements: '拆除' });
      await c.step(school, k.id, 'report-removal', { text: '已拆除' });
      const not = await c.step(heping, k.id, 'find-not-removed', { notes: '仍在' });
      expect(not.json().item.state).toBe('removal_ordered');
      await c.step(school, k.id, 'report-removal', { text: '确已拆除' });
      expect((await c.step(heping, k.id, 'record-refusal-to-remove', { notes: '仍在' })).statusCode).toBe(409);
      expect((await c.step(heping, k.id, 'confirm-removed', { notes: '复查已拆除' })).json().item.state).toBe('closed_removed');

      const k2 = await openCase('art14.no-capture-in-private-places');
      await c.step(heping, k2.id, 'order-removal', { timeLimit: dayAfter(t, 1), requirements: '拆除' });
      await c.step(school, k2.id, 'report-removal', { text: '已拆除' });
      t.clock.advance(2 * DAY);
      expect((await c.step(heping, k2.id, 'find-not-removed', { notes: '仍在' })).statusCode).toBe(409);
      expect((await c.step(heping, k2.id, 'record-refusal-to-remove', { notes: '拒不拆除' })).json().item.state).toBe('removal_refused');
    });
  });

  describe('Art 21 → Art 34 and Art 22 → Art 35: a penalty decision directly', () => {
    it('decides the Art 34 fines, serious tier, and records damages', async () => {
      const k = await openCase('art21.i1.no-damage-or-unauthorized-removal');
      expect((await c.step(heping, k.id, 'order-rectification', { timeLimit: dayAfter(t, 5), requirements: '恢复' })).statusCode).toBe(409);
      const gains = await c.step(heping, k.id, 'decide-penalty', { statement: '擅自拆除', illegalGainsYuan: 100 });
      expect(gains.statusCode).toBe(422);
      // Art 34 fines the directly responsible person too: the decision names that person or is refused.
      const unnamed = await c.step(heping, k.id, 'decide-penalty', { statement: '擅自拆除监控，情节严重', serious: true });
      expect(unnamed.statusCode).toBe(422);
      expect(unnamed.json()).toMatchObject({ code: 'JF_WF_RULE_REFUSED', citation: { article: 34 }, errors: [{ field: 'directResponsiblePerson' }] });
      const res = await c.step(heping, k.id, 'decide-penalty', { statement: '擅自拆除监控，情节严重', serious: true, directResponsiblePerson: '赵某' });
      expect(res.statusCode).toBe(200);
      expect(res.json().item.data.penalty.decision.fines.map((f: { payer: string; amountYuan: number }) => [f.payer, f.amountYuan])).toEqual([
        ['unit', 30000],
        ['direct_responsible_person', 10000],
      ]);
      expect((await c.step(heping, k.id, 'record-referral', { kind: 'damages', note: '造成损失，告知依法赔偿' })).statusCode).toBe(200);
    });

    it('decides the Art 35 fine on an individual with confiscation and three times the gains', async () => {
      const k = await openCase('art22.i3.no-unauthorized-copy-or-deletion', { name: '孙某', divisionCode: '210102', offender: 'individual' });
      const res = await c.step(heping, k.id, 'decide-penalty', { statement: '擅自复制并出售采获信息', illegalGainsYuan: 2000 });
      expect(res.statusCode).toBe(200);
      const p = res.json().item.data.penalty.decision;
      expect(p.fines.map((f: { payer: string; amountYuan: number }) => [f.payer, f.amountYuan])).toEqual([
        ['individual', 10000],
        ['individual', 6000],
      ]);
      expect(p.confiscation.amountYuan).toBe(2000);
      const doc = (await c.get(heping, `/api/v1/workflow/documents/${res.json().documents[0].id}`)).json();
      const v = await c.get(undefined, `/api/v1/public/documents/verify?number=${doc.number}&code=${doc.verificationCode}`);
      expect(v.json().subject).toBeNull();
    });

    it('leaves exactly one of two simultaneous decisions applied', async () => {
      const k = await openCase('art21.i2.no-obstruction-or-interruption');
      const [a, b] = await Promise.all([
        c.act(heping, k.id, 'decide-penalty', k.version, { statement: '甲', directResponsiblePerson: '钱某' }),
        c.act(shenyang, k.id, 'decide-penalty', k.version, { statement: '乙', directResponsiblePerson: '钱某' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const docs = (await c.get(heping, `/api/v1/workflow/items/${k.id}`)).json().documents;
      expect(docs).toHaveLength(1);
    });
  });

  describe('each act refused where it does not belong, and recorded for oversight', () => {
    /** A 409 naming the state the item is in and the rule of the act tried. */
    const illegal = (res: { statusCode: number; json(): { code: string; currentState: string; rule: { id: string } } }, state: string, rule: string) => {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'JF_WF_ILLEGAL_TRANSITION', currentState: state, rule: { id: rule } });
    };

    it('refuses on an open case whatever needs an order first: reports, re-inspection, enforcement, closing', async () => {
      const k = await openCase('art14.no-capture-in-private-places');
      illegal(await c.step(school, k.id, 'report-rectification', { text: '已整改' }), 'open', 'art31.rectify-then-fine');
      illegal(await c.step(school, k.id, 'report-removal', { text: '已拆除' }), 'open', 'art33.removal-order');
      illegal(await c.step(heping, k.id, 'confirm-rectified', { notes: '复查' }), 'open', 'art26.urge-rectification-of-hazards');
      illegal(await c.step(heping, k.id, 'confirm-removed', { notes: '复查' }), 'open', 'art33.removal-order');
      illegal(await c.step(heping, k.id, 'enforce-removal', { note: '强制拆除' }), 'open', 'art33.removal-order');
      illegal(await c.step(heping, k.id, 'close', { note: '结案' }), 'open', 'art26.urge-rectification-of-hazards');
    });

    it('refuses to dismiss a case once ordered, and lets only the platform pass a removal time limit', async () => {
      const k = await openCase('art14.no-capture-in-private-places');
      await c.step(heping, k.id, 'order-removal', { timeLimit: dayAfter(t, 5), requirements: '拆除' });
      illegal(await c.step(heping, k.id, 'dismiss', { note: '不予处理' }), 'removal_ordered', 'art26.urge-rectification-of-hazards');
      const early = await c.step(heping, k.id, 'removal-deadline-passed');
      expect(early.statusCode).toBe(403);
      expect(early.json()).toMatchObject({ code: 'JF_WF_NOT_YOUR_TRANSITION', citation: { article: 33 } });
    });

    it('refuses to cancel a completed inspection', async () => {
      illegal(await c.step(heping, inspectionId, 'cancel', { reason: '撤销' }), 'completed', 'art26.urge-rectification-of-hazards');
    });
  });

  it('has taken every transition of the inspection and case machines, and seen each refused', async () => {
    const missing: Record<string, { neverTaken: string[]; neverRefused: string[] }> = {};
    for (const m of ['inspection', 'case']) {
      const { all, applied } = await transitionCoverage(t, m);
      const { refused } = await refusalCoverage(t, m);
      const gap = { neverTaken: all.filter((x) => !applied.includes(x)), neverRefused: all.filter((x) => !refused.includes(x)) };
      if (gap.neverTaken.length || gap.neverRefused.length) missing[m] = gap;
    }
    expect(missing).toEqual({});
  });
});
