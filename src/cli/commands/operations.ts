import fs from 'node:fs';
import type { Command } from 'commander';
import { operationsOf } from '../../api/routes/operations-deps.js';
import { checkOffline, ingestRecords, parseUpload, setEndpoint, UPLOAD_FORMATS, type UploadFormat } from '../../operations/index.js';
import type { Actor } from '../../access/index.js';
import { systemClock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { CliError, readStdin, withDatabase } from '../runtime.js';

/** The operator at the command line acts with the administrator's reach, as `jifang registry import` does. */
const OPERATOR: Actor = { userId: 0, username: 'operator', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

function positiveId(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`${what}应为正整数：${v}\n${what === '系统编号' ? 'The system id' : 'The id'} must be a positive integer: ${v}`);
  return n;
}

/** Every problem of a refused batch, one line each, in both languages. */
function explain(e: unknown): never {
  if (e instanceof AppError) {
    const lines = [`${e.bilingual.zh}\n${e.bilingual.en}`];
    for (const x of e.errors ?? []) lines.push(`  ${x.row ? `#${x.row} ` : ''}${x.field} (${x.rule}): ${x.message.zh} / ${x.message.en}`);
    throw new CliError(lines.join('\n'));
  }
  throw e;
}

export function registerOperationsCommand(program: Command) {
  const ops = program.command('operations').description('Device operations (Art 11(2), 21): take in operation logs, check for silent systems, set GB/T 28181 credentials');

  ops
    .command('ingest')
    .description('Take in a recorder’s exported operation log (JSON lines or CSV: kind,occurredAt,deviceId,detail) for one system, all or nothing, with one ledger leaf over the batch (Art 21 ¶1 (4))')
    .requiredOption('--system <id>', 'the security system the log belongs to')
    .option('--format <format>', `${UPLOAD_FORMATS.join(' or ')}; detected from the content when omitted`)
    .argument('<file>', 'the log file; - reads standard input')
    .addHelpText('after', '\nKinds: register, keepalive, unregister, interruption, restored, recording-stopped, power-loss.\nExamples:\n  jifang operations ingest --system 12 recorder-log.csv\n  jifang operations ingest --system 12 --format jsonl - < log.jsonl\n')
    .action(async (file: string, o: { system: string; format?: string }) => {
      const systemId = positiveId(o.system, '系统编号');
      if (o.format && !UPLOAD_FORMATS.includes(o.format as UploadFormat)) throw new CliError(`格式应为 jsonl 或 csv：${o.format}\nThe format must be jsonl or csv: ${o.format}`);
      let text: string;
      try {
        text = file === '-' ? await readStdin() : fs.readFileSync(file, 'utf8');
      } catch {
        throw new CliError(`无法读取文件：${file}\nCannot read the file: ${file}`);
      }
      const r = await withDatabase(async (jdb, config) => {
        const deps = operationsOf({ jdb, clock: systemClock, config });
        try {
          return await ingestRecords(deps, { kind: 'operator' }, systemId, 'upload', parseUpload(text, o.format as UploadFormat | undefined));
        } catch (e) {
          return explain(e);
        }
      });
      process.stdout.write(`已接收 ${r.records} 条运行记录（批次 ${r.batchId}，${r.digest}），系统状态：${r.status}\nTook in ${r.records} operation records (batch ${r.batchId}, ${r.digest}); system status: ${r.status}\n`);
    });

  ops
    .command('check')
    .description('Mark offline every keepalive reporter silent for longer than the configured missed keepalives, raising alerts (jifang serve does this on every scheduler tick)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { json?: boolean }) => {
      const r = await withDatabase((jdb, config) => checkOffline(operationsOf({ jdb, clock: systemClock, config })));
      process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : `离线 went offline: ${r.wentOffline}\n`);
    });

  ops
    .command('endpoint')
    .description('Register a GB/T 28181 id for a system, or set its password anew; the password is read from standard input and kept only as HA1 (RFC 2617)')
    .requiredOption('--system <id>', 'the security system the device or platform reports for')
    .requiredOption('--gb-id <id>', 'the 20-digit GB/T 28181 id configured on the device')
    .option('--device <id>', 'the registered device, when the id is one camera or recorder')
    .addHelpText('after', '\nThe realm is JIFANG_SIP_DOMAIN (2100000000 by default): set it before registering ids.\nExample:\n  printf %s "$DEVICE_PASSWORD" | jifang operations endpoint --system 12 --gb-id 21010200001320000001\n')
    .action(async (o: { system: string; gbId: string; device?: string }) => {
      const systemId = positiveId(o.system, '系统编号');
      const deviceId = o.device ? positiveId(o.device, '设备编号') : null;
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const r = await withDatabase(async (jdb, config) => {
        try {
          return await setEndpoint(operationsOf({ jdb, clock: systemClock, config }), OPERATOR, systemId, { gbId: o.gbId, deviceId, password });
        } catch (e) {
          return explain(e);
        }
      });
      process.stdout.write(`国标编码 ${r.gbId} 已登记给系统 ${r.systemId}（域 ${r.realm}）\nGB/T 28181 id ${r.gbId} registered for system ${r.systemId} (realm ${r.realm})\n`);
    });
}
