import fs from 'node:fs';
import type { Command } from 'commander';
import { verifyBag } from '../../vault/index.js';
import { CliError } from '../runtime.js';

export function registerEvidenceCommand(program: Command) {
  const evidence = program.command('evidence').description('Evidence packages of captured information (art 25 ¶2)');
  evidence
    .command('verify')
    .description('Check an evidence package: a BagIt bag (RFC 8493), as a directory or a .tar, against its SHA-256 manifests')
    .argument('<package>', 'a bag directory or a .tar holding one')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit code 0 when the package is valid and complete, 1 when it is not, 2 when it cannot be read.\n\nExample:\n  jifang evidence verify jifang-evidence-12.tar\n')
    .action(async (target: string, o: { json?: boolean }) => {
      if (!fs.existsSync(target)) throw new CliError(`找不到：${target}\nNot found: ${target}`);
      let check;
      try {
        check = await verifyBag(target);
      } catch (e) {
        throw new CliError(`无法读取证据包：${(e as Error).message}\nCannot read the package: ${(e as Error).message}`);
      }
      if (o.json) process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
      else if (check.valid) {
        process.stdout.write(`valid 有效: ${check.payloadFiles} files, ${check.payloadBytes} bytes; every SHA-256 digest matches\n`);
        for (const k of ['External-Identifier', 'Source-Organization', 'Bagging-Date', 'Internal-Sender-Identifier']) if (check.info[k]) process.stdout.write(`  ${k}: ${check.info[k]}\n`);
      } else {
        process.stdout.write(`INVALID 无效: ${check.errors.length} problem(s)\n`);
        for (const e of check.errors) process.stdout.write(`  ${e}\n`);
      }
      if (!check.valid) process.exitCode = 1;
    });
}
