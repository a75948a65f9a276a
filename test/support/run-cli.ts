/**
 * Run `anju <argv>` in this process, as bin/anju does (same `main`, same exit code), capturing
 * stdout and stderr lines. CLI tests use this; only test/unit/cli/bin-smoke.test.ts spawns the
 * real executable (a fresh tsx process per call costs seconds on a busy machine).
 */
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  /** stdout lines joined with "\n" (no trailing newline). */
  out: string;
  /** stderr lines joined with "\n" (no trailing newline). */
  err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
