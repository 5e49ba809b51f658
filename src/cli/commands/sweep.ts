import type { Command } from 'commander';
import { complianceContext, sweep, type SweepStats } from '../../compliance/index.js';
import { isIsoDate } from '../../law/index.js';
import { CliError } from '../runtime.js';
import { type CliDeps } from './assess.js';
import { systemClock } from '../../shared/clock.js';
import { withDatabase } from '../runtime.js';

const defaultDeps: CliDeps = { withDb: (fn) => withDatabase((jdb) => fn(jdb)), clock: systemClock };

/** One line per kind and the totals: what was looked at, assessed again, left alone, removed. */
export function renderSweep(s: SweepStats): string {
  const lines = [
    `sweep #${s.runId} ${s.mode}, as of ${s.asOf}${s.changedSince ? `, rows changed since ${s.changedSince}` : ''}: ${s.seconds.toFixed(1)} s`,
    `  ${'kind'.padEnd(18)}${'examined'.padStart(10)}${'assessed'.padStart(10)}${'moved'.padStart(8)}${'unchanged'.padStart(11)}${'removed'.padStart(9)}`,
  ];
  for (const [kind, k] of Object.entries(s.byKind)) {
    lines.push(`  ${kind.padEnd(18)}${String(k.examined).padStart(10)}${String(k.reevaluated).padStart(10)}${String(k.moved).padStart(8)}${String(k.unchanged).padStart(11)}${String(k.removed).padStart(9)}`);
  }
  lines.push(`  ${'total'.padEnd(18)}${String(s.examined).padStart(10)}${String(s.reevaluated).padStart(10)}${String(s.moved).padStart(8)}${String(s.unchanged).padStart(11)}${String(s.removed).padStart(9)}`);
  lines.push(`  situations: ${s.situations.total} distinct sets of facts (${s.situations.added} new, ${s.situations.refreshed} with findings changed, ${s.situations.dropped} no longer used)`);
  return `${lines.join('\n')}\n`;
}

export function registerSweepCommand(program: Command, deps: CliDeps = defaultDeps) {
  program
    .command('sweep')
    .description('Assess every registry entity against every rule and store the findings; later runs look only at what changed')
    .option('--full', 'read every row, not only the rows changed since the last sweep')
    .option('--batch-size <n>', 'rows per batch and transaction', '10000')
    .option('--at <date>', 'the day the regulation is applied as it stood (YYYY-MM-DD); today in China by default')
    .option('--json', 'print the statistics as JSON')
    .addHelpText('after', '\nExamples:\n  jifang sweep\n  jifang sweep --full --json\n')
    .action(async (o: { full?: boolean; batchSize: string; at?: string; json?: boolean }) => {
      const batchSize = Number(o.batchSize);
      if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new CliError(`批量应为正整数：${o.batchSize}\nThe batch size must be a positive integer: ${o.batchSize}`);
      if (o.at !== undefined && !isIsoDate(o.at)) throw new CliError(`日期应为YYYY-MM-DD：${o.at}\nThe date must be YYYY-MM-DD: ${o.at}`);
      const progress = !o.json && process.stderr.isTTY;
      const stats = await deps.withDb((jdb) =>
        sweep(complianceContext(jdb, deps.clock), {
          full: o.full,
          batchSize,
          asOf: o.at,
          onBatch: progress ? (p) => process.stderr.write(`\r  ${p.kind}: ${p.examined}`.padEnd(40)) : undefined,
        }),
      );
      if (progress) process.stderr.write('\r'.padEnd(41) + '\r');
      process.stdout.write(o.json ? `${JSON.stringify(stats, null, 2)}\n` : renderSweep(stats));
    });
}
