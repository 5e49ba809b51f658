import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_PASSWORD, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage } from './browser.js';

describe.runIf(BROWSER_AVAILABLE)('language switch', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    await server.createUser({ username: 'sy-police', role: 'city_supervisor', jurisdiction: '210100' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts in Simplified Chinese, switches the whole interface to English, and remembers it after a reload', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByLabel('用户名').count()).toBe(1);

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await page.getByLabel('Username').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Regulation' }).count()).toBe(1);
    // Ant Design's own texts follow the language too.
    expect(await page.locator('.ant-input-password').count()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('jifang.lang'))).toBe('en');

    await logIn(page, 'sy-police', TEST_PASSWORD);
    expect(await page.getByTestId('user-role').textContent()).toBe('City police supervisor · 沈阳市');
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    await screenshot(page, 'home-en');

    await switchLanguage(page, 'zh-CN');
    expect(await page.getByTestId('user-role').textContent()).toBe('市公安机关技防监管 · 沈阳市');
    await page.reload();
    await page.getByTestId('user-role').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows a refused login in the current language, from the server’s bilingual message', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('sy-police');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const zh = await alert.textContent();
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    await switchLanguage(page, 'en');
    await eventually(() => alert.textContent()).not.toBe(zh);
    expect(await alert.textContent()).toMatch(/^[\x20-\x7e’]+$/);
    await screenshot(page, 'login-refused-en');
    await context.close();
  });
});
