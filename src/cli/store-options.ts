/**
 * The options every store command shares (`--data DIR`, `--database-url URL`, else
 * DATABASE_URL), and how their errors read. Only light modules here: the store itself is
 * imported by each command when it runs.
 */
import type { StoreLocation } from '../server/store/open-store.ts';
import { CliError } from './cli-error.ts';

export const STORE_OPTIONS = { data: { type: 'string' }, 'database-url': { type: 'string' } } as const;

export async function locationFrom(values: { data?: string; 'database-url'?: string }): Promise<StoreLocation> {
  const { storeLocation } = await import('../server/store/open-store.ts');
  return storeLocation({ data: values.data, databaseUrl: values['database-url'] });
}

/** Known store errors as one line with an exit code; anything else is rethrown. */
export async function storeErrorToCli(e: unknown): Promise<never> {
  const [{ UserExistsError, NoSuchUserError }, { BackupError }, { StoreBusyError }, members] = await Promise.all([
    import('../server/store/users.ts'),
    import('../server/store/backup.ts'),
    import('../server/admin/connect-admin.ts'),
    import('../server/store/members.ts'),
  ]);
  if (e instanceof UserExistsError || e instanceof NoSuchUserError || e instanceof BackupError) throw new CliError(e.message, 1);
  if (e instanceof members.NoSuchProjectError || e instanceof members.LastOwnerError || e instanceof members.NotMemberError) throw new CliError(e.message, 1);
  if (e instanceof StoreBusyError) throw new CliError(e.message, 3);
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (['ECONNREFUSED', 'ENOTFOUND', '28P01', '3D000', '28000'].includes(code)) throw new CliError(`cannot reach the database: ${e instanceof Error ? e.message : String(e)}`, 3);
  throw e;
}
