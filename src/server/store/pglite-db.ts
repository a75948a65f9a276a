/**
 * The embedded store: PGlite (PostgreSQL compiled to WASM) with its files in a directory.
 * Loaded on demand: only commands that open the store pay for the 27 MB module.
 * PGlite is single-process and runs one statement at a time; see store-lock.ts for how
 * other processes reach a store a server holds.
 */
import { mkdirSync } from 'node:fs';
import { normaliseRows, type Db, type Sql } from './db.ts';

/** Open (creating if needed) the PGlite database in `dir`; `memory://` for a throw-away one. */
export async function openPgliteDb(dir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pg = await PGlite.create(dir);
  const run = (q: { query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }): Sql['query'] => async <R>(text: string, params: readonly unknown[] = []) =>
    normaliseRows<R>((await q.query(text, [...params])).rows as Record<string, unknown>[]);
  return {
    kind: 'pglite',
    query: run(pg),
    transaction: (fn) => pg.transaction((tx) => fn({ query: run(tx) })),
    exec: async (text) => {
      await pg.exec(text);
    },
    close: () => pg.close(),
  };
}
