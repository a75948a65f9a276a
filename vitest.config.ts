import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { geojson } from './vite-plugin-geojson.ts';
import { mapData } from './vite-plugin-map-data.ts';

export default defineConfig({
  plugins: [svelte(), geojson(), mapData()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A test's first import of a large module graph (the CLI, the importer) or a Turf reference
          // takes 5–10 s when several suites share this 2-core machine; 5 s (the default) then fails
          // for the machine, not the code.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The team server's store and HTTP API, on PGlite and on a PostgreSQL the setup starts.
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/server/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Real Chromium with SwiftShader WebGL is slow: one file at a time, generous timeouts.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
