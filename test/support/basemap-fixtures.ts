/**
 * Small PMTiles basemaps made from the shipped geodata, for tests that must run offline:
 * - vector (MVT, Protomaps schema): `earth` = land, `water` = inland water (the land's holes),
 *   `boundaries` = county outlines, `roads` = one made-up highway across the old city (so a test
 *   can look for its colour), `places` = county seats labelled with their Chinese names;
 * - raster (PNG): every tile one flat colour.
 * Zoom 5–10 over the central city.
 */
import geojsonvt from 'geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { PNG } from 'pngjs';
import type { Feature, FeatureCollection } from 'geojson';
import { counties, land } from '../../src/data/embedded.ts';
import { inlandWater } from '../../src/map/inland-water.ts';
import { labelPoint } from '../../src/geo/measure.ts';
import { tileAt } from '../../src/state/basemap-spec.ts';
import { writePmtiles, TILE_TYPE, COMPRESSION } from './pmtiles-writer.ts';

export const FIXTURE_BOUNDS: [number, number, number, number] = [120.3, 27.7, 121.0, 28.2];
/** The made-up highway: along this latitude, west to east across the old city. */
export const FIXTURE_ROAD_LAT = 27.99;
const ZOOMS = [5, 6, 7, 8, 9, 10];

function tilesOver([w, s, e, n]: [number, number, number, number], z: number) {
  const a = tileAt(w, n, z), b = tileAt(e, s, z);
  const out: { z: number; x: number; y: number }[] = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
  return out;
}

/** MVT tiles (uncompressed) of these source layers over the fixture's extent, zooms 5–10. */
export function mvtTiles(layers: Record<string, FeatureCollection>): { z: number; x: number; y: number; data: Uint8Array }[] {
  const indexes = Object.fromEntries(Object.entries(layers).map(([k, v]) => [k, geojsonvt(v, { maxZoom: 10, indexMaxZoom: 10, indexMaxPoints: 0, tolerance: 3, extent: 4096, buffer: 64 })]));
  return ZOOMS.flatMap((z) => tilesOver(FIXTURE_BOUNDS, z)).map((t) => {
    const byLayer = Object.fromEntries(Object.entries(indexes).map(([k, idx]) => [k, idx.getTile(t.z, t.x, t.y) ?? { features: [] }]));
    return { ...t, data: fromGeojsonVt(byLayer as never, { version: 2, extent: 4096 }) };
  });
}

/** The vector fixture's tiles (uncompressed MVT), its source layers and where they are, for any container format. */
export function vectorFixtureTiles(): { tiles: { z: number; x: number; y: number; data: Uint8Array }[]; layerIds: string[] } {
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const layers: Record<string, FeatureCollection> = {
    earth: fc(land.features.map((f) => ({ ...f, properties: { kind: 'earth' } }))),
    water: fc(inlandWater(land).features.map((f) => ({ ...f, properties: { kind: 'water', kind_detail: 'lake' } }))),
    boundaries: fc(counties.features.map((f) => ({ type: 'Feature', properties: { kind: 'county', kind_detail: 6 }, geometry: { type: 'MultiLineString', coordinates: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat() } }))),
    roads: fc([{ type: 'Feature', properties: { kind: 'highway', kind_detail: 'motorway', min_zoom: 5, name: '示例高速' }, geometry: { type: 'LineString', coordinates: [[120.35, FIXTURE_ROAD_LAT], [120.95, FIXTURE_ROAD_LAT]] } }]),
    places: fc(counties.features.map((f) => ({ type: 'Feature', properties: { kind: 'locality', kind_detail: 'city', min_zoom: 5, population_rank: 12, name: f.properties.name, 'name:zh-Hans': f.properties.name, script: 'Han' }, geometry: { type: 'Point', coordinates: labelPoint(f.geometry) } }))),
  };
  return { tiles: mvtTiles(layers), layerIds: Object.keys(layers) };
}

export function vectorFixture(): Uint8Array {
  const { tiles, layerIds } = vectorFixtureTiles();
  return writePmtiles({
    tiles,
    tileType: TILE_TYPE.mvt,
    tileCompression: COMPRESSION.none,
    metadata: { name: 'anju-test-vector', attribution: '© OpenStreetMap contributors (test fixture)', vector_layers: layerIds.map((id) => ({ id, fields: {} })) },
    bounds: FIXTURE_BOUNDS,
    center: [120.65, 27.99, 9],
  });
}

/** Tiles of one flat colour over the fixture's extent, as PNG. */
export function rasterFixtureTiles(rgb: [number, number, number]): { z: number; x: number; y: number; data: Uint8Array }[] {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < 256 * 256; i++) png.data.set([...rgb, 255], i * 4);
  const data = new Uint8Array(PNG.sync.write(png));
  return ZOOMS.flatMap((z) => tilesOver(FIXTURE_BOUNDS, z)).map((t) => ({ ...t, data }));
}

export function rasterFixture(rgb: [number, number, number]): Uint8Array {
  return writePmtiles({
    tiles: rasterFixtureTiles(rgb),
    tileType: TILE_TYPE.png,
    tileCompression: COMPRESSION.none,
    metadata: { name: 'anju-test-raster' },
    bounds: FIXTURE_BOUNDS,
    center: [120.65, 27.99, 9],
  });
}
