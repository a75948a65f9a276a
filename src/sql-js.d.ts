declare module 'sql.js' {
  import type { SqlDatabase } from './io/mbtiles.ts';
  /** sql.js (SQLite compiled to WebAssembly): the part Anju uses. `locateFile` says where the .wasm file is. */
  export interface SqlJsStatic {
    Database: new (data?: Uint8Array) => SqlDatabase & { export(): Uint8Array; run(sql: string, params?: unknown[]): void };
  }
  export default function initSqlJs(config?: { locateFile?: (file: string) => string; wasmBinary?: ArrayBuffer | Uint8Array }): Promise<SqlJsStatic>;
}
