/**
 * MapLibre's worker starts as the app's scripts are evaluated (this module is imported by MapView,
 * so it runs with the start chunk), not when the map is made after the app's mount: the worker's
 * script (520 kB) loads and compiles on its own thread while the page restores the project and
 * mounts, and is ready when the map's style asks it for the shipped data. Made with the map, it
 * started 0.3–0.5 s after the map in a Chromium trace of a cold load.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
prewarm();
