/**
 * First load: the app's main chunk (raw and gzip) and how soon its first screen appears, against two
 * bare MapLibre pages: bench/first-load/bare.ts (land, counties, boards by URL, three plain layers, the
 * whole window) and bench/first-load/same-data.ts (the sources, layers and map options the app's MapView
 * opens with, taken from the built app, at the app's map size: same-data-build.ts), so that Anju's own
 * overhead shows apart from drawing its more layers. All are built with Vite into a temp directory,
 * served by Anju's own static file server (src/server/http/static-files.ts) and opened cold (a new browser
 * context each time) in headless Chromium, in rotating order, BENCH_RUNS times (default 9); medians of
 * navigation start → DOMContentLoaded, first paint, first contentful paint and `anju:map-ready` (the first
 * idle frame with land and boards drawn, a User Timing mark all pages set), and the map frames drawn up
 * to it (first-load/frames.ts: in headless Chromium each frame is read back from SwiftShader, 0.3–0.9 s
 * under load); the app's ratio to each bare page.
 * Run: `npm run bench -- first-load`.
 */
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium.ts';
import { initialScripts } from '../test/support/initial-scripts.ts';
import { FRAMES_INIT, FRAMES_READ, type Frames } from './first-load/frames.ts';
import { buildSameData } from './first-load/same-data-build.ts';
import { serve } from './first-load/serve.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

interface Timings {
  dclMs: number;
  firstPaintMs: number;
  fcpMs: number;
  mapReadyMs: number;
  /** Map frames drawn up to map-ready (frames.ts). */
  frames: number;
}

/** What the page loads before it runs: the entry and its static imports, raw and gzip (as Vite reports). */
export function initialScriptSize(distDir: string): { files: number; bytes: number; gzipBytes: number } {
  const files = initialScripts(distDir).map((f) => readFileSync(join(distDir, f)));
  return { files: files.length, bytes: files.reduce((a, c) => a + c.byteLength, 0), gzipBytes: files.reduce((a, c) => a + gzipSync(c).byteLength, 0) };
}

export async function buildBoth(out: string): Promise<{ app: string; bare: string }> {
  const app = join(out, 'app');
  const bare = join(out, 'bare');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: app, emptyOutDir: true } });
  await build({ root: join(ROOT, 'bench/first-load'), configFile: false, base: './', logLevel: 'warn', build: { outDir: bare, emptyOutDir: true, target: 'es2022' } });
  mkdirSync(join(bare, 'data'));
  for (const f of ['land', 'counties', 'boards']) cpSync(join(ROOT, 'geodata', `${f}.geojson`), join(bare, 'data', `${f}.geojson`));
  return { app, bare };
}

async function measure(browser: Browser, url: string): Promise<Timings> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(FRAMES_INIT);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 50 });
    const { beforeReady } = (await page.evaluate(FRAMES_READ)) as Frames;
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    const t = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { dclMs: nav.domContentLoadedEventEnd, firstPaintMs: at('first-paint'), fcpMs: at('first-contentful-paint'), mapReadyMs: at('anju:map-ready') };
    })()`)) as Omit<Timings, 'frames'>;
    return { ...t, frames: beforeReady };
  } finally {
    await context.close();
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(): Promise<Record<string, string | number>[]> {
  const out = mkdtempSync(join(tmpdir(), 'anju-first-load-'));
  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    const dirs = await buildBoth(out);
    const same = join(out, 'same-data');
    await buildSameData(dirs.app, same);
    const pages = [
      { key: 'app', name: 'Anju', dir: dirs.app },
      { key: 'bare', name: 'bare MapLibre page (land, counties, boards)', dir: dirs.bare },
      { key: 'same', name: "bare MapLibre page (the app's first-screen style)", dir: same },
    ] as const;
    for (const p of pages) {
      const s = initialScriptSize(p.dir);
      console.log(`${p.name}: main chunk (entry + ${s.files - 1} statically imported chunks) ${(s.bytes / 1000).toFixed(0)} kB, ${(s.gzipBytes / 1000).toFixed(0)} kB gzip`);
    }
    const urls = {} as Record<(typeof pages)[number]['key'], string>;
    for (const p of pages) {
      const s = await serve(p.dir);
      servers.push(s.server);
      urls[p.key] = s.url;
    }
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    await measure(browser, urls.bare); // warm the browser process itself, not measured
    const runs: Record<(typeof pages)[number]['key'], Timings[]> = { app: [], bare: [], same: [] };
    for (let i = 0; i < RUNS; i++) {
      // Rotating order: each page comes first, second and third equally often.
      for (let k = 0; k < pages.length; k++) {
        const p = pages[(k + i) % pages.length];
        runs[p.key].push(await measure(browser, urls[p.key]));
      }
    }
    const keys = ['dclMs', 'firstPaintMs', 'fcpMs', 'mapReadyMs', 'frames'] as const;
    const med = (which: keyof typeof runs) => Object.fromEntries(keys.map((k) => [k, median(runs[which].map((r) => r[k]))])) as unknown as Timings;
    const a = med('app');
    const row = (name: string, t: Timings) => ({ case: name, ...Object.fromEntries(keys.map((k) => [k, t[k].toFixed(0)])) });
    const ratio = (name: string, b: Timings) => ({ case: name, ...Object.fromEntries(keys.map((k) => [k, `${(a[k] / b[k]).toFixed(2)}×`])) });
    return [
      row(`${pages[1].name} (median of ${RUNS})`, med('bare')),
      row(`${pages[2].name} (median of ${RUNS})`, med('same')),
      row(`Anju (median of ${RUNS})`, a),
      ratio('Anju / bare (3 layers)', med('bare')),
      ratio('Anju / bare (same style)', med('same')),
    ];
  } finally {
    await browser?.close();
    for (const s of servers) s.close();
    rmSync(out, { recursive: true, force: true });
  }
}
