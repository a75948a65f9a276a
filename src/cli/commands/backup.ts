import { parseArgs } from 'node:util';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { CliIO } from '../command.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { locationFrom, STORE_OPTIONS, storeErrorToCli } from '../store-options.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...STORE_OPTIONS } });
  if (positionals.length !== 1) throw new UsageError('expected one FILE');
  const file = positionals[0];
  const { connectAdmin } = await import('../../server/admin/connect-admin.ts');
  const admin = await connectAdmin(await locationFrom(values), 'backup').catch(storeErrorToCli);
  // Written beside the target and renamed at the end: FILE is never a half-written backup.
  const tmp = `${file}.partial-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (e) {
    await admin.close();
    throw new CliError(`cannot write ${file}: ${(e as Error).message}`, 2);
  }
  try {
    const counts = await admin.backup((line) => {
      writeSync(fd, line + '\n');
    });
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    io.err(`backup of ${admin.via} written to ${file}: ${counts.user} users, ${counts.project} projects, ${counts.revision} revisions`);
    return 0;
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    return storeErrorToCli(e);
  } finally {
    await admin.close();
  }
}
