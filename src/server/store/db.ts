/**
 * The one database interface the server's store is written against, with two
 * implementations running the same SQL: PGlite (embedded PostgreSQL in WASM, one process)
 * and PostgreSQL ≥ 14 through node-postgres. Rows come back as plain objects; timestamps as
 * ISO 8601 strings (UTC), never Date objects, so both drivers give the same values.
 */
export type StoreKind = 'pglite' | 'postgres';

export interface Sql {
  /** Run one statement with $1… parameters and return its rows. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Sql {
  readonly kind: StoreKind;
  /**
   * Run `fn` in one transaction (READ COMMITTED; callers take row locks where they need them).
   * Commits when `fn` resolves, rolls back when it throws. On PGlite transactions run one at
   * a time; on PostgreSQL each gets its own connection from the pool.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Run several statements (migrations) without parameters. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Dates to ISO strings, in place, for every column of every row. */
export function normaliseRows<R>(rows: Record<string, unknown>[]): R[] {
  for (const row of rows) for (const k in row) if (row[k] instanceof Date) row[k] = (row[k] as Date).toISOString();
  return rows as R[];
}

/** PostgreSQL's SQLSTATE of an error, when it has one (`23505` unique violation, …). */
export function sqlState(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}
