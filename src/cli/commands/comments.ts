/**
 * `anju comments PROJECT [--json] [--open]`: every review thread of a project with its anchor
 * (board, grid cell, site, target, rule warning or map point), scenario, state, the revision it
 * was written against and its replies — for scripted checks ("no open comments before the
 * meeting"). PROJECT is the project's id or its exact name. Works while the server runs.
 */
import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { UsageError } from '../cli-error.ts';
import { locationFrom, STORE_OPTIONS, storeErrorToCli } from '../store-options.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...STORE_OPTIONS, json: { type: 'boolean' }, open: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('expected one PROJECT (its id or exact name)');
  const { connectAdmin } = await import('../../server/admin/connect-admin.ts');
  const admin = await connectAdmin(await locationFrom(values), 'comments').catch(storeErrorToCli);
  try {
    const { project, threads } = await admin.comments(positionals[0]);
    const list = values.open ? threads.filter((t) => t.state === 'open') : threads;
    if (values.json) io.out(JSON.stringify({ project, comments: list }, null, 2));
    else {
      const { anchorKey } = await import('../../state/review/anchor.ts');
      for (const t of list) io.out(`${t.state}\t${anchorKey(t.anchor)}\trevision ${t.revision}\t${t.author}: ${t.body.replace(/\n/g, ' ')}${t.replies.length ? `\t(${t.replies.length} repl${t.replies.length === 1 ? 'y' : 'ies'})` : ''}`);
      io.err(`${list.filter((t) => t.state === 'open').length} open, ${list.filter((t) => t.state === 'resolved').length} resolved`);
    }
    return 0;
  } catch (e) {
    return storeErrorToCli(e);
  } finally {
    await admin.close();
  }
}
