/**
 * First load: the app's main chunk (raw and gzip) and how soon its first screen appears, against a
 * bare MapLibre page showing the same shipped data (bench/first-load/: land, counties, boards by URL).
 * Both are built with Vite into a temp directory, served by Anju's own static file server
 * (src/server/http/static-files.ts) and opened cold (a new browser context each time) in headless
 * Chromium, alternating, BENCH_RUNS times (default 9); medians of navigation start →
 * DOMContentLoaded, first paint, first contentful paint and `anju:map-ready` (the first idle frame
 * with land and boards drawn, a User Timing mark both pages set), and the map frames drawn up to it
 * (first-load/frames.ts: in headless Chromium each frame is read back from SwiftShader, 0.3–0.9 s under load).
 * Run: `npm run bench -- first-load`.
 */
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../src/server/http/static-files.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium.ts';
import { initialScripts } from '../test/support/initial-scripts.ts';
import { FRAMES_INIT, FRAMES_READ, type Frames } from './first-load/frames.ts';

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

export async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (!serveStatic(dir, req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${addr.port}/` };
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
    for (const [name, dir] of [['Anju', dirs.app], ['bare MapLibre page', dirs.bare]] as const) {
      const s = initialScriptSize(dir);
      console.log(`${name}: main chunk (entry + ${s.files - 1} statically imported chunks) ${(s.bytes / 1000).toFixed(0)} kB, ${(s.gzipBytes / 1000).toFixed(0)} kB gzip`);
    }
    const app = await serve(dirs.app);
    const bare = await serve(dirs.bare);
    servers.push(app.server, bare.server);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    await measure(browser, bare.url); // warm the browser process itself, not measured
    const runs: Record<'app' | 'bare', Timings[]> = { app: [], bare: [] };
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) runs[which].push(await measure(browser, which === 'app' ? app.url : bare.url));
    }
    const keys = ['dclMs', 'firstPaintMs', 'fcpMs', 'mapReadyMs', 'frames'] as const;
    const med = (which: 'app' | 'bare') => Object.fromEntries(keys.map((k) => [k, median(runs[which].map((r) => r[k]))])) as unknown as Timings;
    const a = med('app');
    const b = med('bare');
    const row = (name: string, t: Timings) => ({ case: name, ...Object.fromEntries(keys.map((k) => [k, t[k].toFixed(0)])) });
    return [
      row(`bare MapLibre page (median of ${RUNS})`, b),
      row(`Anju (median of ${RUNS})`, a),
      { case: 'Anju / bare', ...Object.fromEntries(keys.map((k) => [k, `${(a[k] / b[k]).toFixed(2)}×`])) },
    ];
  } finally {
    await browser?.close();
    for (const s of servers) s.close();
    rmSync(out, { recursive: true, force: true });
  }
}
