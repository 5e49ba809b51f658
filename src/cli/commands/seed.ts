import type { Command } from 'commander';
import { complianceContext, sweep } from '../../compliance/index.js';
import type { JifangDb } from '../../db/database.js';
import { RegistryRepository, syncReferenceData } from '../../registry/index.js';
import { demoAccountLines, seedDemo, seedDemoIfEmpty } from '../../registry/seed/demo.js';
import { DEFAULT_SEED, PROVINCE_SCALE, seedProvinceScale } from '../../registry/seed/province.js';
import { seedOperationsDemo } from '../../operations/index.js';
import { seedWorkflowDemo } from '../../workflow/index.js';
import { seedCapturedDemo } from '../../vault/index.js';
import { loadConfig } from '../../config.js';
import { systemClock } from '../../shared/clock.js';
import { addFirstRunHook } from '../first-run.js';
import { CliError, withDatabase } from '../runtime.js';

let hookAdded = false;

/** The demo's compliance sweep, so the supervisors' dashboards and the compliance pages have findings from the start. */
async function sweepDemo(jdb: JifangDb): Promise<string> {
  const s = await sweep(complianceContext(jdb, systemClock), { full: true });
  return `Compliance sweep of the demo: ${s.examined} entities assessed in ${Math.round(s.seconds * 1000)} ms (jifang sweep runs it again).`;
}

/** The demo's operating status: recent reports, a few systems offline or interrupted (Art 21). */
function operationsDemo(jdb: JifangDb): Promise<string[]> {
  return seedOperationsDemo(jdb, systemClock, loadConfig().operations.sip?.domain);
}

/**
 * The demo's work in progress: procedures in every workflow, and requests for
 * captured information, made as the demo accounts (idempotent).
 */
export async function workDemo(jdb: JifangDb): Promise<string> {
  const w = await seedWorkflowDemo(jdb, systemClock);
  const v = await seedCapturedDemo(jdb, systemClock, loadConfig().dataDir);
  if (!w.procedures && !v.viewing) return 'Workflow demo: the demo accounts are missing, nothing added.';
  const requests = v.viewing + v.evidence + v.accessRequests;
  if (!w.added && !v.added) return `Workflow demo: ${w.procedures} procedures and ${requests} requests for captured information already there, nothing added.`;
  return (
    `Workflow demo: ${w.procedures} procedures (filings, an inspection, rectification orders, a complaint, a design review; at seeding ${w.transitioned} time limit passed, ${w.missed} service target missed), ` +
    `${requests} requests for captured information (viewing, evidence, access under Art 24).`
  );
}

/** `serve` seeds the demo Liaoning into an empty database, sweeps it, and prints the accounts. */
function addDemoFirstRunHook() {
  if (hookAdded) return;
  hookAdded = true;
  addFirstRunHook(async (jdb) => {
    const lines = await seedDemoIfEmpty(jdb, systemClock);
    return lines.length ? [lines[0], await sweepDemo(jdb), ...(await operationsDemo(jdb)), await workDemo(jdb), ...lines.slice(1)] : lines;
  });
}

const count = (v: string) => {
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`not a positive whole number: ${v}`);
  return n;
};

export function registerSeedCommand(program: Command) {
  addDemoFirstRunHook();
  program
    .command('seed')
    .description('Load the reference data (GB/T 2260 divisions, police organs); with --demo the demo Liaoning and its accounts; with --scale province a generated province for benchmarks')
    .option('--demo', 'add the demo Liaoning: key units, sites, systems, devices, public areas, products, providers, one account per role, and work in progress in every workspace (idempotent)')
    .option('--scale <size>', 'add generated registries: "province" is 300,000 key units and 3,000,000 devices')
    .option('--key-units <n>', 'with --scale: key units to generate', count)
    .option('--devices <n>', 'with --scale: devices to generate', count)
    .option('--seed <n>', `with --scale: the generator's seed (default ${DEFAULT_SEED})`, count)
    .addHelpText('after', '\nExamples:\n  jifang seed --demo\n  jifang seed --scale province\n  jifang seed --scale province --key-units 30000 --devices 300000\n')
    .action(async (o: { demo?: boolean; scale?: string; keyUnits?: number; devices?: number; seed?: number }) => {
      if (o.scale && o.scale !== 'province') throw new CliError(`unknown scale "${o.scale}": the one scale is "province"`);
      await withDatabase(async (jdb) => {
        const repo = RegistryRepository.of(jdb);
        const ref = await syncReferenceData(repo, systemClock);
        process.stdout.write(`reference data: ${ref.divisions} divisions and ${ref.organs} police organs added\n`);
        if (o.demo) {
          const r = await seedDemo(jdb, systemClock);
          const added = Object.entries(r.created)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${n} ${k}`);
          process.stdout.write(`demo Liaoning: ${added.length ? `added ${added.join(', ')}` : 'already there, nothing added'}\n`);
          if (added.length) process.stdout.write(`${await sweepDemo(jdb)}\n`);
          for (const line of await operationsDemo(jdb)) process.stdout.write(`${line}\n`);
          process.stdout.write(`${await workDemo(jdb)}\n`);
          for (const line of demoAccountLines(r.accounts)) process.stdout.write(`${line}\n`);
        }
        if (o.scale) {
          const keyUnits = o.keyUnits ?? PROVINCE_SCALE.keyUnits;
          const devices = o.devices ?? PROVINCE_SCALE.devices;
          process.stdout.write(`generating ${keyUnits.toLocaleString('en')} key units and ${devices.toLocaleString('en')} devices (seed ${o.seed ?? DEFAULT_SEED}) on ${jdb.dialect}\n`);
          let last = 0;
          const r = await seedProvinceScale(repo, systemClock, {
            keyUnits,
            devices,
            seed: o.seed,
            onBatch: (p) => {
              if (p.seconds - last >= 10) {
                last = p.seconds;
                process.stdout.write(`  ${p.keyUnits.toLocaleString('en')} key units, ${p.devices.toLocaleString('en')} devices, ${p.seconds.toFixed(0)} s\n`);
              }
            },
          });
          const rows = r.keyUnits + r.systems + r.devices;
          process.stdout.write(`added ${r.keyUnits.toLocaleString('en')} key units, ${r.systems.toLocaleString('en')} systems, ${r.devices.toLocaleString('en')} devices in ${r.seconds.toFixed(1)} s (${Math.round(rows / r.insertSeconds).toLocaleString('en')} rows/s inserting)\n`);
        }
      });
    });
}
