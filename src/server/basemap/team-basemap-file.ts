/**
 * The basemap file a team server serves to everyone (`anju serve --basemap FILE`):
 * - PMTiles: served as it is, by HTTP range (the app reads only the parts it draws), any size;
 * - MBTiles: opened once with sql.js (SQLite in WebAssembly, whole file in memory, so up to
 *   SERVER_MBTILES_MAX_BYTES) and served tile by tile at /api/basemap/tiles/{z}/{x}/{y}.
 * A file that is neither, or an MBTiles file the app could not draw (src/io/mbtiles.ts), stops
 * the server at start with a message saying what is wrong, never later in a planner's browser.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import initSqlJs from 'sql.js';
import { checkMbtilesFile, MbtilesTiles, readMbtilesInfo, type MbtilesInfo, type MbtilesProblem } from '../../io/mbtiles.ts';

/** Largest MBTiles file the server opens (it holds the file in memory); convert larger ones to PMTiles. */
export const SERVER_MBTILES_MAX_BYTES = 1024 * 1024 * 1024;

export type TeamBasemapFile = { path: string; name: string; sizeBytes: number; etag: string; close(): void } & (
  | { format: 'pmtiles' }
  | { format: 'mbtiles'; info: MbtilesInfo; tiles: MbtilesTiles }
);

const PROBLEM_TEXT: Record<MbtilesProblem['reason'], string> = {
  'not-sqlite': 'is neither a PMTiles archive nor a SQLite (MBTiles) database',
  'too-large': `is larger than ${SERVER_MBTILES_MAX_BYTES / 1048576} MB, the most the server holds in memory for MBTiles; convert it with \`pmtiles convert in.mbtiles out.pmtiles\` (PMTiles is served by range, any size)`,
  corrupt: 'cannot be read as a SQLite database (damaged or incomplete?)',
  'no-tiles': 'is a SQLite database but not MBTiles: it has no tiles table',
  empty: 'has no tiles',
  format: 'holds tiles of a format the map cannot draw (pbf, png, jpg, webp are supported)',
  crs: 'says its tiles are not web Mercator on WGS-84/CGCS2000 (GCJ-02, BD-09 or a geographic tile matrix): they would sit hundreds of metres off the data',
};

function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const b = new Uint8Array(16);
    readSync(fd, b, 0, 16, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

/** Opens and checks the file; throws an Error whose message names the file and what is wrong. */
export async function openTeamBasemap(path: string): Promise<TeamBasemapFile> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new Error(`--basemap ${path}: no such file`);
  }
  if (!st.isFile()) throw new Error(`--basemap ${path}: not a file`);
  const common = { path, name: basename(path), sizeBytes: st.size, etag: `"${st.size.toString(16)}-${Math.round(st.mtimeMs).toString(16)}"` };
  const h = head(path);
  if (new TextDecoder().decode(h.subarray(0, 7)) === 'PMTiles') return { ...common, format: 'pmtiles', close() {} };
  const fail = (p: MbtilesProblem) => new Error(`--basemap ${path} ${PROBLEM_TEXT[p.reason]}${'detail' in p ? ` (${p.detail})` : 'format' in p ? ` (${p.format})` : 'where' in p ? ` (${p.where})` : ''}`);
  const problem = checkMbtilesFile(st.size, h, SERVER_MBTILES_MAX_BYTES);
  if (problem) throw fail(problem);
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(path));
  const read = readMbtilesInfo(db);
  if (!read.ok) {
    db.close();
    throw fail(read.problem);
  }
  const tiles = new MbtilesTiles(db);
  return {
    ...common,
    format: 'mbtiles',
    info: read.info,
    tiles,
    close() {
      tiles.free();
      db.close();
    },
  };
}
