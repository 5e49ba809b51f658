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
import { operationsOf, sipSettingsOf } from '../../api/routes/operations-deps.js';
import { checkOffline, startSipListener } from '../../operations/index.js';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Serve the API and the web app (PORT, default 8080; JIFANG_DATA_DIR, default ./data; DATABASE_URL for PostgreSQL; JIFANG_SIP_PORT to take GB/T 28181 registrations and keepalives over UDP)')
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
      const operations = operationsOf(app.deps);
      // Watches the workflows' deadlines; jobs are leased, so several servers may run it.
      // Its tick also marks offline the systems whose keepalives stopped (art 11(2), 21).
      const scheduler = startScheduler(
        { jdb, clock: systemClock },
        {
          onError: (e) => app.log.error({ err: e }, 'workflow scheduler'),
          alsoOnTick: async () => {
            const r = await checkOffline(operations);
            if (r.wentOffline) app.log.warn({ wentOffline: r.wentOffline }, 'systems offline');
          },
        },
      );
      // GB/T 28181: devices register and send keepalives here, when JIFANG_SIP_PORT is set.
      const sipSettings = sipSettingsOf(app.deps);
      const sip = sipSettings ? await startSipListener(operations, sipSettings, (level, msg, data) => app.log[level](data ?? {}, msg)) : null;
      // Art 23 ¶2: seals or erases what each unit's policy says once the minimum has passed, never what is held.
      const stopSweeper = startRetentionSweeper(vaultOf(app.deps), {
        everyMs: sweepIntervalMs(process.env.JIFANG_RETENTION_SWEEP_INTERVAL),
        onReport: (r) => app.log.info({ due: r.totals.due, held: r.totals.held, carriedOut: r.totals.carriedOut }, 'retention sweep'),
        onError: (e) => app.log.error({ err: e }, 'retention sweep'),
      });
      const close = async () => {
        await sip?.close();
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
      if (sip) process.stdout.write(`GB/T 28181 SIP (UDP) on ${sip.address.address}:${sip.address.port}, domain ${sipSettings!.domain}, server id ${sipSettings!.serverId}\n`);
      for (const n of notes) process.stdout.write(`${n}\n`);
    });
}

/** `JIFANG_RETENTION_SWEEP_INTERVAL` in seconds (fractions allowed), one hour by default. */
export function sweepIntervalMs(raw: string | undefined): number {
  const seconds = raw == null || raw.trim() === '' ? 3600 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`JIFANG_RETENTION_SWEEP_INTERVAL must be a positive number of seconds, not "${raw}"`);
  return Math.max(100, Math.round(seconds * 1000));
}
