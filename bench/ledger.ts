/**
 * Ledger benchmarks (`npm run bench`, or `npx tsx bench/ledger.ts` alone):
 *
 * - actions with their queued leaves per second from 16 concurrent writers,
 *   beside raw inserts of the same rows in the same run (SQLite): better-sqlite3
 *   prepared statements on a connection of their own, one transaction per
 *   action, and the same rows through the application's db layer (query
 *   builder, group commit) without the ledger;
 * - leaves integrated per second by the sequencer, and end to end (writers
 *   and sequencer together), with the merge delay under that load;
 * - inclusion and consistency proof generation at 10,000,000 leaves, from a
 *   node table generated straight into SQLite;
 * - full verification (`jifang ledger verify`) beside the SHA-256 ceiling of
 *   this machine (`openssl speed -evp sha256`, 64-byte blocks, two hashes
 *   per leaf), measured in the same run.
 *
 * Each figure is `{ name, value, unit, baseline, ratio, target, met }`.
 * JIFANG_BENCH_QUICK=1 shrinks every size (for a smoke run);
 * JIFANG_BENCH_PROOF_LEAVES overrides the 10,000,000.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, openDatabase, type JifangDb } from '../src/db/database.js';
import {
  appendEvent,
  consistencyProof,
  digestOf,
  inclusionProof,
  ledgerConfigFrom,
  rootAt,
  Sequencer,
  verifyConsistency,
  verifyInclusion,
  verifyLedger,
} from '../src/ledger/index.js';
import { foldSubtrees, frontierOf, nodeHash, subtreeKey } from '../src/ledger/domain/merkle.js';
import { writeState } from '../src/ledger/repository.js';
import { defaultPoolSize, HashPool } from '../src/ledger/verify/hash-pool.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
}

export interface LedgerBenchOptions {
  quick?: boolean;
  /** Leaves of the synthetic tree for the proof benchmark. */
  proofLeaves?: number;
  log?: (line: string) => void;
}

const WRITERS = 16;
const run = promisify(execFile);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

function result(name: string, value: number, unit: string, o: { baseline?: number | null; target?: string | null; met?: boolean | null } = {}): BenchResult {
  const baseline = o.baseline ?? null;
  return { name, value, unit, baseline, ratio: baseline ? round(value / baseline, 3) : null, target: o.target ?? null, met: o.met ?? null };
}

function tempSqlite(tag: string): { jdb: JifangDb; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jifang-bench-${tag}-`));
  return { jdb: openDatabase({ dataDir: dir }), dir };
}

/** SHA-256 over 64-byte blocks as OpenSSL does it on one core: the ceiling a verifier is held against. */
export async function opensslSha256PerSecond(seconds = 2): Promise<number | null> {
  try {
    const { stdout } = await run('openssl', ['speed', '-seconds', String(seconds), '-bytes', '64', '-evp', 'sha256'], { timeout: 60_000 });
    const line = stdout.split('\n').find((l) => /^sha256\s/i.test(l.trim()));
    const k = line?.trim().split(/\s+/).pop();
    if (!k) return null;
    const bytesPerSecond = Number(k.replace(/k$/, '')) * 1000;
    return bytesPerSecond / 64;
  } catch {
    return null;
  }
}

/** CPU seconds of this process, all threads: what a figure costs whatever else the machine is doing. */
function cpuSeconds(since?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

const ACTOR = 'user:0123456789abcdef0123456789abcdef';
const RULE = 'art24.p1.two-officers';
/** Exactly the bytes the ledger queues for one action (see encodeEventBody), for the raw baselines. */
const plainBody = (at: string, ref: string, digest: string) => `at ${at}\ntype vault/view\nactor ${ACTOR}\nsubject ${ref}\nrule ${RULE}\ndigest ${digest}\n`;

/** Sixteen writers, one action per turn of the event loop each, as requests arrive. */
async function sixteenWriters(perWriter: number, action: (ref: string, at: string, digest: string) => Promise<void> | void): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        await action(`captured-segment:${w * perWriter + i}`, new Date().toISOString(), digestOf(`${w}/${i}`));
        // better-sqlite3 answers synchronously: without this the writers' promise chains never let timers (the sequencer's) run.
        await new Promise((r) => setImmediate(r));
      }
    }),
  );
  return performance.now() - t0;
}

/** A writer's action through the application's db layer: one row of a domain table plus, for the ledger run, its leaf. */
function writers(db: Db, perWriter: number, withLedger: boolean): Promise<number> {
  return sixteenWriters(perWriter, (ref, at, digest) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('benchActions').values({ kind: 'view', ref, at }).execute();
      if (withLedger) await appendEvent(trx, { type: 'vault/view', actorRef: ACTOR, subjectRef: ref, rule: RULE, digest, at });
      // The same bytes the ledger queues, into a plain table: what the rows cost without the ledger.
      else await trx.insertInto('benchPlain').values({ body: plainBody(at, ref, digest), queuedAtMs: Date.now() }).execute();
    }),
  );
}

/**
 * The raw baseline: the same two rows per action with better-sqlite3 prepared
 * statements on a connection of its own, no query builder, no ledger; each
 * action its own transaction, committed before the next (what an action
 * needs before it is acknowledged, done the cheapest way a single action can).
 */
function rawWriters(file: string, perWriter: number): Promise<number> {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const a = raw.prepare('insert into bench_actions (kind, ref, at) values (?, ?, ?)');
  const b = raw.prepare('insert into bench_plain (body, queued_at_ms) values (?, ?)');
  const one = raw.transaction((ref: string, at: string, digest: string) => {
    a.run('view', ref, at);
    b.run(plainBody(at, ref, digest), Date.now());
  });
  return sixteenWriters(perWriter, (ref, at, digest) => one(ref, at, digest)).finally(() => raw.close());
}

async function waitForEmptyQueue(db: Db, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await sql<{ n: number }>`select count(*) as n from ledger_queue`.execute(db);
    if (Number(r.rows[0].n) === 0) return;
    if (Date.now() > deadline) throw new Error('the sequencer did not empty the queue in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Writers, sequencer, merge delay and verification on one SQLite ledger. */
async function writeAndVerify(o: Required<Pick<LedgerBenchOptions, 'quick'>> & { log: (s: string) => void; ceiling: number | null }): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const { jdb, dir } = tempSqlite('write');
  try {
    await migrateToLatest(jdb);
    const db = jdb.db;
    for (const table of ['bench_actions', 'bench_plain']) {
      const t = db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey());
      if (table === 'bench_actions') await t.addColumn('kind', 'text').addColumn('ref', 'text').addColumn('at', 'text').execute();
      else await t.addColumn('body', 'text').addColumn('queued_at_ms', 'integer').execute();
    }
    const cfg = ledgerConfigFrom(dir, {}, { origin: 'jifang.bench/ledger' });
    const perWriter = o.quick ? 500 : 6250; // 16 x 6250 = 100,000 events
    const events = WRITERS * perWriter;

    // Raw inserts of the same rows, same concurrency, no ledger: prepared statements on a connection of their own…
    let cpu0 = process.cpuUsage();
    const rawMs = await rawWriters(path.join(dir, 'jifang.sqlite'), perWriter);
    const rawRate = events / (rawMs / 1000);
    const rawPerCpu = events / cpuSeconds(cpu0);
    o.log(`raw inserts (prepared, one commit per action): ${round(rawRate)} actions/s (${round(rawPerCpu)} per CPU second)`);
    // …and through the application's db layer (query builder, group commit), still without the ledger.
    cpu0 = process.cpuUsage();
    const layerMs = await writers(db, perWriter, false);
    const layerRate = events / (layerMs / 1000);
    o.log(`same rows through the db layer, no ledger: ${round(layerRate)} actions/s (${round(events / cpuSeconds(cpu0))} per CPU second)`);
    out.push(result('ledger.write.raw_inserts', round(rawRate), 'actions/s'));
    out.push(result('ledger.write.db_layer_without_ledger', round(layerRate), 'actions/s', { baseline: round(rawRate) }));

    // Writers with their leaves while the sequencer integrates, as in production.
    const seq = new Sequencer({ db, config: cfg });
    await seq.start();
    await waitForEmptyQueue(db, 10_000);
    seq.resetStats();
    cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const writeMs = await writers(db, perWriter, true);
    await waitForEmptyQueue(db, 120_000);
    const endToEndMs = performance.now() - t0;
    const e2ePerCpu = events / cpuSeconds(cpu0);
    const stats = seq.stats();
    await seq.stop();
    const groups = jdb.groupCommits?.();
    if (groups) o.log(`group commit so far: ${groups.transactions} transactions in ${groups.commits} commits (largest group ${groups.largestGroup})`);
    const writeRate = events / (writeMs / 1000);
    const e2e = events / (endToEndMs / 1000);
    o.log(`ledger writers: ${round(writeRate)} actions/s; end to end ${round(e2e)} events/s (${round(e2ePerCpu)} per CPU second); merge delay p99 ${stats.mergeDelayMs.p99} ms`);
    out.push(result('ledger.write.actions_with_leaf', round(writeRate), 'actions/s', { baseline: round(rawRate) }));
    out.push(result('ledger.end_to_end', round(e2e), 'events/s', { baseline: round(rawRate), target: '≥ 20000 events/s', met: e2e >= 20_000 }));
    // Writers and sequencer share one thread: events per CPU second is what one free core gives.
    out.push(result('ledger.end_to_end.per_cpu_second', round(e2ePerCpu), 'events/cpu-s', { baseline: round(rawPerCpu) }));
    out.push(result('ledger.merge_delay.p99', stats.mergeDelayMs.p99, 'ms', { target: `< ${cfg.maxMergeDelayMs} ms`, met: stats.mergeDelayMs.p99 < cfg.maxMergeDelayMs }));
    out.push(result('ledger.merge_delay.max', stats.mergeDelayMs.max, 'ms'));

    // The sequencer alone: a backlog queued in bulk, integrated as fast as it goes.
    const backlog = o.quick ? 20_000 : 1_700_000;
    const body = `at ${new Date().toISOString()}\ntype device/operation-records\nactor device:1\nsubject security-system:1\ndigest ${digestOf('records')}\n`;
    const nowMs = Date.now();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < backlog; i += 5000) {
        await sql`insert into ledger_queue (body, queued_at_ms) with recursive r(i) as (select 0 union all select i + 1 from r where i + 1 < ${Math.min(5000, backlog - i)}) select ${body}, ${nowMs} from r`.execute(trx);
      }
    });
    const drainer = new Sequencer({ db, config: { ...cfg, batchLimit: 10_000 } });
    const t1 = performance.now();
    for (;;) {
      const r = await drainer.integrateOnce();
      if (r.integrated === 0) break;
    }
    const seqRate = backlog / ((performance.now() - t1) / 1000);
    await drainer.stop();
    o.log(`sequencer: ${round(seqRate)} leaves/s`);
    out.push(result('ledger.sequencer.integrate', round(seqRate), 'leaves/s', { baseline: round(rawRate) }));

    // Full verification of everything just written, on every core.
    const size = events + backlog + 1;
    const ceilingLeaves = o.ceiling ? o.ceiling / 2 : null;
    cpu0 = process.cpuUsage();
    const report = await verifyLedger(db, { keyFile: cfg.keyFile, workers: defaultPoolSize() });
    const verifyPerCpu = report.entries / cpuSeconds(cpu0);
    if (!report.ok || report.entries !== size) throw new Error(`verification failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    o.log(`verify: ${report.leavesPerSecond} leaves/s, ${round(verifyPerCpu)} per CPU second, over ${report.entries} entries (ceiling ${ceilingLeaves ? round(ceilingLeaves) : '?'} leaves/s)`);
    out.push(
      result('ledger.verify.full', report.leavesPerSecond, 'leaves/s', {
        baseline: ceilingLeaves ? round(ceilingLeaves) : null,
        target: '≥ 0.5 × ceiling (openssl sha256, 64 B, 2 hashes/leaf)',
        met: ceilingLeaves ? report.leavesPerSecond >= ceilingLeaves / 2 : null,
      }),
    );
    // openssl speed divides by CPU time: the same measure for the verifier, all its threads together.
    out.push(result('ledger.verify.full.per_cpu_second', round(verifyPerCpu), 'leaves/cpu-s', { baseline: ceilingLeaves ? round(ceilingLeaves) : null }));

    // The hashing alone (leaves already in memory), to show what the database reads cost.
    const rows = (await sql<{ leaf: Uint8Array }>`select leaf from ledger_entries order by idx`.execute(db.withoutPlugins())).rows;
    const chunk = 16_384;
    const tasks: { start: number; count: number; data: ArrayBuffer; offsets: ArrayBuffer }[] = [];
    for (let s = 0; s < rows.length; s += chunk) {
      const part = rows.slice(s, s + chunk);
      const data = new Uint8Array(part.reduce((n, r) => n + r.leaf.length + 1, 0));
      const offsets = new Uint32Array(part.length + 1);
      let p = 0;
      part.forEach((r, i) => {
        offsets[i] = p;
        data.set(r.leaf, p + 1);
        p += r.leaf.length + 1;
      });
      offsets[part.length] = p;
      tasks.push({ start: s, count: part.length, data: data.buffer, offsets: offsets.buffer });
    }
    const pool = new HashPool(defaultPoolSize());
    await pool.whenStarted();
    const t2 = performance.now();
    cpu0 = process.cpuUsage();
    await Promise.all(tasks.map((t) => pool.run({ ...t, marks: [] })));
    const hashRate = rows.length / ((performance.now() - t2) / 1000);
    const hashPerCpu = rows.length / cpuSeconds(cpu0);
    await pool.close();
    o.log(`tree hashing alone: ${round(hashRate)} leaves/s`);
    out.push(result('ledger.verify.tree_hashing', round(hashRate), 'leaves/s', { baseline: ceilingLeaves ? round(ceilingLeaves) : null, target: '≥ 0.5 × ceiling', met: ceilingLeaves ? hashRate >= ceilingLeaves / 2 : null }));
    out.push(result('ledger.verify.tree_hashing.per_cpu_second', round(hashPerCpu), 'leaves/cpu-s', { baseline: ceilingLeaves ? round(ceilingLeaves) : null }));
    return out;
  } finally {
    await jdb.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the node table of a tree of `n` synthetic leaves straight into
 * SQLite: the hash pool's threads hash aligned chunks of 2^16 leaves and return every
 * level; one INSERT per level and chunk unpacks a blob of hashes in SQL.
 */
async function syntheticTree(db: Db, n: number, log: (s: string) => void): Promise<void> {
  const CH = 65_536;
  const pool = new HashPool(defaultPoolSize());
  const chunkRoots: Buffer[] = [];
  const insertLevel = (trx: Db, level: number, firstIndex: number, hashes: Uint8Array) =>
    sql`insert into ledger_nodes (id, hash) with recursive r(i) as (select 0 union all select i + 1 from r where i + 1 < ${hashes.length / 32})
        select ${subtreeKey({ level, index: firstIndex })} + i, substr(${Buffer.from(hashes.buffer, hashes.byteOffset, hashes.length)}, i * 32 + 1, 32) from r`.execute(trx);
  try {
    const chunks = Math.ceil(n / CH);
    let written = 0;
    const make = (c: number) => {
      const start = c * CH;
      const count = Math.min(CH, n - start);
      // Synthetic leaves: 8 bytes each, the index. Only their hashes matter to proofs.
      const data = new Uint8Array(count * 9);
      const offsets = new Uint32Array(count + 1);
      const dv = new DataView(data.buffer);
      for (let i = 0; i < count; i++) {
        offsets[i] = i * 9;
        dv.setFloat64(i * 9 + 1, start + i);
      }
      offsets[count] = count * 9;
      return pool.run({ start, count, data: data.buffer, offsets: offsets.buffer, marks: [], levels: true });
    };
    let next = 0;
    const inflight: ReturnType<typeof make>[] = [];
    while (next < chunks && inflight.length < pool.threads + 1) inflight.push(make(next++));
    await db.transaction().execute(async (trx) => {
      while (inflight.length > 0) {
        const r = await inflight.shift()!;
        if (next < chunks) inflight.push(make(next++));
        const c = r.start / CH;
        for (let L = 0; L < r.levels!.length; L++) {
          if (r.levels![L].length === 0) continue;
          await insertLevel(trx, L, c * (CH >> L), r.levels![L]);
        }
        if (r.count === CH) chunkRoots.push(Buffer.from(r.levels![16]));
        written += r.count;
        if (c % 16 === 15) log(`  node table: ${written} leaves`);
      }
      // Above the chunks: complete subtrees of level 17 and up, from the chunk roots.
      let level = chunkRoots;
      for (let L = 17; level.length > 1; L++) {
        const up: Buffer[] = [];
        for (let j = 0; j + 1 < level.length; j += 2) up.push(nodeHash(level[j], level[j + 1]));
        if (up.length) await insertLevel(trx, L, 0, Buffer.concat(up));
        level = up;
      }
    });
  } finally {
    await pool.close();
  }
  const ids = frontierOf(n).map(subtreeKey);
  const rows = await db.selectFrom('ledgerNodes').select(['id', 'hash']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r: { id: number; hash: Buffer }) => [Number(r.id), Buffer.from(r.hash)]));
  await writeState(db, { treeSize: n, rootHash: foldSubtrees(ids.map((id) => byId.get(id)!)), now: new Date().toISOString() });
}

async function proofs(o: { quick: boolean; leaves: number; log: (s: string) => void }): Promise<BenchResult[]> {
  const { jdb, dir } = tempSqlite('proofs');
  try {
    await migrateToLatest(jdb);
    const db = jdb.db;
    const n = o.leaves;
    const t0 = performance.now();
    await syntheticTree(db, n, o.log);
    o.log(`synthetic node table of ${n} leaves in ${round((performance.now() - t0) / 1000, 1)} s`);
    const root = await rootAt(db, n);
    const count = o.quick ? 300 : 2000;
    const rnd = (k: number) => Math.floor(Math.random() * k);
    const incl: number[] = [];
    const cons: number[] = [];
    for (let i = 0; i < 200; i++) await inclusionProof(db, rnd(n), n); // warm the page cache
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      const leaf = rnd(n);
      const t = performance.now();
      const p = await inclusionProof(db, leaf, n);
      incl.push(performance.now() - t);
      if (i < 20) {
        const [lh] = (await db.selectFrom('ledgerNodes').select('hash').where('id', '=', leaf).execute()) as { hash: Buffer }[];
        if (!verifyInclusion(leaf, n, lh.hash, p.hashes, root).ok) throw new Error('a generated inclusion proof does not verify');
      }
    }
    for (let i = 0; i < count; i++) {
      const from = 1 + rnd(n - 1);
      const t = performance.now();
      const p = await consistencyProof(db, from, n);
      cons.push(performance.now() - t);
      if (i < 20 && !verifyConsistency(from, n, p.hashes, await rootAt(db, from), root).ok) throw new Error('a generated consistency proof does not verify');
    }
    const cpu = process.cpuUsage(cpu0);
    incl.sort((a, b) => a - b);
    cons.sort((a, b) => a - b);
    o.log(`proofs at ${n}: inclusion p50 ${round(percentile(incl, 50), 3)} ms p95 ${round(percentile(incl, 95), 3)} ms; consistency p50 ${round(percentile(cons, 50), 3)} ms p95 ${round(percentile(cons, 95), 3)} ms; ${round((cpu.user + cpu.system) / 1000 / (2 * count), 3)} ms of CPU per proof (with the checks)`);
    return [
      result(`ledger.proof.inclusion.p95@${n}`, round(percentile(incl, 95), 3), 'ms', { target: '< 1 ms', met: percentile(incl, 95) < 1 }),
      result(`ledger.proof.consistency.p95@${n}`, round(percentile(cons, 95), 3), 'ms', { target: '< 1 ms', met: percentile(cons, 95) < 1 }),
    ];
  } finally {
    await jdb.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The module bench/run.ts lists (its `BenchModule` shape): `--proof-leaves N` overrides the tree size. */
export const ledgerBenchModule = {
  name: 'ledger',
  run: (o: { quick: boolean; args: Record<string, string>; log: (line: string) => void }): Promise<BenchResult[]> =>
    ledgerBench({ quick: o.quick, log: o.log, proofLeaves: o.args['proof-leaves'] ? Number(o.args['proof-leaves']) : undefined }),
};

/** Every ledger figure, in order. */
export async function ledgerBench(opts: LedgerBenchOptions = {}): Promise<BenchResult[]> {
  const quick = opts.quick ?? process.env.JIFANG_BENCH_QUICK === '1';
  const log = opts.log ?? ((s: string) => process.stderr.write(`[ledger] ${s}\n`));
  const leaves = opts.proofLeaves ?? Number(process.env.JIFANG_BENCH_PROOF_LEAVES ?? (quick ? 1_000_000 : 10_000_000));
  const out: BenchResult[] = [];
  const hashes = await opensslSha256PerSecond(quick ? 1 : 3);
  log(`openssl sha256 (64 B): ${hashes ? round(hashes) : '?'} hashes/s, ceiling ${hashes ? round(hashes / 2) : '?'} leaves/s`);
  if (hashes) out.push(result('ledger.sha256_ceiling', round(hashes / 2), 'leaves/s'));
  out.push(...(await writeAndVerify({ quick, log, ceiling: hashes })));
  out.push(...(await proofs({ quick, leaves, log })));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await ledgerBench();
  const w = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(w)}  ${String(r.value).padStart(12)} ${r.unit.padEnd(9)} ${r.baseline !== null ? `baseline ${r.baseline} (x${r.ratio})` : ''}${r.target ? `  target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}\n`,
    );
  }
}
