import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, chooseOption, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, seriousViolations } from './browser.js';

/**
 * Art 36: officials answer for what they do under their accounts, so who
 * holds which rights changes only through the administrator, on the record,
 * and a changed account's open sessions end at once.
 */
describe.runIf(BROWSER_AVAILABLE)('account administration in the browser (Art 36)', JOURNEY, () => {
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

  it("lets the administrator change a demo user's role, and that user's open session is refused on its next request", async () => {
    const officer = await newPage(browser, server.url);
    await logIn(officer.page, 'demo-station', DEMO_PASSWORD);

    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-admin', DEMO_PASSWORD);
    await page.getByRole('link', { name: '账号管理' }).click();
    await page.getByRole('heading', { level: 1, name: '账号管理' }).waitFor();
    await page.locator('.jf-accounts-table tr[data-username="demo-station"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '管理账号 demo-station' }).click();
    const drawer = page.locator('.jf-account-drawer');
    await drawer.getByRole('heading', { name: '角色与辖区' }).waitFor();
    await chooseOption(page, drawer, '角色', '', '县级公安机关技防监管');
    await drawer.getByRole('button', { name: '保存权限' }).click();
    await page.getByText('权限已更改，并已记入账本。').waitFor();
    await eventually(() => page.locator('.jf-accounts-table tr[data-username="demo-station"]').textContent()).toContain('县级公安机关技防监管');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'accounts-drawer');

    // The officer's next request finds the session gone: the app sends them to the login page.
    await officer.page.goto('/registry/key-units');
    await officer.page.waitForURL(/\/login$/);
    expect(pageErrors(page)).toEqual([]);
    await officer.context.close();
    await context.close();
  });

  it('lets a user change their own password and log in with the new one', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-citizen', DEMO_PASSWORD);
    await page.getByTestId('change-password').click();
    await page.getByRole('heading', { level: 1, name: '修改密码' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('a-fresh-citizen-password');
    await page.getByLabel('再次输入新密码').fill('a-fresh-citizen-password');
    await page.locator('form[id="change-password"]').getByRole('button', { name: /修改密码|修\s*改\s*密\s*码/ }).click();
    await page.getByTestId('password-changed').waitFor();

    await page.getByRole('button', { name: /退\s*出|Log out/ }).click();
    await page.waitForURL(/\/login$/);
    await logIn(page, 'demo-citizen', 'a-fresh-citizen-password');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
