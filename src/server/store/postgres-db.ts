/**
 * PostgreSQL (≥ 14) through node-postgres: a connection pool; each transaction on its own
 * connection. Loaded on demand, like the PGlite store.
 */
import type { Pool, PoolClient } from 'pg';
import { normaliseRows, type Db, type Sql } from './db.ts';

export async function openPostgresDb(url: string, poolSize = 10): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'anju' });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const client = await pool.connect(); // fail now, with the driver's message, if the URL is wrong
  client.release();
  const run = (q: Pool | PoolClient): Sql['query'] => async <R>(text: string, params: readonly unknown[] = []) =>
    normaliseRows<R>((await q.query(text, [...params])).rows as Record<string, unknown>[]);
  return {
    kind: 'postgres',
    query: run(pool),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn({ query: run(c) });
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}
