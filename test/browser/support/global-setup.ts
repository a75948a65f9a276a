/**
 * Once per run of the `browser` test project: one Chromium (a Playwright browser server) and one
 * Vite preview server of the built app (dist/), shared by every test file. Each file connects
 * to the browser and opens its own contexts (own storage, cookies and routes), so files stay as
 * independent as before, but the browser starts, and warms up (its GPU process compiling
 * MapLibre's shaders on SwiftShader, V8 compiling the app), once instead of once per file:
 * measured in docs/ci-time.md.
 */
import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test files connect to the shared Chromium (`chromium.connect`). */
    browserWsEndpoint: string;
    /** The built app, served by the shared preview server (ends with a slash). */
    appBaseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(ROOT + 'dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm test and npm run test:browser do)');
  const server = await preview({ root: ROOT, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, host: '127.0.0.1', port: 0 });
  project.provide('browserWsEndpoint', browser.wsEndpoint());
  project.provide('appBaseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  };
}
