/**
 * Builds bench/first-load/same-data.ts, the bare MapLibre page with the app's first-screen data, from a
 * built app: opens the app once in headless Chromium, takes the map options its MapView opened with
 * (the test hook `window.__anju.opened`, read as the map is made, before MapLibre has touched the style)
 * and the map container's size, copies the shipped files the style names by URL and builds the page
 * with those options in it. So the page draws what the app's first screen draws, and follows the app
 * when its style changes.
 * Run on its own: `npx tsx bench/first-load/same-data-build.ts APP_DIST OUT` (then compare.ts … OUT).
 */
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { SOURCES } from '../../src/map/layer-ids.ts';
import { serve } from './serve.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Read in the page before its scripts run: the options, as JSON, at the moment MapView hands the map to the hook. */
const CAPTURE = `(() => {
  let held;
  Object.defineProperty(window, '__anju', {
    configurable: true,
    get: () => held,
    set: (v) => { held = v; if (v && v.opened && !window.__opened) window.__opened = JSON.stringify(v.opened); },
  });
})()`;

export interface Opened {
  options: { style: { sources: Record<string, { type: string; data?: unknown }> } } & Record<string, unknown>;
  size: [number, number];
  readySources: string[];
}

/** What the app's map opened with, its shipped files' URLs made relative to the page (`data/…`), and those files. */
export async function captureOpened(appDir: string): Promise<{ opened: Opened; files: Map<string, string> }> {
  const { server, url } = await serve(appDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(CAPTURE);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 50 });
    const json = (await page.evaluate('window.__opened')) as string;
    const size = (await page.evaluate('[window.__anju.map.getContainer().clientWidth, window.__anju.map.getContainer().clientHeight]')) as [number, number];
    const options = JSON.parse(json) as Opened['options'];
    const files = new Map<string, string>();
    for (const source of Object.values(options.style.sources)) {
      if (source.type !== 'geojson' || typeof source.data !== 'string') continue;
      const path = new URL(source.data, url).pathname;
      const name = `data/${path.split('/').pop()}`;
      files.set(name, join(appDir, decodeURIComponent(path)));
      source.data = name;
    }
    if (files.size === 0) throw new Error('the app opened its map with no shipped file by URL: same-data-build.ts expects the basemap as a file');
    return { opened: { options, size, readySources: [SOURCES.basemap, SOURCES.boards] }, files };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Builds the same-data page into `outDir` (index.html, its script, data/) from the app built in `appDir`.
 * `vary`, if given, may change the options and the files to copy before the build, and returns more files
 * to write (path in `outDir` → bytes): prebuilt-tiles.ts uses it for the page with vector tiles.
 */
export async function buildSameData(
  appDir: string,
  outDir: string,
  vary?: (opened: Opened, files: Map<string, string>) => Map<string, Uint8Array>,
): Promise<void> {
  const { opened, files } = await captureOpened(appDir);
  const extra = vary?.(opened, files) ?? new Map<string, Uint8Array>();
  await build({
    root: HERE,
    configFile: false,
    base: './',
    logLevel: 'warn',
    define: { OPENED: JSON.stringify(opened) },
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(HERE, 'same-data.html') } },
  });
  renameSync(join(outDir, 'same-data.html'), join(outDir, 'index.html'));
  for (const [name, from] of files) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    copyFileSync(from, join(outDir, name));
  }
  for (const [name, bytes] of extra) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), bytes);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [appDir, outDir] = process.argv.slice(2);
  if (!appDir || !outDir) throw new Error('usage: tsx bench/first-load/same-data-build.ts <built app> <out dir>');
  await buildSameData(appDir, outDir);
  console.log(`same-data page built in ${outDir}`);
}
