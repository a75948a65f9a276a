/**
 * The reference for bench/first-load.bench.ts: a bare MapLibre page showing the same shipped
 * data as the app's first screen (land, counties, boards; fetched by URL by MapLibre's worker),
 * with nothing else. Marks `anju:map-ready` at the first idle frame with that data drawn, as the
 * app's MapView does.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);
const data = (name: string) => new URL(`./data/${name}.geojson`, location.href).href;
const map = new maplibregl.Map({
  container: 'map',
  bounds: [[119.6, 27.05], [121.3, 28.6]],
  style: {
    version: 8,
    sources: {
      land: { type: 'geojson', data: data('land') },
      counties: { type: 'geojson', data: data('counties') },
      boards: { type: 'geojson', data: data('boards') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cfe3ef' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'counties', type: 'line', source: 'counties', paint: { 'line-color': '#9a8f7b', 'line-width': 1 } },
      { id: 'boards', type: 'fill', source: 'boards', paint: { 'fill-color': '#d08c60', 'fill-opacity': 0.55 } },
    ],
  },
});
// The same test hook as the app's (MapView.svelte): frames.ts counts the frames through it.
(window as unknown as { __anju: { map: maplibregl.Map } }).__anju = { map };
const onIdle = () => {
  if (map.querySourceFeatures('land').length === 0 || map.querySourceFeatures('boards').length === 0) return;
  performance.mark('anju:map-ready');
  map.off('idle', onIdle);
};
map.on('idle', onIdle);
