import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest, openDatabase } from '../../db/database.js';
import { ledgerConfigFrom, Sequencer } from '../../ledger/index.js';
import { systemClock } from '../../shared/clock.js';
import { startScheduler } from '../../workflow/index.js';
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
      const close = async () => {
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
