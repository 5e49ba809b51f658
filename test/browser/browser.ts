import { expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser suite runs. Under CI=true it must: a missing Chromium
 * fails the run loudly instead of quietly shrinking it.
 */
export const BROWSER_AVAILABLE: boolean = (() => {
  const present = fs.existsSync(CHROMIUM);
  if (process.env.CI === 'true' && !present) {
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}: install the Debian package "chromium" (see .ci/run)`);
  }
  if (!present) process.stderr.write(`Chromium not found at ${CHROMIUM}: the browser journeys are not run (CI=true requires them).\n`);
  return present;
})();

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A journey drives a real browser against a real server on a shared machine: allow it minutes, not seconds. */
export const JOURNEY = { timeout: 180_000 };

/** The smallest screen the app is made for. */
export const VIEWPORT = { width: 1366, height: 768 };

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A fresh browser profile at 1366×768: no cookies and no stored language, unless `state` (a logged-in profile) is given. */
export async function newPage(browser: Browser, baseURL: string, state?: StorageState): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: 'zh-CN', storageState: state });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { jfErrors: string[] }).jfErrors = errors;
  return { context, page };
}

/** Uncaught errors the page has thrown so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { jfErrors?: string[] }).jfErrors ?? [];
}

const SHOTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../test-artifacts/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the login page and waits for the shell to show the user. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登\s*录|Log in)$/ }).click();
  await page.getByTestId('user-name').filter({ hasText: username }).waitFor();
}

/** Clicks 中文 or English in the header. */
export async function switchLanguage(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  await page
    .locator('.jf-lang-switch')
    .getByText(lang === 'en' ? 'English' : '中文', { exact: true })
    .click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * `expect.poll` with a patience fit for a loaded machine: the UI answers
 * after a server round trip, which can take seconds when the suite runs in parallel.
 */
export function eventually<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 30_000, interval: 100 });
}

/** Waits until no Ant Design list (select or cascader) is open or closing. */
export async function listsClosed(page: Page): Promise<void> {
  await eventually(() => page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').count()).toBe(0);
}

/**
 * Chooses `option` (a string matches the whole option) in the Ant Design
 * select labelled `label` inside `scope`, typing `typed` first to filter the
 * list unless it is empty. Returns once the field
 * shows the choice and, for a single choice, once its list has closed: a form
 * is never submitted, nor another field clicked, on a list still closing.
 *
 * On a busy machine the list can re-render under the pointer while it filters
 * what was typed, or close before the option is clicked; the click is lost.
 * The choice is then made again, as a user would, up to three times.
 */
export async function chooseOption(page: Page, scope: Locator | Page, label: string, typed: string, option: RegExp | string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  const field = box.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const multiple = await field.evaluate((el) => el.classList.contains('ant-select-multiple'));
  const name = typeof option === 'string' ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  const shown = field.locator(multiple ? '.ant-select-selection-item' : '.ant-select-content-has-value').filter({ hasText: name });
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await box.click();
      if (typed) await box.fill(typed);
      await item.click({ timeout: 15_000 });
      await shown.first().waitFor({ timeout: 5_000 });
      if (!multiple) await listsClosed(page);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Chooses a path (a city, then a county) in the Ant Design cascader labelled
 * `label` inside `scope`. Returns once the field shows the last step and the
 * list has closed; a click lost on a busy list is made again.
 */
export async function chooseCascade(page: Page, scope: Locator | Page, label: string, steps: string[]): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  const field = box.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-cascader ")][1]');
  const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const menuItem = (s: string) => page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: exact(s) }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await page.locator('.ant-cascader-dropdown:visible').count()) === 0) await box.click();
      for (let i = 0; i < steps.length; i++) {
        await menuItem(steps[i]).click({ timeout: 15_000 });
        // The next column is there before it is clicked; the last click closes the list.
        if (i + 1 < steps.length) await menuItem(steps[i + 1]).waitFor({ timeout: 5_000 });
      }
      await field.filter({ hasText: steps[steps.length - 1] }).waitFor({ timeout: 5_000 });
      await listsClosed(page);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Serious and critical findings of axe-core on the page as it is (WCAG 2.1 A
 * and AA, and best practices unless `bestPractice` is false), once nothing
 * moves and the pointer rests where it reads nothing. `within` limits the
 * check to one part (with a modal open, the page behind its mask is inert).
 */
export async function seriousViolations(page: Page, opts: { within?: string; bestPractice?: boolean } = {}): Promise<string[]> {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  let builder = new AxeBuilder({ page });
  if (opts.within) builder = builder.include(opts.within);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(opts.bestPractice === false ? [] : ['best-practice'])];
  const r = await builder.withTags(tags).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
