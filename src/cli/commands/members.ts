/**
 * `anju members PROJECT [add NAME ROLE | remove NAME] [--json]`: a project's members and roles,
 * and changing them from the server's machine (recorded in the access history as made by the
 * command line). PROJECT is the project's id or its exact name. Works while the server runs.
 */
import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { locationFrom, STORE_OPTIONS, storeErrorToCli } from '../store-options.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...STORE_OPTIONS, json: { type: 'boolean' } } });
  const [project, action, name, role, ...extra] = positionals;
  if (!project || extra.length) throw new UsageError('expected PROJECT, then optionally add NAME ROLE or remove NAME');
  if (action !== undefined && action !== 'add' && action !== 'remove') throw new UsageError(`unknown action "${action}" (add or remove)`);
  if (action === 'add' && (!name || !role)) throw new UsageError('add needs NAME and ROLE');
  if (action === 'remove' && (!name || role)) throw new UsageError('remove needs NAME alone');
  const { isProjectRole, PROJECT_ROLES } = await import('../../state/review/review-types.ts');
  if (action === 'add' && !isProjectRole(role)) throw new CliError(`ROLE must be one of ${PROJECT_ROLES.join(', ')}`, 2);
  const { connectAdmin } = await import('../../server/admin/connect-admin.ts');
  const admin = await connectAdmin(await locationFrom(values), `members ${action ?? 'list'}`).catch(storeErrorToCli);
  try {
    if (action === 'add') {
      const change = await admin.setMember(project, name, role as never);
      io.err(change ? `${name} is now ${role} of the project (access revision ${change.revision})` : `${name} already is ${role} of the project`);
    } else if (action === 'remove') {
      const change = await admin.removeMember(project, name);
      io.err(`${name} is no longer a member of the project (access revision ${change.revision})`);
    } else {
      const m = await admin.members(project);
      if (values.json) io.out(JSON.stringify(m, null, 2));
      else for (const x of m.members) io.out(`${x.name}\t${x.role}\tsince ${x.since}`);
    }
    return 0;
  } catch (e) {
    return storeErrorToCli(e);
  } finally {
    await admin.close();
  }
}
