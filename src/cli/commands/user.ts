import type { Command } from 'commander';
import { createUser, ROLES, type Actor, type NewUser } from '../../access/index.js';
import type { JifangDb } from '../../db/database.js';
import { recordPermissionChange } from '../../ledger/index.js';
import { AppError } from '../../shared/errors.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { CliError, readStdin, withDatabase } from '../runtime.js';

/**
 * Adds an account and queues its ledger leaf in the same transaction (art 36:
 * every permission change is on the record). The operator at the shell acts
 * as the platform itself.
 */
export async function addUser(db: JifangDb['db'], clock: Clock, u: NewUser): Promise<Actor> {
  return createUser(db, clock, u, {
    within: (trx, a) => recordPermissionChange(trx, { change: 'user.add', userId: a.userId, rights: a, at: clock.now() }),
  });
}

export function registerUserCommand(program: Command) {
  const user = program.command('user').description('Manage accounts');
  user
    .command('add')
    .description('Add an account; the password is read from standard input')
    .requiredOption('--username <username>', 'login name (3-64 letters, digits, _ . -)')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--jurisdiction <code>', 'GB/T 2260 division code, required for police roles (e.g. 210100 for Shenyang)')
    .option('--display-name <name>', 'name shown in the app')
    .option('--key-unit <id>', 'key unit id, for role key_unit', (v) => Number(v))
    .option('--provider <id>', 'service provider id, for role provider', (v) => Number(v))
    .option('--organ <id>', 'police organ id', (v) => Number(v))
    .addHelpText('after', '\nExample:\n  printf "%s" "$PASSWORD" | jifang user add --username sy-police --role city_supervisor --jurisdiction 210100\n')
    .action(async (o) => {
      const password = (await readStdin()).replace(/\r?\n$/, '');
      await withDatabase(async (jdb) => {
        try {
          const a = await addUser(jdb.db, systemClock, {
            username: o.username,
            password,
            role: o.role,
            displayName: o.displayName,
            jurisdiction: o.jurisdiction ?? null,
            keyUnitId: o.keyUnit ?? null,
            providerId: o.provider ?? null,
            organId: o.organ ?? null,
          });
          process.stdout.write(`added user ${a.username} (${a.role}${a.jurisdiction ? `, ${a.jurisdiction}` : ''}) id ${a.userId}\n`);
        } catch (e) {
          if (e instanceof AppError) {
            const lines = [e.bilingual.zh + ' / ' + e.bilingual.en, ...(e.errors ?? []).map((x) => `  ${x.field}: ${x.message.zh} / ${x.message.en}`)];
            throw new CliError(lines.join('\n'));
          }
          throw e;
        }
      });
    });
}
