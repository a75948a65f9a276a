import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { geojson } from './vite-plugin-geojson.ts';
import { mapData } from './vite-plugin-map-data.ts';
import { devCspWebSocket } from './vite-plugin-dev-csp.ts';
import { tileOrigins } from './vite-plugin-tile-origins.ts';

/**
 * Packages whose modules only define things: when nothing is imported from them they can be left
 * out. Without this the bundler keeps them whole because they do not say so themselves, and
 * `@turf/turf`'s index would drag JSTS (through @turf/buffer) and proj4 into the main chunk,
 * where nothing uses them; the workers that do use them still get them. Likewise papaparse and
 * the WKT parser come with the readers' one number helper from src/io/read-csv.ts.
 */
const PURE_PACKAGES = /\/node_modules\/(@turf\/jsts|proj4|papaparse|@terraformer\/wkt|mgrs|wkt-parser|concaveman|rbush|polyclip-ts|splaytree-ts|bignumber\.js|robust-predicates)\//;

// The app is fully static: no network at run time, all data from this origin (geodata/ files).
export default defineConfig({
  plugins: [svelte(), geojson(), mapData(), devCspWebSocket(), tileOrigins(process.env.ANJU_TILE_ORIGINS)],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !PURE_PACKAGES.test(id) } },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
