/**
 * `anju <command>`: the command line over Anju's core. JSON on stdout, messages on stderr,
 * non-zero exit on error.
 */
import type { Command, CliIO } from './command.ts';
import { CliError } from './cli-error.ts';
import { boardsCommand } from './commands/boards.ts';
import { validateCommand } from './commands/validate.ts';
import { targetsCommand } from './commands/targets.ts';
import { checkCommand } from './commands/check.ts';
import { coverageCommand } from './commands/coverage.ts';
import { jobsHousingCommand } from './commands/jobs-housing.ts';

const COMMANDS: Command[] = [boardsCommand, coverageCommand, jobsHousingCommand, validateCommand, targetsCommand, checkCommand];

function help(io: CliIO): void {
  io.err('usage: anju <command> [options]\n\ncommands:');
  for (const c of COMMANDS) io.err(`  ${c.usage}\n      ${c.summary}`);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`anju: unknown command "${name}"`);
    help(io);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`anju ${name}: ${e.message}`);
      return e.exitCode;
    }
    // parseArgs reports unknown/invalid options with a code; treat them as usage errors.
    if (e && typeof e === 'object' && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`anju ${name}: ${e instanceof Error ? e.message : String(e)}\nusage: ${cmd.usage}`);
      return 2;
    }
    io.err(`anju ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}
