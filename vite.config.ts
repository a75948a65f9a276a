import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { geojson } from './vite-plugin-geojson.ts';
import { devCspWebSocket } from './vite-plugin-dev-csp.ts';
import { tileOrigins } from './vite-plugin-tile-origins.ts';

// The app is fully static: no network at run time, all data embedded from geodata/.
export default defineConfig({
  plugins: [svelte(), geojson(), devCspWebSocket(), tileOrigins(process.env.ANJU_TILE_ORIGINS)],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
