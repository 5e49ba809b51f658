import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot } from './browser.js';

describe.runIf(BROWSER_AVAILABLE)('a key unit in the browser (Art 10)', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  let keyUnits = 0;
  beforeAll(async () => {
    // The demo Liaoning: demo-school is the account of 沈阳市和平区实验中学, one key unit among many.
    server = await startServer({ seed: 'demo' });
    const n = await server.tdb.db.selectFrom('key_units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    keyUnits = Number(n.n);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees only its own unit and its own sites, and the menu of a key unit', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-school', DEMO_PASSWORD);
    expect(await page.getByTestId('user-role').textContent()).toBe('技术防范重点单位');

    const nav = page.getByRole('navigation', { name: '主导航' });
    // Its registries: its unit, sites, systems, devices (Art 10); not public areas, providers, products or police organs.
    const registries = nav.locator('.ant-menu-item-group').filter({ hasText: '登记管理' }).getByRole('link');
    expect(await registries.allTextContents()).toEqual(['本单位', '部位', '技防系统', '设备']);
    const entries = await nav.getByRole('link').allTextContents();
    expect(entries).toContain('首页');
    expect(entries).toContain('条例');

    await nav.getByRole('link', { name: '本单位' }).click();
    await page.getByRole('heading', { level: 1, name: '本单位' }).waitFor();
    const names = page.locator('.jf-registry-table tbody tr.ant-table-row .jf-name-link');
    expect(keyUnits).toBeGreaterThan(100);
    await eventually(() => names.allTextContents()).toEqual(['沈阳市和平区实验中学']);
    expect(await page.locator('.ant-pagination-total-text').textContent()).toBe('共 1 条');
    // It may keep its record up to date, not add units.
    expect(await page.getByRole('button', { name: '新 建' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '编辑 沈阳市和平区实验中学' }).count()).toBe(1);
    await screenshot(page, 'key-unit-own-unit');

    // Searching for another unit's name finds nothing: 沈阳市第一人民医院 is a key unit too, not this one.
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).fill('人民医院');
    await page.getByRole('searchbox', { name: '在技术防范重点单位中搜索' }).press('Enter');
    await eventually(() => names.allTextContents()).toEqual([]);

    await nav.getByRole('link', { name: '部位' }).click();
    await page.getByRole('heading', { level: 1, name: '场所和部位' }).waitFor();
    // Every city's demo school has a 教学楼; this unit sees its own two sites only.
    await eventually(() => names.allTextContents()).toEqual(['学生宿舍楼', '教学楼']);
    // The site's unit is shown by name.
    await eventually(() => page.locator('.jf-registry-table tbody tr.ant-table-row').first().textContent()).toContain('沈阳市和平区实验中学');
    expect(await page.getByRole('button', { name: '新 建' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('is refused, with the reason, where it has no business', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-school', DEMO_PASSWORD);
    await page.goto('/registry/providers');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('无权进行此操作');
    expect(await page.locator('.jf-registry-table tbody tr.ant-table-row').count()).toBe(0);
    await context.close();
  });
});
