import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_PASSWORD, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, launchBrowser, logIn, newPage, screenshot, switchLanguage } from './browser.js';

/** Serious and critical findings of axe-core (WCAG 2.1 A and AA, and best practices), as `rule: targets`. */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.runIf(BROWSER_AVAILABLE)('accessibility (axe-core)', () => {
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

  it.each(['zh-CN', 'en'] as const)('finds nothing serious on the login page (%s)', async (lang) => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (lang === 'en') await switchLanguage(page, 'en');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious on the regulation pages', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law');
    await page.getByRole('navigation', { name: '目录' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/law/24#p1-i1');
    await page.locator('[data-targeted="true"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds nothing serious on the home page of a logged-in supervisor', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'sy-police', TEST_PASSWORD);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'home-zh');
    await context.close();
  });
});
