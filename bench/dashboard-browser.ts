import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createUser } from '../src/access/index.js';
import { buildApp } from '../src/api/app.js';
import { loadConfig } from '../src/config.js';
import type { JifangDb } from '../src/db/database.js';
import type { Clock } from '../src/shared/clock.js';
import { percentile, round, type BenchResult } from './types.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The city dashboard as a supervisor sees it: Debian's Chromium opens
 * `/dashboard` on a real server over the given database and waits until the
 * figures are shown and the three charts drawn, from navigation start; the
 * baseline is the regulation's contents page in the same browser and server
 * (the app shell and one small request). The web app is built first if it is
 * stale; left out, with a line saying so, when Chromium is missing.
 */
export async function browserDashboard(j: JifangDb, dataDir: string, clock: Clock, samples: number, log: (l: string) => void): Promise<BenchResult[]> {
  if (!fs.existsSync(CHROMIUM)) {
    log(`browser figures left out: no Chromium at ${CHROMIUM}`);
    return [];
  }
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const password = 'bench-dashboard-password';
  await createUser(j.db, clock, { username: 'bench-shenyang', password, role: 'city_supervisor', jurisdiction: '210100' });
  const config = loadConfig({}, { dataDir, host: '127.0.0.1', port: 0, loginRateLimitPerMinute: 1000, secureCookies: false });
  const app = await buildApp({ jdb: j, clock, config }, { serveWeb: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    // The first-run tour has been taken: measure the page, not the tour.
    await context.addInitScript(() => localStorage.setItem('jifang.tour.bench-shenyang', 'done'));
    const login = await context.request.post('/api/v1/session', { data: { username: 'bench-shenyang', password } });
    if (!login.ok()) throw new Error(`bench login failed: ${login.status()}`);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const load = async (to: string, ready: () => Promise<unknown>) => {
      const t0 = performance.now();
      await page.goto(to);
      await ready().catch(async (e) => {
        throw new Error(`${to} did not finish loading: at ${page.url()}, showing "${(await page.locator('body').innerText()).slice(0, 1500).replace(/\n/g, " | ")}"`, { cause: e });
      });
      return performance.now() - t0;
    };
    const dashboardReady = () =>
      Promise.all([page.getByTestId('figure-keyUnits').waitFor(), ...['chart-places', 'chart-categories', 'chart-months'].map((id) => page.locator(`[data-testid="${id}"] canvas`).first().waitFor())]);
    const lawReady = () => page.getByRole('navigation', { name: '目录' }).waitFor();
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < samples + 2; i++) {
      const a = await load('/dashboard', dashboardReady);
      const b = await load('/law', lawReady);
      if (i >= 2) {
        ours.push(a);
        base.push(b);
      }
    }
    return [50, 95].map((p) => {
      const v = percentile(ours, p);
      const b = percentile(base, p);
      return { name: `dashboard.browser.city.p${p}`, value: round(v, 0), unit: 'ms', baseline: round(b, 0), ratio: round(v / b, 2), target: p === 95 ? '< 1500 ms' : null, met: p === 95 ? v < 1500 : null };
    });
  } finally {
    await browser.close();
    await app.close();
  }
}
