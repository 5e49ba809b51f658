import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AVAILABLE, eventually, launchBrowser, logIn, newPage, pageErrors, screenshot, chooseOption, seriousViolations } from './browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { fixedClock } from '../../src/shared/clock.js';
import { tick } from '../../src/workflow/index.js';

/** The fieldset whose own legend is `legend` (not an outer one that contains it). */
const fieldset = (scope: Locator | Page, legend: string) =>
  scope
    .locator('legend')
    .filter({ hasText: new RegExp(`^${legend}$`) })
    .locator('xpath=..');

/** Adds one document to a list of proof in the filing form. */
async function addMaterial(page: Page, legend: string, title: string) {
  const f = fieldset(page, legend);
  await f.getByRole('button', { name: new RegExp(`添加一项：${legend}`) }).click();
  await f.getByRole('textbox', { name: '材料名称', exact: true }).last().fill(title);
}

async function act(page: Page, action: string) {
  await page.locator('.jf-wf-actions').getByRole('button', { name: action }).click();
}

describe.runIf(BROWSER_AVAILABLE)('supervision workflows in the browser', { timeout: 360_000 }, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a provider files, the city police accept, and the provider is on the public list (Art 16-18)', async () => {
    // The demo provider is on the list already (the demo's accepted filing); it files again, for installation only.
    const provider = await newPage(browser, server.url);
    await logIn(provider.page, 'demo-provider', DEMO_PASSWORD);
    const p = provider.page;
    await p.goto('/work/new/provider-filing');
    await p.getByRole('heading', { level: 1, name: /新建：技防服务单位备案/ }).waitFor();
    await chooseOption(p, p, '服务项目', '安装', /^安装$/);
    await p.keyboard.press('Escape');
    await addMaterial(p, '营业执照', '营业执照副本');
    await addMaterial(p, '经过专业培训的管理、技术人员', '技术人员培训证书（6人）');
    await addMaterial(p, '技术设备和场所', '办公场所租赁合同及设备清单');
    await addMaterial(p, '安全管理和岗位责任制度', '安全管理制度汇编');
    await screenshot(p, 'workflow-filing-form');
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('button', { name: '提交备案' }).click();
    await p.locator('.jf-wf-item[data-state="submitted"]').waitFor();
    const itemUrl = p.url();
    expect(itemUrl).toMatch(/\/work\/items\/\d+$/);
    expect(pageErrors(p)).toEqual([]);
    await provider.context.close();

    const police = await newPage(browser, server.url);
    const q = police.page;
    await logIn(q, 'demo-shenyang', DEMO_PASSWORD);
    await q.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '待办事项' }).click();
    await q.getByRole('heading', { level: 1, name: '待办事项' }).waitFor();
    // The inbox holds it beside the demo's waiting filing and the complaint about the same provider.
    const inbox = q.locator('.jf-wf-table');
    await inbox.getByRole('link', { name: '沈阳恒安技防科技有限公司' }).waitFor();
    expect(await inbox.getByRole('link', { name: '沈阳安盾技防工程有限公司' }).count()).toBe(2);
    await inbox.locator(`a[href="${new URL(itemUrl).pathname}"]`).click();
    await q.locator('.jf-wf-item[data-state="submitted"]').waitFor();
    await screenshot(q, 'workflow-filing-police');
    expect(await seriousViolations(q)).toEqual([]);
    await act(q, '予以备案并公布');
    await q.locator('.jf-wf-item[data-state="accepted"]').waitFor();
    await q.locator('.jf-wf-documents').getByRole('link', { name: /备案回执 BA-210100-/ }).waitFor();
    // The list of filings exports, with its filter, as a CSV whose first line names the columns in both languages.
    await q.goto('/work/items?machine=provider-filing');
    // The provider's earlier filing and this one, and the other provider's, still waiting.
    await eventually(() => q.locator('.jf-wf-table').getByRole('link', { name: '沈阳安盾技防工程有限公司' }).count()).toBe(2);
    await q.locator('.jf-wf-table').getByRole('link', { name: '沈阳恒安技防科技有限公司' }).waitFor();
    expect(await seriousViolations(q)).toEqual([]);
    await q.getByRole('button', { name: /^导出/ }).hover();
    const [file] = await Promise.all([q.waitForEvent('download'), q.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^workflow-items-\d{8}\.csv$/);
    const csv = fs.readFileSync(await file.path(), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^编号 \/ ID,事项类型 \/ Type,标题 \/ Title,状态 \/ State,/);
    expect(csv).toContain('沈阳安盾技防工程有限公司');
    expect(pageErrors(q)).toEqual([]);
    await police.context.close();

    const anyone = await newPage(browser, server.url);
    const r = anyone.page;
    await r.goto('/public/providers');
    await r.getByRole('heading', { level: 1, name: '技防服务单位名录' }).waitFor();
    // One row: the new filing replaces the earlier one on the list.
    await eventually(() => r.locator('.jf-wf-public-providers tbody tr.ant-table-row').allTextContents()).toEqual([expect.stringContaining('沈阳安盾技防工程有限公司')]);
    await expect(r.locator('.jf-wf-public-providers tbody tr.ant-table-row').first()).toBeDefined();
    const row = await r.locator('.jf-wf-public-providers tbody tr.ant-table-row').first().textContent();
    expect(row).toContain('沈阳市公安局');
    expect(row).toContain('安装');
    await screenshot(r, 'workflow-public-providers');
    expect(await seriousViolations(r)).toEqual([]);
    expect(pageErrors(r)).toEqual([]);
    await anyone.context.close();
  });

  it('an inspection finds no duty roster (Art 11), an order is issued, the time limit passes, the Art 32 fine is decided and its decision prints', async () => {
    const { context, page: p } = await newPage(browser, server.url);
    await logIn(p, 'demo-heping', DEMO_PASSWORD);

    // Plan and start the inspection of the school.
    await p.goto('/work/new/inspection');
    await p.getByRole('heading', { level: 1, name: /新建：监督检查/ }).waitFor();
    await chooseOption(p, p, '技术防范重点单位 （选填）', '实验中学', /沈阳市和平区实验中学/);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await p.getByLabel('检查日期', { exact: true }).fill(today);
    await p.getByRole('textbox', { name: '检查范围', exact: true }).fill('年度监督检查：技防系统运行维护与值班制度');
    await p.getByRole('button', { name: '计划监督检查' }).click();
    await p.locator('.jf-wf-item[data-state="planned"]').waitFor();
    await act(p, '开始检查');
    await p.locator('.jf-wf-item[data-state="in_progress"]').waitFor();
    await p.locator('.jf-wf-checklist tbody tr').nth(4).waitFor();

    // The hazard: no duty roster or emergency plan.
    await act(p, '记录隐患（附照片）');
    const dialog = p.getByRole('dialog');
    await chooseOption(p, dialog, '违反的规定', '值班', /建立值班制度和应急处置预案/);
    await dialog.getByRole('textbox', { name: '情况描述', exact: true }).fill('监控室无值班记录，未制定应急处置预案');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    for (const item of [1, 3, 4]) {
      await act(p, '记录检查项结果');
      const d = p.getByRole('dialog');
      await d.getByRole('spinbutton', { name: '检查项目（第二十七条第一款第几项）', exact: true }).fill(String(item));
      await chooseOption(p, d, '结果', '符合', /^符合$/);
      await d.getByRole('button', { name: /提\s*交/ }).click();
      await d.waitFor({ state: 'hidden' });
    }
    await act(p, '完成检查，出具监督检查记录');
    await p.locator('.jf-wf-item[data-state="completed"]').waitFor();
    await p.locator('.jf-wf-documents').getByRole('link', { name: /监督检查记录/ }).waitFor();
    await screenshot(p, 'workflow-inspection-completed');
    expect(await seriousViolations(p)).toEqual([]);

    // The case, and the order to rectify within a time limit.
    await p.getByRole('button', { name: '就此立案' }).click();
    await p.getByRole('link', { name: /已立案：事项 \d+/ }).click();
    await p.locator('.jf-wf-item[data-state="open"]').waitFor();
    const caseUrl = p.url();
    await act(p, '责令限期改正');
    const order = p.getByRole('dialog');
    const limit = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    await order.getByLabel('期限（最后一日）', { exact: true }).fill(limit);
    await order.getByRole('textbox', { name: '责令事项', exact: true }).fill('建立监控室值班制度并制定应急处置预案，报送整改情况');
    await order.getByRole('button', { name: /提\s*交/ }).click();
    await p.locator('.jf-wf-item[data-state="rectification_ordered"]').waitFor();
    await p.locator('.jf-wf-documents').getByRole('link', { name: /责令限期改正通知书/ }).waitFor();

    // The time limit passes: the scheduler, three days on, moves the case to overdue.
    const later = fixedClock(new Date(Date.now() + 3 * 86_400_000).toISOString());
    const r = await tick({ jdb: server.tdb, clock: later });
    expect(r.transitioned).toBeGreaterThanOrEqual(1);
    await p.goto(caseUrl);
    await p.locator('.jf-wf-item[data-state="overdue"]').waitFor();
    await p.locator('.jf-wf-history').getByText('系统（期限届满）').waitFor();

    // The fine of Art 32, computed by the law, and its decision.
    await act(p, '逾期不改正，作出罚款决定');
    const decide = p.getByRole('dialog');
    await decide.getByRole('textbox', { name: '事实、证据和理由', exact: true }).fill('经复查，该单位逾期仍未建立值班制度和应急处置预案');
    await decide.getByRole('button', { name: /提\s*交/ }).click();
    await p.locator('.jf-wf-item[data-state="penalty_decided"]').waitFor();
    await p.locator('.jf-wf-documents').getByRole('link', { name: /行政处罚决定书/ }).click();
    const article = p.locator('article.jf-doc[data-kind="penalty-decision"]');
    await article.waitFor();
    const text = await article.textContent();
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('沈阳市和平区实验中学');
    expect(text).toContain('第三十二条');
    expect(text).toContain('对单位处5000元罚款');
    expect(text).toMatch(/核验码：[2-9A-HJ-NP-Z]{10}/);
    await screenshot(p, 'workflow-penalty-decision');
    expect(await seriousViolations(p)).toEqual([]);

    // Printed: A4, without the application around it.
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.jf-doc-toolbar').isVisible()).toBe(false);
    expect(await p.locator('.jf-sider').isVisible()).toBe(false);
    const width = await article.evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(Math.round((210 / 25.4) * 96));
    const pdf = await p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await p.emulateMedia({ media: 'screen' });

    // And anyone can check it.
    const number = (text!.match(/CF-\d{6}-\d{4}-\d{5}/) ?? [''])[0];
    const code = (text!.match(/核验码：([2-9A-HJ-NP-Z]{10})/) ?? ['', ''])[1];
    const anyone = await newPage(browser, server.url);
    await anyone.page.goto(`/verify?number=${number}&code=${code}`);
    await anyone.page.getByRole('button', { name: /核\s*验/ }).click();
    await anyone.page.getByText('核验通过：该文书真实有效。').waitFor();
    // Checked at rest, not under the pointer's hover colour.
    await anyone.page.mouse.move(0, 0);
    expect(await seriousViolations(anyone.page)).toEqual([]);
    await anyone.context.close();
    expect(pageErrors(p)).toEqual([]);
    await context.close();
  });
});
