import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AVAILABLE, eventually, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, chooseOption, seriousViolations } from './browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import type { Actor } from '../../src/access/index.js';
import { calculatePenalty } from '../../src/law/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import { openItem, tick, transitionItem } from '../../src/workflow/index.js';

/**
 * One whole journey per workflow, each by its real actors in their own
 * browser profiles: design review and acceptance (Art 12-13), a public-area
 * adjustment (Art 9 ¶2), complaints and warnings (Art 28), rewards (Art 30),
 * removal and direct penalties (Art 14, 21, 33-34), oversight (Art 29, 36);
 * and the four official documents printed on A4 and checked at /verify.
 */

const DAY = 86_400_000;
/** Today, or `days` from now, in China: `YYYY-MM-DD`. */
const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

/** Types each value into a free list (tags) labelled `label`, one Enter each. */
async function tags(page: Page, scope: Locator | Page, label: string, values: string[]) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  for (const v of values) {
    await box.fill(v);
    await page.keyboard.press('Enter');
  }
}

/** The fieldset whose own legend is `legend`. */
const fieldset = (scope: Locator | Page, legend: string) =>
  scope
    .locator('legend')
    .filter({ hasText: new RegExp(`^${legend}$`) })
    .locator('xpath=..');

const text = (scope: Locator | Page, label: string) => scope.getByRole('textbox', { name: label, exact: true });

async function act(page: Page, action: string) {
  await page.locator('.jf-wf-actions').getByRole('button', { name: action }).click();
}

/**
 * Clicks Submit in the open dialog until the transition is sent. A click lost
 * on a busy page (the dialog still opening, say) sends nothing: it is made
 * again, as a user would.
 */
async function clickSubmit(page: Page) {
  const d = page.getByRole('dialog');
  for (let attempt = 1; ; attempt++) {
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/transitions/'), { timeout: 10_000 });
    await d.getByRole('button', { name: /提\s*交/ }).click();
    try {
      await sent;
      return d;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Clicks Submit in the open dialog and returns the refusal it shows. */
async function submitRefused(page: Page) {
  const error = (await clickSubmit(page)).locator('.jf-api-error');
  await error.waitFor();
  return error;
}

/** Submits the open transition dialog and waits for it to close. */
async function submitDialog(page: Page) {
  await (await clickSubmit(page)).waitFor({ state: 'hidden' });
}

const inState = (page: Page, state: string) => page.locator(`.jf-wf-item[data-state="${state}"]`).waitFor();

const PDFTOTEXT = (() => {
  let found: string | null = null;
  try {
    found = execFileSync('which', ['pdftotext']).toString().trim() || null;
  } catch {
    found = null;
  }
  // Under CI the printed text is always checked: .ci/run installs poppler-utils.
  if (!found && process.env.CI === 'true') throw new Error('CI=true but pdftotext is missing: install the Debian package "poppler-utils" (see .ci/run)');
  return found;
})();

/**
 * Prints the document on this page as the browser would (print media, A4 page size from
 * the stylesheet) and checks the PDF: every page 595×842 pt, and — where poppler's
 * pdftotext is installed — its number and verification code on it and no application around it.
 */
async function printsOnA4(page: Page, number: string, code: string): Promise<{ pages: number; text: string | null }> {
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.jf-header', '.jf-sider', '.jf-footer', '.jf-doc-toolbar', '.jf-skip-link']) {
    expect(await page.locator(chrome).first().isVisible().catch(() => false), chrome).toBe(false);
  }
  const article = page.locator('article.jf-doc');
  expect(Math.round(await article.evaluate((el) => el.getBoundingClientRect().width))).toBe(Math.round((210 / 25.4) * 96));
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const raw = pdf.toString('latin1');
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1, 5).map(Number));
  const pages = Number((raw.match(/\/Type\s*\/Pages\b[^]*?\/Count\s+(\d+)/) ?? [])[1] ?? boxes.length);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [x0, y0, x1, y1] of boxes) expect([Math.round(x1 - x0), Math.round(y1 - y0)]).toEqual([595, 842]);
  let extracted: string | null = null;
  if (PDFTOTEXT) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jf-doc-')), 'doc.pdf');
    fs.writeFileSync(file, pdf);
    extracted = execFileSync(PDFTOTEXT, ['-layout', file, '-']).toString();
    expect(extracted).toContain(number);
    expect(extracted).toContain(code);
    for (const chrome of ['待办事项', '主导航', '退出登录', '打印']) expect(extracted, chrome).not.toContain(chrome);
    // No blank sheet: every page printed carries text.
    expect(pages).toBeGreaterThan(0);
    const sheets = extracted.split('\f').slice(0, pages);
    expect(sheets.length).toBe(pages);
    for (const [n, sheet] of sheets.entries()) expect(sheet.trim().length, `page ${n + 1} of ${pages}`).toBeGreaterThan(0);
  }
  return { pages, text: extracted };
}

/** Opens the document linked as `link` on the item page, reads its number and code, prints it and checks it at /verify. */
async function printAndVerify(browser: Browser, baseUrl: string, page: Page, link: RegExp, kind: string, shot: string) {
  await page.locator('.jf-wf-documents').getByRole('link', { name: link }).click();
  const article = page.locator(`article.jf-doc[data-kind="${kind}"]`);
  await article.waitFor();
  const content = (await article.textContent()) ?? '';
  const number = (content.match(/编号：([A-Z]{2}-\d{6}-\d{4}-\d{5})/) ?? [])[1];
  const code = (content.match(/核验码：([2-9A-HJ-NP-Z]{10})/) ?? [])[1];
  expect(number, content).toBeTruthy();
  expect(code, content).toBeTruthy();
  await screenshot(page, shot);
  expect(await seriousViolations(page)).toEqual([]);
  await printsOnA4(page, number!, code!);
  const anyone = await newPage(browser, baseUrl);
  const v = anyone.page;
  await v.goto('/verify');
  await v.getByLabel('文书编号').fill(number!);
  await v.getByLabel('核验码').fill(code!);
  await v.getByRole('button', { name: /核\s*验/ }).click();
  await v.getByText('核验通过：该文书真实有效。').waitFor();
  expect(await v.locator('.jf-wf-verify').textContent()).toContain(number!);
  await anyone.context.close();
  return { number: number!, code: code!, content };
}

describe.runIf(BROWSER_AVAILABLE)('more supervision journeys in the browser', { timeout: 480_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const deps = () => ({ jdb: server.tdb, clock: fixedClock(new Date().toISOString()) });

  async function actorOf(username: string): Promise<Actor> {
    const u = await server.tdb.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    const r = u as unknown as Record<string, unknown>;
    const n = (v: unknown) => (v == null ? null : Number(v));
    return { userId: Number(r.id), username, role: r.role as Actor['role'], jurisdiction: (r.jurisdiction as string | null) ?? null, organId: n(r.organId), keyUnitId: n(r.keyUnitId), providerId: n(r.providerId) };
  }

  async function as(username: string) {
    const s = await newPage(browser, server.url);
    await logIn(s.page, username, DEMO_PASSWORD);
    return s;
  }

  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    browser = await launchBrowser();
    // The Shenyang provider is filed (its own journey is in workflow.test.ts): complaints and warnings are about a filed provider.
    const provider = await actorOf('demo-provider');
    const materials = { item1: [{ title: '营业执照副本' }], item2: [{ title: '培训证书' }], item3: [{ title: '场所证明' }], item4: [{ title: '管理制度' }] };
    const filed = await openItem(deps(), provider, 'provider-filing', 'submit', { services: ['installation', 'maintenance'], materials });
    await transitionItem(deps(), { kind: 'person', actor: await actorOf('demo-shenyang') }, filed.item.id, 'accept', { version: 1, input: {} });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('design review and acceptance (Art 12-13): the school registers its project and standards, a construction started before the scheme passed is refused with Art 12 ¶2, the review passes, construction, acceptance', async () => {
    const { context, page: p } = await as('demo-school');
    await p.goto('/work/new/design-review');
    await p.getByRole('heading', { level: 1, name: /新建：技防系统设计方案论证与验收/ }).waitFor();
    await chooseOption(p, p, '技防系统所属', '', /^技术防范重点单位$/);
    await chooseOption(p, p, '技术防范重点单位 （选填）', '实验中学', /沈阳市和平区实验中学/);
    const project = fieldset(p, '建设工程');
    await text(project, '名称').fill('实验中学新教学楼');
    await chooseOption(p, project, '种类', '', /^新建$/);
    await text(p, '建设单位').fill('沈阳市和平区实验中学');
    // Art 13: the standards applied, recorded with the project.
    await tags(p, p, '适用标准（第十三条），如 GB 50348-2018', ['GB 50348-2018', 'GB 50395-2007']);
    await text(p, '设计方案').fill('教学楼出入口、走廊和周界视频监控，财务室入侵报警，与教学楼同步设计、施工和验收');
    await screenshot(p, 'workflow-design-review-form');
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('button', { name: '登记建设项目' }).click();
    await inState(p, 'designing');
    const itemUrl = p.url();
    expect(await p.locator('.jf-wf-item').textContent()).toContain('GB 50348-2018');
    // Before the review passes, the page says construction waits for it (Art 12 ¶2).
    const wait = p.locator('.jf-wf-not-yet li[data-transition="start-construction"]');
    expect(await wait.textContent()).toContain('论证通过，可进行施工图设计和施工');
    expect(await wait.getByRole('link').textContent()).toContain('第十二条第二款');
    expect(await seriousViolations(p)).toEqual([]);

    // The panel of Art 12 ¶2 passes the scheme.
    const review = async (page: Page) => {
      await act(page, '记录论证通过');
      const d = page.getByRole('dialog');
      await chooseOption(page, d, '论证方式', '', /建设单位组织设计、施工单位和技术专家论证/);
      const panel = fieldset(d, '论证组成');
      await text(panel, '设计单位 （选填）').fill('沈阳建筑设计研究院');
      await text(panel, '施工单位 （选填）').fill('沈阳安盾技防工程有限公司');
      await tags(page, panel, '技术专家 （选填）', ['王工', '李工']);
      await text(d, '结论').fill('方案符合 GB 50348-2018，同意实施');
      await submitDialog(page);
      await inState(page, 'review_passed');
    };
    await review(p);

    // Meanwhile, in another window, the scheme is changed and goes back to review; the first window still offers construction.
    const other = await context.newPage();
    await other.goto(itemUrl);
    await inState(other, 'review_passed');
    await act(other, '变更设计方案（须重新论证）');
    const change = other.getByRole('dialog');
    await text(change, '设计方案').fill('增加教学楼屋顶周界摄像机');
    await text(change, '理由').fill('教学楼加层');
    await submitDialog(other);
    await inState(other, 'designing');
    await other.close();
    // Construction on the changed scheme is refused: the page saw an older item, says so and shows it as it is now,
    // where construction waits for a new review (Art 12 ¶2).
    await act(p, '开始施工图设计和施工');
    await p.getByText('本事项已被他人处理，页面已刷新，请核对后再操作。').waitFor();
    await inState(p, 'designing');
    expect(await p.locator('.jf-wf-not-yet li[data-transition="start-construction"]').getByRole('link').textContent()).toContain('第十二条第二款');
    await screenshot(p, 'workflow-design-review-refused');
    await review(p);
    await act(p, '开始施工图设计和施工');
    await inState(p, 'under_construction');
    await act(p, '与建设工程同步验收');
    const accept = p.getByRole('dialog');
    await accept.getByLabel('建设工程验收日期', { exact: true }).fill(chinaDay());
    await text(accept, '结论').fill('建设工程竣工验收合格，技防系统与建设工程同步验收合格');
    await tags(p, accept, '适用标准（第十三条），如 GB 50348-2018', ['GB 50348-2018']);
    // A conclusion that does not state the system's acceptance is refused with Art 12 ¶1.
    const unstated = await submitRefused(p);
    expect(await unstated.textContent()).toContain('第十二条第一款');
    expect(await seriousViolations(p)).toEqual([]);
    await accept.getByRole('checkbox', { name: '验收结论已说明技防系统验收情况' }).check();
    await submitDialog(p);
    await inState(p, 'accepted');
    await screenshot(p, 'workflow-design-review-accepted');
    expect(await seriousViolations(p)).toEqual([]);
    expect(pageErrors(p)).toEqual([]);
    await context.close();
  });

  it('public-area adjustment (Art 9 ¶2): a construction unit asks, works wait for the agreed plan, the police agree, works start', async () => {
    const citizen = await as('demo-citizen');
    const c = citizen.page;
    await c.goto('/work/new/adjustment');
    await c.getByRole('heading', { level: 1, name: /新建：调整社会公共区域技防系统征求意见/ }).waitFor();
    await chooseOption(c, c, '社会公共区域', '市民广场', /沈阳市民广场/);
    await chooseOption(c, c, '涉及的技防系统', '', /沈阳市民广场视频监控系统/);
    await c.keyboard.press('Escape');
    await text(c, '建设单位').fill('沈阳市政建设集团有限公司');
    await text(c, '市政施工内容及公共利益需要').fill('市民广场地下综合管廊施工，须临时迁移东侧摄像机');
    await chooseOption(c, c, '方案类型', '', /^恢复原状$/);
    await text(c, '恢复原状或者复建方案').fill('施工期间设置临时监控点，完工后十日内原位恢复并联网');
    await screenshot(c, 'workflow-adjustment-form');
    expect(await seriousViolations(c)).toEqual([]);
    await c.getByRole('button', { name: '事先征求公安机关意见' }).click();
    await inState(c, 'requested');
    const itemUrl = c.url();
    // Works wait for an agreed plan: the page says so, with Art 9 ¶2.
    const wait = c.locator('.jf-wf-not-yet li[data-transition="start-works"]');
    expect(await wait.textContent()).toContain('恢复原状或者复建方案已协商一致');
    expect(await wait.getByRole('link').textContent()).toContain('第九条第二款');
    expect(await c.locator('.jf-wf-actions').getByRole('button', { name: '开始施工' }).count()).toBe(0);
    expect(await seriousViolations(c)).toEqual([]);
    // The same in English.
    await switchLanguage(c, 'en');
    await eventually(() => c.locator('.jf-wf-not-yet li[data-transition="start-works"]').textContent()).toContain('only when "Plan agreed; works may start"');
    expect(await c.locator('.jf-wf-not-yet li[data-transition="start-works"]').getByRole('link').textContent()).toMatch(/Art 9/);
    expect(await seriousViolations(c)).toEqual([]);
    await switchLanguage(c, 'zh-CN');

    const police = await as('demo-heping');
    const q = police.page;
    await q.goto(itemUrl);
    await inState(q, 'requested');
    await act(q, '方案协商一致');
    await text(q.getByRole('dialog'), '意见').fill('同意该恢复原状方案；施工期间临时监控点须接入公安视频专网');
    await submitDialog(q);
    await inState(q, 'plan_agreed');
    expect(pageErrors(q)).toEqual([]);
    await police.context.close();

    await c.goto(itemUrl);
    await inState(c, 'plan_agreed');
    expect(await c.locator('.jf-wf-not-yet li[data-transition="start-works"]').count()).toBe(0);
    await act(c, '开始施工');
    await inState(c, 'works_started');
    await screenshot(c, 'workflow-adjustment-works-started');
    expect(pageErrors(c)).toEqual([]);
    await citizen.context.close();
  });

  it('warnings (Art 28): a complaint is received and verified, the provider is on the public warning list; another is rejected with its reasons', async () => {
    const complain = async (page: Page, content: string) => {
      await page.goto('/work/new/complaint');
      await page.getByRole('heading', { level: 1, name: /新建：对技防服务单位的投诉/ }).waitFor();
      await chooseOption(page, page, '技防服务单位', '安盾', /^沈阳安盾技防工程有限公司$/);
      await text(page, '涉及的服务').fill('小区视频监控安装');
      await text(page, '投诉内容').fill(content);
      await page.getByRole('button', { name: /^投\s*诉$/ }).click();
      await inState(page, 'received');
      return page.url();
    };
    const citizen = await as('demo-citizen');
    const first = await complain(citizen.page, '安装后一周即无法录像，多次报修无人处理');
    await screenshot(citizen.page, 'workflow-complaint-received');
    expect(await seriousViolations(citizen.page)).toEqual([]);
    const second = await complain(citizen.page, '报警响应慢');
    await citizen.context.close();

    const police = await as('demo-shenyang');
    const q = police.page;
    await q.goto(first);
    await inState(q, 'received');
    await act(q, '查证属实，列入警示名录并公告');
    await text(q.getByRole('dialog'), '查证事实（将公开）').fill('安装的视频监控系统无法录像，经用户投诉查证属实');
    await submitDialog(q);
    await inState(q, 'verified');
    await q.goto(second);
    await act(q, '查证不属实，说明理由');
    await text(q.getByRole('dialog'), '不予认定的理由（告知投诉人）').fill('经调取报警记录，平均响应时间符合服务承诺');
    await submitDialog(q);
    await inState(q, 'rejected');
    expect(await q.locator('.jf-wf-item').textContent()).toContain('经调取报警记录，平均响应时间符合服务承诺');
    await police.context.close();

    // The complainant sees the rejection and its reasons.
    const back = await as('demo-citizen');
    await back.page.goto(second);
    await inState(back.page, 'rejected');
    expect(await back.page.locator('.jf-wf-item').textContent()).toContain('经调取报警记录，平均响应时间符合服务承诺');
    await back.context.close();

    const anyone = await newPage(browser, server.url);
    const r = anyone.page;
    await r.goto('/public/warnings');
    await r.getByRole('heading', { level: 1, name: '警示公告' }).waitFor();
    await eventually(() => r.locator('.jf-wf-public tbody tr.ant-table-row').allTextContents()).toEqual([expect.stringContaining('沈阳安盾技防工程有限公司')]);
    const row = await r.locator('.jf-wf-public tbody tr.ant-table-row').first().textContent();
    expect(row).toContain('安装的视频监控系统无法录像，经用户投诉查证属实');
    expect(row).not.toContain('报警响应慢');
    await screenshot(r, 'workflow-public-warnings');
    expect(await seriousViolations(r)).toEqual([]);
    // The warning list is searchable (by name or credit code), and the address keeps the search.
    const search = r.getByRole('searchbox', { name: '按单位名称或统一社会信用代码搜索' });
    await search.fill('不存在的单位');
    await search.press('Enter');
    await eventually(() => r.locator('.jf-wf-public tbody tr.ant-table-row').count()).toBe(0);
    await search.fill('安盾');
    await search.press('Enter');
    await eventually(() => r.locator('.jf-wf-public tbody tr.ant-table-row').allTextContents()).toEqual([expect.stringContaining('沈阳安盾技防工程有限公司')]);
    expect(new URL(r.url()).searchParams.get('q')).toBe('安盾');
    await r.goto('/public/providers');
    await eventually(() => r.locator('.jf-wf-public-providers tbody tr.ant-table-row').first().textContent()).toContain('沈阳安盾技防工程有限公司');
    expect(pageErrors(r)).toEqual([]);
    await anyone.context.close();
  });

  it('rewards (Art 30): a lead that is not important is refused with Art 30; an important one is proposed and granted', async () => {
    const { context, page: p } = await as('demo-heping');
    await p.goto('/work/new/reward');
    await p.getByRole('heading', { level: 1, name: /新建：表彰奖励/ }).waitFor();
    const who = fieldset(p, '表彰奖励对象');
    await chooseOption(p, who, '种类', '', /^单位$/);
    await text(who, '名称').fill('和平区太原街某超市');
    await chooseOption(p, p, '事迹', '', /利用采获信息提供线索或者证据/);
    await text(p, '情况描述').fill('提供监控录像，协助破获系列盗窃案');
    await p.getByRole('button', { name: '提名表彰奖励' }).click();
    const refused = p.locator('.jf-api-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('第三十条');
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('checkbox', { name: '属于重要线索或者证据' }).check();
    await p.getByRole('button', { name: '提名表彰奖励' }).click();
    await inState(p, 'proposed');
    await act(p, '给予表彰或奖励');
    const d = p.getByRole('dialog');
    await chooseOption(p, d, '方式', '', /^表彰$/);
    await text(d, '说明').fill('通报表彰');
    await submitDialog(p);
    await inState(p, 'granted');
    await screenshot(p, 'workflow-reward-granted');
    expect(await seriousViolations(p)).toEqual([]);
    expect(pageErrors(p)).toEqual([]);
    await context.close();
  });

  it('Art 14 → Art 33: an order to remove a camera from a private place, refused, removed by enforcement; Art 21 → Art 34: the penalty decided at once, with the amount of the penalty calculator, and the documents print on A4', async () => {
    const { context, page: p } = await as('demo-heping');
    const openCase = async (rule: string, option: RegExp, facts: string) => {
      await p.goto('/work/new/case');
      await p.getByRole('heading', { level: 1, name: /新建：隐患整改与行政处罚/ }).waitFor();
      await chooseOption(p, p, '违反的规定', rule, option);
      await text(p, '违法事实').fill(facts);
      const subject = fieldset(p, '对象');
      await chooseOption(p, subject, '技术防范重点单位 （选填）', '实验中学', /沈阳市和平区实验中学/);
      await chooseOption(p, subject, '违法主体', '', /^单位$/);
      await p.getByRole('button', { name: /^立\s*案$/ }).click();
      await inState(p, 'open');
      return p.url();
    };
    const removal = await openCase('第十四条', /禁止在涉及他人隐私的场所和部位采集/, '学生宿舍寝室内安装摄像机');
    await screenshot(p, 'workflow-case-removal-open');
    expect(await seriousViolations(p)).toEqual([]);
    await act(p, '责令拆除');
    const order = p.getByRole('dialog');
    await order.getByLabel('期限（最后一日）', { exact: true }).fill(chinaDay(2));
    await text(order, '责令事项').fill('拆除学生宿舍寝室内的摄像机');
    await submitDialog(p);
    await inState(p, 'removal_ordered');
    await p.locator('.jf-wf-documents').getByRole('link', { name: /责令拆除通知书/ }).waitFor();
    // The time limit passes without the removal: the scheduler finds it.
    const r = await tick({ jdb: server.tdb, clock: fixedClock(new Date(Date.now() + 3 * DAY).toISOString()) });
    expect(r.transitioned).toBeGreaterThanOrEqual(1);
    await p.goto(removal);
    await inState(p, 'removal_refused');
    await act(p, '依法强制拆除');
    await text(p.getByRole('dialog'), '说明').fill('依法强制拆除宿舍内摄像机两台');
    await submitDialog(p);
    await inState(p, 'forcibly_removed');
    expect(await p.locator('.jf-wf-history').textContent()).toContain('系统（期限届满）');

    // Art 21 (1): unauthorised removal of a system goes straight to a penalty decision (Art 34).
    await openCase('第二十一条第一款第（一）项', /不得损坏或者擅自拆除技防系统/, '擅自拆除校门口视频监控摄像机');
    // An order to rectify is not its road: refused with Art 34.
    await act(p, '责令限期改正');
    const wrong = p.getByRole('dialog');
    await wrong.getByLabel('期限（最后一日）', { exact: true }).fill(chinaDay(5));
    await text(wrong, '责令事项').fill('恢复摄像机');
    const road = await submitRefused(p);
    expect(await road.textContent()).toContain('第三十四条');
    await wrong.getByRole('button', { name: /取\s*消/ }).click();
    await wrong.waitFor({ state: 'hidden' });
    await act(p, '作出行政处罚决定');
    const decide = p.getByRole('dialog');
    await text(decide, '事实、证据和理由').fill('经查，该单位擅自拆除校门口视频监控摄像机，有现场照片和询问笔录为证');
    // Art 34 fines the directly responsible person as well: unnamed, the decision is refused.
    const unnamed = await submitRefused(p);
    expect(await unnamed.textContent()).toContain('直接责任人');
    expect(await unnamed.textContent()).toContain('第三十四条');
    await text(decide, '直接责任人（第三十四条） （选填）').fill('周某');
    await submitDialog(p);
    await inState(p, 'penalty_decided');
    const expected = calculatePenalty({ article: 34, item: 1, offender: 'unit' }, chinaDay()).fines;
    expect(expected.length).toBeGreaterThan(0);
    const decision = await printAndVerify(browser, server.url, p, /行政处罚决定书/, 'penalty-decision', 'workflow-penalty-decision-art34');
    for (const f of expected) expect(decision.content).toContain(f.basis.zh);
    expect(decision.content.match(/罚款合计[^元]*元/)?.[0]).toBe(`罚款合计 ${expected.reduce((n, f) => n + f.amountYuan, 0).toLocaleString("zh-CN")} 元`);
    expect(decision.content).toContain('第三十四条');
    expect(decision.content).toContain('周某');
    expect(pageErrors(p)).toEqual([]);
    await context.close();
  });

  it('prints the filing receipt, the inspection record and the order to rectify on A4, and each verifies', async () => {
    // The filing receipt of the provider filed above, from the provider's own filing.
    const provider = await as('demo-provider');
    const f = provider.page;
    await f.goto('/work/items?machine=provider-filing');
    await f.locator('.jf-wf-table').getByRole('link', { name: '沈阳安盾技防工程有限公司' }).first().click();
    await inState(f, 'accepted');
    await printAndVerify(browser, server.url, f, /备案回执/, 'filing-receipt', 'workflow-filing-receipt');
    await provider.context.close();

    // An inspection record and an order to rectify, by the Heping police.
    const { context, page: p } = await as('demo-heping');
    await p.goto('/work/new/inspection');
    await chooseOption(p, p, '技术防范重点单位 （选填）', '实验中学', /沈阳市和平区实验中学/);
    await p.getByLabel('检查日期', { exact: true }).fill(chinaDay());
    await text(p, '检查范围').fill('专项检查：采获信息保存');
    await p.getByRole('button', { name: '计划监督检查' }).click();
    await inState(p, 'planned');
    await act(p, '开始检查');
    await inState(p, 'in_progress');
    await act(p, '记录隐患（附照片）');
    const hazard = p.getByRole('dialog');
    await chooseOption(p, hazard, '违反的规定', '值班', /建立值班制度和应急处置预案/);
    await text(hazard, '情况描述').fill('监控室无值班记录');
    await submitDialog(p);
    for (const item of [1, 3, 4]) {
      await act(p, '记录检查项结果');
      const d = p.getByRole('dialog');
      await d.getByRole('spinbutton', { name: '检查项目（第二十七条第一款第几项）', exact: true }).fill(String(item));
      await chooseOption(p, d, '结果', '符合', /^符合$/);
      await submitDialog(p);
    }
    await act(p, '完成检查，出具监督检查记录');
    await inState(p, 'completed');
    const inspectionUrl = p.url();
    await printAndVerify(browser, server.url, p, /监督检查记录/, 'inspection-record', 'workflow-inspection-record');
    await p.goto(inspectionUrl);
    await p.getByRole('button', { name: '就此立案' }).click();
    await p.getByRole('link', { name: /已立案：事项 \d+/ }).click();
    await inState(p, 'open');
    await act(p, '责令限期改正');
    const order = p.getByRole('dialog');
    await order.getByLabel('期限（最后一日）', { exact: true }).fill(chinaDay(10));
    await text(order, '责令事项').fill('建立监控室值班制度并制定应急处置预案');
    await submitDialog(p);
    await inState(p, 'rectification_ordered');
    await printAndVerify(browser, server.url, p, /责令限期改正通知书/, 'rectification-notice', 'workflow-rectification-notice');
    expect(pageErrors(p)).toEqual([]);
    await context.close();
  });

  it('oversight (Art 29, 36): a deadline the police missed is listed, and an order asking for a fee is refused with Art 29 and recorded', async () => {
    // An officer writes a fee into an order: refused with Art 29, in the dialog.
    const { context, page: p } = await as('demo-heping');
    await p.goto('/work/new/case');
    await chooseOption(p, p, '违反的规定', '维护', /制定技防系统使用、保养、维护和更新制度/);
    await text(p, '违法事实').fill('未制定维护制度');
    const subject = fieldset(p, '对象');
    await chooseOption(p, subject, '技术防范重点单位 （选填）', '实验中学', /沈阳市和平区实验中学/);
    await chooseOption(p, subject, '违法主体', '', /^单位$/);
    await p.getByRole('button', { name: /^立\s*案$/ }).click();
    await inState(p, 'open');
    await act(p, '责令限期改正');
    const order = p.getByRole('dialog');
    await order.getByLabel('期限（最后一日）', { exact: true }).fill(chinaDay(10));
    await text(order, '责令事项').fill('制定维护制度，并缴纳检测费500元');
    const refused = await submitRefused(p);
    expect(await refused.getAttribute('data-code')).toBe('JF_WF_ART29_FORBIDDEN');
    expect(await refused.textContent()).toContain('第二十九条');
    await screenshot(p, 'workflow-art29-refused');
    expect(await seriousViolations(p)).toEqual([]);
    await order.getByRole('button', { name: /取\s*消/ }).click();
    await context.close();

    // A complaint the police leave unchecked: a month on, it is past the service target of its verification.
    const pending = await openItem(deps(), await actorOf('demo-citizen'), 'complaint', 'complain', { providerId: (await actorOf('demo-provider')).providerId, service: '报警运营', content: '报警后无人出警' });
    const r = await tick({ jdb: server.tdb, clock: fixedClock(new Date(Date.now() + 40 * DAY).toISOString()) });
    expect(r.missed).toBeGreaterThanOrEqual(1);

    const watcher = await as('demo-oversight');
    const o = watcher.page;
    await o.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '执法监督' }).click();
    await o.getByRole('heading', { level: 1, name: '执法监督' }).waitFor();
    const missed = o.locator('.ant-table').first();
    await eventually(() => missed.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const rows = (await missed.locator('tbody tr.ant-table-row').allTextContents()).join('\n');
    expect(rows).toContain(pending.item.title);
    expect(rows).toContain('投诉');
    const refusals = o.locator('.ant-table').nth(1);
    await eventually(() => refusals.locator('tbody tr.ant-table-row').allTextContents()).toContainEqual(expect.stringContaining('JF_WF_ART29_FORBIDDEN'));
    const fee = refusals.locator('tbody tr.ant-table-row').filter({ hasText: 'JF_WF_ART29_FORBIDDEN' }).first();
    expect(await fee.textContent()).toContain('demo-heping');
    // Both lists page on the server; sorting by lateness goes into the address.
    await o.getByText(/^共 \d+ 项逾期$/).waitFor();
    await missed.locator('th', { hasText: '逾期（小时）' }).click();
    await eventually(() => new URL(o.url()).searchParams.get('mSort')).toBe('late');
    await eventually(() => missed.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    // The export holds every page of the list, with bilingual headers and the article.
    await o.getByRole('button', { name: '导出逾期清单' }).hover();
    const [file] = await Promise.all([o.waitForEvent('download'), o.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^missed-deadlines-\d{8}\.csv$/);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^编号 \/ ID,事项编号 \/ Item ID,/);
    expect(csv).toContain(pending.item.title);
    await screenshot(o, 'workflow-oversight');
    expect(await seriousViolations(o)).toEqual([]);
    expect(pageErrors(o)).toEqual([]);
    await watcher.context.close();
  });
});
