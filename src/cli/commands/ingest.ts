import fs from 'node:fs';
import type { Command } from 'commander';
import { RegistryRepository } from '../../registry/index.js';
import { systemClock } from '../../shared/clock.js';
import { createVault, ingestFiles, planFolder, reconcile, registryDirectory, type FolderOutcome, type VaultDeps } from '../../vault/index.js';
import { CliError, withDatabase } from '../runtime.js';

function render(o: FolderOutcome): string {
  const tag = { created: 'taken in', already: 'already held', failed: 'REFUSED', skipped: 'skipped' }[o.outcome];
  return `${tag.padEnd(13)} ${o.file}${o.segmentId ? ` → #${o.segmentId}` : ''}${o.message ? `  ${o.message}` : ''}`;
}

/**
 * One pass over a folder: files whose size and modification time are the same
 * as at the last look are complete (a recorder may still be writing the rest).
 */
async function pass(v: VaultDeps, folder: string, o: { system?: number; device?: number }, seen: Map<string, string>, stableOnly: boolean): Promise<FolderOutcome[]> {
  const { files, skipped } = await planFolder(folder, { systemId: o.system, deviceId: o.device ?? null });
  const ready = files.filter((f) => {
    const st = fs.statSync(f.file, { throwIfNoEntry: false });
    if (!st) return false;
    const sig = `${st.size}:${st.mtimeMs}`;
    const prev = seen.get(f.file);
    seen.set(f.file, sig);
    if (prev === `done:${sig}`) return false;
    return !stableOnly || prev === sig;
  });
  const results = await ingestFiles(v, ready);
  for (const r of results) {
    const st = fs.statSync(r.file, { throwIfNoEntry: false });
    if (st && r.outcome !== 'failed') seen.set(r.file, `done:${st.size}:${st.mtimeMs}`);
  }
  return [...skipped.filter((s) => !seen.has(`skip:${s.file}`)).map((s) => (seen.set(`skip:${s.file}`, ''), s)), ...results];
}

export function registerIngestCommand(program: Command) {
  program
    .command('ingest')
    .description('Take in captured information from a folder a recorder exported (art 23): each file stored once by SHA-256, with its system, device and capture span')
    .argument('<folder>', `a folder with a jifang-export.json manifest, or files named <name>_<start>_<end>.<ext>`)
    .option('--system <id>', 'the security system, when the folder has no manifest', (v) => Number(v))
    .option('--device <id>', 'the device, when the folder has no manifest', (v) => Number(v))
    .option('--watch', 'keep watching the folder and take in each file once it is complete')
    .option('--interval <ms>', 'how often to look in watch mode', (v) => Number(v), 2000)
    .option('--json', 'print one JSON object per file')
    .addHelpText(
      'after',
      '\nA file refused (truncated, wrong digest, unknown system) leaves nothing behind; run again to retry.\nA file taken in before is answered "already held", so runs can be repeated safely.\nExit code 1 when any file was refused.\n\nExamples:\n  jifang ingest /mnt/nvr/export-2026-06-01\n  jifang ingest /mnt/nvr/cam3 --system 12 --device 40 --watch\n',
    )
    .action(async (folder: string, o: { system?: number; device?: number; watch?: boolean; interval: number; json?: boolean }) => {
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new CliError(`不是文件夹：${folder}\nNot a folder: ${folder}`);
      await withDatabase(async (jdb, config) => {
        const v = createVault({ db: jdb.db, dialect: jdb.dialect, clock: systemClock, dataDir: config.dataDir, directory: registryDirectory(RegistryRepository.of(jdb)) });
        // A crash in an earlier run may have left a temporary or orphan file: clear what is old enough.
        await reconcile(v);
        const print = (rs: FolderOutcome[]) => {
          for (const r of rs) process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : `${render(r)}\n`);
        };
        const seen = new Map<string, string>();
        if (!o.watch) {
          const rs = await pass(v, folder, o, seen, false);
          print(rs);
          const failed = rs.filter((r) => r.outcome === 'failed').length;
          if (!o.json) process.stdout.write(`${rs.filter((r) => r.outcome === 'created').length} taken in, ${rs.filter((r) => r.outcome === 'already').length} already held, ${failed} refused, ${rs.filter((r) => r.outcome === 'skipped').length} skipped\n`);
          if (failed) process.exitCode = 1;
          return;
        }
        let stop = false;
        const onSignal = () => {
          stop = true;
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        process.stderr.write(`watching ${folder} every ${o.interval} ms; Ctrl-C to stop\n`);
        while (!stop) {
          print(await pass(v, folder, o, seen, true));
          await new Promise((r) => setTimeout(r, o.interval));
        }
      });
    });
}
