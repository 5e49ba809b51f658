import { inflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainQueue, ledgerConfigFrom } from '../../src/ledger/index.js';
import { residentIdCheckDigit } from '../../src/shared/standards/gb11643.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';
import { BROWSER_AVAILABLE, eventually, JOURNEY, launchBrowser, logIn, newPage, pageErrors, screenshot, switchLanguage, VIEWPORT, seriousViolations } from './browser.js';

/** The phone: an iPhone X-sized screen. */
const PHONE = { width: 375, height: 812 };

/** The citizen's and the public's pages, each with the heading it opens on. */
const PAGES: { path: string; name: string; h1: RegExp }[] = [
  { path: '/public', name: 'home', h1: /^公众服务$/ },
  { path: '/public/providers', name: 'providers', h1: /名录/ },
  { path: '/public/warnings', name: 'warnings', h1: /警示/ },
  { path: '/verify', name: 'verify', h1: /核验/ },
  { path: '/public/signage', name: 'signage', h1: /^视频监控提示标识$/ },
  { path: '/public/status', name: 'status', h1: /^申请进度查询$/ },
  { path: '/law', name: 'law', h1: /条例/ },
  { path: '/law/24', name: 'law-24', h1: /^第二十四条$/ },
  { path: '/login', name: 'login', h1: /登录/ },
];

/**
 * Every character a PDF's fonts map back to Unicode (its ToUnicode CMaps): the
 * text a PDF reader extracts. poppler's pdftotext is not on this machine, so
 * the maps are read here; NFKC folds the Kangxi radicals a shared glyph may map
 * to (⼊ U+2F0A for 入) into the characters readers show.
 */
function pdfText(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const s = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!text.includes('begincmap')) continue;
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16))).normalize('NFKC');
    for (const b of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const p of b[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) chars.add(hex(p[2]));
    for (const b of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of b[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const n = parseInt(p[2], 16) - parseInt(p[1], 16);
        const first = parseInt(p[3], 16);
        for (let i = 0; i <= n; i++) chars.add(String.fromCodePoint(first + i).normalize('NFKC'));
      }
    }
  }
  return chars;
}

describe.runIf(BROWSER_AVAILABLE)('the public portal, without logging in, on a desk and on a phone', JOURNEY, () => {
  let server: RunningServer;
  let browser: Browser;
  let receipt: { number: string; code: string };

  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    browser = await launchBrowser();
    // A citizen's viewing application, refused by the station with reasons, to follow by its receipt.
    const login = async (username: string) => {
      const r = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: DEMO_PASSWORD } });
      return { cookie: String(r.headers['set-cookie']).split(';')[0], 'x-csrf-token': r.json().csrfToken as string };
    };
    const id17 = '21010219850712003';
    const now = Date.now();
    const station = await login('demo-station');
    const filed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/viewing-applications',
      headers: await login('demo-citizen'),
      payload: { applicantKind: 'citizen', applicantName: '王小明', residentId: id17 + residentIdCheckDigit(id17), reason: '本人自行车被盗', stationDivision: '210102', window: { from: new Date(now - 3_600_000).toISOString(), to: new Date(now - 1_800_000).toISOString() } },
    });
    const a = filed.json().application;
    receipt = { number: a.applicationNo, code: a.statusCode };
    await server.app.inject({ method: 'POST', url: `/api/v1/viewing-applications/${a.id}/registration`, headers: station, payload: { residentId: id17 + residentIdCheckDigit(id17) } });
    const d = await server.app.inject({ method: 'POST', url: `/api/v1/viewing-applications/${a.id}/decision`, headers: station, payload: { approve: false, reasons: '所述时段与其合法权益无关' } });
    expect(d.statusCode, d.body).toBe(200);
    // A filed provider, on the warning list after a verified complaint: rows in the public lists.
    const provider = await login('demo-provider');
    const shenyang = await login('demo-shenyang');
    const step = async (h: object, id: number, name: string, input?: object) => {
      const cur = (await server.app.inject({ url: `/api/v1/workflow/items/${id}`, headers: { ...h } })).json();
      const r = await server.app.inject({ method: 'POST', url: `/api/v1/workflow/items/${id}/transitions/${name}`, headers: { ...h }, payload: { version: cur.item.version, ...(input ? { input } : {}) } });
      expect(r.statusCode, r.body).toBe(200);
    };
    const materials = { item1: [{ title: '营业执照副本' }], item2: [{ title: '技术人员培训证书' }], item3: [{ title: '场所租赁合同' }], item4: [{ title: '安全管理制度' }] };
    // First a provider from outside Liaoning, filed with the province (Art 17) and warned after a complaint: the lists have an order to sort.
    const province = await login('demo-province');
    const beijingId = (await server.app.inject({ url: `/api/v1/registry/providers?q=${encodeURIComponent('北京京安')}`, headers: province })).json().items[0].id as number;
    await server.createUser({ username: 'portal-beijing-provider', role: 'provider', providerId: beijingId, password: DEMO_PASSWORD });
    const beijing = (await server.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers: await login('portal-beijing-provider'), payload: { machine: 'provider-filing', transition: 'submit', input: { services: ['alarm_operation'], materials } } })).json();
    await step(province, beijing.item.id, 'accept');
    const against = (await server.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers: await login('demo-citizen'), payload: { machine: 'complaint', transition: 'complain', input: { providerId: beijingId, service: '报警运营服务', content: '报警后无人出警' } } })).json();
    await step(province, against.item.id, 'verify', { finding: '报警运营服务响应不及时，经用户投诉查证属实' });
    const filing = (await server.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers: provider, payload: { machine: 'provider-filing', transition: 'submit', input: { services: ['design', 'installation'], materials } } })).json();
    await step(shenyang, filing.item.id, 'accept');
    const providerId = (await server.app.inject({ url: '/api/v1/session', headers: provider })).json().user.providerId;
    const complaint = (await server.app.inject({ method: 'POST', url: '/api/v1/workflow/items', headers: await login('demo-citizen'), payload: { machine: 'complaint', transition: 'complain', input: { providerId, service: '小区监控安装', content: '安装后无法录像' } } })).json();
    await step(shenyang, complaint.item.id, 'verify', { finding: '安装的视频监控系统无法录像，经用户投诉查证属实' });
    // The ledger signs what happened, so the portal has a checkpoint to show.
    await drainQueue(server.tdb.db, ledgerConfigFrom(server.tdb.dataDir));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phonePage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: server.url, viewport: PHONE, locale: 'zh-CN', hasTouch: true, deviceScaleFactor: 2 });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    return { context, page };
  }

  it('leads from one page to every public service, and shows the latest signed checkpoint as the ledger serves it', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/public');
    await page.getByRole('heading', { level: 1, name: '公众服务' }).waitFor();
    for (const [name, href] of [
      ['技防服务单位名录', '/public/providers'],
      ['警示公告', '/public/warnings'],
      ['条例全文', '/law'],
      ['视频监控提示标识', '/public/signage'],
      ['文书核验', '/verify'],
      ['申请进度查询', '/public/status'],
    ]) {
      expect(await page.locator('main').getByRole('link', { name, exact: true }).getAttribute('href'), name).toBe(href);
    }
    const note = await (await fetch(`${server.url}/api/v1/ledger/checkpoint`)).text();
    const [origin, size, root] = note.split('\n');
    expect(Number(size)).toBeGreaterThan(0);
    await eventually(() => page.getByTestId('checkpoint-note').textContent()).toBe(note);
    expect(await page.getByTestId('checkpoint-size').textContent()).toBe(size);
    expect(await page.getByTestId('checkpoint-root').textContent()).toBe(root);
    expect(await page.locator('main').textContent()).toContain(origin);
    // The menu offers the portal to everyone: here nobody is logged in.
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公众服务' }).count()).toBe(1);
    await screenshot(page, 'portal-home');
    await page.getByRole('link', { name: '申请进度查询', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '申请进度查询' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps the portal in the menu once logged in, and the header on one line on a phone', async () => {
    const { context, page } = await newPage(browser, server.url);
    await logIn(page, 'demo-citizen', DEMO_PASSWORD);
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公众服务' }).count()).toBe(1);
    const phone = await phonePage();
    await phone.context.addCookies(await context.cookies());
    await phone.page.goto('/public');
    await phone.page.getByTestId('user-name').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.page.getByRole('button', { name: '主导航' }).click();
    expect(await phone.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公众服务' }).isVisible()).toBe(true);
    await screenshot(phone.page, 'portal-phone-citizen-menu');
    await phone.context.close();
    await context.close();
  });

  it('tells the holder of a receipt the state and the decision with its article, and a wrong code nothing (Art 25 ¶1 (2))', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/public/status');
    await page.getByLabel('申请编号').fill(receipt.number);
    await page.getByLabel('查询码').fill('WRONGCODE2');
    await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
    await page.getByRole('alert').filter({ hasText: '未找到' }).waitFor();
    await page.getByLabel('查询码').fill(receipt.code);
    await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
    await eventually(() => page.getByTestId('application-state').textContent()).toBe('不予同意');
    const result = page.getByTestId('application-status');
    expect(await result.textContent()).toContain('所述时段与其合法权益无关');
    expect(await result.getByRole('link', { name: '第二十五条第一款第（二）项' }).getAttribute('href')).toBe('/law/25#p1-i2');
    expect(await result.textContent()).not.toContain('王小明');
    await screenshot(page, 'portal-status');
    await context.close();
  });

  it('prints the sign of Art 15 alone on a page of its configured size, its wording as text', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/public/signage');
    await eventually(() => page.getByTestId('sign-size').textContent()).toBe('297 × 210 毫米');
    await page.getByLabel('单位名称（选填）').fill('沈阳市和平区实验中学');
    await eventually(() => page.getByTestId('sign-preview').textContent()).toContain('沈阳市和平区实验中学');
    expect(await page.getByRole('button', { name: /打印标识/ }).isEnabled()).toBe(true);
    await screenshot(page, 'portal-signage');
    // What the browser's print (or "Save as PDF") makes of the page.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const s = pdf.toString('latin1');
    const boxes = [...s.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1).map(Number));
    // One page, 297 × 210 mm in points (1 mm = 72 / 25.4 pt).
    expect(boxes.length).toBe(1);
    expect(boxes[0][2]).toBeCloseTo((297 * 72) / 25.4, 0);
    expect(boxes[0][3]).toBeCloseTo((210 * 72) / 25.4, 0);
    const text = pdfText(pdf);
    for (const ch of '视频监控区域您已进入沈阳市和平区实验中学VIDEOSURVEILLANCE') expect(text.has(ch), ch).toBe(true);
    // Nothing of the page around the sign: the menu and the form are not printed.
    for (const ch of '公众服务尺寸') expect(text.has(ch) && !'视频监控区域您已进入沈阳市和平区实验中学'.includes(ch), ch).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it.each(PAGES)('fits $path on a phone: no sideways scrolling, the page in view, the menu behind a button', async ({ path, name, h1 }) => {
    const { context, page } = await phonePage();
    await page.goto(path);
    const heading = page.getByRole('heading', { level: 1, name: h1 });
    await heading.waitFor();
    if (path === '/public/signage') await page.getByTestId('sign-preview').waitFor();
    await page.waitForLoadState('networkidle');
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      // What sticks out, should anything: named in the failure.
      wide: [...document.querySelectorAll('#main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 8)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 2).join('.')} ${Math.round(e.getBoundingClientRect().width)}px ${getComputedStyle(e).whiteSpace} «${(e.textContent ?? '').slice(0, 24)}»`),
    }));
    expect(widths.inner).toBe(PHONE.width);
    expect(widths.scroll, `${path} scrolls sideways:\n${widths.wide.join('\n')}`).toBeLessThanOrEqual(widths.inner);
    const box = (await page.locator('#main').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await heading.isVisible()).toBe(true);
    const h = (await heading.boundingBox())!;
    expect(h.x).toBeGreaterThanOrEqual(0);
    expect(h.y + h.height).toBeLessThanOrEqual(PHONE.height);
    // The side menu waits behind the header's button.
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.isVisible()).toBe(false);
    const button = page.getByRole('button', { name: '主导航' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await seriousViolations(page), `${path} on a phone`).toEqual([]);
    await screenshot(page, `portal-phone-${name}`);
    await button.click();
    await nav.getByRole('link', { name: '公众服务' }).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    if (path === '/public') {
      await screenshot(page, 'portal-phone-menu');
      await nav.getByRole('link', { name: '条例' }).click();
      await page.getByRole('heading', { level: 1, name: /条例/ }).waitFor();
      // Choosing a page closes the menu.
      await eventually(() => nav.isVisible()).toBe(false);
    }
    await context.close();
  });

  it.each(PAGES)('finds nothing serious for axe on $path at 1366×768', async ({ path, h1 }) => {
    const { context, page } = await newPage(browser, server.url);
    expect(page.viewportSize()).toEqual(VIEWPORT);
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
    if (path === '/public/signage') await page.getByTestId('sign-preview').waitFor();
    await page.waitForLoadState('networkidle');
    // On a desk the menu is open and needs no button.
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '主导航' }).count()).toBe(0);
    expect(await seriousViolations(page), path).toEqual([]);
    await context.close();
  });

  it('sorts the filed providers (Art 18) and the warnings (Art 28) by a click on a column header, keeping the order in the address', async () => {
    const { context, page } = await newPage(browser, server.url);
    const SHENYANG = '沈阳安盾技防工程有限公司';
    const BEIJING = '北京京安报警运营服务有限公司';
    const header = (title: string) => page.locator('.ant-table-thead th').filter({ hasText: title });
    const names = () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();

    await page.goto('/public/providers');
    await page.getByRole('heading', { level: 1, name: /名录/ }).waitFor();
    // Newest filing first, as always.
    await eventually(names).toEqual([SHENYANG, BEIJING]);
    await header('单位名称').click();
    await page.waitForURL(/[?&]sort=name&order=asc/);
    await eventually(names).toEqual([BEIJING, SHENYANG]);
    await header('单位名称').click();
    await page.waitForURL(/[?&]sort=name&order=desc/);
    await eventually(names).toEqual([SHENYANG, BEIJING]);
    await header('备案日期').click();
    await page.waitForURL(/[?&]sort=filed&order=desc/);
    await header('备案日期').click();
    await page.waitForURL(/[?&]sort=filed&order=asc/);
    await eventually(names).toEqual([BEIJING, SHENYANG]);
    expect(await header('备案日期').getAttribute('aria-sort')).toBe('ascending');
    // The address is the list: opened afresh, it sorts the same.
    await page.reload();
    await eventually(names).toEqual([BEIJING, SHENYANG]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/public/warnings');
    await page.getByRole('heading', { level: 1, name: /警示/ }).waitFor();
    const warned = async () => (await names()).map((n) => n.replace(/（.*）$/, ''));
    await eventually(warned).toEqual([SHENYANG, BEIJING]);
    await header('公告日期').click();
    await page.waitForURL(/[?&]sort=published&order=asc/);
    await eventually(warned).toEqual([BEIJING, SHENYANG]);
    await header('单位名称').click();
    await page.waitForURL(/[?&]sort=name&order=asc/);
    await eventually(warned).toEqual([BEIJING, SHENYANG]);
    await header('单位名称').click();
    await page.waitForURL(/[?&]sort=name&order=desc/);
    await eventually(warned).toEqual([SHENYANG, BEIJING]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads in English too, on a phone, with nothing serious for axe', async () => {
    const { context, page } = await phonePage();
    await page.goto('/public');
    await page.getByRole('heading', { level: 1, name: '公众服务' }).waitFor();
    await switchLanguage(page, 'en');
    for (const [path, h1] of [
      ['/public', 'Public services'],
      ['/public/status', 'Application status'],
      ['/public/signage', 'Video surveillance sign'],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
      if (path === '/public/signage') await page.getByTestId('sign-preview').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await screenshot(page, 'portal-phone-signage-en');
    await context.close();
  });
});
