import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Actor } from '../../access/index.js';
import { exportItems, importItems, isRegistryKind, REGISTRY_KINDS, RegistryRepository, TABLE_FORMATS, type RegistryKind, type TableFormat } from '../../registry/index.js';
import { AppError } from '../../shared/errors.js';
import { systemClock } from '../../shared/clock.js';
import { CliError, withDatabase } from '../runtime.js';

/** Whoever runs the command line holds the database itself: an administrator. */
const OPERATOR: Actor = { userId: 0, username: 'cli', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

function kindOf(k: string): RegistryKind {
  if (!isRegistryKind(k)) throw new CliError(`unknown registry "${k}"; one of: ${REGISTRY_KINDS.join(', ')}`);
  return k;
}

function formatOf(file: string, given?: string): TableFormat {
  const f = (given ?? path.extname(file).slice(1)).toLowerCase();
  if (!(TABLE_FORMATS as readonly string[]).includes(f)) throw new CliError(`cannot tell the format of ${file}: use --format csv or --format xlsx`);
  return f as TableFormat;
}

export function registerRegistryCommand(program: Command) {
  const registry = program.command('registry').description(`Export and import registries (${REGISTRY_KINDS.join(', ')}) as CSV or XLSX`);
  registry
    .command('export <kind> <file>')
    .description('Write a registry to a CSV (UTF-8 with BOM) or XLSX file; the header row names the fields')
    .option('--format <format>', 'csv or xlsx (default: from the file name)')
    .option('--q <text>', 'only rows whose name contains the text')
    .option('--division <code>', 'only rows within the GB/T 2260 division (city or county)')
    .action(async (k: string, file: string, o: { format?: string; q?: string; division?: string }) => {
      const kind = kindOf(k);
      const format = formatOf(file, o.format);
      await withDatabase(async (jdb) => {
        const out = await exportItems({ repo: RegistryRepository.of(jdb), clock: systemClock }, OPERATOR, kind, { q: o.q, filters: o.division ? { divisionCode: o.division } : {} }, format);
        await new Promise<void>((resolve, reject) => {
          const w = fs.createWriteStream(file);
          out.stream.on('error', reject).pipe(w).on('finish', resolve).on('error', reject);
        });
        process.stdout.write(`wrote ${out.rows} rows of ${kind} to ${file}\n`);
      });
    });
  registry
    .command('import <kind> <file>')
    .description('Add the rows of a CSV or XLSX file to a registry: all of them, or none if any row is wrong')
    .option('--format <format>', 'csv or xlsx (default: from the file name)')
    .action(async (k: string, file: string, o: { format?: string }) => {
      const kind = kindOf(k);
      const format = formatOf(file, o.format);
      const data = fs.readFileSync(file);
      await withDatabase(async (jdb) => {
        try {
          const r = await importItems({ repo: RegistryRepository.of(jdb), clock: systemClock }, OPERATOR, kind, format, data);
          process.stdout.write(`imported ${r.imported} rows into ${kind}\n`);
        } catch (e) {
          if (e instanceof AppError) throw new CliError([`${e.bilingual.zh} / ${e.bilingual.en}`, ...(e.errors ?? []).map((x) => `  ${x.message.zh} / ${x.message.en} [${x.rule}]`)].join('\n'));
          throw e;
        }
      });
    });
}
