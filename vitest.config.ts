import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { geojson } from './vite-plugin-geojson.ts';
import { mapData } from './vite-plugin-map-data.ts';

/**
 * Unit and server test files at a time. Vitest's default in a run is one fewer than the cores,
 * which is one on a 2-core CI machine; many of these files wait on child processes, sockets or
 * PostgreSQL, so two side by side keep both cores busy (measured: docs/ci-time.md).
 */
const NODE_WORKERS = Math.max(2, availableParallelism());

/**
 * Browser files with checks against the clock or a race with a worker: the import dialog's timer lag while a
 * worker parses (and its cancel before the parse ends), the responsive script bound, the drag latency. They run
 * last, when `npm test`'s type check, lint and unit tests (started beside the browser tests) are over. With the
 * unit tests and another browser file beside it, import.test.ts's cancel came after the parse had ended
 * (load 10–13; docs/ci-time.md).
 */
const RUN_LAST = ['test/browser/coverage.test.ts', 'test/browser/responsive.test.ts', 'test/browser/import.test.ts'];

class TimingFilesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => RUN_LAST.some((p) => f.moduleId.endsWith(p));
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  plugins: [svelte(), geojson(), mapData()],
  test: {
    sequence: { sequencer: TimingFilesLast },
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
          maxWorkers: NODE_WORKERS,
          // Files in one worker share its module cache instead of importing everything again (the unit
          // project alone: 127 → 58 s wall, idle; docs/ci-time.md). So a test file must leave no global state
          // behind: fake timers are restored after each test (autosave.test.ts, the only file with fakes).
          isolate: false,
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
          maxWorkers: NODE_WORKERS,
          // As the unit project: shared module cache (104 → 80 s wall, idle).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Real Chromium with SwiftShader WebGL is slow: generous timeouts. One browser and one preview server for
          // the whole run (each file has its own contexts). Two files at a time: one file keeps about one core busy
          // (its page's main thread and the GPU process wait on each other for every frame; the whole stage used
          // 755 CPU-s at load 12-19 against 789 s of wall time on an idle 2-core CI machine; docs/ci-time.md).
          globalSetup: ['test/browser/support/global-setup.ts'],
          maxWorkers: 2,
          // Each worker runs its files one after another and keeps its module cache: each file no longer imports
          // playwright-core, the test helpers and the src/ modules they use afresh (\`vitest list --project browser\`,
          // load ~13: 124 s wall, 41.5 CPU-s isolated → 29 s, 11.8 CPU-s; docs/ci-time.md). The files and their
          // helpers keep no module-level state between files (each opens its own browser connection and contexts).
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll's own default (1 s) is shorter than a page's answer under CI's load: a poll of what a person
          // would see waiting a little longer is not a weaker test (it still fails when the thing never appears).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
