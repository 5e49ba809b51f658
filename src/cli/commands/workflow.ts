import type { Command } from 'commander';
import { systemClock } from '../../shared/clock.js';
import { DEFAULT_BATCH, renderWorkflowsMarkdown, tick } from '../../workflow/index.js';
import { workflowDb } from '../../workflow/tables.js';
import { withDatabase } from '../runtime.js';

/**
 * `jifang scheduler tick|status` runs or inspects the deadline scheduler
 * (the server runs it by itself; a tick from the command line takes its own
 * lease, so it is safe beside running servers). `jifang workflow docs`
 * prints docs/workflows.md from the state machines.
 */
export function registerWorkflowCommand(program: Command) {
  const scheduler = program.command('scheduler').description('The workflows’ deadline scheduler (Art 26, 31-33: time limits; service targets of the police)');
  scheduler
    .command('tick')
    .description('Claim the deadlines that are due and act on them once: take the system transition, or record the miss')
    .option('--batch <n>', 'jobs to claim', (v) => Number(v), DEFAULT_BATCH)
    .option('--json', 'print the result as JSON')
    .action(async (o: { batch: number; json?: boolean }) => {
      await withDatabase(async (jdb) => {
        const r = await tick({ jdb, clock: systemClock }, { batchSize: o.batch });
        process.stdout.write(
          o.json
            ? `${JSON.stringify(r)}\n`
            : `领取 claimed ${r.claimed}；期限届满转入下一状态 transitioned ${r.transitioned}；记录逾期 missed ${r.missed}；已失效 voided ${r.voided}；失败 failed ${r.failed}（${r.ms} ms）\n`,
        );
        if (r.failed) process.exitCode = 1;
      });
    });
  scheduler
    .command('status')
    .description('Pending, due, leased and failed deadlines')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      await withDatabase(async (jdb) => {
        const now = systemClock.now().toISOString();
        const db = workflowDb(jdb.db);
        const count = async (f: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => Number((await f(base()).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        const base = () => db.selectFrom('workflowJobs');
        const s = {
          pending: await count((q) => q.where('status', '=', 'pending')),
          due: await count((q) => q.where('status', '=', 'pending').where('dueAt', '<=', now)),
          leased: await count((q) => q.where('status', '=', 'pending').where('leaseUntil', '>', now)),
          failed: await count((q) => q.where('status', '=', 'failed')),
        };
        process.stdout.write(o.json ? `${JSON.stringify(s)}\n` : `待办 pending ${s.pending}；已到期 due ${s.due}；已领取 leased ${s.leased}；失败 failed ${s.failed}\n`);
      });
    });
  program
    .command('workflow')
    .description('The supervision workflows as state machines')
    .command('docs')
    .description('Print docs/workflows.md: each state machine as tables of states and transitions with actors, rules and deadlines')
    .action(() => {
      process.stdout.write(renderWorkflowsMarkdown());
    });
}
