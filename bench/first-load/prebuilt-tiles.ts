/**
 * The experiment of README "### First load" (session 11, branch tiles14): the same-data bare page with
 * the shipped basemap and structure as pre-built vector tiles (cut here with @maplibre/geojson-vt and
 * written with @maplibre/vt-pbf, both already dependencies; tiles served as static files, a `vector`
 * source with `tiles`/`maxzoom`, MapLibre overzooming past it) instead of GeoJSON files MapLibre's
 * worker parses and cuts. Cut with MapLibre's own GeoJSON options (extent 8192, buffer 128 px and
 * tolerance 0.375 px of a 512 px tile), so up to TILE_MAX_ZOOM the tiles are the ones its worker makes.
 * A bench, not the app's build: a tile without features is not written (MapLibre gets a 404 there; the
 * first screen's tiles all exist), and pbf's astral-plane fault (src/geo/pbf-utf8-fix.ts) is not patched
 * (the shipped names are all in the Basic Multilingual Plane); an app build would want both.
 * Run: `npx tsx bench/first-load/prebuilt-tiles.ts APP_DIST OUT_SAME OUT_TILES` builds both bare pages
 * (then compare.ts / arrivals.ts on them).
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSameData } from './same-data-build.ts';

const EXTENT = 8192;
/** Deepest zoom with its own tiles. */
const TILE_MAX_ZOOM = Number(process.env.TILE_MAX_ZOOM ?? 12);

/** Every tile z/x/y of `fc` from z0 to `maxZoom` that holds a feature, as MVT bytes (one layer named `layer`). */
function cutTiles(fc: FeatureCollection, layer: string, maxZoom: number, promoteId?: string): Map<string, Uint8Array> {
  const index = new GeoJSONVT(fc, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, extent: EXTENT, buffer: 2048, tolerance: 6, promoteId });
  const out = new Map<string, Uint8Array>();
  const walk = (z: number, x: number, y: number) => {
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return;
    out.set(`${z}/${x}/${y}`, fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }));
    if (z < maxZoom) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) walk(z + 1, 2 * x + dx, 2 * y + dy);
  };
  walk(0, 0, 0);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [appDir, sameDir, tilesDir] = process.argv.slice(2);
  if (!appDir || !sameDir || !tilesDir) throw new Error('usage: tsx bench/first-load/prebuilt-tiles.ts <built app> <out same-data> <out tiles>');
  await buildSameData(appDir, sameDir);
  await buildSameData(appDir, tilesDir, (opened, files) => {
    const extra = new Map<string, Uint8Array>();
    const style = opened.options.style as unknown as { sources: Record<string, Record<string, unknown>>; layers: Record<string, unknown>[] };
    for (const [id, source] of Object.entries(style.sources)) {
      if (source.type !== 'geojson' || typeof source.data !== 'string') continue;
      const file = files.get(source.data)!;
      files.delete(source.data);
      const started = performance.now();
      const tiles = cutTiles(JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection, id, TILE_MAX_ZOOM, source.promoteId as string | undefined);
      let bytes = 0;
      for (const [zxy, b] of tiles) {
        extra.set(`tiles/${id}/${zxy}.pbf`, b);
        bytes += b.length;
      }
      console.log(`${id}: ${tiles.size} tiles z0–${TILE_MAX_ZOOM}, ${bytes} bytes, cut in ${(performance.now() - started).toFixed(0)} ms`);
      const { data: _data, ...rest } = source;
      style.sources[id] = { ...rest, type: 'vector', tiles: [`tiles/${id}/{z}/{x}/{y}.pbf`], minzoom: 0, maxzoom: TILE_MAX_ZOOM };
      for (const l of style.layers) if (l.source === id) l['source-layer'] = id;
    }
    return extra;
  });
  console.log(`built ${sameDir} and ${tilesDir}`);
}
