/**
 * An MBTiles basemap: a file from disk, opened with sql.js (SQLite in WebAssembly, loaded only
 * when such a file is opened) and served to MapLibre through the `mbtiles://` protocol; or the
 * team server's MBTiles, whose tiles the server serves by URL. Loaded on first use
 * (basemap-controller.ts imports it dynamically), so sql.js stays out of the first load.
 */
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { checkMbtilesFile, inflateTile, MbtilesTiles, readMbtilesInfo, type MbtilesInfo, type SqlDatabase } from '../io/mbtiles.ts';
import { vectorBasemapLayers } from './vector-basemap-layers.ts';
import { BasemapRefusal } from './basemap-refusal.ts';
import type { PmtilesBasemap } from './pmtiles-basemap.ts';

interface OpenFile {
  db: SqlDatabase;
  tiles: MbtilesTiles;
  vector: boolean;
}
/** The open files by key: one at a time (the previous is closed when another opens: sql.js holds each in memory). */
const open = new Map<string, OpenFile>();
let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol('mbtiles', async (params) => {
    const m = /^mbtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    const f = m ? open.get(m[1]) : undefined;
    if (!m || !f) throw new Error(`no open MBTiles file for ${params.url}`);
    const bytes = f.tiles.get(Number(m[2]), Number(m[3]), Number(m[4]));
    // A tile the file lacks is empty, not an error (files cover part of the world, part of the
    // zooms); MapLibre draws a raster tile without data as an empty image.
    if (!bytes) return { data: f.vector ? new Uint8Array(0) : (null as unknown as ArrayBuffer) };
    return { data: f.vector ? await inflateTile(bytes) : bytes };
  });
}

function closeAll(): void {
  for (const f of open.values()) {
    f.tiles.free();
    f.db.close();
  }
  open.clear();
}

async function sqlJs() {
  const [{ default: initSqlJs }, { default: wasmUrl }] = await Promise.all([import('sql.js'), import('sql.js/dist/sql-wasm-browser.wasm?url')]);
  return initSqlJs({ locateFile: () => wasmUrl });
}

/** Source and layers for an MBTiles basemap whose tiles are at `tiles` (a URL template with {z}/{x}/{y}). */
export function mbtilesBasemap(info: MbtilesInfo, tiles: string, sourceId: string, layerPrefix: string): PmtilesBasemap {
  const common = { tiles: [tiles], minzoom: info.minZoom, maxzoom: info.maxZoom, ...(info.bounds ? { bounds: info.bounds } : {}), ...(info.attribution ? { attribution: info.attribution } : {}) };
  const zooms = { minZoom: info.minZoom, maxZoom: info.maxZoom };
  if (info.format === 'pbf') {
    const { layers, schema } = vectorBasemapLayers(info.vectorLayers.map((l) => l.id), sourceId, layerPrefix);
    return { source: { type: 'vector', ...common } as SourceSpecification, layers, raster: false, schema, ...zooms };
  }
  const layers: LayerSpecification[] = [{ id: `${layerPrefix}raster`, type: 'raster', source: sourceId }];
  return { source: { type: 'raster', tileSize: 256, ...common } as SourceSpecification, layers, raster: true, ...zooms };
}

/**
 * Opens an MBTiles file from disk under `key` and says how to draw it; null when `stale()` turns
 * true meanwhile. Throws BasemapRefusal for a file that is too large, not SQLite, not MBTiles,
 * empty, of a tile format MapLibre cannot draw, or in another coordinate system.
 */
export async function openMbtilesFile(file: Blob, key: string, sourceId: string, layerPrefix: string, stale: () => boolean): Promise<PmtilesBasemap | null> {
  const problem = checkMbtilesFile(file.size, new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (problem) throw new BasemapRefusal(problem);
  const [SQL, bytes] = await Promise.all([sqlJs(), file.arrayBuffer()]);
  if (stale()) return null;
  closeAll();
  let db: SqlDatabase;
  try {
    db = new SQL.Database(new Uint8Array(bytes));
  } catch (e) {
    throw new BasemapRefusal({ reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) });
  }
  const read = readMbtilesInfo(db);
  if (!read.ok) {
    db.close();
    throw new BasemapRefusal(read.problem);
  }
  register();
  open.set(key, { db, tiles: new MbtilesTiles(db), vector: read.info.format === 'pbf' });
  return mbtilesBasemap(read.info, `mbtiles://${key}/{z}/{x}/{y}`, sourceId, layerPrefix);
}
