import { sql } from 'kysely';
import { actorsByUsername, type Actor } from '../access/index.js';
import type { JifangDb } from '../db/database.js';
import { fixedClock, type Clock } from '../shared/clock.js';
import { chinaDate } from './domain/time.js';
import { openItem, transitionItem } from './engine.js';
import { tick } from './scheduler.js';
import { workflowDb } from './tables.js';
import type { WorkflowDeps } from './workflow.js';

/**
 * Work in progress for the demo Liaoning, so that every workspace has
 * something to show after `npm start`: the demo provider's filing accepted
 * and on the public list (Art 16, 18) and a second Shenyang provider's filing
 * waiting for the check; in Heping an inspection of the demo school that found
 * two hazards, one ordered to be rectified within a time limit still running
 * and one awaiting action (Art 26, 27, 31); an order against a bank branch
 * whose time limit has passed (Art 31, 32); a citizen's complaint about the
 * demo provider (Art 28); the demo school's design review (Art 12).
 *
 * Everything is done through the engine as the demo accounts, so each act is
 * authorized by the policy, checked by its rules, logged and on the ledger.
 * The acts are laid out over the past weeks, each at its own moment of the
 * engine's clock, and the scheduler then runs once at the real time: the time
 * limit and the service target that have passed by now are acted on as they
 * would have been, and no stored time lies in the future.
 *
 * Idempotent: each procedure is looked for by who opened it and what it is
 * about (provider, key unit); one found is left alone.
 */

const DAY = 86_400_000;

/** The demo accounts the procedures are carried out as. */
const ACCOUNTS = ['demo-provider', 'demo-provider-2', 'demo-shenyang', 'demo-heping', 'demo-school', 'demo-citizen'] as const;
type DemoAccountName = (typeof ACCOUNTS)[number];

/** Proof of each condition of Art 16 ¶1 (1)-(4), by title. */
const MATERIALS = {
  item1: [{ title: '营业执照副本' }],
  item2: [{ title: '技术人员培训证书（8人）' }],
  item3: [{ title: '办公场所租赁合同及检测设备清单' }],
  item4: [{ title: '安全管理和岗位责任制度汇编' }],
};

/** The fictitious phone number of the demo citizen: obviously not anybody's. */
export const DEMO_CITIZEN_PHONE = '13800000000';

export interface WorkflowDemoResult {
  /** Steps of the demo carried out by this run (each opens one procedure, the inspection three). */
  added: number;
  /** Procedures of the demo in all, found or added. */
  procedures: number;
  /** What the deadline scheduler did at the real time. */
  transitioned: number;
  missed: number;
}

export async function seedWorkflowDemo(jdb: JifangDb, clock: Clock): Promise<WorkflowDemoResult> {
  const none: WorkflowDemoResult = { added: 0, procedures: 0, transitioned: 0, missed: 0 };
  const actors = await actorsByUsername(jdb.db, ACCOUNTS);
  if (!actors) return none;
  const school = actors['demo-school'].keyUnitId;
  const provider = actors['demo-provider'].providerId;
  const secondProvider = actors['demo-provider-2'].providerId;
  const [bank] = (await sql<{ id: number }>`select id from key_units where unit_type = 'bank_branch' and division_code = '210102' and restricted = 0 order by id limit 1`.execute(jdb.db.withoutPlugins())).rows;
  if (school == null || provider == null || secondProvider == null || !bank) return none;
  const bankId = Number(bank.id);

  const now = clock.now().getTime();
  /** The engine as it was `days` days ago (fractions for hours). */
  const at = (days: number): WorkflowDeps => ({ jdb, clock: fixedClock(new Date(now - days * DAY).toISOString()) });
  /** The day in China `days` days ago (negative: ahead). */
  const dateOf = (days: number) => chinaDate(new Date(now - days * DAY));
  const wf = workflowDb(jdb.db);
  const find = async (machine: string, by: Actor, about: { providerId?: number; keyUnitId?: number; parentId?: number }) => {
    let q = wf.selectFrom('workflowItems').select(['id', 'version']).where('machine', '=', machine).where('createdBy', '=', by.userId);
    if (about.providerId != null) q = q.where('providerId', '=', about.providerId);
    if (about.keyUnitId != null) q = q.where('keyUnitId', '=', about.keyUnitId);
    if (about.parentId != null) q = q.where('parentId', '=', about.parentId);
    const r = await q.orderBy('id').executeTakeFirst();
    return r ? Number(r.id) : null;
  };
  const as = (name: DemoAccountName) => ({ kind: 'person' as const, actor: actors[name] });
  const version = async (id: number) => Number((await wf.selectFrom('workflowItems').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
  const step = async (daysAgo: number, who: DemoAccountName, id: number, name: string, input?: unknown) => transitionItem(at(daysAgo), as(who), id, name, { version: await version(id), ...(input !== undefined ? { input } : {}) });
  let added = 0;
  let procedures = 0;
  /** `items`: how many procedures the step opens (an inspection opens cases too). */
  const ensure = async (found: number | null, create: () => Promise<void>, items = 1) => {
    procedures += items;
    if (found != null) return;
    await create();
    added++;
  };

  // Art 16, 18: the demo provider filed with Shenyang's police and was accepted: it is on the public list.
  await ensure(await find('provider-filing', actors['demo-provider'], { providerId: provider }), async () => {
    const filed = await openItem(at(40), actors['demo-provider'], 'provider-filing', 'submit', { services: ['design', 'installation', 'maintenance'], materials: MATERIALS });
    await step(38, 'demo-shenyang', filed.item.id, 'accept');
  });

  // Art 12: the demo school registers a new laboratory building; a qualified agency passed its design scheme.
  await ensure(await find('design-review', actors['demo-school'], { keyUnitId: school }), async () => {
    const opened = await openItem(at(24), actors['demo-school'], 'design-review', 'open', {
      scope: 'key_unit',
      keyUnitId: school,
      project: { name: '实验中学新建实验楼', kind: 'new' },
      constructionUnit: '沈阳市和平区实验中学',
      standards: ['GB 50348-2018', 'GB 50395-2007'],
      scheme: '实验楼出入口、走廊和实验室设视频监控，危化品库设入侵报警，与学校监控中心联网',
    });
    await step(17, 'demo-school', opened.item.id, 'record-review-passed', {
      reviewer: 'qualified_agency',
      agency: { name: '辽宁省安全技术防范评估中心', qualification: '技防工程设计方案论证' },
      conclusion: '设计方案符合国家标准，同意按方案进行施工图设计',
    });
  });

  // Art 31, 32: a bank branch in Heping ordered a month ago to make maintenance rules; the time limit has passed.
  await ensure(await find('case', actors['demo-heping'], { keyUnitId: bankId }), async () => {
    const opened = await openItem(at(30), actors['demo-heping'], 'case', 'open', {
      ruleId: 'art11.i1.maintenance-rules',
      facts: '经检查，该支行未建立技防系统运行维护保养制度，录像设备故障两周未修复',
      subject: { keyUnitId: bankId, offender: 'unit' },
    });
    await step(29, 'demo-heping', opened.item.id, 'order-rectification', { timeLimit: dateOf(15), requirements: '建立技防系统运行维护保养制度，修复录像设备并报送整改情况' });
  });

  // Art 26, 27: an inspection of the demo school found two hazards; one is ordered rectified within a time limit still running, one awaits action.
  await ensure(await find('inspection', actors['demo-heping'], { keyUnitId: school }), async () => {
    const planned = await openItem(at(9), actors['demo-heping'], 'inspection', 'plan', { subject: { keyUnitId: school }, plannedDate: dateOf(9), scope: '年度监督检查：技防系统运行维护、值班制度和提示标识' });
    const id = planned.item.id;
    await step(9 - 1 / 24, 'demo-heping', id, 'start');
    await step(9 - 2 / 24, 'demo-heping', id, 'record-hazard', { ruleId: 'art11.i4.duty-roster-and-emergency-plan', description: '监控室无值班记录，未制定应急处置预案' });
    await step(9 - 2.5 / 24, 'demo-heping', id, 'record-hazard', { ruleId: 'art15.signage-where-video-captured', description: '学生宿舍楼出入口摄像机处未设置提示标识' });
    const checklist = ((await wf.selectFrom('workflowItems').select('data').where('id', '=', id).executeTakeFirstOrThrow()).data as string) ?? '{}';
    const unchecked = (JSON.parse(checklist) as { checklist: { item: number; result: string }[] }).checklist.filter((c) => c.item <= 4 && c.result === 'unchecked').map((c) => c.item);
    for (const item of unchecked) await step(9 - 3 / 24, 'demo-heping', id, 'record-check', { item, result: 'compliant' });
    await step(9 - 4 / 24, 'demo-heping', id, 'complete');
    await step(8, 'demo-heping', id, 'open-case', { hazardId: 1 });
    await step(8 - 0.5 / 24, 'demo-heping', id, 'open-case', { hazardId: 2 });
    const kase = await find('case', actors['demo-heping'], { parentId: id });
    await step(8 - 1 / 24, 'demo-heping', kase!, 'order-rectification', { timeLimit: dateOf(-7), requirements: '建立监控室值班制度并制定应急处置预案，报送整改情况' });
  }, 3);

  // Art 18: a second Shenyang provider filed two weeks ago; the city police have not checked it yet.
  await ensure(await find('provider-filing', actors['demo-provider-2'], { providerId: secondProvider }), async () => {
    await openItem(at(13), actors['demo-provider-2'], 'provider-filing', 'submit', { services: ['installation', 'maintenance'], materials: MATERIALS });
  });

  // Art 28: a citizen complains about the demo provider's installation; the police have yet to verify it.
  await ensure(await find('complaint', actors['demo-citizen'], { providerId: provider }), async () => {
    await openItem(at(6), actors['demo-citizen'], 'complaint', 'complain', {
      providerId: provider,
      service: '为本人住宅楼道安装视频监控系统（和平区）',
      content: '安装完成后摄像机夜间画面全黑，多次报修无人上门处理',
      contact: `演示市民 ${DEMO_CITIZEN_PHONE}`,
    });
  });

  // The deadline scheduler at the real time: the bank's time limit and the filing's check are past.
  const r = added ? await tick({ jdb, clock }) : { transitioned: 0, missed: 0 };
  return { added, procedures, transitioned: r.transitioned, missed: r.missed };
}
