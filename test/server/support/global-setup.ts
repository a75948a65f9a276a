/**
 * Once per run of the `server` test project: a PostgreSQL cluster of our own (see
 * temp-postgres.ts) unless ANJU_TEST_DATABASE_URL names one, and a migrated PGlite data
 * directory that tests copy instead of paying PGlite's initdb (seconds) per store.
 * In CI (CI=true) a missing PostgreSQL fails the run; locally it is a loud warning and the
 * PostgreSQL half of the store tests is skipped.
 */
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, startTempPostgres } from '../../support/temp-postgres.ts';
import { openPgliteDb } from '../../../src/server/store/pglite-db.ts';
import { migrate } from '../../../src/server/store/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cleanups: (() => void)[] = [];
  let url = process.env.ANJU_TEST_DATABASE_URL ?? '';
  if (!url) {
    if (findPostgresBin()) {
      const pg = await startTempPostgres();
      url = pg.url;
      cleanups.push(() => pg.stop());
    } else if (process.env.CI) {
      throw new Error('CI: PostgreSQL is not installed, so the store cannot be tested against it (.ci/run installs Debian\'s postgresql package)');
    } else {
      console.warn('\n*** PostgreSQL is not installed: the store and API tests run on PGlite only. Install Debian\'s postgresql package to test both. ***\n');
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'anju-pglite-template-'));
  const template = join(dir, 'pgdata');
  const db = await openPgliteDb(template);
  await migrate(db);
  await db.close();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  project.provide('postgresUrl', url);
  project.provide('pgliteTemplate', template);
  return () => {
    for (const c of cleanups.reverse()) c();
  };
}
