/**
 * A fresh, migrated store for a test file: PGlite copied from the run's template, or a new
 * database in the run's PostgreSQL cluster. `reset()` empties every table between tests.
 */
import { inject } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db, StoreKind } from '../../../src/server/store/db.ts';
import { openPgliteDb } from '../../../src/server/store/pglite-db.ts';
import { openPostgresDb } from '../../../src/server/store/postgres-db.ts';
import { migrate } from '../../../src/server/store/migrations.ts';
import { randomSecret } from '../../../src/server/auth/secrets.ts';
import { ALL_TABLES } from '../../../src/server/store/backup.ts';

export const postgresUrl = inject('postgresUrl');
/** The stores to test: both, or PGlite alone when no PostgreSQL is at hand (never in CI; see global-setup.ts). */
export const STORE_KINDS: StoreKind[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestStore {
  kind: StoreKind;
  /** For PGlite, the data dir; for PostgreSQL, the database URL. */
  location: { dataDir?: string; databaseUrl?: string };
  db: Db;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A copy of the migrated PGlite template in a new temp dir (its parent holds nothing else). */
export function pgliteCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anju-test-'));
  cpSync(inject('pgliteTemplate'), join(dir, 'pgdata'), { recursive: true });
  return dir;
}

/** A new empty database in the test cluster; returns its URL. */
export async function newPostgresDatabase(): Promise<string> {
  const name = `anju_${randomSecret(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const admin = await openPostgresDb(postgresUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return postgresUrl.replace(/\/[^/]*$/, `/${name}`);
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  let db: Db;
  let location: TestStore['location'];
  let cleanup = () => {};
  if (kind === 'pglite') {
    const dir = pgliteCopy();
    db = await openPgliteDb(join(dir, 'pgdata'));
    location = { dataDir: dir };
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = await newPostgresDatabase();
    db = await openPostgresDb(url);
    location = { databaseUrl: url };
  }
  await migrate(db);
  return {
    kind,
    location,
    db,
    reset: () => db.exec(`TRUNCATE ${ALL_TABLES} CASCADE`),
    async close() {
      await db.close();
      cleanup();
    },
  };
}
