/**
 * Browser-test harness: the built app (dist/) served by Vite's preview server on a free port,
 * in Debian's Chromium driven through playwright-core. Both are started once per run and
 * shared by the test files (global-setup.ts); a file connects to the browser and opens contexts
 * of its own. Every request that is not to the local server is refused, so tests prove the
 * app works offline.
 */
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';

/**
 * This file's connection to the run's shared Chromium (global-setup.ts). Closing it closes the
 * contexts the file opened and leaves the browser to the next file.
 */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/** A download's bytes (the browser may run in another process: no local path to read). */
export async function downloadBytes(d: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await d.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Playwright's action time limit for the tests' pages (its default is 30 s). After a click is delivered, Playwright
 * asks the page's renderer a question (\`Page.enable\`, then any navigation the click started) that the renderer
 * answers only once its main thread is free, i.e. after the work the click set off: the first tab's render, or the
 * app's own start-up right after \`goto\`. On a 2-core machine at load 15–20 that has taken over 30 s, and the click
 * failed with "waiting for scheduled navigations to finish" although it had been delivered (session 7: tabs.test.ts's
 * \`beforeAll\`, persistence's quota test, three clicks in compare-present-export). A test still ends at its own limit.
 */
export const ACTION_TIMEOUT_MS = 60_000;

export interface Harness {
  browser: Browser;
  baseUrl: string;
  /** Requests the page tried to make to anywhere but the local server. */
  blocked: string[];
  /**
   * A page in a new context (or in `context`). The first screen's "start here" strip is dismissed
   * beforehand, as for a returning user, unless `startHere` is set (it covers the top of the map).
   */
  newPage(opts?: { width?: number; height?: number; context?: BrowserContext; startHere?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const baseUrl = inject('appBaseUrl');
  const browser = await connectBrowser();
  const blocked: string[] = [];
  return {
    browser,
    baseUrl,
    blocked,
    async newPage({ width = 1400, height = 900, context, startHere = false } = {}) {
      // Reduced motion: MapLibre then jumps where it would fly or ease (fitBounds' 600 ms), so SwiftShader
      // draws no frames that no test looks at; where the camera ends up is the same.
      const ctx = context ?? (await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', reducedMotion: 'reduce' }));
      ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
      if (!startHere) await ctx.addInitScript(() => localStorage.setItem('anju.startHere.dismissed', '1'));
      await ctx.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(baseUrl) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
        blocked.push(url);
        return route.abort('internetdisconnected');
      });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Wait until the map has loaded its style and finished rendering (SwiftShader is slow). A map that is idle
 * already — loaded, not moving, nothing dirty and no frame requested: MapLibre's own condition for its `idle`
 * event — is left as it is; otherwise the next `idle` event is awaited, with a repaint asked for so that one
 * comes (MapLibre draws no frame for it when one is already requested). Drawing a frame on an idle map only to
 * see `idle` again cost 0.2 CPU-s a call at load 17 (docs/ci-time.md). MapLibre's frame state is private:
 * where it is not found (another version), every call draws a frame, as before.
 */
export async function waitForMapIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as { __anju?: { map: { loaded(): boolean; isStyleLoaded(): boolean } } };
    return !!w.__anju?.map && w.__anju.map.loaded();
  }, undefined, { timeout: timeoutMs, polling: 50 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __anju: { map: Record<string, unknown> & { loaded(): boolean; isMoving(): boolean; once(ev: string, cb: () => void): void; triggerRepaint(): void } } }).__anju.map;
        if ('_frameRequest' in map && map._frameRequest == null && !map._sourcesDirty && !map._styleDirty && !map._placementDirty && !map._repaint && !map.isMoving() && map.loaded()) return resolve();
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * One served app and one page for a test file: before its tests the app is opened and the map
 * idle (then `ready(page)` runs, e.g. to open a tab); after them everything is closed. `onOpen`
 * receives the harness and page, e.g. `useApp((a) => ({ h, page } = a))`.
 */
export function useApp(onOpen: (app: { h: Harness; page: Page }) => void, ready?: (page: Page) => Promise<void>): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    const page = await h.newPage();
    onOpen({ h, page });
    await page.goto(h.baseUrl);
    await waitForMapIdle(page);
    await ready?.(page);
  });
  afterAll(async () => {
    await h?.close();
  });
}

/**
 * Click the language switch and wait until the page is in `to`: English loads on the first switch
 * (a chunk of its own), so the page changes a moment after the click.
 */
export async function switchLanguage(page: Page, to: 'zh' | 'en'): Promise<void> {
  await page.getByTestId('lang').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to === 'zh' ? 'zh-CN' : 'en', { timeout: 30_000 });
}
