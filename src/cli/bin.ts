/**
 * The process around `main`: stdout/stderr as CliIO, the exit code, and a closed pipe
 * (`anju check F | head -1`) ending the command quietly (exit 0) instead of with an EPIPE
 * stack trace. The entry point of the CLI bundle (scripts/build-cli.mjs); bin/anju imports it.
 */
import { once } from 'node:events';
import { main } from './main.ts';
import { OutputClosed } from './cli-error.ts';

export async function runCli(argv: string[]): Promise<void> {
  let stdoutClosed = false;
  let stderrClosed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stdoutClosed = true;
    // The reader has what it wanted; nothing more can reach it.
    process.exit(0);
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stderrClosed = true;
  });
  process.exitCode = await main(argv, {
    out(line) {
      if (stdoutClosed || process.stdout.destroyed) throw new OutputClosed();
      process.stdout.write(line + '\n');
    },
    err(line) {
      if (!stderrClosed && !process.stderr.destroyed) process.stderr.write(line + '\n');
    },
    async drain() {
      if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    },
  });
}
