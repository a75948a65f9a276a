/**
 * The second reference for bench/first-load.bench.ts: a bare MapLibre page drawing the same sources and
 * layers as the app's first screen, with nothing else of Anju (no Svelte, no stores, no IndexedDB, no
 * team probe). Its map options (style included: the shipped basemap and structure by URL, the default
 * plan's boards, their labels and nodes inline, the edit layer; no glyph server, the same
 * `localIdeographFontFamily`, bounds, `fadeDuration`) are the ones the app's MapView opened with, taken
 * from the built app by pages.ts, and its map has the app's map's size in CSS px, so the two draw the
 * same frames. Marks `anju:map-ready` at the first idle frame with those sources drawn, as MapView does.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/** Set at build time by pages.ts (Vite `define`). */
declare const OPENED: {
  /** The app's map options (no container); shipped files' URLs relative to this page. */
  options: Omit<maplibregl.MapOptions, 'container'> & { style: maplibregl.StyleSpecification };
  /** The app's map container, CSS px. */
  size: [number, number];
  /** The sources whose features mark the first idle frame with data (the app's basemap and boards). */
  readySources: string[];
};

maplibregl.setWorkerUrl(workerUrl);
const { options, size, readySources } = OPENED;
const style = options.style;
for (const source of Object.values(style.sources)) {
  if (source.type === 'geojson' && typeof source.data === 'string') source.data = new URL(source.data, location.href).href;
  // Pre-built tiles (prebuilt-tiles.ts): not through URL, which would escape the braces of {z}/{x}/{y}.
  if (source.type === 'vector' && source.tiles) source.tiles = source.tiles.map((t) => new URL('.', location.href).href + t);
}
/** A vector source's features are queried by its layer (prebuilt-tiles.ts names it after the source). */
const sourceLayer = (s: string) => (style.sources[s]?.type === 'vector' ? { sourceLayer: s } : undefined);
const container = document.getElementById('map')!;
container.style.width = `${size[0]}px`;
container.style.height = `${size[1]}px`;
const map = new maplibregl.Map({ ...options, container, style });
// The same test hook as the app's (MapView.svelte): frames.ts counts the frames through it.
(window as unknown as { __anju: { map: maplibregl.Map } }).__anju = { map };
const onIdle = () => {
  if (readySources.some((s) => map.querySourceFeatures(s, sourceLayer(s)).length === 0)) return;
  performance.mark('anju:map-ready');
  map.off('idle', onIdle);
};
map.on('idle', onIdle);
