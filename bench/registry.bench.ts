import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openDatabase, type JifangDb } from '../src/db/database.js';
import { RegistryRepository, searchGrams, syncReferenceData } from '../src/registry/index.js';
import { BULK_CACHE_SIZE } from '../src/registry/repository.js';
import { PROVINCE_SCALE, provinceBatches, scaleProducts, type ScaleBatch } from '../src/registry/seed/province.js';
import { Prng } from '../src/registry/seed/prng.js';
import { systemClock } from '../src/shared/clock.js';
import { percentile, round, type BenchModule, type BenchResult } from './types.js';

/**
 * The registries on SQLite at province scale (300,000 key units, 3,000,000
 * devices and their systems):
 *
 * - bulk insert through the generator and the repository, against raw
 *   better-sqlite3 prepared single-row inserts of the very same rows into a
 *   second database with the same schema (tables, indexes, search triggers),
 *   batch by batch in turn so both see the same machine;
 * - substring search of key-unit names (one, two, three and more characters),
 *   a page with its total, against a raw LIKE scan;
 * - a paged, jurisdiction-filtered list, against the raw indexed query.
 */

const Q_ONE = ['学', '银', '院', '店', '站', '园', '沈', '连'];
const Q_TWO = ['学校', '银行', '医院', '中学', '酒店', '花园', '沈阳', '大连', '加油', '幼儿'];
const Q_MORE = ['第一中学', '人民医院', '工商银行', '购物中心', '加油站', '卫生服务中心', '职业技术学校', '农贸市场', '长江', '星海大酒店'];

function sizes(quick: boolean, args: Record<string, string>) {
  const env = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);
  const keyUnits = Number(args['key-units'] ?? env('JIFANG_BENCH_KEY_UNITS') ?? (quick ? 3_000 : PROVINCE_SCALE.keyUnits));
  const devices = Number(args.devices ?? env('JIFANG_BENCH_DEVICES') ?? (quick ? 30_000 : PROVINCE_SCALE.devices));
  return { keyUnits, devices, repeats: quick ? 3 : 10 };
}

async function freshDatabase(dir: string): Promise<JifangDb> {
  const j = openDatabase({ dataDir: dir });
  await migrateToLatest(j);
  await syncReferenceData(RegistryRepository.of(j), systemClock);
  return j;
}

/** Raw prepared statements for the baseline: one row per `run`, the statement prepared once. */
function rawInserter(db: SQLite.Database) {
  const stmt = (table: string, columns: string[]) => db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const ku = stmt('key_units', ['id', 'name', 'unit_type', 'art10_item', 'credit_code', 'division_code', 'city_code', 'address', 'restricted', 'search_grams', 'created_at', 'updated_at']);
  const sy = stmt('security_systems', ['id', 'name', 'subsystem_kind', 'key_unit_id', 'retention_days', 'restricted', 'division_code', 'city_code', 'search_grams', 'created_at', 'updated_at']);
  const dv = stmt('devices', ['id', 'system_id', 'name', 'captures_video', 'captures_audio', 'place_kind', 'lat', 'lng', 'bearing', 'field_of_view', 'range_meters', 'product_id', 'key_unit_id', 'public_area_id', 'division_code', 'city_code', 'restricted', 'created_at', 'updated_at']);
  const b = (x: unknown) => (x ? 1 : 0);
  return db.transaction((batch: ScaleBatch, now: string) => {
    for (const r of batch.keyUnits) ku.run(r.id, r.name, r.unitType, r.art10Item, r.creditCode, r.divisionCode, r.cityCode, r.address, b(r.restricted), searchGrams(String(r.name)), now, now);
    for (const r of batch.systems) sy.run(r.id, r.name, r.subsystemKind, r.keyUnitId, r.retentionDays, b(r.restricted), r.divisionCode, r.cityCode, searchGrams(String(r.name)), now, now);
    for (const r of batch.devices) {
      dv.run(r.id, r.systemId, r.name, b(r.capturesVideo), b(r.capturesAudio), r.placeKind, r.lat, r.lng, r.bearing, r.fieldOfView, r.rangeMeters, r.productId, r.keyUnitId, r.publicAreaId, r.divisionCode, r.cityCode, b(r.restricted), now, now);
    }
  });
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

function latency(name: string, ours: number[], raw: number[], p: number, target?: number): BenchResult {
  const value = percentile(ours, p);
  const baseline = percentile(raw, p);
  return { name, value: round(value, 3), unit: 'ms', baseline: round(baseline, 3), ratio: round(value / baseline, 4), target: target ? `< ${target} ms` : null, met: target ? value < target : null };
}

export const registryBench: BenchModule = {
  name: 'registry',
  async run({ quick, args, log }) {
    const { keyUnits, devices, repeats } = sizes(quick, args);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jifang-bench-'));
    // Gigabytes at full size: removed on Ctrl-C as well as at the end.
    const removeOnSignal = () => {
      fs.rmSync(root, { recursive: true, force: true });
      process.exit(130);
    };
    process.once('SIGINT', removeOnSignal);
    process.once('SIGTERM', removeOnSignal);
    const results: BenchResult[] = [];
    try {
      // One database set up (schema, reference data, products), copied for the baseline.
      const oursDir = path.join(root, 'repository');
      const rawDir = path.join(root, 'raw');
      const now = systemClock.now().toISOString();
      const setup = await freshDatabase(oursDir);
      const products = await scaleProducts(RegistryRepository.of(setup), now);
      await setup.destroy();
      fs.mkdirSync(rawDir);
      fs.copyFileSync(path.join(oursDir, 'jifang.sqlite'), path.join(rawDir, 'jifang.sqlite'));
      const ours = openDatabase({ dataDir: oursDir });
      const repo = RegistryRepository.of(ours);
      // Same pragmas as the application's SQLite dialect.
      const raw = new SQLite(path.join(rawDir, 'jifang.sqlite'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.pragma('foreign_keys = ON');
      const insertRaw = rawInserter(raw);

      log(`bulk insert: ${keyUnits.toLocaleString('en')} key units, ${devices.toLocaleString('en')} devices`);
      // Both loads get the page cache `jifang seed --scale` uses.
      raw.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
      let oursMs = 0;
      let rawMs = 0;
      let rows = 0;
      let batches = 0;
      await repo.withBulkCache(async () => {
        for (const batch of provinceBatches({ keyUnits, devices, products })) {
          const [a] = await time(() =>
            repo.transaction(async (r) => {
              await r.insertMany('key-units', batch.keyUnits, now);
              await r.insertMany('security-systems', batch.systems, now);
              await r.insertMany('devices', batch.devices, now);
            }),
          );
          const [b] = await time(() => insertRaw(batch, now));
          oursMs += a;
          rawMs += b;
          rows += batch.keyUnits.length + batch.systems.length + batch.devices.length;
          if (++batches % 10 === 0) log(`  ${rows.toLocaleString('en')} rows: repository ${Math.round(rows / (oursMs / 1000))} rows/s, raw ${Math.round(rows / (rawMs / 1000))} rows/s`);
        }
      });
      const oursRate = rows / (oursMs / 1000);
      const rawRate = rows / (rawMs / 1000);
      results.push({
        name: 'registry.sqlite.bulk-insert',
        value: Math.round(oursRate),
        unit: 'rows/s',
        baseline: Math.round(rawRate),
        ratio: round(oursRate / rawRate, 3),
        target: '≥ 0.40 × raw',
        met: oursRate / rawRate >= 0.4,
      });
      log(`  ${rows.toLocaleString('en')} rows in ${(oursMs / 1000).toFixed(1)} s (repository) and ${(rawMs / 1000).toFixed(1)} s (raw)`);

      // As `jifang seed --scale` does after loading: fresh planner statistics.
      await repo.refreshStatistics();

      // Queries run on the repository's database; the raw baseline reads the same file.
      const reader = new SQLite(path.join(root, 'repository', 'jifang.sqlite'), { readonly: true });
      const all = { kind: 'all', includeRestricted: true } as const;
      const scan = reader.prepare(`select * from key_units where name like ? order by name, id limit 20`);
      const scanCount = reader.prepare(`select count(*) as n from key_units where name like ?`);
      const byClass: Record<string, { ours: number[]; raw: number[] }> = {};
      const oursAll: number[] = [];
      const rawAll: number[] = [];
      for (const [cls, qs] of [
        ['1-char', Q_ONE],
        ['2-char', Q_TWO],
        ['3plus-char', Q_MORE],
      ] as const) {
        byClass[cls] = { ours: [], raw: [] };
        for (const q of qs) {
          await repo.list('key-units', all, { q, pageSize: 20 });
          for (let i = 0; i < repeats; i++) {
            const [a] = await time(() => repo.list('key-units', all, { q, pageSize: 20 }));
            const [b] = await time(() => {
              scanCount.get(`%${q}%`);
              return scan.all(`%${q}%`);
            });
            byClass[cls].ours.push(a);
            byClass[cls].raw.push(b);
          }
        }
        oursAll.push(...byClass[cls].ours);
        rawAll.push(...byClass[cls].raw);
      }
      results.push(latency('registry.sqlite.search.p50', oursAll, rawAll, 50));
      results.push(latency('registry.sqlite.search.p95', oursAll, rawAll, 95, 20));
      for (const [cls, x] of Object.entries(byClass)) results.push(latency(`registry.sqlite.search.p95.${cls}`, x.ours, x.raw, 95));

      // A city supervisor paging through the city's key units by name, sometimes filtered by type.
      const r = new Prng(7);
      const cityCodes = ['210100', '210200', '210300', '210700', '211300'];
      const listRaw = reader.prepare(`select * from key_units where city_code = ? and restricted = 0 order by name, id limit 20 offset ?`);
      const listRawCount = reader.prepare(`select count(*) as n from key_units where city_code = ? and restricted = 0`);
      const listRawTyped = reader.prepare(`select * from key_units where city_code = ? and restricted = 0 and unit_type = ? order by name, id limit 20 offset ?`);
      const listRawTypedCount = reader.prepare(`select count(*) as n from key_units where city_code = ? and restricted = 0 and unit_type = ?`);
      const oursList: number[] = [];
      const rawList: number[] = [];
      const samples = quick ? 30 : 200;
      for (let i = 0; i < samples; i++) {
        const city = r.pick(cityCodes);
        const page = r.int(1, 50);
        const typed = r.chance(0.3) ? r.pick(['bank_branch', 'primary_school', 'hotel', 'residential_community_existing']) : null;
        const scope = { kind: 'division', prefix: city.slice(0, 4), includeRestricted: false } as const;
        const [a] = await time(() => repo.list('key-units', scope, { page, pageSize: 20, sort: 'name', filters: typed ? { unitType: typed } : {} }));
        const [b] = await time(() => {
          if (typed) {
            listRawTypedCount.get(city, typed);
            return listRawTyped.all(city, typed, (page - 1) * 20);
          }
          listRawCount.get(city);
          return listRaw.all(city, (page - 1) * 20);
        });
        oursList.push(a);
        rawList.push(b);
      }
      results.push(latency('registry.sqlite.list.p50', oursList, rawList, 50));
      results.push(latency('registry.sqlite.list.p95', oursList, rawList, 95, 10));
      reader.close();
      raw.close();
      await ours.destroy();
      log(`database files: ${(fs.statSync(path.join(root, 'repository', 'jifang.sqlite')).size / 1e6).toFixed(0)} MB (repository), ${(fs.statSync(path.join(rawDir, 'jifang.sqlite')).size / 1e6).toFixed(0)} MB (raw)`);
    } finally {
      process.off('SIGINT', removeOnSignal);
      process.off('SIGTERM', removeOnSignal);
      fs.rmSync(root, { recursive: true, force: true });
    }
    return results;
  },
};
