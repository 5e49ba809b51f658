import type { Command } from 'commander';
import {
  accountIdOf,
  ACCOUNT_MAX_PAGE_SIZE,
  ACCOUNT_SORTS,
  ACCOUNT_STATUSES,
  changeRights,
  createUser,
  isRole,
  listAccounts,
  resetPassword,
  revokeSessions,
  ROLES,
  setDisabled,
  type Account,
  type AccountChangeOptions,
  type AccountPage,
  type AccountQuery,
  type Actor,
  type NewUser,
  type RightsPatch,
} from '../../access/index.js';
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

/** The platform itself changed the account: the leaf names no acting account (art 36). */
const asPlatform = (clock: Clock): AccountChangeOptions => ({
  within: (trx, c) => recordPermissionChange(trx, { change: c.change, userId: c.userId, rights: c.rights, at: clock.now() }),
});

/** `jifang user set`: role, jurisdiction or links, validated as `user add` validates them; the account's sessions end. */
export async function setUserRights(db: JifangDb['db'], clock: Clock, username: string, patch: RightsPatch): Promise<Account> {
  return changeRights(db, clock, await accountIdOf(db, username), patch, asPlatform(clock));
}

/** `jifang user passwd`: a new password; the account's sessions end. */
export async function resetUserPassword(db: JifangDb['db'], clock: Clock, username: string, password: string): Promise<Account> {
  return resetPassword(db, clock, await accountIdOf(db, username), password, asPlatform(clock));
}

/** `jifang user disable|enable`. */
export async function setUserDisabled(db: JifangDb['db'], clock: Clock, username: string, disabled: boolean): Promise<Account> {
  return setDisabled(db, clock, await accountIdOf(db, username), disabled, asPlatform(clock));
}

/** `jifang user revoke-sessions`. */
export async function revokeUserSessions(db: JifangDb['db'], clock: Clock, username: string): Promise<Account> {
  return revokeSessions(db, clock, await accountIdOf(db, username), asPlatform(clock));
}

/** One line an account, for the shell. */
export function accountLine(a: Account): string {
  const links = [a.jurisdiction && `jurisdiction ${a.jurisdiction}`, a.organId != null && `organ ${a.organId}`, a.keyUnitId != null && `key unit ${a.keyUnitId}`, a.providerId != null && `provider ${a.providerId}`].filter(Boolean).join(', ');
  return `${a.id}\t${a.username}\t${a.role}${links ? ` (${links})` : ''}\t${a.disabled ? 'disabled' : 'active'}\t${a.activeSessions} session(s)`;
}

/** `jifang user list`: one page, as lines or JSON. */
export function formatAccountPage(p: AccountPage, json: boolean): string {
  if (json) return `${JSON.stringify(p, null, 2)}\n`;
  const lines = p.items.map(accountLine);
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return `${['id\tusername\trole\tstatus\tsessions', ...lines].join('\n')}\n${p.total} account(s), page ${p.page} of ${pages}\n`;
}

function cliErrorOf(e: unknown): unknown {
  if (e instanceof AppError) {
    const lines = [e.bilingual.zh + ' / ' + e.bilingual.en, ...(e.errors ?? []).map((x) => `  ${x.field}: ${x.message.zh} / ${x.message.en}`)];
    return new CliError(lines.join('\n'));
  }
  return e;
}

/** Runs one account command against the configured database, failures said in both languages. */
async function run(fn: (db: JifangDb['db']) => Promise<string>): Promise<void> {
  await withDatabase(async (jdb) => {
    try {
      process.stdout.write(await fn(jdb.db));
    } catch (e) {
      throw cliErrorOf(e);
    }
  });
}

const int = (v: string) => Number(v);
/** `--key-unit none` clears a link. */
const intOrNone = (v: string) => (v === 'none' ? null : Number(v));

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
      await run(async (db) => {
        const a = await addUser(db, systemClock, {
          username: o.username,
          password,
          role: o.role,
          displayName: o.displayName,
          jurisdiction: o.jurisdiction ?? null,
          keyUnitId: o.keyUnit ?? null,
          providerId: o.provider ?? null,
          organId: o.organ ?? null,
        });
        return `added user ${a.username} (${a.role}${a.jurisdiction ? `, ${a.jurisdiction}` : ''}) id ${a.userId}\n`;
      });
    });

  user
    .command('list')
    .description('List accounts, with filters, sorting and paging (never a password)')
    .option('--q <text>', 'part of the login name or display name')
    .option('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--jurisdiction <code>', 'accounts whose jurisdiction lies within this GB/T 2260 division')
    .option('--status <status>', `one of: ${ACCOUNT_STATUSES.join(', ')}`)
    .option('--sort <field>', `one of: ${ACCOUNT_SORTS.join(', ')}`, 'username')
    .option('--order <order>', 'asc or desc', 'asc')
    .option('--page <n>', 'page number', int, 1)
    .option('--page-size <n>', `accounts a page (at most ${ACCOUNT_MAX_PAGE_SIZE})`, int, 50)
    .option('--json', 'print the page as JSON')
    .addHelpText('after', '\nExample:\n  jifang user list --role city_supervisor --jurisdiction 210000 --status active\n')
    .action(async (o) => {
      const bad: string[] = [];
      if (o.role !== undefined && !isRole(o.role)) bad.push(`--role must be one of: ${ROLES.join(', ')}`);
      if (o.jurisdiction !== undefined && !/^\d{6}$/.test(o.jurisdiction)) bad.push('--jurisdiction must be a six-digit GB/T 2260 code');
      if (o.status !== undefined && !(ACCOUNT_STATUSES as readonly string[]).includes(o.status)) bad.push(`--status must be one of: ${ACCOUNT_STATUSES.join(', ')}`);
      if (!(ACCOUNT_SORTS as readonly string[]).includes(o.sort)) bad.push(`--sort must be one of: ${ACCOUNT_SORTS.join(', ')}`);
      if (o.order !== 'asc' && o.order !== 'desc') bad.push('--order must be asc or desc');
      if (!Number.isInteger(o.page) || o.page < 1) bad.push('--page must be a whole number from 1');
      if (!Number.isInteger(o.pageSize) || o.pageSize < 1 || o.pageSize > ACCOUNT_MAX_PAGE_SIZE) bad.push(`--page-size must be a whole number from 1 to ${ACCOUNT_MAX_PAGE_SIZE}`);
      if (bad.length) throw new CliError(bad.join('\n'));
      const query: AccountQuery = { q: o.q, role: o.role, jurisdiction: o.jurisdiction, status: o.status, sort: o.sort, order: o.order, page: o.page, pageSize: o.pageSize };
      await run(async (db) => formatAccountPage(await listAccounts(db, systemClock, query), Boolean(o.json)));
    });

  user
    .command('set')
    .description("Change an account's role, jurisdiction or links; its sessions end, and the change is on the ledger")
    .requiredOption('--username <username>', 'the account')
    .option('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--jurisdiction <code>', 'GB/T 2260 division code, for police roles ("none" clears it)')
    .option('--key-unit <id>', 'key unit id, for role key_unit ("none" clears it)', intOrNone)
    .option('--provider <id>', 'service provider id, for role provider ("none" clears it)', intOrNone)
    .option('--organ <id>', 'police organ id ("none" clears it)', intOrNone)
    .addHelpText('after', '\nA new role drops the links it does not use unless they are given.\n\nExample:\n  jifang user set --username sy-police --role province_supervisor --jurisdiction 210000\n')
    .action(async (o) => {
      const patch: RightsPatch = {};
      if (o.role !== undefined) patch.role = o.role;
      if (o.jurisdiction !== undefined) patch.jurisdiction = o.jurisdiction === 'none' ? null : o.jurisdiction;
      if (o.keyUnit !== undefined) patch.keyUnitId = o.keyUnit;
      if (o.provider !== undefined) patch.providerId = o.provider;
      if (o.organ !== undefined) patch.organId = o.organ;
      if (!Object.keys(patch).length) throw new CliError('nothing to change: give --role, --jurisdiction, --key-unit, --provider or --organ');
      await run(async (db) => `${accountLine(await setUserRights(db, systemClock, o.username, patch))}\n`);
    });

  user
    .command('passwd')
    .description("Set an account's password, read from standard input; its sessions end")
    .requiredOption('--username <username>', 'the account')
    .addHelpText('after', '\nExample:\n  printf "%s" "$PASSWORD" | jifang user passwd --username sy-police\n')
    .action(async (o) => {
      const password = (await readStdin()).replace(/\r?\n$/, '');
      await run(async (db) => `password set; ${accountLine(await resetUserPassword(db, systemClock, o.username, password))}\n`);
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(disabled ? 'Disable an account: it cannot log in, and its sessions end' : 'Enable a disabled account again')
      .requiredOption('--username <username>', 'the account')
      .action(async (o) => {
        await run(async (db) => `${accountLine(await setUserDisabled(db, systemClock, o.username, disabled))}\n`);
      });
  }

  user
    .command('revoke-sessions')
    .description('End every session of an account')
    .requiredOption('--username <username>', 'the account')
    .action(async (o) => {
      await run(async (db) => `${accountLine(await revokeUserSessions(db, systemClock, o.username))}\n`);
    });
}
