import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complianceContext, sweep } from '../../src/compliance/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, seriousViolations } from './browser.js';

/** Each demo account, the role whose workspace it gets, and something only that workspace shows once it has loaded. */
const ROLES = [
  { username: 'demo-province', role: 'province_supervisor', ready: 'figure-keyUnits', text: '辽宁省技防监管看板' },
  { username: 'demo-shenyang', role: 'city_supervisor', ready: 'figure-keyUnits', text: '沈阳市技防监管看板' },
  { username: 'demo-heping', role: 'county_supervisor', ready: 'figure-keyUnits', text: '和平区技防监管看板' },
  { username: 'demo-station', role: 'station_officer', ready: 'tile-viewing-submitted', text: '公民查看申请' },
  { username: 'demo-school', role: 'key_unit', ready: 'checklist', text: '技防义务清单' },
  { username: 'demo-provider', role: 'provider', ready: 'tile-public-list', text: '备案与名录' },
  { username: 'demo-investigator', role: 'investigator', ready: 'tile-access-requests', text: '采获信息查看、复制、使用' },
  { username: 'demo-citizen', role: 'citizen', ready: 'tile-viewing', text: '我的申请' },
  { username: 'demo-oversight', role: 'oversight', ready: 'tile-ledger', text: '执法监督' },
] as const;

/** Logs in, waits for the workspace, and closes the first-run tour, which opens by itself on a first visit. */
async function openWorkspace(page: Page, username: string, role: string, ready: string) {
  await logIn(page, username, DEMO_PASSWORD);
  await page.goto('/');
  await page.getByTestId(`workspace-${role}`).waitFor();
  await page.getByTestId(ready).waitFor();
  const tour = page.locator('.ant-tour');
  await tour.waitFor();
  await tour.locator('.ant-tour-close').click();
  await tour.waitFor({ state: 'hidden' });
}

describe.runIf(BROWSER_AVAILABLE)('role workspaces in the browser', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    // The demo Liaoning, swept once so that key units have a compliance state.
    server = await startServer({ seed: 'demo', prepare: async (tdb) => void (await sweep(complianceContext(tdb, systemClock))) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(ROLES)("shows $username the workspace of its role, with nothing serious for axe", async ({ username, role, ready, text }) => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, username, role, ready);
    await page.getByText(text, { exact: true }).first().waitFor();
    // Every number that rests on an article says which, linked to its text.
    expect(await page.locator('.jf-ws-tile .jf-article-link, [data-testid="checklist"] .jf-article-link').count()).toBeGreaterThan(0);
    // Numbers are filled in before the picture is taken.
    await eventually(() => page.locator('.jf-ws-tile-value').evaluateAll((els) => els.filter((e) => e.textContent === '–').length)).toBe(0);
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    await screenshot(page, `workspace-${role}`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each([
    { username: 'demo-shenyang', role: 'city_supervisor', tiles: { 'figure-openHazards': '1', 'figure-rectificationOrders': '1', 'figure-overdue': '1', 'figure-filingsWaiting': '1', 'figure-complaints': '1' } },
    { username: 'demo-station', role: 'station_officer', tiles: { 'tile-viewing-submitted': '1' } },
    { username: 'demo-provider', role: 'provider', tiles: { 'tile-filings': '1', 'tile-public-list': '已公布' } },
    { username: 'demo-investigator', role: 'investigator', tiles: { 'tile-access-requests': '2' } },
    { username: 'demo-citizen', role: 'citizen', tiles: { 'tile-viewing': '1' } },
    { username: 'demo-oversight', role: 'oversight', tiles: { 'tile-missed': '1' } },
  ] as const)("shows $username the demo's work from the first start", async ({ username, role, tiles }) => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, username, role, Object.keys(tiles)[0]);
    for (const [testId, value] of Object.entries(tiles)) await eventually(() => page.getByTestId(testId).locator('.jf-ws-tile-value').textContent()).toBe(value);
    await context.close();
  });

  it('shows the province all fourteen cities side by side, in the table beside the chart', async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-province', 'province_supervisor', 'figure-keyUnits');
    await page.getByTestId('chart-places').locator('canvas').waitFor();
    const places = page.locator('.jf-ws-place-table tbody tr.ant-table-row td:first-child');
    await eventually(() => places.count()).toBe(14);
    expect(await places.allTextContents()).toEqual(expect.arrayContaining(['沈阳市', '大连市', '葫芦岛市']));
    // Down to a city: the same dashboard, by county.
    await page.locator('.jf-ws-place-table').getByRole('link', { name: '大连市' }).click();
    await page.getByRole('heading', { name: '大连市技防监管看板' }).waitFor();
    expect(new URL(page.url()).searchParams.get('division')).toBe('210200');
    expect(await page.locator('.jf-ws-place-table tbody tr.ant-table-row td:first-child').allTextContents()).toContain('中山区');
    await context.close();
  });

  it("takes a city supervisor from the key units figure down to the list of the city's units", async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-shenyang', 'city_supervisor', 'figure-keyUnits');
    const figure = page.getByTestId('figure-keyUnits');
    const shown = Number(await figure.locator('.jf-ws-tile-value').textContent());
    expect(shown).toBeGreaterThan(0);
    // Art 10 ¶1 is the article the figure rests on.
    expect(await figure.locator('.jf-article-link').getAttribute('href')).toBe('/law/10#p1');
    await figure.locator('.jf-ws-tile-value').click();
    await page.getByRole('heading', { level: 1, name: '技术防范重点单位' }).waitFor();
    expect(page.url()).toContain('/registry/key-units?divisionCode=210100');
    await eventually(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${shown} 条`);
    await context.close();
  });

  it('takes a city supervisor from the hazards figure to exactly the cases it counts, in the city, and sorts them by time limit (Art 26)', async () => {
    // Two more hazards found in Shenyang beside the demo's, opened as cases through the API (the case form is the workflow journey's concern).
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'demo-shenyang', password: DEMO_PASSWORD } });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0], 'x-csrf-token': login.json().csrfToken as string };
    const units = (await server.app.inject({ url: '/api/v1/registry/key-units?divisionCode=210100&pageSize=2', headers })).json().items as { id: number }[];
    expect(units).toHaveLength(2);
    for (const u of units) {
      const opened = await server.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers, payload: { machine: 'case', transition: 'open', input: { ruleId: 'art15.signage-where-video-captured', facts: '检查发现未设置提示标识', subject: { keyUnitId: u.id, offender: 'unit' } } } });
      expect(opened.statusCode, opened.body).toBe(201);
    }
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-shenyang', 'city_supervisor', 'figure-openHazards');
    const figure = page.getByTestId('figure-openHazards');
    const shown = Number(await figure.locator('.jf-ws-tile-value').textContent());
    expect(shown).toBe(3);
    await figure.locator('.jf-ws-tile-value').click();
    await page.getByRole('heading', { level: 1, name: '整改与处罚' }).waitFor();
    expect(new URL(page.url()).search).toBe('?machine=case&state=open&division=210100');
    // The list shows its filters: the state chosen, the city.
    await eventually(() => page.locator('.jf-wf-items .ant-pagination-total-text').textContent()).toBe(`共 ${shown} 项`);
    expect(await page.locator('.jf-wf-filters .ant-select-selection-item').allTextContents()).toEqual(['已立案，待处理']);
    expect(await page.locator('.jf-wf-filters .ant-cascader').textContent()).toContain('沈阳市');
    await screenshot(page, 'workflow-items-filtered');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    // Sorted by time limit from the column header; the address keeps the sort.
    await page.getByRole('columnheader', { name: /期限/ }).click();
    await eventually(() => new URL(page.url()).searchParams.get('sort')).toBe('due');
    await eventually(() => page.locator('.jf-wf-items .ant-pagination-total-text').textContent()).toBe(`共 ${shown} 项`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the text of the article a figure rests on when its link is hovered or focused, and opens it on a click', async () => {
    const art10 = (await server.app.inject({ url: '/api/v1/law/articles/10' })).json() as { paragraphs: { anchor: string; zh: string; en: string }[] };
    const p1 = art10.paragraphs.find((p) => p.anchor === 'p1')!;
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-shenyang', 'city_supervisor', 'figure-keyUnits');
    const link = page.getByTestId('figure-keyUnits').locator('.jf-article-link');
    await link.hover();
    const preview = page.getByTestId('article-preview');
    await preview.waitFor();
    // Art 10 ¶1, the paragraph the figure cites, is marked among the article's text.
    expect(await preview.locator('.jf-article-preview-cited').first().textContent()).toBe(p1.zh);
    expect(await preview.textContent()).toContain('第十条');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    // From the keyboard: focus shows it too.
    await page.mouse.move(0, 0);
    await preview.waitFor({ state: 'detached' });
    await link.focus();
    await page.getByTestId('article-preview').waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: '第十条' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#p1');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("takes oversight from the officials' acts to the list of them, each with who acted and the article (Art 29, 36)", async () => {
    // A case demo-shenyang opens: an act of an official, on the record for oversight.
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'demo-shenyang', password: DEMO_PASSWORD } });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0], 'x-csrf-token': login.json().csrfToken as string };
    const [unit] = (await server.app.inject({ url: '/api/v1/registry/key-units?divisionCode=210100&pageSize=1', headers })).json().items as { id: number }[];
    const opened = await server.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers, payload: { machine: 'case', transition: 'open', input: { ruleId: 'art15.signage-where-video-captured', facts: '检查发现未设置提示标识', subject: { keyUnitId: unit.id, offender: 'unit' } } } });
    expect(opened.statusCode, opened.body).toBe(201);
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-oversight', 'oversight', 'tile-official-acts');
    const tile = page.getByTestId('tile-official-acts');
    await eventually(() => tile.locator('.jf-ws-tile-value').textContent()).not.toBe('–');
    const shown = Number(await tile.locator('.jf-ws-tile-value').textContent());
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(await tile.textContent()).toMatch(/近 30 日 \d+ 项/);
    expect(await tile.locator('.jf-article-link').getAttribute('href')).toBe('/law/36');
    await tile.locator('.jf-ws-tile-value').click();
    await page.getByRole('heading', { level: 2, name: '履职记录' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#acts');
    const acts = page.locator('.ant-table-wrapper').nth(2);
    await eventually(() => acts.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${shown} 项操作`);
    const openedRows = acts.locator('tbody tr.ant-table-row').filter({ hasText: '立案' }).filter({ hasText: 'demo-shenyang' });
    await eventually(() => openedRows.count()).toBeGreaterThanOrEqual(1);
    // Opening a case rests on Art 26: the police find hazards and see them put right.
    expect(await openedRows.first().getByRole('link', { name: '第二十六条' }).getAttribute('href')).toBe('/law/26');
    // Narrowed to one officer by username; the address keeps the filter.
    await page.getByRole('searchbox', { name: '经办人用户名' }).fill('demo-heping');
    await page.getByRole('searchbox', { name: '经办人用户名' }).press('Enter');
    await eventually(() => new URL(page.url()).searchParams.get('aUser')).toBe('demo-heping');
    await eventually(() => acts.locator('tbody tr.ant-table-row').filter({ hasText: 'demo-shenyang' }).count()).toBe(0);
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    await screenshot(page, 'oversight-official-acts');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('takes a city supervisor from the accesses figure to the access record narrowed as it counts (Art 24 ¶1: 查看、复制、使用)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-shenyang', 'city_supervisor', 'figure-accesses');
    await page.getByTestId('figure-accesses').locator('.jf-ws-tile-value').click();
    await page.getByRole('heading', { level: 1, name: '采获信息访问与拒绝记录' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/captured/events');
    expect(url.searchParams.get('division')).toBe('210100');
    expect(url.searchParams.get('action')).toBe('view,copy,use,export,visit,handover,download-package');
    await eventually(() => page.locator('.jf-vault-events .ant-cascader').textContent()).toContain('沈阳市');
    await eventually(() => page.getByRole('combobox', { name: '行为' }).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').textContent()).toContain('查看、复制、使用（全部访问）');
    await page.getByTestId('events-from').waitFor();
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("never shows a county supervisor another county's places", async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-heping', 'county_supervisor', 'figure-keyUnits');
    expect(await page.locator('.jf-ws-place-table tbody tr.ant-table-row td:first-child').allTextContents()).toEqual(['和平区']);
    await page.goto('/?division=210103');
    await page.locator('.ant-alert-error').waitFor();
    await context.close();
  });

  it('takes a provider from its Projects tile to the list of the systems it installed, read-only and without restricted ones (Art 20 (2): 依法施工，并将相关建设资料存档备查)', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'demo-provider', password: DEMO_PASSWORD } });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0] };
    const own = (await server.app.inject({ url: '/api/v1/registry/security-systems?pageSize=100', headers })).json() as { total: number; items: { name: string; providerId: number }[] };
    expect(own.total).toBeGreaterThan(5);
    expect(own.items.every((i) => i.providerId === own.items[0].providerId)).toBe(true);

    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-provider', 'provider', 'tile-projects');
    const tile = page.getByTestId('tile-projects');
    await eventually(() => tile.locator('.jf-ws-tile-value').textContent()).toBe(String(own.total));
    expect(await tile.locator('.jf-article-link').getAttribute('href')).toBe('/law/20#p1-i2');
    // The five changed last, each linked to its record's page.
    const recent = page.getByTestId('recent-projects').locator('li a');
    await eventually(() => recent.count()).toBe(5);
    const recentNames = await recent.allTextContents();
    expect(own.items.map((i) => i.name)).toEqual(expect.arrayContaining(recentNames));
    // A project's page: its assessment and ledger history, read under the same permission.
    await recent.first().click();
    await page.getByRole('heading', { level: 1, name: `技防系统：${recentNames[0]}` }).waitFor();
    await page.getByTestId('assessment-panel').locator('.jf-assessment-counts').waitFor();
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await page.goBack();

    await tile.locator('.jf-ws-tile-value').click();
    await page.getByRole('heading', { level: 1, name: '技防系统' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/registry/security-systems');
    await eventually(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${own.total} 条`);
    const shown = await page.locator('.jf-registry-table tbody .jf-name-link').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(own.items.map((i) => i.name)).toEqual(expect.arrayContaining(shown));
    // Art 19: the restricted exam-paper room's systems are not among them.
    expect(await page.getByText('试卷保密室').count()).toBe(0);
    // Read-only: an export, but nothing to create or import.
    await page.getByRole('button', { name: '导出 CSV' }).waitFor();
    expect(await page.getByRole('button', { name: '新建' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0);
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    await screenshot(page, 'registry-provider-projects');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("lists a key unit's duties of art 10-15 and 23, each with its article", async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-school', 'key_unit', 'checklist');
    const lines = page.getByTestId('checklist-line');
    await eventually(() => lines.count()).toBeGreaterThan(3);
    const articles = await lines.locator('.jf-article-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(articles.some((h) => h?.startsWith('/law/10'))).toBe(true);
    expect(articles.some((h) => h?.startsWith('/law/11'))).toBe(true);
    expect(articles.every((h) => /^\/law\/(10|11|12|13|14|15|23)(#|$)/.test(h ?? ''))).toBe(true);
    // Art 15: the sign the province set, ready to print, one click from the unit's duties.
    await page.getByTestId('tile-signage').locator('.jf-ws-tile-value').click();
    await page.getByRole('heading', { level: 1, name: '视频监控提示标识' }).waitFor();
    await page.getByTestId('sign-preview').waitFor();
    await context.close();
  });

  it('shows the tour once per account, and again on request', async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-citizen', 'citizen', 'tile-viewing');
    await page.reload();
    await page.getByTestId('tile-viewing').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('.ant-tour').isVisible()).toBe(false);
    await page.getByTestId('tour-restart').click();
    await page.locator('.ant-tour').getByText('欢迎使用您的工作台').waitFor();
    await context.close();
  });

  it('shows a visitor without a login the public pages and the regulation', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    const home = page.getByTestId('public-home');
    await home.waitFor();
    const links = await home.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/law', '/public/providers', '/public/warnings', '/verify', '/login']));
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    await context.close();
  });

  it("fits a citizen's workspace on a phone", async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await openWorkspace(page, 'demo-citizen', 'citizen', 'tile-viewing');
    await screenshot(page, 'workspace-citizen-phone');
    // The workspace itself: every tile within the phone's width (the header above it is the shell's).
    const overflowing = await page.getByTestId('workspace-citizen').evaluate((ws) => [ws, ...ws.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length);
    expect(overflowing).toBe(0);
    await context.close();
  });

  it('speaks English after the switch', async () => {
    const { context, page } = await newPage(browser, server.url);
    await openWorkspace(page, 'demo-shenyang', 'city_supervisor', 'figure-keyUnits');
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    await page.getByRole('heading', { name: 'Supervision dashboard: 沈阳市' }).waitFor();
    expect(await page.getByTestId('figure-keyUnits').locator('.jf-ws-tile-title').textContent()).toBe('Key units');
    expect(await page.getByText('技防监管看板').count()).toBe(0);
    await screenshot(page, 'workspace-city_supervisor-en');
    await context.close();
  });
});
