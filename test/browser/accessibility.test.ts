import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, JOURNEY, launchBrowser, logIn, newPage, screenshot, switchLanguage, type StorageState, seriousViolations } from './browser.js';

describe.runIf(BROWSER_AVAILABLE)('accessibility (axe-core)', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  /** A supervisor's logged-in profile, so each check does not log in again. */
  let supervisor: StorageState;
  beforeAll(async () => {
    // The demo Liaoning: full pages of real-looking rows, a restricted unit among them (art 19).
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

  it.each(['zh-CN', 'en'] as const)('finds nothing serious on the login page (%s)', async (lang) => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (lang === 'en') await switchLanguage(page, 'en');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious on the regulation’s contents', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law');
    await page.getByRole('navigation', { name: '目录' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious on an article with a marked item', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law/24#p1-i1');
    await page.locator('[data-targeted="true"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious on a supervisor’s home page', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/');
    await page.getByTestId('user-name').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'home-zh');
    await context.close();
  });

  it.each(['zh-CN', 'en'] as const)('finds nothing serious on a registry list (%s)', async (lang) => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/registry/key-units');
    if (lang === 'en') await switchLanguage(page, 'en');
    await page.locator('.jf-registry-table tbody tr.ant-table-row').nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `registry-key-units-${lang}`);
    await context.close();
  });

  it('finds nothing serious in a registry’s form', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/registry/key-units');
    await page.getByRole('button', { name: '新 建' }).click();
    await page.locator('.jf-record-drawer form').waitFor();
    expect(await seriousViolations(page, { within: '.jf-record-drawer' })).toEqual([]);
    await context.close();
  });

  it('finds nothing serious in a registry’s import dialog', async () => {
    const { context, page } = await newPage(browser, server.url, supervisor);
    await page.goto('/registry/key-units');
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByLabel('导入文件').waitFor();
    expect(await seriousViolations(page, { within: '.ant-modal' })).toEqual([]);
    await context.close();
  });
});
