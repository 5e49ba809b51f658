import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest, openDatabase } from '../../db/database.js';
import { ledgerConfigFrom, Sequencer } from '../../ledger/index.js';
import { systemClock } from '../../shared/clock.js';
import { startScheduler } from '../../workflow/index.js';
import { startRetentionSweeper } from '../../vault/index.js';
import { vaultOf } from '../../api/routes/captured-vault.js';
import { onFirstRun } from '../first-run.js';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Serve the API and the web app (PORT, default 8080; JIFANG_DATA_DIR, default ./data; DATABASE_URL for PostgreSQL)')
    .option('--no-demo', 'do not seed the demo Liaoning into an empty database')
    .action(async (o) => {
      const config = loadConfig();
      const jdb = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      await migrateToLatest(jdb);
      const notes = o.demo ? await onFirstRun(jdb) : [];
      const app = await buildApp({ jdb, clock: systemClock, config }, { logger: { level: config.logLevel } });
      // Integrates queued ledger leaves and signs checkpoints; one process at a time holds the lease.
      const sequencer = new Sequencer({ db: jdb.db, config: ledgerConfigFrom(config.dataDir), log: (level, msg, data) => app.log[level](data ?? {}, msg) });
      await sequencer.start();
      // Watches the workflows' deadlines; jobs are leased, so several servers may run it.
      const scheduler = startScheduler({ jdb, clock: systemClock }, { onError: (e) => app.log.error({ err: e }, 'workflow scheduler') });
      // Art 23 ¶2: seals or erases what each unit's policy says once the minimum has passed, never what is held.
      const stopSweeper = startRetentionSweeper(vaultOf(app.deps), {
        everyMs: sweepIntervalMs(process.env.JIFANG_RETENTION_SWEEP_INTERVAL),
        onReport: (r) => app.log.info({ due: r.totals.due, held: r.totals.held, carriedOut: r.totals.carriedOut }, 'retention sweep'),
        onError: (e) => app.log.error({ err: e }, 'retention sweep'),
      });
      const close = async () => {
        await stopSweeper();
        await app.close();
        await scheduler.stop();
        await sequencer.stop();
        await jdb.destroy();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const url = `http://localhost:${config.port}`;
      process.stdout.write(`\nJifang is running on ${url} (database: ${jdb.dialect})\n`);
      for (const n of notes) process.stdout.write(`${n}\n`);
    });
}

/** `JIFANG_RETENTION_SWEEP_INTERVAL` in seconds (fractions allowed), one hour by default. */
export function sweepIntervalMs(raw: string | undefined): number {
  const seconds = raw == null || raw.trim() === '' ? 3600 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`JIFANG_RETENTION_SWEEP_INTERVAL must be a positive number of seconds, not "${raw}"`);
  return Math.max(100, Math.round(seconds * 1000));
}
