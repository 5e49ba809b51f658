import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, type StorageState, chooseOption, chooseCascade } from './browser.js';

const rowNames = (page: Page) => page.locator('.jf-registry-table tbody tr.ant-table-row .jf-name-link').allTextContents();

describe.runIf(BROWSER_AVAILABLE)('registries in the browser', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  /** demo-shenyang's logged-in profile; the logout journey logs in on its own. */
  let supervisor: StorageState;
  beforeAll(async () => {
    // The demo Liaoning, as a fresh `jifang serve` has it; demo-shenyang is the Shenyang city police supervisor.
    server = await startServer({ seed: 'demo' });
    browser = await launchBrowser();
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-shenyang', DEMO_PASSWORD);
    supervisor = await context.storageState();
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a city police supervisor record a key unit and find it by a Chinese fragment of its name', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '技防重点单位' }).click();
    await page.getByRole('heading', { level: 1, name: '技术防范重点单位' }).waitFor();

    await page.getByRole('button', { name: '新 建' }).click();
    const drawer = page.locator('.jf-record-drawer');
    await drawer.getByRole('textbox', { name: '单位名称' }).fill('沈阳市第一二〇中学');
    await chooseOption(page, drawer, '单位类型', '中学', '中学');
    await chooseCascade(page, drawer, '所在县级行政区划', ['沈阳市', '和平区']);
    await drawer.getByRole('textbox', { name: '地址' }).fill('沈阳市和平区南京南街');
    await screenshot(page, 'registry-key-unit-form');
    await page.getByRole('button', { name: '保 存' }).click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).fill('一二〇');
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).press('Enter');
    await eventually(() => rowNames(page)).toEqual(['沈阳市第一二〇中学']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('一二〇');
    const row = page.locator('.jf-registry-table tbody tr.ant-table-row').first();
    expect(await row.textContent()).toContain('中学');
    expect(await row.textContent()).toContain('和平区');
    await screenshot(page, 'registry-key-units-search');

    // A fragment that is not in the name finds nothing.
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).fill('一二一');
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).press('Enter');
    await eventually(() => rowNames(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the server’s field problems next to their fields', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/registry/key-units');
    await page.getByRole('button', { name: '新 建' }).click();
    const drawer = page.locator('.jf-record-drawer');
    await drawer.getByRole('textbox', { name: '单位名称' }).fill('沈阳市第一二一中学');
    await chooseOption(page, drawer, '单位类型', '中学', '中学');
    await chooseCascade(page, drawer, '所在县级行政区划', ['沈阳市', '和平区']);
    await drawer.getByRole('textbox', { name: '统一社会信用代码' }).fill('91210102MA0000000X');
    await page.getByRole('button', { name: '保 存' }).click();
    const item = drawer.locator('.ant-form-item').filter({ has: page.getByRole('textbox', { name: '统一社会信用代码' }) });
    await eventually(() => item.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(await item.locator('.ant-form-item-explain-error').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'registry-field-error');
    await context.close();
  });

  it('shows a refusal citing the regulation in the current language, with a link to the cited item', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    // The answer of a rule that refuses with its citation, in the error body every route uses.
    await page.route('**/api/v1/registry/key-units', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({
              code: 'JF_UNPROCESSABLE',
              message: '采获信息的查看应当由两名以上工作人员进行',
              messages: { zh: '采获信息的查看应当由两名以上工作人员进行', en: 'Captured information is viewed by no fewer than two staff members' },
              citation: { article: 24, paragraph: 1, item: 1, label: { zh: '第二十四条第一款第（一）项', en: 'Art 24 ¶1 (1)' }, href: '/law/24#p1-i1' },
            }),
          })
        : route.fallback(),
    );
    const drawer = page.locator('.jf-record-drawer');
    const alert = drawer.getByRole('alert');

    // In English: the English message, and the citation in English.
    await page.goto('/registry/key-units');
    await switchLanguage(page, 'en');
    await page.getByRole('button', { name: 'New' }).click();
    await drawer.getByRole('textbox', { name: 'Name' }).fill('沈阳市第一二二中学');
    await chooseOption(page, drawer, 'Unit type', 'Secondary school', 'Secondary school');
    await chooseCascade(page, drawer, 'County-level division', ['沈阳市', '和平区']);
    await page.getByRole('button', { name: 'Save' }).click();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Captured information is viewed by no fewer than two staff members');
    expect(await alert.getByRole('link', { name: 'Legal basis: Art 24 ¶1 (1)' }).getAttribute('href')).toBe('/law/24#p1-i1');
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });

    // In Chinese, and the link leads to the item, marked.
    await switchLanguage(page, 'zh-CN');
    await page.getByRole('button', { name: '新 建' }).click();
    await drawer.getByRole('textbox', { name: '单位名称' }).fill('沈阳市第一二二中学');
    await chooseOption(page, drawer, '单位类型', '中学', '中学');
    await chooseCascade(page, drawer, '所在县级行政区划', ['沈阳市', '和平区']);
    await page.getByRole('button', { name: '保 存' }).click();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('采获信息的查看应当由两名以上工作人员进行');
    await alert.getByRole('link', { name: '依据：第二十四条第一款第（一）项' }).click();
    await eventually(() => page.locator('#p1-i1').getAttribute('data-targeted')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/law/24');
    await context.close();
  });

  it('logs out, and then asks for a login before showing a registry', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-shenyang', DEMO_PASSWORD);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await page.getByTestId('user-name').count()).toBe(0);
    await page.goto('/registry/key-units');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    // After logging in again, the page asked for is shown.
    await page.getByRole('textbox', { name: '用户名' }).fill('demo-shenyang');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByRole('heading', { level: 1, name: '技术防范重点单位' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/registry/key-units');
    await context.close();
  });

  it('imports a CSV file all or nothing, showing a refused file’s problems by row and field, and exports what the list shows', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/registry/key-units');
    await page.getByRole('button', { name: '导 入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入技术防范重点单位' });
    const csv = (rows: string[]) => Buffer.from(['name,unitType,divisionCode', ...rows].join('\r\n'), 'utf8');

    await dialog.getByLabel('导入文件').setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: csv(['沈阳市第一三〇中学,secondary_school,210102', '沈阳市第一三一中学,castle,210102']) });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    const problems = dialog.getByRole('table', { name: '导入问题清单' });
    await problems.waitFor();
    const cells = await problems.locator('tbody tr.ant-table-row').first().locator('td').allTextContents();
    expect(cells[0]).toBe('2');
    expect(cells[1]).toBe('单位类型');
    expect(await dialog.getByRole('alert').textContent()).toContain('未导入任何数据');
    await screenshot(page, 'registry-import-refused');

    await dialog.getByLabel('导入文件').setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: csv(['沈阳市第一三〇中学,secondary_school,210102', '沈阳市第一三一中学,secondary_school,210103']) });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('已导入 2 条').waitFor();
    await dialog.getByRole('button', { name: '关 闭' }).click();

    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).fill('一三');
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).press('Enter');
    await eventually(() => rowNames(page)).toEqual(['沈阳市第一三〇中学', '沈阳市第一三一中学']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = (await streamText(await download.createReadStream())).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0].split(',')).toContain('name');
    // The export has the list's search applied: the two imported units, nothing else.
    expect(lines.slice(1).map((l) => l.split(',')[lines[0].split(',').indexOf('name')]).sort()).toEqual(['沈阳市第一三〇中学', '沈阳市第一三一中学']);
    await context.close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
