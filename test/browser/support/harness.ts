/**
 * Browser-test harness: serves the built app (dist/) with Vite's preview server on a free
 * port and drives Debian's Chromium through playwright-core. Every request that is not to the
 * local server is refused, so tests prove the app works offline.
 */
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';

export interface Harness {
  server: PreviewServer;
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
  if (!existsSync(ROOT + 'dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does)');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await preview({ root: ROOT, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const blocked: string[] = [];
  return {
    server,
    browser,
    baseUrl,
    blocked,
    async newPage({ width = 1400, height = 900, context, startHere = false } = {}) {
      const ctx = context ?? (await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' }));
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
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** Wait until the map has loaded its style and finished rendering (SwiftShader is slow). */
export async function waitForMapIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as { __anju?: { map: { loaded(): boolean; isStyleLoaded(): boolean } } };
    return !!w.__anju?.map && w.__anju.map.loaded();
  }, undefined, { timeout: timeoutMs, polling: 250 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __anju: { map: { once(ev: string, cb: () => void): void; triggerRepaint(): void } } }).__anju.map;
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
