/**
 * How much of a cold load MapLibre's workers spend (README "### First load", the pre-built tiles
 * experiment): loads built pages in headless Chromium with a Chrome trace running up to `anju:map-ready`
 * and sums, per thread kind, the CPU time (`tdur`, else wall `dur`) of the top-level tasks that ended
 * before it: the page's main thread and its dedicated workers (MapLibre's tile workers parse the
 * GeoJSON, cut and lay out the tiles there). The GPU process's SwiftShader work is not in these tasks
 * (compare.ts measures it by process). Wall times swing with the machine's load; thread CPU much less.
 * Run: `npx tsx bench/first-load/worker-trace.ts DIST…` (RUNS=n, default 3).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { coldLoads } from './serve.ts';

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: tsx bench/first-load/worker-trace.ts <built dist directory>…');
const RUNS = Number(process.env.RUNS ?? 3);

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
try {
  await coldLoads(browser, dirs, RUNS, async (page, url, dir, i) => {
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'] });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 50 });
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const events = trace.traceEvents;
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    const ready = events.find((e) => e.name === 'anju:map-ready');
    if (!ready) throw new Error(`${dir}: no anju:map-ready mark in the trace`);
    const end = ready.ts;
    const byKind = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
      if (e.ts + (e.dur ?? 0) > end) continue;
      // Only the page's own renderer process (the one that marked map-ready).
      if (e.pid !== ready.pid) continue;
      const name = names.get(`${e.pid}:${e.tid}`) ?? '?';
      const kind = /DedicatedWorker/.test(name) ? 'worker' : /CrRendererMain/.test(name) ? 'main' : '';
      if (!kind) continue;
      byKind.set(kind, (byKind.get(kind) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    const readyMs = (await page.evaluate(`performance.getEntriesByName('anju:map-ready')[0].startTime`)) as number;
    console.log(`${dir} run ${i}: map-ready ${readyMs.toFixed(0)} ms; thread CPU to map-ready: ` + [...byKind].sort().map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', '));
  });
} finally {
  await browser.close();
}
