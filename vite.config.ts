import { fileURLToPath } from 'node:url';
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

/**
 * The scripts the first screen needs come as three files, not ~55: the entry, MapLibre, and one
 * chunk (`start`) of every other module the entry imports statically. Left to itself the bundler
 * cuts them into a chunk per set of importers (lazy chunks share most of them), and the browser
 * then queues ~55 script requests beside the data files on HTTP/1.1's six connections per host:
 * on a cold load the last of them arrived ~1.8 s after the first (bench/first-load/profile.ts,
 * README "### First load"). Lazy chunks import what they share with the first screen from
 * `start`; nothing that loads on first use moves into it.
 */
function startChunks(): (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => string | null {
  let start: Set<string> | null = null;
  return (id, ctx) => {
    if (/[\\/]node_modules[\\/]maplibre-gl[\\/]/.test(id)) return 'maplibre-gl';
    if (!start) {
      start = new Set();
      const entry = ctx.getModuleInfo(ENTRY);
      if (!entry) throw new Error(`vite.config.ts: ${ENTRY} is not in the build`);
      const stack = [...entry.importedIds];
      while (stack.length) {
        const m = stack.pop()!;
        // Not through a barrel or a side-effect-free package: what the first screen leaves of them is
        // tree-shaken, and a module a lazy chunk does use would be pulled into `start` whole.
        if (start.has(m) || BARRELS.test(m) || PURE_PACKAGES.test(m)) continue;
        start.add(m);
        stack.push(...(ctx.getModuleInfo(m)?.importedIds ?? []));
      }
    }
    return start.has(id) && !id.endsWith('.css') ? 'start' : null;
  };
}
const BARRELS = /[\\/]node_modules[\\/]@turf[\\/]turf[\\/]/;
const ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));

// The app is fully static: no network at run time, all data from this origin (geodata/ files).
export default defineConfig({
  plugins: [svelte(), geojson(), mapData(), devCspWebSocket(), tileOrigins(process.env.ANJU_TILE_ORIGINS)],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !PURE_PACKAGES.test(id) },
      output: { codeSplitting: { groups: [{ name: startChunks() }] } },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
