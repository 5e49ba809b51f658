import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AVAILABLE, eventually, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, chooseOption, chooseCascade, seriousViolations } from './browser.js';
import { DEMO_PASSWORD, startServer, TEST_PASSWORD, type RunningServer } from '../support/server.js';

const FFMPEG = '/usr/bin/ffmpeg';
const HOUR = 3_600_000;

/** Types an instant into a `datetime-local` field, in the browser's own time zone. */
async function fillWhen(page: Page, label: string, iso: string) {
  const local = await page.evaluate((x) => {
    const d = new Date(x);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, iso);
  await page.getByLabel(label, { exact: true }).fill(local);
}

/** An API session for setting the scene (the unit's recorder uploading), as any client would log in. */
async function apiSession(base: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    async get<T>(url: string): Promise<T> {
      return (await (await fetch(`${base}${url}`, { headers: { cookie } })).json()) as T;
    },
    async upload(url: string, bytes: Buffer): Promise<{ segment: { id: number } }> {
      const r = await fetch(`${base}${url}`, { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'video/mp4' }, body: new Uint8Array(bytes) });
      if (r.status !== 201) throw new Error(`upload answered ${r.status}: ${await r.text()}`);
      return (await r.json()) as { segment: { id: number } };
    },
  };
}

describe.runIf(BROWSER_AVAILABLE)('captured information in the browser (Art 22-25)', { timeout: 480_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let systemName: string;
  const inside = { id: 0, startedAt: '', endedAt: '', sha256: '' };
  const outside = { id: 0 };
  /** Older recordings of the unit, more than a day back (outside every window asked for below): enough for a second page of twenty. */
  const older: { id: number; startedAt: string }[] = [];
  const window = { from: new Date(Date.now() - 3 * HOUR).toISOString(), to: new Date(Date.now() - 1 * HOUR).toISOString() };

  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    browser = await launchBrowser();
    // A second investigator of the same organ: two officers, two logins (art 24 ¶1 (1)).
    await server.createUser({ username: 'investigator-two', role: 'investigator', displayName: '侦查人员二' });
    // A real clip made here by Debian's ffmpeg: 3 s of test pattern, H.264, moov first for streaming.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-clip-'));
    const clip = path.join(dir, 'out.mp4');
    execFileSync(FFMPEG, ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x240:rate=10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', clip]);
    const bytes = fs.readFileSync(clip);
    const other = path.join(dir, 'other.mp4');
    execFileSync(FFMPEG, ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=duration=2:size=320x240:rate=10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', other]);
    const school = await apiSession(server.url, 'demo-school');
    const systems = await school.get<{ items: { id: number; name: string; subsystemKind: string }[] }>('/api/v1/registry/security-systems?pageSize=100');
    const video = systems.items.find((s) => s.subsystemKind === 'video_audio_surveillance')!;
    systemName = video.name;
    const devices = await school.get<{ items: { id: number }[] }>(`/api/v1/registry/devices?systemId=${video.id}&pageSize=100`);
    inside.startedAt = new Date(Date.now() - 2 * HOUR).toISOString();
    inside.endedAt = new Date(Date.now() - 2 * HOUR + 3000).toISOString();
    const q = (s: string, e: string, sha: string) => `/api/v1/captured?${new URLSearchParams({ systemId: String(video.id), deviceId: String(devices.items[0].id), startedAt: s, endedAt: e, sha256: sha, name: 'cam01.mp4' })}`;
    inside.sha256 = createHash('sha256').update(bytes).digest('hex');
    inside.id = (await school.upload(q(inside.startedAt, inside.endedAt, inside.sha256), bytes)).segment.id;
    // Recorded five hours ago: outside the window the officers will ask for.
    const otherBytes = fs.readFileSync(other);
    const at = Date.now() - 5 * HOUR;
    outside.id = (await school.upload(q(new Date(at).toISOString(), new Date(at + 2000).toISOString(), createHash('sha256').update(otherBytes).digest('hex')), otherBytes)).segment.id;
    for (let i = 0; i < 20; i++) {
      const start = Date.now() - 30 * HOUR - i * 60_000;
      const startedAt = new Date(start).toISOString();
      older.push({ id: (await school.upload(q(startedAt, new Date(start + 2000).toISOString(), createHash('sha256').update(otherBytes).digest('hex')), otherBytes)).segment.id, startedAt });
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the unit sees its recordings with the Art 23 minimum and flags a system that does not reach back', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-school', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '采获信息与保存' }).click();
    await page.getByRole('heading', { level: 1, name: '采获信息与保存' }).waitFor();
    const retention = page.locator('.jf-vault-retention');
    await eventually(() => retention.locator('tbody tr').filter({ hasText: systemName }).count()).toBe(1);
    const row = retention.locator('tbody tr').filter({ hasText: systemName });
    await expect.poll(() => row.innerText()).toContain('最短保存 30 日');
    // Two clips of a few seconds do not reach back thirty days (art 23 ¶2).
    await expect.poll(() => row.locator('[data-coverage]').getAttribute('data-coverage')).toBe('violation');
    // The recordings page on the server: twenty-two in all, twenty a page, newest recording first.
    const recordings = page.locator('section[aria-label="采获信息"]');
    const rows = recordings.locator('.jf-vault-segments tbody tr[data-row-key]');
    await eventually(() => rows.count()).toBe(22);
    await page.goto('/captured?rec-pageSize=20');
    await recordings.getByText('共 22 条', { exact: true }).waitFor();
    await eventually(() => rows.count()).toBe(20);
    expect(await rows.first().getAttribute('data-row-key')).toBe(String(inside.id));
    await recordings.locator('.ant-pagination-item-2').click();
    await eventually(() => new URL(page.url()).searchParams.get('rec-page')).toBe('2');
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-row-key'))))).toEqual([older[18].id, older[19].id]);
    // Each row leads to its system's record, and names the article it is kept under.
    expect(await rows.first().getByRole('link', { name: systemName }).getAttribute('href')).toMatch(/^\/compliance\/entities\/security-systems\/\d+$/);
    expect(await rows.first().getByRole('link', { name: '第二十三条第二款' }).getAttribute('href')).toMatch(/^\/law\/23#p2/);
    // Oldest first: the sort lands in the address and starts again at the first page.
    await recordings.locator('th', { hasText: '采获时间' }).click();
    await eventually(() => new URL(page.url()).searchParams.get('rec-order')).toBe('asc');
    expect(new URL(page.url()).searchParams.get('rec-page')).toBeNull();
    await eventually(async () => rows.first().getAttribute('data-row-key')).toBe(String(older[19].id));
    expect(await recordings.locator('th[aria-sort="ascending"]').textContent()).toContain('采获时间');
    await screenshot(page, 'captured-unit-recordings');
    expect(await seriousViolations(page)).toEqual([]);
    // The export holds the whole list in the same order, not the page: metadata with bilingual headers.
    await recordings.getByRole('button', { name: /^导出/ }).hover();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^captured-recordings-\d{8}\.csv$/);
    const lines = fs.readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^编号 \/ ID,系统编号 \/ System ID,系统名称 \/ System,设备编号 \/ Device ID,/);
    expect(lines[0]).toContain('SHA-256 / SHA-256');
    expect(lines).toHaveLength(23);
    expect(lines[1].split(',')[0]).toBe(String(older[19].id));
    expect(lines.join('\n')).not.toContain('cam01.mp4');
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Recordings and retention' }).waitFor();
    await expect.poll(() => row.innerText()).toContain('Minimum 30 days');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('two officers file and confirm an Art 24 request, the unit registers it, and the granted clip plays with a watermark naming the viewer; a recording outside the window is refused under Art 24', async () => {
    const first = await newPage(browser, server.url);
    const a = first.page;
    await logIn(a, 'demo-investigator', DEMO_PASSWORD);
    await a.goto('/captured/requests');
    await a.getByRole('heading', { level: 1, name: '调取查看采获信息（第二十四条）' }).waitFor();
    expect(await seriousViolations(a)).toEqual([]);
    await a.getByRole('button', { name: '新建调取申请' }).click();
    await a.getByLabel('机关名称', { exact: true }).fill('沈阳市公安局和平分局刑事侦查大队');
    await a.getByLabel('单位证明编号', { exact: true }).fill('沈公和刑证〔2026〕118号');
    await a.getByLabel('案件编号', { exact: true }).fill('A2101020000002026120001');
    await a.getByLabel('执行的职务', { exact: true }).fill('侦查校门口盗窃电动车案');
    await a.getByRole('checkbox', { name: '复制' }).check();
    await chooseOption(a, a, '系统 1', '和平区实验中学', new RegExp(systemName));
    await fillWhen(a, '起始时间', window.from);
    await fillWhen(a, '截止时间', window.to);
    await a.getByLabel('本人工作证件号', { exact: true }).fill('210102-0117');
    await a.getByLabel(/本人承担保密义务/).check();
    await screenshot(a, 'captured-request-form');
    expect(await seriousViolations(a)).toEqual([]);
    await a.getByRole('button', { name: '提交并作为第一名工作人员确认' }).click();
    await a.locator('.jf-vault-request[data-status="awaiting_officers"]').waitFor();
    const requestUrl = new URL(a.url()).pathname;
    expect(requestUrl).toMatch(/^\/captured\/requests\/\d+$/);
    // The same account never counts twice: the filer is not offered a second confirmation.
    expect(await a.getByRole('button', { name: '作为工作人员确认' }).count()).toBe(0);
    expect(await seriousViolations(a)).toEqual([]);

    // The second officer, in their own browser and login.
    const second = await newPage(browser, server.url);
    const b = second.page;
    await logIn(b, 'investigator-two', TEST_PASSWORD);
    await b.goto(requestUrl);
    // Not yet a party: the request is not shown, but the second officer may join it (art 24 ¶1 (1)).
    await b.locator('.jf-vault-request[data-status="not-a-party"]').waitFor();
    expect(await seriousViolations(b)).toEqual([]);
    await b.getByLabel('本人工作证件号', { exact: true }).fill('210102-0233');
    await b.getByLabel(/本人承担保密义务/).check();
    await b.getByRole('button', { name: '作为工作人员确认' }).click();
    await b.locator('.jf-vault-request[data-status="awaiting_registration"]').waitFor();
    expect(await b.locator('.jf-vault-officers li').count()).toBe(2);
    await second.context.close();

    // The capturing unit checks the certificate and both work IDs and registers (art 24 ¶1 (2)(3)).
    const unit = await newPage(browser, server.url);
    const u = unit.page;
    await logIn(u, 'demo-school', DEMO_PASSWORD);
    // The unit finds it among what waits for it.
    await u.goto('/captured');
    await u.locator('.jf-vault-pending').getByRole('link', { name: `调取申请 ${requestUrl.split('/').pop()}` }).click();
    await u.getByLabel('已查验单位证明').check();
    await u.getByLabel('已查验每名工作人员的工作证件').check();
    await u.getByLabel('登记编号', { exact: true }).fill('实验中学调取登记2026-031');
    expect(await seriousViolations(u)).toEqual([]);
    await u.getByRole('button', { name: /^登\s*记$/ }).click();
    await u.locator('.jf-vault-request[data-status="granted"]').waitFor();
    await unit.context.close();

    // Granted: the first officer plays the clip in the browser.
    await a.reload();
    await a.locator('.jf-vault-request[data-status="granted"]').waitFor();
    await a.getByRole('button', { name: `播放 ${inside.id}`, exact: true }).click();
    const player = a.locator(`.jf-vault-player[data-segment="${inside.id}"]`);
    const video = player.locator('video');
    await video.waitFor();
    await a.waitForFunction((sel) => (document.querySelector(sel) as HTMLVideoElement | null)?.readyState! >= 3, `.jf-vault-player[data-segment="${inside.id}"] video`, { timeout: 60_000 });
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await video.evaluate((v: HTMLVideoElement) => v.play());
    await a.waitForFunction(([sel, t]) => (document.querySelector(sel as string) as HTMLVideoElement).currentTime > (t as number) + 0.3, [`.jf-vault-player[data-segment="${inside.id}"] video`, t0] as const, { timeout: 60_000 });
    // The watermark lies over the picture and names the viewer and the time.
    const mark = player.getByTestId('watermark');
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.innerText()).toContain('demo-investigator');
    const [vb, mb] = [await video.boundingBox(), await mark.boundingBox()];
    expect(mb!.x).toBeGreaterThanOrEqual(vb!.x - 1);
    expect(mb!.y).toBeGreaterThanOrEqual(vb!.y - 1);
    expect(mb!.y + mb!.height).toBeLessThanOrEqual(vb!.y + vb!.height + 1);
    await screenshot(a, 'captured-playing-with-watermark');
    expect(await seriousViolations(a)).toEqual([]);
    // The grant's purposes include copying: the clip is copied byte for byte, and the copy is recorded.
    const [copy] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: `复制下载 ${inside.id}` }).click()]);
    expect(createHash('sha256').update(fs.readFileSync((await copy.path())!)).digest('hex')).toBe(inside.sha256);

    // A recording five hours back is outside the window: refused, with Art 24 shown.
    await player.getByRole('button', { name: '停止播放' }).click();
    await a.getByLabel('采获信息编号', { exact: true }).fill(String(outside.id));
    await a.getByRole('button', { name: '按编号播放采获信息' }).click();
    const refusal = a.locator(`.jf-vault-player[data-segment="${outside.id}"] .jf-api-error`);
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('JF_VAULT_OUTSIDE_SCOPE');
    expect(await refusal.innerText()).toMatch(/第二十四条第一款/);
    expect(await refusal.getByRole('link').getAttribute('href')).toMatch(/^\/law\/24#p1/);
    expect(await a.locator(`.jf-vault-player[data-segment="${outside.id}"] video`).count()).toBe(0);
    await screenshot(a, 'captured-outside-window-refused');
    expect(pageErrors(a)).toEqual([]);
    await first.context.close();

    // Oversight sees the view and the refusal, with who, the grant and the article.
    const over = await newPage(browser, server.url);
    const o = over.page;
    await logIn(o, 'demo-oversight', DEMO_PASSWORD);
    await o.goto('/captured/events');
    await o.getByRole('heading', { level: 1, name: '采获信息访问与拒绝记录' }).waitFor();
    const viewRow = o.locator('.jf-vault-event-table tr[data-action="view"][data-outcome="allowed"]');
    await viewRow.first().waitFor();
    expect(await viewRow.first().innerText()).toContain('demo-investigator');
    expect(await o.locator('.jf-vault-event-table tr[data-action="copy"][data-outcome="allowed"]').count()).toBeGreaterThan(0);
    const refusedRow = o.locator('.jf-vault-event-table tr[data-action="view"][data-outcome="refused"]');
    await refusedRow.first().waitFor();
    expect(await refusedRow.first().innerText()).toMatch(/第二十四条/);
    await screenshot(o, 'captured-events');
    expect(await seriousViolations(o)).toEqual([]);
    // The record pages from the server, newest first, with its filters in the address: here the refusals only.
    await chooseOption(o, o, '结果', '', '拒绝');
    await eventually(() => new URL(o.url()).searchParams.get('outcome')).toBe('refused');
    await eventually(async () => new Set(await o.locator('.jf-vault-event-table tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome'))))).toEqual(new Set(['refused']));
    expect(await o.getByRole('button', { name: '最新的记录' }).isDisabled()).toBe(true);
    expect(await o.getByRole('button', { name: '更早的记录' }).isDisabled()).toBe(true);
    await switchLanguage(o, 'en');
    await o.getByRole('heading', { level: 1, name: 'Access and refusal record' }).waitFor();
    expect(await seriousViolations(o)).toEqual([]);
    await over.context.close();
  });

  it('a citizen applies to view under Art 25 ¶1, the station approves and issues a viewing document, and the unit checks it and registers the visit', async () => {
    const citizen = await newPage(browser, server.url);
    const c = citizen.page;
    await logIn(c, 'demo-citizen', DEMO_PASSWORD);
    await c.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '查看申请' }).click();
    await c.getByRole('heading', { level: 1, name: '查看采获信息申请（第二十五条第一款）' }).waitFor();
    await c.getByRole('button', { name: '提出查看申请' }).click();
    await c.getByLabel('申请人姓名或名称', { exact: true }).fill('王小明');
    await c.getByLabel('居民身份证号码', { exact: true }).fill('11010519491231002X');
    await c.getByLabel('查看理由（涉及的合法权益）', { exact: true }).fill('本人电动车在实验中学门口被盗，需查看门口录像');
    await chooseCascade(c, c, '当地公安派出所所在区县', ['沈阳市', '和平区']);
    await fillWhen(c, '起始时间', window.from);
    await fillWhen(c, '截止时间', window.to);
    await screenshot(c, 'captured-viewing-form');
    expect(await seriousViolations(c)).toEqual([]);
    await c.getByRole('button', { name: '提交申请' }).click();
    await c.locator('.jf-vault-viewing[data-state="submitted"]').waitFor();
    const viewingUrl = new URL(c.url()).pathname;
    // Only the masked form of the card leaves the server.
    expect(await c.locator('.jf-vault-facts').innerText()).toContain('110105********002X');
    // The receipt: a number and a status code to follow the application without logging in.
    const receiptNo = await c.locator('.jf-vault-receipt-no').innerText();
    const receiptCode = await c.locator('.jf-vault-receipt-code').innerText();
    expect(receiptNo).toMatch(/^CKSQ-/);
    expect(receiptCode).toMatch(/^\S{10}$/);
    expect(await seriousViolations(c)).toEqual([]);

    const station = await newPage(browser, server.url);
    const s = station.page;
    await logIn(s, 'demo-station', DEMO_PASSWORD);
    await s.goto('/captured/viewing');
    await s.getByRole('link', { name: new RegExp(`查看申请 ${viewingUrl.split('/').pop()}`) }).click();
    await s.locator('.jf-vault-viewing[data-state="submitted"]').waitFor();
    await s.getByLabel('居民身份证号码', { exact: true }).fill('11010519491231002X');
    await chooseOption(s, s, '系统 1', '和平区实验中学', new RegExp(systemName));
    await s.getByRole('button', { name: '身份证与申请一致，登记' }).click();
    await s.locator('.jf-vault-viewing[data-state="registered"]').waitFor();
    await s.getByLabel('理由', { exact: true }).fill('申请人财物在该校门口被盗，录像涉及其合法权益');
    expect(await seriousViolations(s)).toEqual([]);
    await s.getByRole('button', { name: '作出决定' }).click();
    await s.locator('.jf-vault-viewing[data-state="approved"]').waitFor();
    const issued = await s.locator('.jf-vault-document-issued').innerText();
    const m = /文书 (CK\S+)，核验码 (\S+)（/.exec(issued);
    expect(m, issued).not.toBeNull();
    const [, documentNo, code] = m!;
    await screenshot(s, 'captured-viewing-document-issued');
    await station.context.close();

    // The citizen follows the application: approved, with the document number.
    await c.reload();
    await c.locator('.jf-vault-viewing[data-state="approved"]').waitFor();
    expect(await c.locator('.jf-vault-document-no').innerText()).toBe(documentNo);
    await citizen.context.close();

    // Anyone holding the receipt sees the decision on the public portal, without logging in.
    const anyone = await newPage(browser, server.url);
    await anyone.page.goto('/public/status');
    await anyone.page.getByLabel('申请编号').fill(receiptNo);
    await anyone.page.getByLabel('查询码').fill(receiptCode);
    await anyone.page.getByRole('button', { name: /^查\s*询$/ }).click();
    await eventually(() => anyone.page.getByTestId('application-state').textContent()).toBe('已同意查看');
    await anyone.context.close();

    // The capturing unit checks the document, the card, and registers the visit (art 25 ¶1 (3)(4)).
    const unit = await newPage(browser, server.url);
    const u = unit.page;
    await logIn(u, 'demo-school', DEMO_PASSWORD);
    await u.goto(viewingUrl);
    await u.getByLabel('文书编号', { exact: true }).fill(documentNo);
    await u.getByLabel('核验码', { exact: true }).fill('WRONG123');
    await u.getByRole('button', { name: '核验文书' }).click();
    // A wrong code is refused like a forged document, with the article (art 25 ¶1 (2)).
    const forged = u.locator('.jf-api-error[data-code="JF_VAULT_DOCUMENT_INVALID"]');
    await forged.waitFor();
    expect(await forged.innerText()).toMatch(/第二十五条第一款/);
    await u.getByLabel('核验码', { exact: true }).fill(code);
    await u.getByRole('button', { name: '核验文书' }).click();
    await u.getByLabel('查看人居民身份证号码', { exact: true }).fill('11010519491231002X');
    await u.getByRole('checkbox', { name: `采获信息 ${inside.id}` }).check();
    await u.getByLabel(/已排除涉及国家秘密/).check();
    expect(await seriousViolations(u)).toEqual([]);
    await u.getByRole('button', { name: '登记查看' }).click();
    await u.locator('.jf-vault-viewing[data-state="visited"]').waitFor();
    await u.getByRole('button', { name: `播放 采获信息 ${inside.id}` }).click();
    await u.waitForFunction(() => (document.querySelector('.jf-vault-player video') as HTMLVideoElement | null)?.readyState! >= 3, undefined, { timeout: 60_000 });
    expect(await u.getByTestId('watermark').innerText()).toContain('demo-school');
    await screenshot(u, 'captured-viewing-visit');
    expect(pageErrors(u)).toEqual([]);
    await unit.context.close();
  });

  it('an emergency use is granted at once, time-boxed, and once ended waits for a superior’s review (Art 24 ¶2)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-investigator', DEMO_PASSWORD);
    await page.goto('/captured/requests');
    await page.getByRole('button', { name: '紧急情况直接使用' }).click();
    await page.getByLabel('机关名称', { exact: true }).fill('沈阳市公安局和平分局刑事侦查大队');
    await page.getByLabel('紧急情况事由', { exact: true }).fill('校门口发生持刀伤人，嫌疑人在逃，需立即调看周边录像');
    await chooseOption(page, page, '系统 1', '和平区实验中学', new RegExp(systemName));
    await page.getByLabel(/使用时长/).fill('30');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '立即开始紧急使用' }).click();
    await page.locator('.jf-vault-request[data-status="active"]').waitFor();
    const url = new URL(page.url()).pathname;
    // Granted at once: the recording in the last day plays.
    await page.getByRole('button', { name: `播放 ${inside.id}`, exact: true }).click();
    await page.waitForFunction(() => (document.querySelector('.jf-vault-player video') as HTMLVideoElement | null)?.readyState! >= 3, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: '撤回或结束' }).click();
    await page.locator('.jf-vault-request[data-status="ended"]').waitFor();
    await context.close();

    const superior = await newPage(browser, server.url);
    const p = superior.page;
    await logIn(p, 'demo-heping', DEMO_PASSWORD);
    await p.goto('/captured/requests');
    await p.getByLabel('只看待上级审查的紧急使用').check();
    await p.locator('.jf-vault-request-list').getByRole('link', { name: `调取申请 ${url.split('/').pop()}` }).click();
    await p.getByLabel('审查意见', { exact: true }).fill('情况紧急属实，使用范围适当');
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('button', { name: '提交审查' }).click();
    await p.locator('.jf-vault-request[data-status="reviewed"]').waitFor();
    await screenshot(p, 'captured-emergency-reviewed');
    expect(pageErrors(p)).toEqual([]);
    await superior.context.close();
  });

  it('a party applies in writing for evidence, the police record it, the unit hands over, and the party downloads the BagIt package (Art 25 ¶2)', async () => {
    const citizen = await newPage(browser, server.url);
    const c = citizen.page;
    await logIn(c, 'demo-citizen', DEMO_PASSWORD);
    await c.goto('/captured/evidence');
    await c.getByRole('button', { name: '提出证据调取申请' }).click();
    await c.getByLabel('申请方姓名或名称', { exact: true }).fill('王小明');
    await c.getByLabel('案件编号', { exact: true }).fill('（2026）辽0102民初1234号');
    await c.getByLabel('书面申请', { exact: true }).fill('本人为上述民事案件原告，负有举证责任，申请调取实验中学门口录像作为证据。');
    await c.getByLabel('有效证明', { exact: true }).fill('和平区人民法院受理案件通知书');
    await c.getByLabel('本方负有举证责任').check();
    await chooseCascade(c, c, '采获信息所在区县', ['沈阳市', '和平区']);
    await fillWhen(c, '起始时间', window.from);
    await fillWhen(c, '截止时间', window.to);
    await c.getByRole('button', { name: '提交书面申请' }).click();
    await c.locator('.jf-vault-status[data-status="submitted"]').first().waitFor();
    const id = new URL(c.url()).searchParams.get('id');
    expect(id).toMatch(/^\d+$/);

    const police = await newPage(browser, server.url);
    const p = police.page;
    await logIn(p, 'demo-heping', DEMO_PASSWORD);
    await p.goto(`/captured/evidence?id=${id}`);
    await chooseOption(p, p, '系统 1', '和平区实验中学', new RegExp(systemName));
    await p.getByRole('button', { name: /^提\s*交$/ }).click();
    const formality = p.locator('.jf-vault-facts');
    await eventually(() => formality.innerText()).toContain('手续编号');
    const formalityNo = (await formality.locator('tr').filter({ hasText: '手续编号' }).locator('td').innerText()).trim();
    await police.context.close();

    const unit = await newPage(browser, server.url);
    const u = unit.page;
    await logIn(u, 'demo-school', DEMO_PASSWORD);
    await u.goto(`/captured/evidence?id=${id}`);
    await u.getByLabel('手续编号', { exact: true }).fill(formalityNo);
    await u.getByRole('checkbox', { name: `采获信息 ${inside.id}` }).check();
    expect(await seriousViolations(u)).toEqual([]);
    await u.getByRole('button', { name: /^交\s*付$/ }).click();
    await u.locator('.jf-vault-status[data-status="handed_over"]').first().waitFor();
    await unit.context.close();

    await c.reload();
    await c.locator('.jf-vault-status[data-status="handed_over"]').first().waitFor();
    const [dl] = await Promise.all([c.waitForEvent('download'), c.getByRole('button', { name: '下载证据包' }).click()]);
    const tar = fs.readFileSync((await dl.path())!);
    // A POSIX tar holding one BagIt bag (RFC 8493): its declaration and manifest are inside.
    expect(tar.includes(Buffer.from('bagit.txt'))).toBe(true);
    expect(tar.includes(Buffer.from('manifest-sha256.txt'))).toBe(true);
    await screenshot(c, 'captured-evidence-handed-over');
    expect(pageErrors(c)).toEqual([]);
    await citizen.context.close();
  });

  it('the evidence screen is usable for a citizen in both languages (Art 25 ¶2)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-citizen', DEMO_PASSWORD);
    await page.goto('/captured/evidence');
    await page.getByRole('heading', { level: 1, name: '证据调取（第二十五条第二款）' }).waitFor();
    await page.getByRole('button', { name: '提出证据调取申请' }).click();
    await page.getByLabel('申请方姓名或名称', { exact: true }).waitFor();
    await screenshot(page, 'captured-evidence-form');
    expect(await seriousViolations(page)).toEqual([]);
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Evidence retrieval (Art 25 ¶2)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  // Reads the requests and applications the scenes above filed.
  it('the lists of access requests, viewing applications and evidence requests page and sort on the server and export what they show (Art 24, 25)', async () => {
    const police = await newPage(browser, server.url);
    const p = police.page;
    await logIn(p, 'demo-heping', DEMO_PASSWORD);
    await p.goto('/captured/requests');
    const requests = p.locator('.jf-vault-request-list');
    await requests.getByRole('link', { name: /^调取申请 \d+$/ }).first().waitFor();
    await p.getByText(/^共 \d+ 条$/).waitFor();
    await requests.locator('th', { hasText: '提交时间' }).click();
    await eventually(() => new URL(p.url()).searchParams.get('sort')).toBe('created');
    expect(new URL(p.url()).searchParams.get('order')).toBe('asc');
    await requests.getByRole('link', { name: /^调取申请 \d+$/ }).first().waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByRole('button', { name: /^导出/ }).hover();
    const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^access-requests-\d{8}\.csv$/);
    const csv = fs.readFileSync((await file.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^编号 \/ ID,类型 \/ Kind,状态 \/ Status,/);
    expect(pageErrors(p)).toEqual([]);
    await police.context.close();

    const station = await newPage(browser, server.url);
    const s = station.page;
    await logIn(s, 'demo-station', DEMO_PASSWORD);
    await s.goto('/captured/viewing?sort=window&order=asc&pageSize=20');
    await s.locator('.jf-vault-viewing-table').getByRole('link', { name: /^查看申请 \d+/ }).first().waitFor();
    await s.getByText(/^共 \d+ 条$/).waitFor();
    expect(await s.locator('.jf-vault-viewing-table th[aria-sort="ascending"]').textContent()).toContain('采获时间范围');
    expect(await seriousViolations(s)).toEqual([]);
    await s.getByRole('button', { name: /^导出/ }).hover();
    const [xlsx] = await Promise.all([s.waitForEvent('download'), s.getByRole('menuitem', { name: '导出 Excel（XLSX）' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^viewing-applications-\d{8}\.xlsx$/);
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    expect(pageErrors(s)).toEqual([]);
    await station.context.close();

    const citizen = await newPage(browser, server.url);
    const c = citizen.page;
    await logIn(c, 'demo-citizen', DEMO_PASSWORD);
    await c.goto('/captured/evidence');
    await c.locator('.jf-vault-evidence-table').getByRole('button', { name: /^打开 \d+$/ }).first().waitFor();
    await c.getByText(/^共 \d+ 条$/).waitFor();
    await switchLanguage(c, 'en');
    await c.getByText(/^\d+ in all$/).waitFor();
    expect(await seriousViolations(c)).toEqual([]);
    await c.getByRole('button', { name: /^Export/ }).hover();
    const [ev] = await Promise.all([c.waitForEvent('download'), c.getByRole('menuitem', { name: 'Export CSV' }).click()]);
    const evCsv = fs.readFileSync((await ev.path())!, 'utf8');
    expect(evCsv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('当事人 / Party');
    expect(pageErrors(c)).toEqual([]);
    await citizen.context.close();
  });

  // Reads the holds the registration, the approval and the recording above placed (Art 23 ¶2).
  it('the holds page on the server with their filters in the address, lead to the request that placed them and export (Art 23 ¶2)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-heping', DEMO_PASSWORD);
    await page.goto('/captured');
    const holds = page.locator('section[aria-label="提取保留"]');
    await holds.getByText(/^共 \d+ 条$/).waitFor();
    await chooseOption(page, holds, '来源', '', '调取查看登记');
    await eventually(() => new URL(page.url()).searchParams.get('hold-source')).toBe('access_request');
    const rows = holds.locator('.jf-vault-holds tbody tr[data-row-key]');
    const link = rows.first().getByRole('link', { name: /^调取申请 \d+$/ });
    await link.waitFor();
    expect(await rows.first().getByRole('link', { name: '第二十三条第二款' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await holds.getByRole('button', { name: /^导出/ }).hover();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 Excel（XLSX）' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^captured-holds-\d{8}\.xlsx$/);
    expect(fs.readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');
    const target = await link.getAttribute('href');
    expect(target).toMatch(/^\/captured\/requests\/\d+$/);
    await link.click();
    await eventually(() => new URL(page.url()).pathname).toBe(target);
    await switchLanguage(page, 'en');
    await page.goto('/captured?hold-source=access_request');
    await page.locator('section[aria-label="Holds"]').getByRole('link', { name: /^Access request \d+$/ }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
