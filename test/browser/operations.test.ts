import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOperationsDemo } from '../../src/operations/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, seriousViolations } from './browser.js';

/**
 * Art 21 ¶1 (2): no one may interrupt a system's normal use without
 * authorisation. The county police see on their dashboard that a system in
 * Heping is offline or interrupted, follow the figure to the status list,
 * and open an Art 21 case from the alert; the key unit sees its own systems.
 */
describe.runIf(BROWSER_AVAILABLE)('device operations in the browser (Art 11 (2), Art 21)', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed: 'demo', prepare: async (tdb) => void (await seedOperationsDemo(tdb, systemClock)) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes a county supervisor from the dashboard figure to the offline systems, to the alert, and opens an Art 21 case; the alerts and the records sort by their column headers', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-heping', DEMO_PASSWORD);
    await page.goto('/dashboard');
    const tile = page.getByTestId('figure-systemsOffline');
    await tile.waitFor();
    await eventually(async () => Number(await tile.locator('.jf-ws-tile-value').textContent())).toBeGreaterThanOrEqual(2);
    await tile.locator('.jf-ws-tile-value').click();

    // The status list, filtered as the figure counts: offline or interrupted, in Heping.
    await page.waitForURL(/\/operations\?status=offline&status=interrupted/);
    const table = page.getByTestId('operations-status');
    await eventually(() => table.locator('tbody tr[data-status]').count()).toBeGreaterThanOrEqual(2);
    const statuses = await table.locator('tbody tr[data-status]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['offline', 'interrupted']));
    expect(await page.locator('.jf-operations-status .jf-article-link').filter({ hasText: '第二十一条' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'operations-status');

    // The interrupted system's alert, and the case opened from it.
    const row = table.locator('tbody tr[data-status="interrupted"]').first();
    const systemName = (await row.locator('td').first().textContent())!.trim();
    await row.getByRole('link', { name: /^告警 \d+$/ }).click();
    await page.waitForURL(/\/operations\/alerts\?systemId=\d+/);
    const alerts = page.getByTestId('operations-alerts');
    const open = alerts.getByRole('button', { name: '依第二十一条立案' });
    await open.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'operations-alerts');
    await open.click();
    const caseLink = alerts.getByRole('link', { name: /^事项 \d+$/ });
    await caseLink.waitFor();
    await caseLink.click();
    await page.waitForURL(/\/work\/items\/\d+$/);
    await page.getByText(systemName).first().waitFor();

    // Every alert in Heping, newest first; a click on a column header sorts them, and the address keeps the order.
    await page.goto('/operations/alerts');
    const header = (title: string) => page.locator('.ant-table-thead th').filter({ hasText: title });
    const column = (n: number) => page.getByTestId('operations-alerts').locator(`tbody tr.ant-table-row td:nth-child(${n})`).allTextContents();
    await eventually(async () => (await column(2)).length).toBeGreaterThanOrEqual(2);
    const newestFirst = await column(2);
    await header('发生时间').click();
    await page.waitForURL(/\/operations\/alerts\?sort=raisedAt&order=asc$/);
    await eventually(() => column(2)).toEqual([...newestFirst].reverse());
    await header('技防系统').click();
    await page.waitForURL(/\/operations\/alerts\?sort=system&order=asc$/);
    await eventually(() => column(2)).toEqual([...newestFirst].sort());
    await header('技防系统').click();
    await page.waitForURL(/\/operations\/alerts\?sort=system&order=desc$/);
    await eventually(() => column(2)).toEqual([...newestFirst].sort().reverse());
    await header('类型').click();
    await page.waitForURL(/\/operations\/alerts\?sort=kind&order=asc$/);
    // 系统运行中断 (interrupted) before 系统离线 (offline).
    await eventually(async () => (await column(1))[0]).toBe('系统运行中断');
    expect(await seriousViolations(page)).toEqual([]);

    // The system's own records, never altered (Art 21 ¶1 (4)).
    await page.goto('/operations');
    await page.getByTestId('operations-status').getByRole('link', { name: systemName }).click();
    await page.getByTestId('current-status').waitFor();
    expect(await page.getByTestId('current-status').textContent()).toContain('运行中断');
    await page.getByText('断电', { exact: true }).first().waitFor();
    // Newest first; a click on the time's header turns the order round, in the address too.
    const kinds = () => page.locator('.jf-operations-records tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    await eventually(async () => (await kinds())[0]).toBe('断电');
    await header('发生时间').click();
    await page.waitForURL(/\/operations\/systems\/\d+\?sort=occurredAt&order=asc$/);
    await eventually(async () => (await kinds())[0]).toBe('注册');
    expect(await seriousViolations(page)).toEqual([]);
    // The records export as a spreadsheet, every page of them.
    await page.getByRole('button', { name: /^导出/ }).hover();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^operation-records-\d+-\d{8}\.xlsx$/);
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, 'operations-records');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("shows a key unit only its own systems' status", async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-school', DEMO_PASSWORD);
    await page.goto('/operations');
    const table = page.getByTestId('operations-status');
    await eventually(() => table.locator('tbody tr[data-status]').count()).toBeGreaterThan(0);
    const names = await table.locator('tbody tr[data-status] td:first-child').allTextContents();
    expect(names.every((n) => n.startsWith('沈阳市和平区实验中学'))).toBe(true);
    expect(await page.getByText('本单位技防系统的运行情况').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
