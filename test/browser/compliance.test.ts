import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/index.js';
import { complianceContext, sweep } from '../../src/compliance/index.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../src/registry/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { startServer, TEST_PASSWORD, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, seriousViolations, chooseOption, eventually } from './browser.js';

const admin: Actor = { userId: 0, username: 'setup', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

describe.runIf(BROWSER_AVAILABLE)('compliance in the browser (Art 14, 31-35)', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({
      prepare: async (tdb) => {
        const ctx: RegistryContext = { repo: RegistryRepository.of(tdb), clock: systemClock };
        await syncReferenceData(ctx.repo, systemClock);
        const hotel = (await createItem(ctx, admin, 'key-units', { name: '沈阳和平大酒店', unitType: 'hotel', divisionCode: '210102' })).id;
        const system = (await createItem(ctx, admin, 'security-systems', { name: '酒店视频监控系统', subsystemKind: 'video_audio_surveillance', keyUnitId: hotel })).id;
        await createItem(ctx, admin, 'devices', { name: '客房摄像机', systemId: system, capturesVideo: true, placeKind: 'hotel_room' });
        await createItem(ctx, admin, 'devices', { name: '大堂摄像机', systemId: system, capturesVideo: true, placeKind: 'public_space' });
        await sweep(complianceContext(tdb, systemClock));
      },
    });
    await server.createUser({ username: 'shenyang', role: 'city_supervisor', jurisdiction: '210100' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('computes an art 32 fine without logging in, with the article linked', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/law');
    await page.getByRole('link', { name: '罚款计算' }).click();
    await page.getByRole('heading', { level: 1, name: '罚款计算' }).waitFor();
    expect(await page.getByRole('link', { name: '登录' }).count()).toBe(1);

    await chooseOption(page, page, '适用条款', '', /第三十二条/);
    await chooseOption(page, page, '违反的项', '', /（二）指定专人/);
    await page.getByLabel('逾期不改正').check();
    await page.getByRole('button', { name: '计 算' }).click();

    const result = page.getByTestId('penalty-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('5,000元');
    const art32 = result.getByRole('link', { name: '第三十二条' }).first();
    expect(await art32.getAttribute('href')).toBe('/law/32');
    expect(await result.getByRole('link', { name: '第十一条第一款第（二）项' }).first().getAttribute('href')).toBe('/law/11#p1-i2');
    await screenshot(page, 'penalty-calculator-art32');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);

    await art32.click();
    await page.getByRole('heading', { level: 1, name: /第三十二条/ }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows a camera’s assessment in its record, and the sweep per city down to the finding', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'shenyang', TEST_PASSWORD);
    await page.goto('/registry/devices');
    await page.locator('.jf-registry-table .jf-name-link').filter({ hasText: '客房摄像机' }).click();
    const panel = page.getByTestId('assessment-panel');
    await panel.getByRole('heading', { name: '合规评估' }).waitFor();
    const art14 = panel.locator('li[data-rule="art14.no-capture-in-private-places"]');
    await art14.waitFor();
    expect(await art14.getAttribute('data-outcome')).toBe('violation');
    expect(await art14.getByRole('link', { name: '第十四条' }).getAttribute('href')).toBe('/law/14');
    expect(await art14.textContent()).toContain('禁止在宾馆客房安装、使用具有视（音）频采集功能的技防系统');
    expect(await panel.locator('.jf-unknown-facts').textContent()).toContain('第十五条');
    await screenshot(page, 'assessment-panel-hotel-room-camera');

    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '合规核查' }).click();
    await page.getByRole('heading', { level: 1, name: '合规核查' }).waitFor();
    await page.locator('.jf-compliance-places').getByRole('link', { name: '沈阳市' }).click();
    await page.locator('.jf-compliance-places').getByRole('link', { name: '和平区' }).click();
    await page.getByRole('heading', { level: 2, name: '核查结论' }).waitFor();
    const row = page.locator('.jf-compliance-findings tr.ant-table-row').filter({ hasText: '客房摄像机' }).filter({ hasText: '第十四条' });
    await row.waitFor();
    await screenshot(page, 'compliance-county');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    // Findings sort by place, then kind and id; the header turns the order around, and the address keeps it.
    await page.locator('.jf-compliance-findings').getByRole('columnheader', { name: /地区/ }).click();
    await eventually(() => new URL(page.url()).searchParams.get('order')).toBe('desc');
    await row.waitFor();
    await row.getByRole('link', { name: '客房摄像机' }).click();
    await page.getByRole('heading', { level: 1, name: '前端设备：客房摄像机' }).waitFor();
    expect(await page.getByTestId('assessment-panel').locator('li[data-outcome="violation"]').count()).toBe(2);
    await screenshot(page, 'compliance-entity');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);

    // The same in English, the article links included.
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Device: 客房摄像机' }).waitFor();
    const en14 = page.getByTestId('assessment-panel').locator('li[data-rule="art14.no-capture-in-private-places"]');
    expect(await en14.getByRole('link', { name: 'Art 14' }).getAttribute('href')).toBe('/law/14');
    expect(await en14.textContent()).toContain('hotel guest room is forbidden');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
