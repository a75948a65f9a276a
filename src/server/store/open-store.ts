/**
 * Where the store is and how to open it: `--database-url` (or DATABASE_URL) for PostgreSQL,
 * else PGlite in `--data` (default ./anju-data). Opening applies pending migrations.
 */
import { join, resolve } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrations.ts';

export interface StoreLocation {
  /** PostgreSQL URL, or null for the embedded store. */
  databaseUrl: string | null;
  /** The embedded store's directory (absolute); also used for the lock and the admin socket. */
  dataDir: string;
}

export const DEFAULT_DATA_DIR = './anju-data';

export function storeLocation(options: { data?: string; databaseUrl?: string }, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const url = options.databaseUrl ?? env.DATABASE_URL ?? null;
  return { databaseUrl: url || null, dataDir: resolve(options.data ?? DEFAULT_DATA_DIR) };
}

/** A URL fit for messages: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

export function describeLocation(loc: StoreLocation): string {
  return loc.databaseUrl ? `PostgreSQL ${redactUrl(loc.databaseUrl)}` : `PGlite in ${loc.dataDir}`;
}

/** Open and migrate the store (the PGlite files live in DATA/pgdata). */
export async function openStore(loc: StoreLocation): Promise<Db> {
  const db = loc.databaseUrl
    ? await (await import('./postgres-db.ts')).openPostgresDb(loc.databaseUrl)
    : await (await import('./pglite-db.ts')).openPgliteDb(join(loc.dataDir, 'pgdata'));
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
