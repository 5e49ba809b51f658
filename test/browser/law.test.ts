import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, newPage, pageErrors, screenshot, switchLanguage } from './browser.js';

describe.runIf(BROWSER_AVAILABLE)('the regulation in the browser, without logging in', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens /law/24#p1-i1 scrolled to Art 24 ¶1 (1), highlighted in Chinese and English', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law/24#p1-i1');
    const item = page.locator('#p1-i1');
    await eventually(() => item.getAttribute('data-targeted')).toBe('true');
    await eventually(() => item.evaluate((el) => el.classList.contains('jf-law-target'))).toBe(true);
    expect(await item.locator('[lang="zh-CN"]').textContent()).toBe('（一）工作人员不得少于两人；');
    expect(await item.locator('[lang="en"]').textContent()).toBe('(1) there shall be no fewer than two staff members;');
    expect(await item.isVisible()).toBe(true);
    const box = await item.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    // Only the addressed item is marked; its siblings are not.
    expect(await page.locator('[data-targeted="true"]').count()).toBe(1);
    expect(await page.locator('#p1-i2').getAttribute('data-targeted')).toBeNull();
    await eventually(() => page.title()).toContain('第二十四条');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('第二十四条');
    // Nobody is logged in: the header offers the login.
    expect(await page.getByRole('link', { name: '登录' }).count()).toBe(1);
    await screenshot(page, 'law-24-p1-i1');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('gives every paragraph and item of an article its own anchor, and moves the mark when one is followed', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law/24');
    await page.locator('#p2').waitFor();
    const anchors = await page.locator('.jf-law-para, .jf-law-item').evaluateAll((els) => els.map((e) => e.id));
    expect(anchors).toEqual(['p1', 'p1-i1', 'p1-i2', 'p1-i3', 'p1-i4', 'p2']);
    expect(await page.locator('[data-targeted="true"]').count()).toBe(0);
    await page.locator('#p1-i3 .jf-law-anchor').first().click();
    await eventually(() => page.locator('#p1-i3').getAttribute('data-targeted')).toBe('true');
    expect(new URL(page.url()).hash).toBe('#p1-i3');
    await context.close();
  });

  it('lists the chapters and articles, and links each article', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law');
    const toc = page.getByRole('navigation', { name: '目录' });
    await toc.waitFor();
    expect(await toc.getByRole('heading', { level: 3 }).count()).toBe(6);
    expect(await toc.getByRole('link').count()).toBe(37);
    await toc.getByRole('link', { name: '第二十四条' }).click();
    await page.locator('#p1-i1').waitFor();
    expect(new URL(page.url()).pathname).toBe('/law/24');
    await screenshot(page, 'law-index-then-24');
    await context.close();
  });

  it('says in both languages when an article does not exist', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law/38');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('条例没有第38条');
    await switchLanguage(page, 'en');
    await eventually(() => alert.textContent()).toContain('The regulation has no Article 38');
    await context.close();
  });
});
