import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../src/registry/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { startServer, TEST_PASSWORD, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot } from './browser.js';

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

describe.runIf(BROWSER_AVAILABLE)('a key unit in the browser (Art 10)', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  let ownId = 0;
  let otherId = 0;
  beforeAll(async () => {
    server = await startServer({
      prepare: async (tdb) => {
        const ctx: RegistryContext = { repo: RegistryRepository.of(tdb), clock: systemClock };
        await syncReferenceData(ctx.repo, systemClock);
        ownId = (await createItem(ctx, admin, 'key-units', { name: '沈阳市第一二〇中学', unitType: 'secondary_school', divisionCode: '210102' })).id;
        otherId = (await createItem(ctx, admin, 'key-units', { name: '沈阳市第二十中学', unitType: 'secondary_school', divisionCode: '210102' })).id;
        await createItem(ctx, admin, 'key-units', { name: '大连市第一中学', unitType: 'secondary_school', divisionCode: '210202' });
        await createItem(ctx, admin, 'sites', { name: '一二〇中学北门', keyUnitId: ownId });
        await createItem(ctx, admin, 'sites', { name: '二十中学东门', keyUnitId: otherId });
      },
    });
    await server.createUser({ username: 'school-120', role: 'key_unit', keyUnitId: ownId });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees only its own unit and its own sites, and the menu of a key unit', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'school-120', TEST_PASSWORD);
    expect(await page.getByTestId('user-role').textContent()).toBe('技术防范重点单位');

    const nav = page.getByRole('navigation', { name: '主导航' });
    const entries = await nav.getByRole('link').allTextContents();
    expect(entries).toEqual(['首页', '本单位', '部位', '技防系统', '设备', '条例']);

    await nav.getByRole('link', { name: '本单位' }).click();
    await page.getByRole('heading', { level: 1, name: '本单位' }).waitFor();
    const names = page.locator('.jf-registry-table tbody tr.ant-table-row .jf-name-link');
    await eventually(() => names.allTextContents()).toEqual(['沈阳市第一二〇中学']);
    expect(await page.locator('.ant-pagination-total-text').textContent()).toBe('共 1 条');
    // It may keep its record up to date, not add units.
    expect(await page.getByRole('button', { name: '新 建' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '编辑 沈阳市第一二〇中学' }).count()).toBe(1);
    await screenshot(page, 'key-unit-own-unit');

    // Searching for another unit's name finds nothing.
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).fill('二十中学');
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).press('Enter');
    await eventually(() => names.allTextContents()).toEqual([]);

    await nav.getByRole('link', { name: '部位' }).click();
    await page.getByRole('heading', { level: 1, name: '场所和部位' }).waitFor();
    await eventually(() => names.allTextContents()).toEqual(['一二〇中学北门']);
    // The site's unit is shown by name.
    await eventually(() => page.locator('.jf-registry-table tbody tr.ant-table-row').first().textContent()).toContain('沈阳市第一二〇中学');
    expect(await page.getByRole('button', { name: '新 建' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('is refused, with the reason, where it has no business', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'school-120', TEST_PASSWORD);
    await page.goto('/registry/providers');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('无权进行此操作');
    expect(await page.locator('.jf-registry-table tbody tr.ant-table-row').count()).toBe(0);
    await context.close();
  });
});
