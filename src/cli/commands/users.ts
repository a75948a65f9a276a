import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { locationFrom, STORE_OPTIONS, storeErrorToCli } from '../store-options.ts';
import { readSecret } from './read-secret.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...STORE_OPTIONS, role: { type: 'string' }, json: { type: 'boolean' } } });
  const [action, name, ...extra] = positionals;
  if (extra.length || !action) throw new UsageError('expected an action and, except for list, a user name');
  const needsName = action !== 'list';
  if (needsName !== (name !== undefined)) throw new UsageError('expected an action and, except for list, a user name');
  const { isRole, ROLES } = await import('../../server/store/roles.ts');
  const { checkUserName } = await import('../../server/store/users.ts');
  const { MIN_PASSWORD_LENGTH } = await import('../../server/auth/passwords.ts');
  if (!['add', 'token', 'list', 'disable'].includes(action)) throw new UsageError(`unknown action "${action}" (add, token, list or disable)`);
  let password = '';
  if (action === 'add') {
    if (!isRole(values.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2);
    const bad = checkUserName(name);
    if (bad) throw new CliError(bad, 2);
    password = await readSecret(`password for ${name}: `);
    if ([...password].length < MIN_PASSWORD_LENGTH) throw new CliError(`the password (read from stdin) must have at least ${MIN_PASSWORD_LENGTH} characters`, 1);
  }
  const { connectAdmin } = await import('../../server/admin/connect-admin.ts');
  const admin = await connectAdmin(await locationFrom(values), `users ${action}`).catch(storeErrorToCli);
  try {
    if (action === 'add') {
      const u = await admin.addUser(name, values.role as never, password);
      io.err(`added ${u.name} (${u.role}) to ${admin.via}`);
    } else if (action === 'token') {
      io.out(await admin.issueToken(name));
    } else if (action === 'disable') {
      const u = await admin.disableUser(name);
      io.err(`disabled ${u.name}: their sessions and tokens no longer work`);
    } else {
      const list = await admin.listUsers();
      if (values.json) io.out(JSON.stringify(list, null, 2));
      else for (const u of list) io.out(`${u.name}\t${u.role}\t${u.disabledAt ? `disabled ${u.disabledAt}` : 'active'}\tsince ${u.createdAt}`);
    }
    return 0;
  } catch (e) {
    return storeErrorToCli(e);
  } finally {
    await admin.close();
  }
}
