import fs from 'node:fs';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerConfigFrom, Sequencer } from '../../src/ledger/index.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, seriousViolations } from './browser.js';

const MATERIALS = { item1: [{ title: '营业执照' }], item2: [{ title: '培训证书' }], item3: [{ title: '场所证明' }], item4: [{ title: '管理制度' }] };

/**
 * Art 21 ¶1 (4), art 36: an official's change to a record is written to the
 * tamper-evident ledger, and anyone reading the record can check in their own
 * browser that the entry is in the signed ledger and unaltered.
 */
describe.runIf(BROWSER_AVAILABLE)('the tamper-evident ledger in the browser (Art 21 ¶1 (4), Art 36)', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  let sequencer: Sequencer;
  let schoolId: number;

  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    // As `jifang serve` runs it; every batch kept in the history so two checkpoints can be compared.
    sequencer = new Sequencer({ db: server.tdb.db, config: ledgerConfigFrom(server.tdb.dataDir, {}, { checkpointHistoryMs: 0 }) });
    await sequencer.start();
    const row = await server.tdb.db.selectFrom('keyUnits').select('id').where('name', '=', '沈阳市和平区实验中学').executeTakeFirstOrThrow();
    schoolId = Number(row.id);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sequencer?.stop();
    await server?.close();
  });

  /** The history row of ledger index `index` on the page. */
  const entryRow = (page: Page, index: number) => page.locator(`.jf-ledger-history tr[data-ledger-index="${index}"]`);

  it("verifies a registry change in the record's history, then fails it with a clear message once the stored entry is altered", async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-heping', DEMO_PASSWORD);

    // Act: the county police change the school's address through the registry screen.
    await page.goto('/registry/key-units?q=实验中学');
    await page.locator('.jf-registry-table .jf-name-link').filter({ hasText: '沈阳市和平区实验中学' }).click();
    const drawer = page.locator('.jf-record-drawer');
    await drawer.getByRole('textbox', { name: '地址' }).fill('沈阳市和平区南京南街一号');
    await page.getByRole('button', { name: '保 存' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // The record's page shows the change in its ledger history once the sequencer has signed it (within the merge delay).
    await page.goto(`/compliance/entities/key-units/${schoolId}`);
    const panel = page.locator('.jf-ledger-history');
    await panel.getByRole('heading', { name: '账本记录' }).waitFor();
    let updateIndex = -1;
    await eventually(async () => {
      await panel.getByRole('button', { name: '刷 新' }).click();
      const row = panel.locator('tr[data-ledger-index]').filter({ hasText: '修改登记记录' }).first();
      if (!(await row.count())) return false;
      updateIndex = Number(await row.getAttribute('data-ledger-index'));
      return true;
    }).toBe(true);

    await entryRow(page, updateIndex).getByRole('button', { name: `验证 #${updateIndex}` }).click();
    const verdict = panel.locator('.jf-ledger-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('verified');
    const text = await verdict.textContent();
    expect(text).toContain(`已验证：第 ${updateIndex} 条记录包含在签名检查点`);
    // Chromium's Web Crypto has Ed25519: the signature itself was checked in the browser.
    expect(text).toContain('检查点的 Ed25519 签名已在浏览器中（Web Crypto）用该密钥验证通过');
    expect(text).toMatch(/审计路径（\d+ 个哈希）由该叶哈希得出检查点的根哈希/);
    await screenshot(page, 'ledger-entity-history-verified');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);

    // Someone with database access rewrites the stored entry, going around the append-only trigger.
    await sql`drop trigger ledger_entries_no_update`.execute(server.tdb.db);
    const [stored] = (await sql<{ leaf: Uint8Array }>`select leaf from ledger_entries where idx = ${updateIndex}`.execute(server.tdb.db)).rows;
    const original = Buffer.from(stored.leaf).toString('latin1');
    const altered = original.replace(/\nat (\d{4})-/, (_m, y: string) => `\nat ${Number(y) - 1}-`);
    expect(altered).not.toBe(original);
    await sql`update ledger_entries set leaf = ${Buffer.from(altered, 'latin1')} where idx = ${updateIndex}`.execute(server.tdb.db);

    await page.reload();
    await panel.getByRole('heading', { name: '账本记录' }).waitFor();
    await entryRow(page, updateIndex).getByRole('button', { name: `验证 #${updateIndex}` }).click();
    const failed = panel.locator('.jf-ledger-verdict');
    await failed.waitFor();
    expect(await failed.getAttribute('data-verdict')).toBe('failed');
    expect(await failed.getAttribute('data-failure')).toBe('altered');
    expect(await failed.textContent()).toContain('该记录在写入账本后被改动');
    await screenshot(page, 'ledger-entity-history-altered');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);

    await switchLanguage(page, 'en');
    await entryRow(page, updateIndex).getByRole('button', { name: `Verify #${updateIndex}` }).click();
    await eventually(() => panel.locator('.jf-ledger-verdict').textContent()).toContain('This entry was altered after it was written to the ledger');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);

    // Put it back, so the other journeys see an intact ledger.
    await sql`update ledger_entries set leaf = ${Buffer.from(original, 'latin1')} where idx = ${updateIndex}`.execute(server.tdb.db);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("verifies a workflow transition from the item's page", async () => {
    const { context, page } = await newPage(browser, server.url);
    // The provider files through the API (the form is the workflow journey's concern).
    const login = await context.request.post('/api/v1/session', { data: { username: 'demo-provider', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const filed = await context.request.post('/api/v1/workflow/items', {
      headers: { 'x-csrf-token': (await login.json()).csrfToken },
      data: { machine: 'provider-filing', transition: 'submit', input: { services: ['installation'], materials: MATERIALS } },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const itemId = (await filed.json()).item.id as number;
    await context.clearCookies();

    await logIn(page, 'demo-shenyang', DEMO_PASSWORD);
    await page.goto(`/work/items/${itemId}`);
    const panel = page.locator('.jf-ledger-history');
    await panel.getByRole('heading', { name: '账本记录' }).waitFor();
    await eventually(async () => {
      await panel.getByRole('button', { name: '刷 新' }).click();
      return panel.locator('tr[data-ledger-index]').filter({ hasText: '工作流程状态变更' }).count();
    }).toBeGreaterThan(0);
    const row = panel.locator('tr[data-ledger-index]').filter({ hasText: '工作流程状态变更' }).first();
    await row.locator('.jf-ledger-verify').click();
    await eventually(() => panel.locator('.jf-ledger-verdict').first().getAttribute('data-verdict')).toBe('verified');
    await screenshot(page, 'ledger-workflow-item-history');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows oversight the latest signed checkpoint and its history, and verifies the signature and consistency between two checkpoints', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-oversight', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '防篡改账本' }).click();
    await page.getByRole('heading', { level: 1, name: '防篡改账本' }).waitFor();
    const note = page.getByTestId('ledger-note');
    await note.waitFor();
    const checkpoint = await page.request.get('/api/v1/ledger/checkpoint');
    // The page shows the signed note the public endpoint serves, byte for byte (or a newer one, the ledger moving on).
    const shown = (await note.textContent())!;
    expect(shown.split('\n')[0]).toBe((await checkpoint.text()).split('\n')[0]);
    expect(shown).toMatch(/\n\n\u2014 \S+ [A-Za-z0-9+/]+=*\n$/);

    await page.getByRole('button', { name: '验证签名' }).click();
    await eventually(() => page.locator('.jf-ledger-signature').getAttribute('data-verdict')).toBe('verified');

    const options = page.locator('.jf-ledger-checkpoints tbody tr.ant-table-row');
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    // The oldest kept checkpoint against the latest.
    const pick = async (label: string, which: 'first' | 'last') => {
      await page.getByRole('combobox', { name: label }).click();
      const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      await open.locator('.ant-select-item-option')[which]().click();
      await open.waitFor({ state: 'hidden' });
    };
    await pick('较旧的检查点', 'last');
    await pick('较新的检查点', 'first');
    await page.getByRole('button', { name: '验证一致性' }).click();
    const result = page.locator('.jf-ledger-consistency');
    await result.waitFor();
    expect(await result.getAttribute('data-verdict'), (await result.textContent())!).toBe('verified');
    expect(await result.textContent()).toMatch(/一致：两个检查点均经签名验证，大小为 \d+ 的账本完整包含大小为 \d+ 的账本/);
    await screenshot(page, 'ledger-page-consistency');
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    // The history fits one page here, so there is nothing older to show; the whole of it exports as a file with each signed note.
    expect(await page.getByRole('button', { name: '更早的检查点' }).isDisabled()).toBe(true);
    await page.locator('.jf-ledger-checkpoints').getByRole('button', { name: /导出/ }).hover();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^ledger-checkpoints-\d{8}\.csv$/);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('树大小 / Tree size');
    expect(csv).toContain((await page.locator('.jf-ledger-checkpoints .jf-ledger-hash').first().textContent())!);

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Tamper-evident ledger' }).waitFor();
    expect(await seriousViolations(page, { bestPractice: false })).toEqual([]);
    await screenshot(page, 'ledger-page-en');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
