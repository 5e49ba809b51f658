import { expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
