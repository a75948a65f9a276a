/**
 * Long tasks of a pan: the app's first screen against the bare MapLibre page of the first-load bench
 * (bench/first-load/: the same land, counties and boards, nothing else), both built and served as
 * there, at the browser tests' viewport (1400×900). Each page is opened, left to reach its first
 * idle frame with data, then panned PANS times the way test/browser/responsive.test.ts's control
 * does (a mouse drag of a third of the map's width in three steps, then wait for the map to be idle);
 * every main-thread long task (PerformanceObserver 'longtask', > 50 ms) from the first press to the
 * last idle is kept. Pages alternate, so both see the same load. What it shows: how long the frames
 * of MapLibre itself take here (SwiftShader, no GPU), the floor under the app's own long tasks.
 * Run: `npm run bench -- pan-long-tasks` (BENCH_RUNS pages of each, default 3; PANS per page, default 4).
 */
import { chromium, type Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium.ts';
import { buildBoth, median } from './first-load.bench.ts';
import { serve } from './first-load/serve.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PANS = Number(process.env.PANS ?? 4);

// Strings, not functions: tsx would wrap named functions in a helper the page does not have.
const OBSERVE = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;
const IDLE = `new Promise((resolve) => { const m = window.__anju.map; if (!m.isMoving() && m.loaded() && m.areTilesLoaded()) { m.once('idle', resolve); m.triggerRepaint(); } else m.once('idle', resolve); })`;

async function panTasks(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 100 });
    await page.evaluate(IDLE);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const t0 = (await page.evaluate('performance.now()')) as number;
    for (let i = 0; i < PANS; i++) {
      const dx = (i % 2 ? -1 : 1) * (box.width / 3);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 3 });
      await page.mouse.up();
      await page.evaluate(IDLE);
    }
    const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
    return tasks.filter(([start]) => start >= t0).map(([, d]) => d);
  } finally {
    await context.close();
  }
}

export async function run(): Promise<Record<string, string | number>[]> {
  const out = mkdtempSync(join(tmpdir(), 'anju-pan-'));
  const servers: Server[] = [];
  let browser: Browser | undefined;
  try {
    const dirs = await buildBoth(out);
    const app = await serve(dirs.app);
    const bare = await serve(dirs.bare);
    servers.push(app.server, bare.server);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const tasks: Record<'app' | 'bare', number[]> = { app: [], bare: [] };
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const which of order) tasks[which].push(...(await panTasks(browser, which === 'app' ? app.url : bare.url)));
    }
    const row = (name: string, ts: number[]) => ({
      case: `${name} (${RUNS} pages × ${PANS} pans)`,
      'long tasks': ts.length,
      'over 100 ms': ts.filter((d) => d > 100).length,
      'median ms': ts.length ? median(ts).toFixed(0) : '—',
      'longest ms': Math.max(0, ...ts).toFixed(0),
    });
    return [row('bare MapLibre page', tasks.bare), row('Anju, first screen', tasks.app)];
  } finally {
    await browser?.close();
    for (const s of servers) s.close();
    rmSync(out, { recursive: true, force: true });
  }
}
