/**
 * Two or more built pages side by side (README "### First load"): each served by Anju's static file
 * handler and opened cold in headless Chromium, in rotating order, RUNS times (default 7); for each the
 * medians of `anju:map-ready` (the first idle frame with data, which the app and the bare page both mark),
 * of its first map frame and of the frames up to it (frames.ts), and the CPU time all of Chromium's
 * processes spent from navigation to map-ready (/proc, Linux), by process type with SPLIT=1. On this
 * shared machine the wall times swing by up to 2× between runs; the CPU time varies much less, so a change
 * shows there first. The last directory is the reference for the ratios.
 * Run: `npx vite build --outDir /tmp/a && … && npx tsx bench/first-load/compare.ts /tmp/a /tmp/b /tmp/bare`
 * (a bare page: `npm run bench -- first-load` builds one; bench/first-load/bare.ts).
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { serveStatic } from '../../src/server/http/static-files.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { FRAMES_INIT, FRAMES_READ, type Frames } from './frames.ts';

const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error('usage: tsx bench/first-load/compare.ts <dist> <dist>… (the last is the reference)');
const RUNS = Number(process.env.RUNS ?? 7);

interface Run {
  readyMs: number;
  firstFrameMs: number;
  frames: number;
  cpuMs: number;
}

/** CPU ms (user + system) of every descendant of this process, by Chromium process type. */
function chromiumCpu(): Map<string, number> {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${d}/cmdline`, 'utf8'))?.[1] ?? 'browser';
        return [{ pid: Number(d), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), type }];
      } catch {
        return []; // ended meanwhile
      }
    });
  const children = new Map<number, typeof procs>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out = new Map<string, number>();
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    out.set(p.type, (out.get(p.type) ?? 0) + p.ticks * 10); // USER_HZ = 100
    stack.push(...(children.get(p.pid) ?? []));
  }
  return out;
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

const urls: string[] = [];
const servers = [];
for (const dir of dirs) {
  const server = createServer((req, res) => {
    if (!serveStatic(dir, req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  urls.push(`http://127.0.0.1:${addr.port}/`);
  servers.push(server);
}
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });

async function load(url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(FRAMES_INIT);
    const before = chromiumCpu();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 50 });
    const after = chromiumCpu();
    if (process.env.SPLIT) console.log(`  ${url}: ` + [...after].map(([k, v]) => `${k} ${v - (before.get(k) ?? 0)}`).join(', ') + ' ms CPU');
    const f = (await page.evaluate(FRAMES_READ)) as Frames;
    const readyMs = (await page.evaluate(`performance.getEntriesByName('anju:map-ready')[0].startTime`)) as number;
    return { readyMs, firstFrameMs: f.times[0] ?? NaN, frames: f.beforeReady, cpuMs: sum(after) - sum(before) };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  await load(urls[0]); // warm the browser process itself, not measured
  const runs: Run[][] = dirs.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < dirs.length; k++) {
      const j = (k + i) % dirs.length;
      runs[j].push(await load(urls[j]));
    }
  }
  const med = (k: number, key: keyof Run) => median(runs[k].map((r) => r[key]));
  const ref = dirs.length - 1;
  dirs.forEach((dir, k) => {
    console.log(
      `${dir}: map-ready ${med(k, 'readyMs').toFixed(0)} ms (${(med(k, 'readyMs') / med(ref, 'readyMs')).toFixed(2)}×), ` +
        `first frame ${med(k, 'firstFrameMs').toFixed(0)} ms, frames ${med(k, 'frames')}, ` +
        `CPU ${med(k, 'cpuMs').toFixed(0)} ms (${(med(k, 'cpuMs') / med(ref, 'cpuMs')).toFixed(2)}×); medians of ${RUNS}; ` +
        `map-ready each run: ${runs[k].map((r) => r.readyMs.toFixed(0)).join(' ')}`,
    );
  });
} finally {
  await browser.close();
  for (const s of servers) s.close();
}
