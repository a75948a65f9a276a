/**
 * Small MBTiles basemaps made by the tests (sql.js writes the SQLite database), from the same
 * tiles as the PMTiles fixtures (basemap-fixtures.ts):
 * - vector, Protomaps schema, gzip-compressed, stored as mbutil and tippecanoe do (`map` +
 *   `images` tables and a `tiles` view);
 * - vector, OpenMapTiles schema (transportation, water, place), a plain `tiles` table, drawn
 *   with the generic style;
 * - raster PNG of one flat colour, a plain `tiles` table.
 * Rows are TMS (counted from the south), as the spec says.
 */
import { gzipSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import type { Feature, FeatureCollection } from 'geojson';
import { counties, land } from '../../src/data/embedded.ts';
import { inlandWater } from '../../src/map/inland-water.ts';
import { labelPoint } from '../../src/geo/measure.ts';
import { FIXTURE_BOUNDS, FIXTURE_ROAD_LAT, mvtTiles, rasterFixtureTiles, vectorFixtureTiles } from './basemap-fixtures.ts';

type Tile = { z: number; x: number; y: number; data: Uint8Array };

export interface MbtilesWriterInput {
  tiles: Tile[];
  /** Written as given (values as text); none: no metadata table. */
  metadata: Record<string, string> | null;
  /** `view`: map + images tables with a tiles view, as mbutil and tippecanoe write. */
  layout?: 'table' | 'view';
}

export async function writeMbtiles(input: MbtilesWriterInput): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  if (input.metadata) {
    db.run('CREATE TABLE metadata (name text, value text)');
    for (const [k, v] of Object.entries(input.metadata)) db.run('INSERT INTO metadata VALUES (?, ?)', [k, v]);
  }
  const tms = (t: Tile) => 2 ** t.z - 1 - t.y;
  if (input.layout === 'view') {
    db.run('CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT)');
    db.run('CREATE TABLE images (tile_data blob, tile_id text)');
    db.run('CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column, map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id');
    input.tiles.forEach((t, i) => {
      db.run('INSERT INTO map VALUES (?, ?, ?, ?)', [t.z, t.x, tms(t), `t${i}`]);
      db.run('INSERT INTO images VALUES (?, ?)', [t.data, `t${i}`]);
    });
  } else {
    db.run('CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)');
    for (const t of input.tiles) db.run('INSERT INTO tiles VALUES (?, ?, ?, ?)', [t.z, t.x, tms(t), t.data]);
  }
  db.run('CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON ' + (input.layout === 'view' ? 'map' : 'tiles') + ' (zoom_level, tile_column, tile_row)');
  const bytes = db.export();
  db.close();
  return bytes;
}

const BOUNDS = FIXTURE_BOUNDS.join(',');
const gz = (tiles: Tile[]) => tiles.map((t) => ({ ...t, data: new Uint8Array(gzipSync(t.data)) }));

export async function mbtilesVectorFixture(metadata: Record<string, string> = {}): Promise<Uint8Array> {
  const { tiles, layerIds } = vectorFixtureTiles();
  return writeMbtiles({
    tiles: gz(tiles),
    layout: 'view',
    metadata: { name: 'anju-test-vector', format: 'pbf', minzoom: '5', maxzoom: '10', bounds: BOUNDS, center: '120.65,27.99,9', attribution: '© OpenStreetMap contributors (test fixture)', json: JSON.stringify({ vector_layers: layerIds.map((id) => ({ id, fields: {} })) }), ...metadata },
  });
}

/** The same places in the OpenMapTiles schema: `transportation` (the highway), `water`, `place` (county names). */
export async function mbtilesOpenMapTilesFixture(): Promise<Uint8Array> {
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const layers = {
    water: fc(inlandWater(land).features.map((f) => ({ ...f, properties: { class: 'lake' } }))),
    transportation: fc([{ type: 'Feature', properties: { class: 'motorway' }, geometry: { type: 'LineString', coordinates: [[120.35, FIXTURE_ROAD_LAT], [120.95, FIXTURE_ROAD_LAT]] } }]),
    place: fc(counties.features.map((f) => ({ type: 'Feature', properties: { class: 'city', name: f.properties.name, 'name:zh': f.properties.name }, geometry: { type: 'Point', coordinates: labelPoint(f.geometry) } }))),
  };
  return writeMbtiles({
    tiles: gz(mvtTiles(layers)),
    metadata: { name: 'anju-test-openmaptiles', format: 'pbf', minzoom: '5', maxzoom: '10', bounds: BOUNDS, json: JSON.stringify({ vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })) }) },
  });
}

export async function mbtilesRasterFixture(rgb: [number, number, number], metadata: Record<string, string> = {}): Promise<Uint8Array> {
  return writeMbtiles({ tiles: rasterFixtureTiles(rgb), metadata: { name: 'anju-test-raster', format: 'png', minzoom: '5', maxzoom: '10', bounds: BOUNDS, ...metadata } });
}
