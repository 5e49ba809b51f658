/**
 * Captured-information benchmarks (`npm run bench`, or `npx tsx bench/vault.ts [--quick]` alone):
 *
 * - ingest: files taken in (streamed, SHA-256 while writing, flushed, renamed
 *   into the content-addressed store, one database row each) in MB/s, beside
 *   `sha256sum` of the same files in the same run;
 * - retention sweep: deciding what is due for every system over a generated
 *   table of 10,000,000 segment records, in records per second, beside a raw
 *   indexed range count of the same table and index in the same run, and a
 *   full scan for scale.
 *
 * SQLite, the embedded default. Quick mode (`--quick`, JIFANG_BENCH_QUICK=1)
 * shrinks both to a smoke run of a few seconds.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type JifangDb } from '../src/db/database.js';
import { fixedClock } from '../src/shared/clock.js';
import { createVault, hmacProtector, ingest, memoryDirectory, noLedger, sweep, type SystemFacts, type VaultDeps } from '../src/vault/index.js';

/** The runner's shapes (bench/types.ts), repeated so this module also runs alone. */
interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
}
interface BenchOptions {
  quick: boolean;
  args: Record<string, string>;
  log: (line: string) => void;
}

const run = promisify(execFile);
const DAY = 86_400_000;
const NOW = '2026-06-01T00:00:00.000Z';

function result(name: string, value: number, unit: string, baseline: number | null, target: string | null, met: boolean | null): BenchResult {
  return { name, value, unit, baseline, ratio: baseline ? value / baseline : null, target, met };
}

function openVault(dir: string, systems: number): { jdb: JifangDb; v: VaultDeps } {
  const jdb = openDatabase({ dataDir: dir });
  const list: SystemFacts[] = Array.from({ length: systems }, (_, i) => ({
    id: i + 1,
    name: `s${i + 1}`,
    keyUnitId: (i % 100) + 1,
    publicAreaId: null,
    divisionCode: '210102',
    restricted: false,
    retentionScope: 'key_unit',
    art10Item: 7,
    captures: ['video'],
    configuredRetentionDays: 30,
  }));
  // The benchmark measures the store and the database; the ledger has its own benchmark.
  const v = createVault({ db: jdb.db, dialect: jdb.dialect, clock: fixedClock(NOW), dataDir: dir, directory: memoryDirectory(list), ledger: noLedger, pii: hmacProtector(Buffer.alloc(32)) });
  return { jdb, v };
}

async function benchIngest(o: BenchOptions): Promise<BenchResult[]> {
  const files = o.quick ? 8 : Number(o.args['ingest-files'] ?? 48);
  const mb = o.quick ? 4 : Number(o.args['ingest-mb'] ?? 32);
  const root = fs.mkdtempSync(path.join(o.args['dir'] ?? os.tmpdir(), 'jifang-bench-ingest-'));
  try {
    const src = path.join(root, 'export');
    fs.mkdirSync(src);
    const block = randomBytes(mb * 1024 * 1024);
    const names: string[] = [];
    for (let i = 0; i < files; i++) {
      block.writeUInt32BE(i, 0); // a different digest per file
      const f = path.join(src, `cam_${i}.mp4`);
      fs.writeFileSync(f, block);
      names.push(f);
    }
    const bytes = files * mb * 1024 * 1024;
    const MB = bytes / 1e6;
    // Same files, same cache state: sha256sum reads them once first, then is timed.
    await run('sha256sum', names, { maxBuffer: 1 << 24 });
    let t = performance.now();
    await run('sha256sum', names, { maxBuffer: 1 << 24 });
    const shaSecs = (performance.now() - t) / 1000;
    const { jdb, v } = openVault(path.join(root, 'data'), 1);
    await migrateToLatest(jdb);
    const concurrency = Math.max(1, Math.min(os.availableParallelism(), 4));
    let next = 0;
    t = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < files; i = next++) {
          const start = new Date(new Date(NOW).getTime() - DAY + i * 300_000).toISOString();
          const end = new Date(new Date(start).getTime() + 300_000).toISOString();
          await ingest(v, null, { systemId: 1, startedAt: start, endedAt: end, size: bytes / files, mediaType: 'video/mp4', source: 'folder' }, fs.createReadStream(names[i], { highWaterMark: 1 << 20 }));
        }
      }),
    );
    const ingestSecs = (performance.now() - t) / 1000;
    await jdb.destroy();
    o.log(`ingest: ${files} files × ${mb} MB, ${concurrency} at a time: ${(MB / ingestSecs).toFixed(0)} MB/s; sha256sum of the same files: ${(MB / shaSecs).toFixed(0)} MB/s`);
    return [result('vault ingest (SHA-256, fsync, rename, row)', MB / ingestSecs, 'MB/s', MB / shaSecs, '≥ 200 MB/s', MB / ingestSecs >= 200)];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function benchSweep(o: BenchOptions): Promise<BenchResult[]> {
  const total = o.quick ? 100_000 : Number(o.args['segments'] ?? 10_000_000);
  const systems = o.quick ? 100 : Number(o.args['systems'] ?? 1000);
  const per = Math.floor(total / systems);
  const rows = per * systems;
  // Each system recorded over the last 60 days; half of it is past the 30-day minimum.
  const stepMs = Math.floor((60 * DAY) / per);
  const root = fs.mkdtempSync(path.join(o.args['dir'] ?? os.tmpdir(), 'jifang-bench-sweep-'));
  try {
    const { jdb, v } = openVault(root, systems);
    await migrateToLatest(jdb);
    const raw = jdb.db.withoutPlugins();
    const indexes = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'captured_segments' and sql is not null`.execute(raw)).rows;
    let t = performance.now();
    // Generated straight into the table (indexes built afterwards, as a bulk load would).
    for (const ix of indexes) await sql.raw(`drop index ${ix.name}`).execute(raw);
    const nowMs = new Date(NOW).getTime();
    await sql
      .raw(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${rows - 1})
         insert into captured_segments (system_id, device_id, key_unit_id, division_code, restricted, retention_scope, capture_kind, started_at, ended_at, sha256, size, media_type, original_name, source, state, ingested_at, ingested_by, dedup_key)
         select s, null, ((s - 1) % 100) + 1, '210102', 0, 'key_unit', 'video',
                strftime('%Y-%m-%dT%H:%M:%fZ', (${nowMs} - ${60 * DAY} + k * ${stepMs}) / 1000.0, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%fZ', (${nowMs} - ${60 * DAY} + (k + 1) * ${stepMs}) / 1000.0, 'unixepoch'),
                'bench', 1048576, 'video/mp4', null, 'folder', 'kept', '${NOW}', null, s || ':' || k
         from (select (i / ${per}) + 1 as s, i % ${per} as k from n)`,
      )
      .execute(raw);
    for (const ix of indexes) await sql.raw(ix.sql).execute(raw);
    await sql.raw(`insert into captured_systems (system_id, key_unit_id, division_code, restricted, retention_scope, art10_item, first_captured_at, last_captured_at, updated_at)
      select distinct system_id, key_unit_id, division_code, 0, 'key_unit', 7, '${new Date(nowMs - 60 * DAY).toISOString()}', '${NOW}', '${NOW}' from (select ${systems} as n) join (with recursive m(system_id) as (select 1 union all select system_id + 1 from m where system_id < ${systems}) select system_id, ((system_id - 1) % 100) + 1 as key_unit_id, '210102' as division_code from m)`).execute(raw);
    // A few holds (公安机关要求提取), as a real table would have.
    for (let s = 1; s <= systems; s += Math.max(1, Math.floor(systems / 50))) {
      await sql`insert into retention_holds (system_id, key_unit_id, division_code, window_from, window_to, source, reason, placed_at) values (${s}, ${((s - 1) % 100) + 1}, '210102', ${new Date(nowMs - 45 * DAY).toISOString()}, ${new Date(nowMs - 44 * DAY).toISOString()}, 'police_request', 'bench', ${NOW})`.execute(raw);
    }
    await sql`analyze`.execute(raw);
    const genSecs = (performance.now() - t) / 1000;
    o.log(`sweep: generated ${rows.toLocaleString('en')} segment records for ${systems} systems in ${genSecs.toFixed(0)} s`);

    // Warm the cache once, as a running server would have it.
    await sweep(v, null);
    const report = await sweep(v, null);
    const decideSecs = report.decideMs / 1000;
    const cutoff = new Date(nowMs - 30 * DAY).toISOString();
    // The raw indexed range scan: one range count per system over the same index, nothing else.
    t = performance.now();
    let rawDue = 0;
    for (let s = 1; s <= systems; s++) {
      const r = await sql<{ n: number }>`select count(*) as n from captured_segments where system_id = ${s} and state in ('kept', 'sealed') and ended_at <= ${cutoff}`.execute(raw);
      rawDue += Number(r.rows[0].n);
    }
    const rawSecs = (performance.now() - t) / 1000;
    t = performance.now();
    const full = await sql<{ n: number }>`select count(*) as n from captured_segments not indexed where state in ('kept', 'sealed') and ended_at <= ${cutoff}`.execute(raw);
    const fullSecs = (performance.now() - t) / 1000;
    await jdb.destroy();
    const due = report.totals.due + report.totals.held;
    if (due !== rawDue || due !== Number(full.rows[0].n)) throw new Error(`the sweep and the raw counts disagree: ${due} vs ${rawDue} vs ${full.rows[0].n}`);
    o.log(`sweep: ${report.totals.due.toLocaleString('en')} due, ${report.totals.held.toLocaleString('en')} held, decided in ${(decideSecs * 1000).toFixed(0)} ms; raw indexed range counts ${(rawSecs * 1000).toFixed(0)} ms; full scan ${(fullSecs * 1000).toFixed(0)} ms`);
    const rate = rows / decideSecs;
    return [
      result(`vault retention sweep, records decided (${(rows / 1e6).toFixed(1)} M table)`, rate, 'records/s', rows / rawSecs, '> 1,000,000 records/s', rate > 1_000_000),
      result('vault retention sweep vs full scan (same answer)', rate, 'records/s', rows / fullSecs, null, null),
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export const vaultBench: { name: string; run(o: BenchOptions): Promise<BenchResult[]> } = {
  name: 'vault',
  async run(o) {
    return [...(await benchIngest(o)), ...(await benchSweep(o))];
  },
};

// Run alone: `npx tsx bench/vault.ts [--quick]`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick') || process.env.JIFANG_BENCH_QUICK === '1';
  const args: Record<string, string> = {};
  for (let i = 2; i < process.argv.length; i++) if (process.argv[i].startsWith('--') && process.argv[i + 1] && !process.argv[i + 1].startsWith('--')) args[process.argv[i].slice(2)] = process.argv[++i];
  const opts = { quick, args, log: (l: string) => process.stdout.write(`${l}\n`) };
  const only = args.only;
  const out = only === 'sweep' ? await benchSweep(opts) : only === 'ingest' ? await benchIngest(opts) : await vaultBench.run(opts);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
