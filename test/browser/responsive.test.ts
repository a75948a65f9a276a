/**
 * The page stays responsive with real-size files: after 替换 of a facilities file with 20,000 and
 * then 300,000 points, no main-thread long task exceeds 100 ms from the click until the figures a
 * planner reads are updated and the map has drawn the new points.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useApp, waitForMapIdle, SCREENSHOTS } from './support/harness.ts';
import { readStored } from './support/stored-project.ts';
import { dragGhost, idsAt as idsAtOn } from './support/map-probe.ts';
import { colorDistance, hexToRgb, pixel, screenshotPng } from './support/pixels.ts';
import { TIER_COLORS } from '../../src/ui/coverage/coverage-overlays.ts';
import { bboxOf } from '../../src/geo/measure.ts';
import { defaultBoards } from '../../src/data/embedded.ts';

const BOARD = 'jiucheng';
const tmp = mkdtempSync(join(tmpdir(), 'anju-responsive-'));
let page: Page;
useApp((app) => ({ page } = app), async (p) => {
  await p.click('[data-tab="coverage"]');
  await p.getByTestId('coverage-facilities').waitFor();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CATEGORIES = ['kindergarten', 'primary-school', 'fresh-market', 'community-health-station', 'elderly-day-care', 'convenience-store'];

/** A facilities CSV of `n` points spread over the central city's boards (seeded, so every run is the same file). */
function facilitiesCsv(n: number): string {
  const boxes = defaultBoards.features.map((b) => bboxOf(b.geometry));
  const [w, s, e, nn] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  let seed = 12345;
  // Math.imul: a plain product loses precision past 2^53 and the sequence cycled after 8,202 positions.
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const rows = ['name,category,lng,lat'];
  for (let i = 0; i < n; i++) rows.push(`设施${i},${CATEGORIES[i % CATEGORIES.length]},${(w + rand() * (e - w)).toFixed(6)},${(s + rand() * (nn - s)).toFixed(6)}`);
  return rows.join('\n');
}

const cell = (col: string) => page.locator(`[data-testid="coverage-table"] tr[data-board="${BOARD}"] td[data-col="${col}"]`);
const facilityCount = async () => Number((await page.getByTestId('coverage-facilities').locator('h3 .n').textContent())?.replace(/\D/g, ''));

interface LongTask { startMs: number; durationMs: number }
interface AnjuMap {
  __anju: {
    map: {
      getSource(id: string): { type: string } | undefined;
      queryRenderedFeatures(p: [number, number] | object, o?: object): { properties: Record<string, unknown> }[];
      getContainer(): HTMLElement;
    };
  };
}

/**
 * Long tasks (PerformanceObserver `longtask`) and long animation frames (`long-animation-frame`,
 * which say how much of a frame was script and which script) since the page loaded (buffered).
 */
async function installObserver(): Promise<void> {
  await page.evaluate(() => {
    type W = { __longTasks?: unknown[]; __frames?: unknown[]; __clicks?: { startMs: number; durationMs: number }[] };
    const w = window as unknown as W;
    if (w.__longTasks) return;
    w.__longTasks = [];
    w.__frames = [];
    // A click's own work: from the first listener (window, capturing) to the last (document, bubbling), the app's
    // handler and the microtasks after it (Svelte's update) in between; what it starts in later tasks is not in it.
    // (long-animation-frame lists a click's script only when its frame took over 50 ms.)
    w.__clicks = [];
    let clickStart = 0;
    window.addEventListener('click', () => (clickStart = performance.now()), { capture: true });
    document.addEventListener('click', () => w.__clicks!.push({ startMs: clickStart, durationMs: performance.now() - clickStart }));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push({ startMs: e.startTime, durationMs: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { renderStart: number; scripts: (PerformanceEntry & { invoker: string; sourceFunctionName: string; sourceURL: string })[] })[]) {
        w.__frames!.push({
          startMs: e.startTime,
          durationMs: e.duration,
          renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((x) => ({ durationMs: x.duration, what: `${x.invoker} ${x.sourceFunctionName} ${x.sourceURL.split('/').pop()}` })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}
interface Frame { startMs: number; durationMs: number; renderMs: number; scripts: { durationMs: number; what: string }[] }
const now = () => page.evaluate(() => performance.now());
const longTasks = (fromMs: number, toMs: number) =>
  page.evaluate(
    ([a, b]) => (window as unknown as { __longTasks: { startMs: number; durationMs: number }[] }).__longTasks.filter((t) => t.startMs + t.durationMs >= a && t.startMs <= b),
    [fromMs, toMs] as const,
  );
const frames = (fromMs: number, toMs: number): Promise<Frame[]> =>
  page.evaluate(([a, b]) => (window as unknown as { __frames: Frame[] }).__frames.filter((t) => t.startMs + t.durationMs >= a && t.startMs <= b), [fromMs, toMs] as const);
/** The longest single script (event handler, callback, message) in the frames, with what ran. */
const longestScript = (fs: Frame[]) => fs.flatMap((f) => f.scripts).sort((a, b) => b.durationMs - a.durationMs)[0] ?? { durationMs: 0, what: '' };

/** Import `n` points through the dialog, press 替换, and return the long tasks until figures and map are updated. */
async function replaceWith(n: number): Promise<{ tasks: LongTask[]; frames: Frame[]; elapsedMs: number; clickMs: number; before: string }> {
  const file = join(tmp, `facilities-${n}.csv`);
  writeFileSync(file, facilitiesCsv(n));
  const before = (await cell('area').textContent()) ?? '';
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-target').selectOption('facilities');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 }).toMatch(/可导入 [\d,]+ 个设施/);
  await installObserver();
  const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  if (process.env.TRACE) await page.context().browser()!.startTracing(page, { path: `/tmp/anju-trace-${n}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel'] });
  const t0 = await now();
  await page.getByTestId('import-replace').click();
  const clickMs = await page.evaluate((from) => (window as unknown as { __clicks: { startMs: number; durationMs: number }[] }).__clicks.filter((c) => c.startMs >= from)[0]?.durationMs, t0);
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 }).toContain('已用');
  await page.getByTestId('import-close').click();
  await expect.poll(facilityCount, { timeout: 60_000 }).toBe(n);
  await expect.poll(() => cell('area').textContent(), { timeout: 60_000 }).not.toBe(before);
  await waitForMapIdle(page);
  const t1 = await now();
  if (process.env.TRACE) await page.context().browser()!.stopTracing();
  if (cdp) writeFileSync(`/tmp/anju-profile-${n}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  return { tasks: await longTasks(t0, t1), frames: await frames(t0, t1), elapsedMs: t1 - t0, clickMs, before };
}

/** Share of the map's pixels (every other row and column) drawn in a coverage tier colour: what a person sees of the points. */
async function facilityPixelShare(): Promise<number> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const png = await screenshotPng(page, { x: box.x, y: box.y, width: box.width, height: box.height });
  const tiers = Object.values(TIER_COLORS).map(hexToRgb);
  let n = 0;
  let all = 0;
  for (let y = 0; y < png.height; y += 2)
    for (let x = 0; x < png.width; x += 2, all++) if (tiers.some((c) => colorDistance(pixel(png, x, y), c) < 40)) n++;
  return n / all;
}

/** Drag the map by a third of its width: the same rendering work without an import. */
async function panControl(): Promise<{ tasks: LongTask[]; frames: Frame[]; elapsedMs: number }> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const t0 = await now();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + box.width / 3, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  await waitForMapIdle(page);
  const t1 = await now();
  return { tasks: await longTasks(t0, t1), frames: await frames(t0, t1), elapsedMs: t1 - t0 };
}

const durations = (ts: LongTask[]) => ts.map((t) => Math.round(t.durationMs));
const measured: Record<string, LongTask[]> = {};
const measuredFrames: Record<string, Frame[]> = {};
const measuredClick: Record<string, number> = {};

// 300,000 points: set ANJU_RESPONSIVE_300K=1 (about two minutes here; over this file's CI budget).
const SIZES = process.env.ANJU_RESPONSIVE_300K === '1' ? [20_000, 300_000] : [20_000];

describe('responsive with real-size files', () => {
  for (const n of SIZES) {
    it(`replaces the facilities with ${n.toLocaleString('en')} points: the figures, the legend and the points on the map follow`, async () => {
      // Before the first import there are no facilities: next to no pixel has a tier colour.
      if (n === SIZES[0]) expect(await facilityPixelShare()).toBeLessThan(0.01);
      const r = await replaceWith(n);
      measured[`replace-${n}`] = r.tasks;
      measuredFrames[`replace-${n}`] = r.frames;
      console.log(`[responsive] ${n} points: 替换 → figures and map idle ${r.elapsedMs.toFixed(0)} ms; long tasks (ms) ${JSON.stringify(durations(r.tasks))}`);
      measuredClick[`replace-${n}`] = r.clickMs;
      console.log(`[responsive] ${n} points: the 替换 click's own work ${r.clickMs.toFixed(1)} ms`);
      console.log(`[responsive] ${n} points: frames' render time (ms) ${JSON.stringify(r.frames.map((f) => Math.round(f.renderMs)))}; scripts over 50 ms: ${JSON.stringify(r.frames.flatMap((f) => f.scripts).filter((x) => x.durationMs > 50).map((x) => `${Math.round(x.durationMs)} ${x.what}`))}`);
      expect(await facilityCount()).toBe(n);
      expect(await cell('area').textContent()).toMatch(/^\d+%$/);
      expect(await cell('area').textContent()).not.toBe(r.before);
      expect(Number(await cell('facilities').textContent())).toBeGreaterThan(0);
      await page.getByTestId('layer-panel-toggle').click();
      expect(await page.getByTestId('layer-panel').textContent()).toContain('生活圈设施');
      await page.getByTestId('layer-panel-toggle').click();
      // Points everywhere over the central city (about 17–18 % of the map at 20,000 and at 300,000 points).
      expect(await facilityPixelShare(), 'facility points drawn on the map').toBeGreaterThan(0.08);
      await page.screenshot({ path: SCREENSHOTS + `responsive-${n}.png` });

      const pan = await panControl();
      measured[`pan-${n}`] = pan.tasks;
      console.log(`[responsive] ${n} points, control (one pan, no import): ${pan.elapsedMs.toFixed(0)} ms; long tasks (ms) ${JSON.stringify(durations(pan.tasks))}; render (ms) ${JSON.stringify(pan.frames.map((f) => Math.round(f.renderMs)))}; longest script ${JSON.stringify(longestScript(pan.frames))}`);
       }, n > 100_000 ? 400_000 : undefined); // 300,000 points: 69–83 s for 替换 alone here

    // Two bounds (README, Speed). (a) is the app's own: no script — ours or MapLibre's — runs over 100 ms in a
    // frame from 替换 until figures and map are updated. At 20,000 points this test guarded 200 ms until session 10
    // (a MapLibre frame of 106 ms on session 6's quietest run, over 200 ms at load 10); since the facilities are
    // images below zoom 14 and the import worker makes the stored form and the tile points, three runs of this file
    // alone (session 10, two of them beside other engineers' tests) had no script over 50 ms, so it guards the
    // issue's 100 ms. At 300,000 points (ANJU_RESPONSIVE_300K=1) it holds at load 3–5 (56 and 66 ms) and fails now
    // and then under load (garbage collection in the build slices; README Speed). (b) is every long task, frame
    // commits included: under SwiftShader a bare MapLibre page with only land, counties and boards has long tasks of
    // 100–1,200 ms when panned (`npm run bench -- pan-long-tasks`: 92 of 96 over 100 ms), so (b) belongs to the
    // environment until it runs on a GPU; the tasks at 300,000 points are those at 20,000 (0.1–0.4 s, the base map's
    // frames). `it.fails` turns red the day (b) holds: then make it a plain `it`.
    const boundMs = 100;
    it(`has no script over ${boundMs} ms (ours or MapLibre's) from 替换 with ${n.toLocaleString('en')} points until the figures and the map are updated`, () => {
      const fs = measuredFrames[`replace-${n}`];
      expect(fs, 'the import above ran').toBeDefined();
      expect(longestScript(fs).durationMs, longestScript(fs).what).toBeLessThanOrEqual(boundMs);
    });
    it.fails(`(known shortfall, README Speed: SwiftShader frames) has no main-thread long task over 100 ms from 替换 with ${n.toLocaleString('en')} points until the figures and the map are updated`, () => {
      const tasks = measured[`replace-${n}`];
      expect(tasks, 'the import above ran').toBeDefined();
      expect(Math.max(0, ...durations(tasks))).toBeLessThanOrEqual(100);
    });
  }

  it('draws the many facilities from tiles made in a worker (images below zoom 14): a dot under the pointer is found, a click selects one, a drag moves it', async () => {
    expect(await page.evaluate(() => (window as unknown as AnjuMap).__anju.map.getSource('coverage-facilities')?.type), 'the facilities source is a vector one').toBe('vector');
    // Below zoom 14 the dots are images the tile worker draws; the circle layer, not drawn, answers the pointer.
    expect(await page.evaluate(() => (window as unknown as AnjuMap).__anju.map.getSource('coverage-facilities~coverage-facilities-circle')?.type), 'the dots drawn from images').toBe('raster');
    await waitForMapIdle(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const png = await screenshotPng(page, { x: box.x, y: box.y, width: box.width, height: box.height });
    const tiers = Object.values(TIER_COLORS).map(hexToRgb);
    const isDot = (x: number, y: number) => tiers.some((c) => colorDistance(pixel(png, x, y), c) < 20);
    {
      // Every 97th pixel (in css px) of the map that shows a dot's fill: what a person would point at.
      const dots: [number, number][] = [];
      for (let i = 0; i < png.width * png.height && dots.length < 60; i += 97) {
        const x = i % png.width, y = Math.floor(i / png.width);
        if (x > 10 && y > 10 && x < png.width - 10 && y < png.height - 10 && isDot(x, y)) dots.push([x, y]);
      }
      const found = await page.evaluate((ps) => {
        const m = (window as unknown as AnjuMap).__anju.map;
        return ps.filter((p) => m.queryRenderedFeatures(p, { layers: ['coverage-facilities-circle'] }).length > 0).length;
      }, dots);
      console.log(`[responsive] pointing at ${dots.length} dots drawn from images: ${found} find a facility`);
      expect(dots.length).toBeGreaterThan(30);
      expect(found, 'dots under the pointer found by the circle layer').toBe(dots.length);
    }
    const idsAt = (at: { x: number; y: number }, layer: string) => idsAtOn(page, at, layer);
    // The dot nearest the map's centre (a dot's fill colour in the picture), and the topmost facility there: what a click takes.
    const [cx, cy] = [Math.round(png.width / 2), Math.round(png.height / 2)];
    let near = [cx, cy];
    for (let r = 0, done = false; r < 40 && !done; r++) {
      for (let dy = -r; dy <= r && !done; dy++) for (let dx = -r; dx <= r && !done; dx++) if (Math.max(Math.abs(dx), Math.abs(dy)) === r && isDot(cx + dx, cy + dy)) [near, done] = [[cx + dx, cy + dy], true];
    }
    const from = { x: box.x + near[0], y: box.y + near[1] };
    const [id] = await idsAt(from, 'coverage-facilities-circle');
    const inView = () => page.evaluate(() => (window as unknown as AnjuMap).__anju.map.queryRenderedFeatures({ layers: ['coverage-facilities-circle'] }).length);
    expect(id, `a facility under the dot nearest the centre of the map, ${JSON.stringify(near)} (${await inView()} in view)`).toBeDefined();
    const target = { id };
    // Click: the facility is selected (its panel and its halo).
    await page.mouse.click(from.x, from.y);
    await expect.poll(() => page.getByTestId('coverage-selected').textContent()).toContain('设施');
    await expect.poll(() => idsAt(from, 'coverage-selected-halo'), { timeout: 30_000 }).toEqual([target.id]);
    // Tiles carry each facility's tier: the dot's colour.
    expect(await page.evaluate(() => (window as unknown as AnjuMap).__anju.map.queryRenderedFeatures({ layers: ['coverage-facilities-circle'] }).every((f) => /^(5-min|10-min|15-min|other)$/.test(String(f.properties.tier))))).toBe(true);

    // Drag it 80 px right: the ghost follows; on release the tiles are cut again with the point at its new place.
    const to = { x: from.x + 80, y: from.y + 10 };
    await waitForMapIdle(page);
    const undimmed = pixel(await screenshotPng(page), from.x, from.y);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    // After 300,000 points the page is still busy (autosave) and handles the moves late: wait for them.
    await expect.poll(async () => { const g = await dragGhost(page); return g && Math.hypot(g.x - to.x, g.y - to.y) < 1.5 ? g.id : null; }, { timeout: 30_000 }).toBe(target.id);
    // The original, drawn from an image here (feature state redraws no image), is dimmed by a veil over it, as a circle would be.
    const dimmed = pixel(await screenshotPng(page), from.x, from.y);
    await page.screenshot({ path: SCREENSHOTS + 'responsive-drag-veil.png', clip: { x: from.x - 60, y: from.y - 60, width: 200, height: 140 } });
    console.log(`[responsive] dragged original drawn from an image: ${JSON.stringify(undimmed)} before, ${JSON.stringify(dimmed)} during the drag`);
    expect(dimmed.r + dimmed.g + dimmed.b, 'the original is paler during the drag').toBeGreaterThan(undimmed.r + undimmed.g + undimmed.b + 120);
    // The ghost looks like the drawn circles (not like the undrawn layer that finds them under images: one colour, opacity 0).
    const ghostFill = await page.evaluate(() => {
      const dot = document.querySelector('[data-testid="feature-drag-ghost"] > div:last-child');
      return dot ? getComputedStyle(dot).backgroundColor : null;
    });
    expect(Object.values(TIER_COLORS).map((hex) => { const c = hexToRgb(hex); return `rgb(${c.r}, ${c.g}, ${c.b})`; }), 'the ghost is drawn in a tier colour').toContain(ghostFill);
    // PROFILE=1: a CPU profile from the drop until the moved point is drawn (or the wait fails).
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const t0 = await now();
    await page.mouse.up();
    try {
      await expect.poll(() => idsAt(to, 'coverage-facilities-circle'), { timeout: 20_000 }).toContain(target.id);
    } finally {
      if (cdp) writeFileSync(`/tmp/anju-profile-drop-${SIZES[SIZES.length - 1]}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    }
    const t1 = await now();
    const dropMs = t1 - t0;
    const dropScripts = (await frames(t0, t1)).flatMap((f) => f.scripts).filter((x) => x.durationMs > 50);
    await waitForMapIdle(page);
    await expect.poll(() => dragGhost(page)).toBeNull();
    expect(await idsAt(from, 'coverage-facilities-circle')).not.toContain(target.id);
    // What a person sees: tier-coloured dots where the points are.
    expect(await facilityPixelShare()).toBeGreaterThan(0.08);
    expect(await facilityCount()).toBe(SIZES[SIZES.length - 1]);
    console.log(`[responsive] drop → moved point drawn from the new tiles: ${dropMs.toFixed(0)} ms; scripts over 50 ms: ${JSON.stringify(dropScripts.map((x) => `${Math.round(x.durationMs)} ${x.what}`))}`);
    await page.screenshot({ path: SCREENSHOTS + 'responsive-tiled-drag.png' });
  }, SIZES.length > 1 ? 300_000 : undefined);

  it('stores the large layer packed (coordinate arrays, texts as JSON) in parts of 10,000 and finds every point again after a reload', async () => {
    const n = SIZES[SIZES.length - 1];
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('saved');
    const { slices } = await readStored(page);
    const parts = Math.ceil(n / 10_000);
    expect(slices.facilities).toEqual({ format: 'anju-packed-facilities-parts-1', parts });
    const stored = Array.from({ length: parts }, (_, i) => slices[`facilities#${i}`] as { lonLat?: { length: number }; texts?: string });
    expect(stored.map((p) => p.lonLat?.length)).toEqual(Array.from({ length: parts }, (_, i) => 2 * Math.min(10_000, n - i * 10_000)));
    expect(JSON.parse(stored.map((p) => p.texts).join('')).map((column: unknown[]) => column.length)).toEqual([n, n, n, n]);
    await page.reload();
    await page.click('[data-tab="coverage"]');
    await expect.poll(facilityCount, { timeout: 60_000 }).toBe(n);
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
  });
});
