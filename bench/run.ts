import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHES } from './benches.js';
import { round, type BenchResult } from './types.js';

/**
 * `npm run bench [-- --quick] [--only registry] [--out file] [--key-units N --devices M]`
 *
 * Runs the benchmark modules, prints a table and writes bench/results.json.
 * Every figure stands beside a baseline measured in the same run on the same
 * machine; `JIFANG_BENCH_QUICK=1` is the same as `--quick`.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv: string[]): { quick: boolean; only: string | null; out: string; rest: Record<string, string> } {
  const rest: Record<string, string> = {};
  let quick = process.env.JIFANG_BENCH_QUICK === '1';
  let only: string | null = null;
  let out = path.join(HERE, 'results.json');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--only') only = argv[++i];
    else if (a === '--out') out = path.resolve(argv[++i]);
    else if (a.startsWith('--')) rest[a.slice(2)] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
  }
  return { quick, only, out, rest };
}

function table(results: BenchResult[]): string {
  const rows = [['figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'], ...results.map((r) => [r.name, String(round(r.value)), r.unit, r.baseline == null ? '' : String(round(r.baseline)), r.ratio == null ? '' : String(round(r.ratio, 3)), r.target ?? '', r.met == null ? '' : r.met ? 'yes' : 'NO'])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r, i) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ') + (i === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

async function main() {
  const { quick, only, out, rest } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const results: BenchResult[] = [];
  for (const b of BENCHES.filter((x) => !only || x.name === only)) {
    process.stdout.write(`\n== ${b.name}${quick ? ' (quick)' : ''}\n`);
    results.push(...(await b.run({ quick, args: rest, log: (l) => process.stdout.write(`   ${l}\n`) })));
  }
  process.stdout.write(`\n${table(results)}\n\n${((Date.now() - started) / 1000).toFixed(0)} s; written to ${path.relative(process.cwd(), out)}\n`);
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
