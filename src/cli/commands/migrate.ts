import type { Command } from 'commander';
import { withDatabase } from '../runtime.js';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Create or update the database schema (SQLite under JIFANG_DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      await withDatabase(async (jdb) => {
        // withDatabase has migrated already; report what is there.
        process.stdout.write(`database ${jdb.dialect} is up to date\n`);
      });
    });
}
