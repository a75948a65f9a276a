/**
 * A live project named on the command line: by id, or by its exact name when that name is
 * unique among live projects (else the message lists the candidates' ids).
 */
import type { Sql } from './db.ts';
import { NoSuchProjectError } from './members.ts';

export interface ProjectRef {
  id: string;
  name: string;
}

export async function findProject(db: Sql, ref: string): Promise<ProjectRef> {
  const rows = await db.query<ProjectRef>('SELECT id, name FROM projects WHERE deleted_at IS NULL AND (id = $1 OR name = $1) ORDER BY id', [ref]);
  const byId = rows.find((r) => r.id === ref);
  if (byId) return byId;
  if (rows.length === 1) return rows[0];
  if (rows.length > 1) throw new NoSuchProjectError(`${rows.length} projects are named "${ref}"; name one by id: ${rows.map((r) => r.id).join(', ')}`);
  throw new NoSuchProjectError(`no project "${ref}" (give its id or its exact name)`);
}
