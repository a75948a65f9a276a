import { parseArgs } from 'node:util';
import { createReadStream, existsSync } from 'node:fs';
import type { CliIO } from '../command.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { locationFrom, STORE_OPTIONS, storeErrorToCli } from '../store-options.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...STORE_OPTIONS, replace: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('expected one FILE');
  const file = positionals[0];
  if (!existsSync(file)) throw new CliError(`${file}: no such file`, 2);
  const { connectAdmin } = await import('../../server/admin/connect-admin.ts');
  const admin = await connectAdmin(await locationFrom(values), 'restore').catch(storeErrorToCli);
  try {
    const counts = await admin.restore(createReadStream(file), !!values.replace);
    io.err(`restored ${file} into ${admin.via}: ${counts.user} users, ${counts.project} projects, ${counts.revision} revisions`);
    return 0;
  } catch (e) {
    return storeErrorToCli(e);
  } finally {
    await admin.close();
  }
}
