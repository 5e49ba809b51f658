import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Actor } from '../src/access/index.js';
import { complianceContext, sweep } from '../src/compliance/index.js';
import { dashboard, dashboardContext } from '../src/dashboard/index.js';
import { migrateToLatest, openDatabase, type JifangDb } from '../src/db/database.js';
import { RegistryRepository, syncReferenceData } from '../src/registry/index.js';
import { PROVINCE_SCALE, seedProvinceScale } from '../src/registry/seed/province.js';
import { Prng } from '../src/registry/seed/prng.js';
import { fixedClock } from '../src/shared/clock.js';
import { browserDashboard } from './dashboard-browser.js';
import { percentile, round, type BenchModule, type BenchResult } from './types.js';

/**
 * The supervision dashboard of a city on SQLite at province scale (300,000
 * key units, 3,000,000 devices, swept; a case for every tenth unit and two
 * access events per unit over the year): the whole page's data through the use
 * case (policy, every aggregate, the art 10 categories) beside a raw indexed
 * count of the same city's key units with better-sqlite3, in the same run on
 * the same file. The page must stay well under 1.5 s: measured too in
 * Chromium, from navigation to figures and charts drawn (dashboard-browser.ts).
 *
 * `--db <dir>` reuses a generated (and perhaps swept) province, copied first;
 * `--quick` runs 3,000 units and 30,000 devices.
 */

const CITY: Actor = { userId: 0, username: 'bench', role: 'city_supervisor', jurisdiction: '210100', organId: null, keyUnitId: null, providerId: null };
const PROVINCE: Actor = { ...CITY, role: 'province_supervisor', jurisdiction: '210000' };

function sizes(quick: boolean, args: Record<string, string>) {
  return {
    keyUnits: Number(args['key-units'] ?? (quick ? 3_000 : PROVINCE_SCALE.keyUnits)),
    devices: Number(args.devices ?? (quick ? 30_000 : PROVINCE_SCALE.devices)),
    samples: quick ? 20 : 100,
  };
}

async function open(dir: string): Promise<JifangDb> {
  const j = openDatabase({ dataDir: dir });
  await migrateToLatest(j);
  return j;
}

export const dashboardBench: BenchModule = {
  name: 'dashboard',
  async run({ quick, args, log }) {
    const { keyUnits, devices, samples } = sizes(quick, args);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-bench-dashboard-'));
    const dir = path.join(root, 'db');
    const file = path.join(dir, 'jifang.sqlite');
    const clock = fixedClock('2026-06-01T08:00:00.000Z');
    const results: BenchResult[] = [];
    try {
      if (args.db) {
        log(`copying the province in ${args.db}`);
        fs.mkdirSync(dir, { recursive: true });
        const src = new SQLite(path.join(path.resolve(args.db), 'jifang.sqlite'), { readonly: true });
        src.exec(`vacuum into '${file.replace(/'/g, "''")}'`);
        src.close();
      } else {
        log(`generating ${keyUnits.toLocaleString('en')} key units and ${devices.toLocaleString('en')} devices`);
        const j = await open(dir);
        const repo = RegistryRepository.of(j);
        await syncReferenceData(repo, clock);
        await seedProvinceScale(repo, clock, { keyUnits, devices });
        await j.destroy();
      }
      {
        // What the workflows and the vault would have stored by then: cases in every state of an order, and a year of accesses.
        const w = new SQLite(file);
        const stored = Number((w.prepare('select count(*) as n from workflow_items').get() as { n: number }).n);
        const places = (w.prepare('select division_code from key_units where id % 10 = 0').raw().all() as string[][]).map((r) => r[0]);
        const states = ['open', 'rectification_ordered', 'rectification_reported', 'overdue', 'removal_ordered', 'closed_rectified'];
        const item = w.prepare(
          `insert into workflow_items (machine, state, version, awaiting, division_code, title, data, due_at, due_party, restricted, created_at, updated_at) values ('case', ?, 1, 'subject', ?, 'case', '{}', ?, 'subject', 0, ?, ?)`,
        );
        const event = w.prepare(`insert into captured_events (at, action, outcome, division_code) values (?, 'view', ?, ?)`);
        const r = new Prng(7);
        const day = (d: number) => new Date(Date.parse('2026-06-01T00:00:00Z') - d * 86_400_000).toISOString();
        // A province given with --db may have them already.
        if (!stored) {
          w.transaction(() => {
            places.forEach((place, i) => item.run(states[i % states.length], place, day(-r.int(1, 60)), day(r.int(0, 360)), day(0)));
            for (let i = 0; i < keyUnits * 2; i++) event.run(day(r.int(0, 400)), i % 20 === 0 ? 'refused' : 'allowed', places[r.int(0, places.length - 1)]);
          })();
          log(`stored ${places.length.toLocaleString('en')} cases and ${(keyUnits * 2).toLocaleString('en')} access events`);
        }
        w.pragma('wal_checkpoint(TRUNCATE)');
        w.close();
      }
      const j = await open(dir);
      clock.advance(2 * 3_600_000);
      const s = await sweep(complianceContext(j, clock));
      log(`sweep: ${s.examined.toLocaleString('en')} entities examined in ${s.seconds.toFixed(1)} s`);

      const ctx = dashboardContext(j, clock);
      const reader = new SQLite(file, { readonly: true });
      const count = reader.prepare(`select count(*) as n from key_units where city_code = ?`);
      const ours: number[] = [];
      const raw: number[] = [];
      let shown = 0;
      let counted = 0;
      for (let i = 0; i < samples + 3; i++) {
        const t0 = performance.now();
        const d = await dashboard(ctx, CITY, {});
        const t1 = performance.now();
        counted = Number((count.get('210100') as { n: number }).n);
        const t2 = performance.now();
        shown = d.figures.find((f) => f.key === 'keyUnits')?.value ?? -1;
        if (i >= 3) {
          ours.push(t1 - t0);
          raw.push(t2 - t1);
        }
      }
      reader.close();
      // The sweep counts every unit of the city; the figure must be the registry's own count.
      if (shown !== counted) throw new Error(`the dashboard shows ${shown} key units in Shenyang, the registry counts ${counted}`);
      log(`Shenyang: ${shown.toLocaleString('en')} key units`);
      for (const p of [50, 95]) {
        const v = percentile(ours, p);
        const b = percentile(raw, p);
        results.push({ name: `dashboard.sqlite.city.p${p}`, value: round(v, 1), unit: 'ms', baseline: round(b, 2), ratio: round(v / b, 1), target: p === 95 ? '< 1500 ms' : null, met: p === 95 ? v < 1500 : null });
      }
      const t0 = performance.now();
      await dashboard(ctx, PROVINCE, {});
      results.push({ name: 'dashboard.sqlite.province', value: round(performance.now() - t0, 1), unit: 'ms', baseline: null, ratio: null, target: null, met: null });
      results.push(...(await browserDashboard(j, dir, clock, quick ? 5 : 20, log)));
      await j.destroy();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    return results;
  },
};
