/**
 * Where a cold first load of the built app spends its time (README "### First load"): one cold load in
 * headless Chromium with a sampled CPU profile of the page's main thread (Chrome DevTools Protocol), printing
 * - milestones: DOMContentLoaded, first paint, FCP, when #app first has content, the map canvas, `anju:map-ready`;
 * - the map's frames (frames.ts): how many up to map-ready and when, and how many in the 2 s after it;
 * - every request with its start and end (ms since navigation), so what waits on what shows;
 * - main-thread CPU by script (self time of the functions each file defines) and by phase
 *   (navigation → FCP, FCP → map ready), and the heaviest functions.
 * Run: `npx vite build --outDir /tmp/anju-dist && npx tsx bench/first-load/profile.ts /tmp/anju-dist`
 * (PROFILE_RUNS=n loads n times and prints the milestones of each; the profile is of the last).
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { serveStatic } from '../../src/server/http/static-files.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { FRAMES_INIT, FRAMES_READ, type Frames } from './frames.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx bench/first-load/profile.ts <built dist directory>');
const runs = Number(process.env.PROFILE_RUNS ?? 1);
/** How long after map-ready frames are still counted. */
const SETTLE_MS = 2000;

const server = createServer((req, res) => {
  if (!serveStatic(dir, req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const addr = server.address();
if (!addr || typeof addr === 'string') throw new Error('no port');
const url = `http://127.0.0.1:${addr.port}/`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });

// Recorded in the page from its first instruction: when #app first has an element, when a canvas appears.
const WATCH = `(() => {
  const seen = {};
  new MutationObserver(() => {
    const app = document.getElementById('app');
    // Not index.html's title bar (data-boot): the app's own first element.
    if (!seen.app && app && app.firstElementChild && !app.firstElementChild.hasAttribute('data-boot')) { seen.app = 1; performance.mark('probe:app-content'); }
    if (!seen.canvas && document.querySelector('canvas')) { seen.canvas = 1; performance.mark('probe:canvas'); }
  }).observe(document, { childList: true, subtree: true });
})()`;

const short = (u: string) => (u.startsWith(url) ? u.slice(url.length) : u).replace(/^assets\//, '').replace(/-[\w-]{8}(\.\w+)$/, '$1') || '(index.html)';

try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(WATCH);
    await page.addInitScript(FRAMES_INIT);
    const cdp = await context.newCDPSession(page);
    const last = run === runs;
    if (last) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 50 });
    const profile = last ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
    const t = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      return {
        timeOrigin: performance.timeOrigin,
        marks: { dcl: nav.domContentLoadedEventEnd, firstPaint: at('first-paint'), fcp: at('first-contentful-paint'),
          main: at('anju:main'), probed: at('anju:probed'), restored: at('anju:restored'), mounted: at('anju:mounted'), appContent: at('probe:app-content'), canvas: at('probe:canvas'), mapReady: at('anju:map-ready') },
        resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd, type: r.initiatorType, bytes: r.encodedBodySize })),
      };
    })()`)) as { timeOrigin: number; marks: Record<string, number>; resources: { name: string; start: number; end: number; type: string; bytes: number }[] };
    console.log(`run ${run}: ` + Object.entries(t.marks).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
    // Frames drawn after map-ready too: a change made on 'load' or the first idle shows here.
    await page.waitForTimeout(SETTLE_MS);
    const f = (await page.evaluate(FRAMES_READ)) as Frames;
    t.marks.firstFrame = f.times[0] ?? NaN;
    console.log(`  frames: ${f.beforeReady} up to map-ready, ${f.total} within ${SETTLE_MS} ms after it; load ${f.loadMs.toFixed(0)}, idle ${f.idleMs.map((x) => x.toFixed(0)).join(' ') || '-'}`);
    console.log(`  frame times up to map-ready (ms): ${f.times.map((x) => x.toFixed(0)).join(' ')}`);
    if (last && profile) {
      console.log('\nrequests (ms since navigation: start → end, kB transferred, initiator):');
      for (const r of t.resources.sort((a, b) => a.start - b.start)) {
        console.log(`  ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${(r.bytes / 1000).toFixed(0).padStart(5)} kB  ${r.type.padEnd(6)} ${short(r.name)}`);
      }
      const metrics = ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics;
      const navStart = metrics.find((m) => m.name === 'NavigationStart')?.value;
      if (navStart === undefined) throw new Error('no NavigationStart metric');
      report(profile, navStart * 1e6, t.marks);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

/** Self time by script and phase, and the heaviest functions. Profile times are µs on the same monotonic clock as
 * the Performance domain's NavigationStart (seconds). */
function report(p: CpuProfile, navStartUs: number, marks: Record<string, number>) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const rows = new Map<string, number[]>();
  const fns = new Map<string, number>();
  const edges = ['dcl', 'main', 'mounted', 'appContent', 'canvas', 'firstFrame', 'mapReady'].filter((k) => Number.isFinite(marks[k]));
  const windows = edges.slice(1).map((k, i) => [`${edges[i]} → ${k}`, marks[edges[i]], marks[k]] as const);
  const byWindow = windows.map(() => new Map<string, number>());
  let now = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    now += p.timeDeltas[i];
    const node = byId.get(p.samples[i]);
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const at = (now - navStartUs) / 1000;
    if (!node || at < 0 || at > marks.mapReady) continue;
    const file = node.callFrame.url ? short(node.callFrame.url) : `(${node.callFrame.functionName || 'program'})`;
    if (file === '(idle)') continue;
    const row = rows.get(file) ?? [0, 0];
    row[at < marks.fcp ? 0 : 1] += dt;
    rows.set(file, row);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + dt);
    const w = windows.findIndex(([, from, to]) => at >= from && at < to);
    if (w >= 0) {
      const m = byWindow[w];
      m.set(fn, (m.get(fn) ?? 0) + dt);
    }
  }
  console.log('\nmain-thread CPU by script, self ms (navigation → FCP | FCP → map ready), idle excluded:');
  const total = [0, 0];
  for (const [file, r] of [...rows].sort((a, b) => b[1][0] + b[1][1] - (a[1][0] + a[1][1]))) {
    total[0] += r[0];
    total[1] += r[1];
    if (r[0] + r[1] >= 5) console.log(`  ${r[0].toFixed(0).padStart(6)} | ${r[1].toFixed(0).padStart(6)}  ${file}`);
  }
  console.log(`  ${total[0].toFixed(0).padStart(6)} | ${total[1].toFixed(0).padStart(6)}  (all)`);
  windows.forEach(([name, from, to], i) => {
    const top = [...byWindow[i]].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`\n${name} (${from.toFixed(0)}–${to.toFixed(0)} ms), heaviest self ms: ` + top.map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join('; '));
  });
  console.log('\nheaviest functions before map ready (self ms):');
  for (const [fn, ms] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${fn}`);
}
