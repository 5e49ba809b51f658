/**
 * Workflow scheduler benchmark (`npm run bench`, or `npx tsx bench/workflow.ts [--quick]` alone).
 *
 * 100,000 pending deadlines (cases ordered to rectify, each with its job),
 * of which a batch is due. One tick finds the due jobs among them, claims
 * them with a lease and acts on each: the system transition to "overdue",
 * logged, with its ledger leaf queued, in its own transaction. Target: a
 * tick under 1 s. Beside it, in the same run: as many minimal write
 * transactions (read an item by key, write it back), a tick with nothing due
 * and the raw indexed lookup of the due jobs.
 *
 * SQLite always; PostgreSQL too when JIFANG_TEST_PG_URL (or --pg-url) answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type JifangDb } from '../src/db/database.js';
import { withPostgresClient } from '../src/db/dialects/postgres/postgres-dialect.js';
import { fixedClock } from '../src/shared/clock.js';
import { DEFAULT_BATCH, tick } from '../src/workflow/index.js';
import { workflowDb } from '../src/workflow/tables.js';

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

const NOW = '2026-06-01T08:00:00.000Z';
const DAY = 86_400_000;

function result(name: string, value: number, unit: string, baseline: number | null, target: string | null, met: boolean | null): BenchResult {
  return { name, value, unit, baseline, ratio: baseline ? value / baseline : null, target, met };
}

const CASE_DATA = (i: number, dueAt: string) =>
  JSON.stringify({
    origin: { kind: 'direct' },
    subject: { kind: 'key_unit', keyUnitId: (i % 5000) + 1, name: `重点单位${i}`, creditCode: null, offender: 'unit' },
    violation: {
      ruleId: 'art11.i4.duty-roster-and-emergency-plan',
      title: { zh: '建立值班制度和应急处置预案', en: 'Keep a duty roster and an emergency response plan' },
      citation: { article: 11, paragraph: 1, item: 4 },
      path: 'rectify-then-fine',
      penaltyArticle: 32,
      penaltyItem: 4,
      providerDuty: false,
    },
    facts: '监督检查发现监控室无值班记录',
    order: { kind: 'rectify', timeLimit: dueAt.slice(0, 10), dueAt, requirements: '建立值班制度并制定应急处置预案', orderedAt: NOW, by: 1 },
    reports: [],
    reinspections: [],
    referrals: [],
  });

/** `pending` cases with their deadline jobs; the first `due` are due at NOW, the rest over the next year. */
async function populate(jdb: JifangDb, pending: number, due: number, log: (l: string) => void): Promise<void> {
  const db = workflowDb(jdb.db);
  const started = performance.now();
  const batch = 400;
  for (let start = 0; start < pending; start += batch) {
    const n = Math.min(batch, pending - start);
    const items = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const dueAt = i < due ? new Date(Date.parse(NOW) - 60_000).toISOString() : new Date(Date.parse(NOW) + (1 + (i % 365)) * DAY).toISOString();
      return {
        machine: 'case',
        state: 'rectification_ordered',
        version: 2,
        awaiting: 'subject',
        divisionCode: `2101${String(2 + (i % 10)).padStart(2, '0')}`,
        competentOrgan: null,
        keyUnitId: (i % 5000) + 1,
        providerId: null,
        ownerUserId: null,
        parentId: null,
        title: `重点单位${i}：建立值班制度和应急处置预案`,
        data: CASE_DATA(i, dueAt),
        dueAt,
        dueParty: 'subject',
        restricted: 0,
        createdBy: 1,
        createdAt: NOW,
        updatedAt: NOW,
        closedAt: null,
      };
    });
    const ids = await db.insertInto('workflowItems').values(items).returning(['id', 'dueAt']).execute();
    await db
      .insertInto('workflowJobs')
      .values(ids.map((r) => ({ itemId: Number(r.id), state: 'rectification_ordered', party: 'subject', onExpiry: 'deadline-passed', dueAt: r.dueAt!, status: 'pending', leaseOwner: null, leaseUntil: null, lastError: null, createdAt: NOW, finishedAt: null })))
      .execute();
  }
  log(`${pending.toLocaleString('en-US')} pending deadlines (${due} due) written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function rawDueLookup(jdb: JifangDb, limit: number): Promise<number> {
  const t0 = performance.now();
  await workflowDb(jdb.db).selectFrom('workflowJobs').select(['id', 'itemId']).where('status', '=', 'pending').where('dueAt', '<=', NOW).orderBy('dueAt').limit(limit).execute();
  return performance.now() - t0;
}

/**
 * The least a tick could do per item, measured now on this machine: one
 * transaction that reads the item by key and writes it back. The tick's
 * figure is read against it (the machine may be busy with other work).
 */
async function rawActs(jdb: JifangDb, n: number): Promise<number> {
  const db = workflowDb(jdb.db);
  const ids = (await db.selectFrom('workflowItems').select('id').where('state', '=', 'rectification_ordered').orderBy('id', 'desc').limit(n).execute()).map((r) => Number(r.id));
  const t0 = performance.now();
  for (const id of ids) {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('workflowItems').select(['id', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      await trx.updateTable('workflowItems').set({ version: row.version }).where('id', '=', id).execute();
    });
  }
  return performance.now() - t0;
}

async function benchDialect(label: string, jdb: JifangDb, o: BenchOptions): Promise<BenchResult[]> {
  const pending = o.quick ? 5_000 : Number(o.args['pending'] ?? 100_000);
  // One tick of the default size, then a larger one, among the same pending deadlines.
  const sizes = o.quick ? [DEFAULT_BATCH, 100] : [DEFAULT_BATCH, Number(o.args['due'] ?? 500)];
  const warm = 20;
  const due = warm + sizes[0] + sizes[1];
  await migrateToLatest(jdb);
  await populate(jdb, pending, due, o.log);
  await sql`analyze`.execute(jdb.db);
  const clock = fixedClock(NOW);
  // Warm up; then the baselines: finding the due jobs alone, and the least write per item, in this run.
  await rawDueLookup(jdb, sizes[0]);
  const lookup = await rawDueLookup(jdb, sizes[0]);
  const raw = await rawActs(jdb, sizes[0]);
  const idle = await tick({ jdb, clock: fixedClock(new Date(Date.parse(NOW) - 2 * 60_000).toISOString()) }, { batchSize: sizes[0] });
  // Warm the code paths (first transition, first leaf) outside the measured ticks.
  await tick({ jdb, clock }, { batchSize: warm });
  const out: BenchResult[] = [];
  const k = `${pending / 1000}k`;
  for (const [i, n] of sizes.entries()) {
    const r = await tick({ jdb, clock }, { batchSize: n });
    o.log(`${label}: tick claimed ${r.claimed} of ${k} pending, transitioned ${r.transitioned}, failed ${r.failed} in ${r.ms} ms`);
    const ok = r.transitioned === n && r.failed === 0;
    out.push(result(`workflow.${label}.tick-${n}-due-of-${k}`, r.ms, 'ms', i === 0 ? raw : null, i === 0 ? '< 1000 ms, every due item acted on' : null, i === 0 ? ok && r.ms < 1000 : null));
    if (i === 0) out.push(result(`workflow.${label}.per-item`, r.transitioned ? r.ms / r.transitioned : 0, 'ms/item', raw / n, null, null));
  }
  o.log(`${label}: nothing due ${idle.ms} ms; raw lookup ${lookup.toFixed(1)} ms; ${sizes[0]} minimal write transactions ${raw.toFixed(0)} ms`);
  out.push(result(`workflow.${label}.tick-nothing-due-of-${k}`, idle.ms, 'ms', lookup, '< 100 ms', idle.ms < 100));
  return out;
}

async function postgresUrl(o: BenchOptions): Promise<string | null> {
  const url = o.args['pg-url'] ?? process.env.JIFANG_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  try {
    await withPostgresClient(url, (c) => c.query('select 1'));
    return url;
  } catch {
    return null;
  }
}

export const workflowBench = {
  name: 'workflow',
  async run(o: BenchOptions): Promise<BenchResult[]> {
    const out: BenchResult[] = [];
    const dir = fs.mkdtempSync(path.join(o.args['dir'] ?? os.tmpdir(), 'jifang-bench-workflow-'));
    const sqlite = openDatabase({ dataDir: dir });
    try {
      out.push(...(await benchDialect('sqlite', sqlite, o)));
    } finally {
      await sqlite.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const base = await postgresUrl(o);
    if (!base) {
      o.log('PostgreSQL not reachable: SQLite only');
      return out;
    }
    const name = `jifang_bench_wf_${randomBytes(4).toString('hex')}`;
    await withPostgresClient(base, (c) => c.query(`create database ${name}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    const pg = openDatabase({ dataDir: os.tmpdir(), databaseUrl: url.toString(), poolSize: 10 });
    try {
      out.push(...(await benchDialect('postgres', pg, o)));
    } finally {
      await pg.destroy();
      await withPostgresClient(base, (c) => c.query(`drop database if exists ${name} with (force)`));
    }
    return out;
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const quick = process.argv.includes('--quick') || process.env.JIFANG_BENCH_QUICK === '1';
  const rs = await workflowBench.run({ quick, args: {}, log: (l) => process.stdout.write(`${l}\n`) });
  for (const r of rs) process.stdout.write(`${r.name}  ${r.value.toFixed(1)} ${r.unit}${r.target ? `  target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}\n`);
}
