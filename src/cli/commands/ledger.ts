import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import type { JifangDb } from '../../db/database.js';
import {
  drainQueue,
  httpSource,
  ledgerConfigFrom,
  ledgerStatus,
  rotateLedgerKey,
  signedCheckpoint,
  verifyLedger,
  verifyRemote,
  type RemoteSource,
  type VerifyReport,
} from '../../ledger/index.js';
import { systemClock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { CliError, withDatabase } from '../runtime.js';

type Write = (s: string) => void;

const both = (m: { zh: string; en: string }) => `${m.zh} / ${m.en}`;

function asCliError(e: unknown): never {
  if (e instanceof AppError) throw new CliError(both(e.bilingual));
  throw e;
}

export function renderReport(r: VerifyReport): string {
  const lines: string[] = [];
  const anchor = {
    'given-keys': '签名密钥由命令行给出的密钥担保 / signing keys vouched for by the keys given',
    'key-file': '签名密钥由本机的签名密钥文件担保 / signing keys vouched for by the local signing key file',
    database: '注意：签名密钥仅来自数据库本身，请用 --key 给出外部保存的验证密钥 / note: the signing keys come from the database itself; pass --key with a verifier key kept elsewhere',
  }[r.anchor];
  lines.push(`origin ${r.origin ?? '-'}: ${r.entries} 条记录 / entries, ${r.checkpoints} 个检查点 / checkpoints, ${r.leavesPerSecond} leaves/s`);
  lines.push(anchor);
  if (r.hashing.by === 'javascript') {
    lines.push(`注意：native/ledger-hash 未构建，哈希在 JavaScript 中计算，较慢（npm ci 会构建它）/ note: native/ledger-hash is not built, so hashing runs in JavaScript, slower (npm ci builds it): ${r.hashing.reason}`);
  }
  if (r.ok) {
    lines.push(`账本完好：重算的树与全部签名检查点一致 / The ledger is intact: the recomputed tree matches every signed checkpoint (size ${r.treeSize})`);
    return lines.join('\n');
  }
  for (const p of r.problems) lines.push(`  [${p.code}] ${both(p.message)}`);
  if (r.firstBadIndex !== null) lines.push(`第一个有问题的序号 / first bad index: ${r.firstBadIndex}`);
  return lines.join('\n');
}

/** `jifang ledger verify` on the local database: exit 1 when anything is wrong. */
export async function verifyLocalCommand(jdb: JifangDb, config: Pick<Config, 'dataDir'>, o: { key?: string[]; workers?: number; json?: boolean }, write: Write): Promise<number> {
  const lc = ledgerConfigFrom(config.dataDir);
  const r = await verifyLedger(jdb.db, { anchorKeys: o.key, keyFile: lc.keyFile, workers: o.workers });
  write(`${o.json ? JSON.stringify(r, null, 2) : renderReport(r)}\n`);
  return r.ok ? 0 : 1;
}

/** `jifang ledger verify --remote URL --checkpoint FILE`: exit 1 when the server is not consistent with the checkpoint. */
export async function verifyRemoteCommand(src: RemoteSource, o: { checkpoint: string; key?: string[]; update?: boolean; json?: boolean }, write: Write): Promise<number> {
  let held: string;
  try {
    held = fs.readFileSync(o.checkpoint, 'utf8');
  } catch {
    throw new CliError(`读不到检查点文件 / cannot read the checkpoint file ${o.checkpoint}`);
  }
  try {
    const r = await verifyRemote(src, { heldCheckpoint: held, trustedKeys: o.key });
    if (o.json) write(`${JSON.stringify(r, null, 2)}\n`);
    else {
      write(`${both(r.message)}\n`);
      write(`  ${r.held.size} -> ${r.current.size}, origin ${r.origin}\n`);
      if (r.anchor === 'server') write('注意：验证密钥取自服务器本身（首次信任），请用 --key 给出外部保存的密钥 / note: the verifier key came from the server itself (trust on first use); pass --key with a key kept elsewhere\n');
    }
    if (o.update) fs.writeFileSync(o.checkpoint, r.current.note);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      write(`${both(e.bilingual)}\n`);
      return 1;
    }
    throw e;
  }
}

export function registerLedgerCommand(program: Command) {
  const ledger = program.command('ledger').description('The tamper-evident ledger: verify it, check a server against a kept checkpoint, rotate its key');
  const collect = (v: string, prev: string[] = []) => [...prev, v];

  ledger
    .command('verify')
    .description('Recompute the tree from the stored entries and check every signed checkpoint; or, with --remote, check a server against a checkpoint kept earlier')
    .option('--key <vkey>', 'a verifier key known from outside the database (repeatable)', collect)
    .option('--remote <url>', 'the server to check, e.g. https://jifang.example.org')
    .option('--checkpoint <file>', 'with --remote: a checkpoint saved earlier from that server')
    .option('--update', 'with --remote: replace the checkpoint file with the server’s current one once it is proven consistent')
    .option('--workers <n>', 'hashing threads (default: one per core)', (v) => Number(v))
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  jifang ledger verify\n  curl -s https://jifang.example.org/api/v1/ledger/checkpoint > held.checkpoint\n  jifang ledger verify --remote https://jifang.example.org --checkpoint held.checkpoint --key "$(cat ledger.vkey)"\n',
    )
    .action(async (o) => {
      let code: number;
      if (o.remote) {
        if (!o.checkpoint) throw new CliError('--remote 需要 --checkpoint / --remote needs --checkpoint');
        code = await verifyRemoteCommand(httpSource(o.remote), o, (s) => process.stdout.write(s));
      } else {
        code = await withDatabase((jdb, config) => verifyLocalCommand(jdb, config, o, (s) => process.stdout.write(s)).catch(asCliError));
      }
      if (code !== 0) process.exitCode = code;
    });

  ledger
    .command('rotate-key')
    .description('Make a new signing key, announce it in the ledger, and have the sequencer hand over to it (run where the sequencer runs)')
    .action(async () => {
      await withDatabase(async (jdb, config) => {
        const lc = ledgerConfigFrom(config.dataDir);
        const r = await rotateLedgerKey(jdb.db, lc, systemClock, { actorRef: 'operator:cli' }).catch(asCliError);
        process.stdout.write(`新密钥 / new key: ${r.vkey}\n旧密钥 / previous key: ${r.previous}\n`);
        // With no server running, hand over now; a running server does it at its next batch.
        const size = await drainQueue(jdb.db, lc, systemClock).catch(() => null);
        if (size !== null) process.stdout.write(`已交接，树大小 / handed over at tree size ${size}\n`);
        else process.stdout.write('运行中的服务器将在下一批次完成交接 / the running server will hand over at its next batch\n');
      });
    });

  ledger
    .command('checkpoint')
    .description('Print the latest signed checkpoint (keep it to check the server later)')
    .action(async () => {
      await withDatabase(async (jdb) => {
        process.stdout.write((await signedCheckpoint(jdb.db).catch(asCliError)).note);
      });
    });

  ledger
    .command('status')
    .description('Tree size, root, queued leaves and merge delay')
    .action(async () => {
      await withDatabase(async (jdb, config) => {
        process.stdout.write(`${JSON.stringify(await ledgerStatus(jdb.db, ledgerConfigFrom(config.dataDir).maxMergeDelayMs), null, 2)}\n`);
      });
    });
}
