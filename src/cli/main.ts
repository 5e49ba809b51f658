import { Command, CommanderError } from 'commander';
import { registerAssessCommand } from './commands/assess.js';
import { registerEvidenceCommand } from './commands/evidence.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerLawCommand } from './commands/law.js';
import { registerLedgerCommand } from './commands/ledger.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerOperationsCommand } from './commands/operations.js';
import { registerRegistryCommand } from './commands/registry-io.js';
import { registerSeedCommand } from './commands/seed.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSweepCommand } from './commands/sweep.js';
import { registerUserCommand } from './commands/user.js';
import { registerWorkflowCommand } from './commands/workflow.js';
import { CliError } from './runtime.js';

export function buildProgram(): Command {
  const program = new Command('jifang')
    .description('Jifang (技防): the Liaoning Province Regulations on Public Security Technical Prevention, carried out')
    .version('0.1.0')
    .showHelpAfterError();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerUserCommand(program);
  // Context commands register below, one line each.
  registerSeedCommand(program);
  registerRegistryCommand(program);
  registerIngestCommand(program);
  registerEvidenceCommand(program);
  registerLawCommand(program);
  registerAssessCommand(program);
  registerSweepCommand(program);
  registerLedgerCommand(program);
  registerWorkflowCommand(program);
  registerOperationsCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exit(e.exitCode);
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(e.exitCode);
    }
    throw e;
  }
}
