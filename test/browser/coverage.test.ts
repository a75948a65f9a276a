/**
 * Life-circle coverage as a planner uses it: load the illustrative facilities, read a board's
 * figure, drag a facility into a gap with the mouse and watch the figure change while dragging,
 * see the gap layer, delete a facility and undo.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, waitForMapIdle, SCREENSHOTS, switchLanguage, downloadBytes } from './support/harness.ts';
import { PNG } from 'pngjs';
import { dragGhost, renderedIds, screenPoint } from './support/map-probe.ts';
import { screenshotPng, pixel } from './support/pixels.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bboxOf } from '../../src/geo/measure.ts';
import { defaultBoards } from '../../src/data/embedded.ts';

const BOARD = 'jiucheng';
const TIER = '10-min';
let page: Page;
useApp((app) => ({ page } = app));

const cell = (col: string) => page.locator(`[data-testid="coverage-table"] tr[data-board="${BOARD}"] td[data-col="${col}"]`);
/** A gap cell's red (#e31a1c at 0.32) over the land, board shading or structure: red well above green and blue. */
const isGapRed = (p: { r: number; g: number; b: number }) => p.r > p.g + 40 && p.r > p.b + 40;
const facilityCount = async () => Number((await page.getByTestId('coverage-facilities').locator('h3 .n').textContent())?.replace(/\D/g, ''));

/** On-screen facilities of the board and tier, and the centre of the gap cell run farthest from them. */
async function facilitiesAndGap(): Promise<{ facility: { id: string; lonLat: [number, number] }; gap: [number, number] }> {
  return page.evaluate(
    async ([board, tier]) => {
      type Src = { getData(): Promise<{ features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] }> };
      type Map = { getSource(id: string): Src; querySourceFeatures(id: string, o: object): { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
      const map = (window as unknown as { __anju: { map: Map } }).__anju.map;
      const facilities = (await map.getSource('coverage-facilities').getData()).features
        .filter((f) => f.properties.tier === tier && String(f.properties.id).startsWith(`demo-${board}-`))
        .map((f) => ({ id: String(f.properties.id), lonLat: f.geometry.coordinates as [number, number] }));
      // The gap cells are vector tiles made by the tile worker: each run is a box (cut at tile edges).
      const boxes = map
        .querySourceFeatures('coverage-gaps', { sourceLayer: 'points', filter: ['==', ['get', 'boardId'], board] })
        .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as number[][][]] : (f.geometry.coordinates as number[][][][])));
      const runs = boxes.map(([ring]) => {
        const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
        return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] as [number, number];
      });
      const far = (p: [number, number]) => Math.min(...facilities.map((f) => Math.hypot((f.lonLat[0] - p[0]) * 0.88, f.lonLat[1] - p[1])));
      runs.sort((a, b) => far(b) - far(a));
      return { facility: facilities[0], gap: runs[0] };
    },
    [BOARD, TIER] as const,
  );
}

/** Count new data per source from now on: setData calls (uploads to MapLibre's worker), or setTiles (new tiled data). */
async function countUploads(sources: string[]): Promise<void> {
  await page.evaluate((ids) => {
    type Setter = (d: unknown) => unknown;
    const w = window as unknown as { __uploads: Record<string, number>; __anju: { map: { getSource(id: string): Record<string, Setter> } } };
    w.__uploads = {};
    for (const id of ids) {
      const src = w.__anju.map.getSource(id);
      const name = 'setData' in src ? 'setData' : 'setTiles';
      const orig = src[name].bind(src);
      w.__uploads[id] = 0;
      src[name] = (d: unknown) => {
        w.__uploads[id]++;
        return orig(d);
      };
    }
  }, sources);
}
/** Count the map's frames and its sources' data events (per source) from now on. */
async function countMapWork(): Promise<void> {
  await page.evaluate(() => {
    type Ev = { sourceId?: string };
    const w = window as unknown as { __work: { renders: number; sources: Record<string, number> }; __anju: { map: { on(t: string, f: (e: Ev) => void): void } } };
    w.__work = { renders: 0, sources: {} };
    w.__anju.map.on('render', () => w.__work.renders++);
    w.__anju.map.on('sourcedata', (e) => {
      if (e.sourceId) w.__work.sources[e.sourceId] = (w.__work.sources[e.sourceId] ?? 0) + 1;
    });
  });
}
const mapWork = () => page.evaluate(() => structuredClone((window as unknown as { __work: { renders: number; sources: Record<string, number> } }).__work));
/** Whether the facility's feature state says it is being dragged (its original drawn dimmed). */
const draggedState = (id: string) =>
  page.evaluate((id) => (window as unknown as { __anju: { map: { getFeatureState(f: object): Record<string, unknown> } } }).__anju.map.getFeatureState({ source: 'coverage-facilities', id }).dragged === true, id);
/** Ids of a layer's features drawn at a page point. */
const renderedIdsAt = (at: { x: number; y: number }, layer: string) =>
  page.evaluate(
    ([x, y, layer]) => {
      const map = (window as unknown as { __anju: { map: { queryRenderedFeatures(p: [number, number], o: object): { properties: Record<string, unknown> }[]; getContainer(): HTMLElement } } }).__anju.map;
      const r = map.getContainer().getBoundingClientRect();
      return map.queryRenderedFeatures([x - r.left, y - r.top], { layers: [layer] }).map((f) => String(f.properties.id));
    },
    [at.x, at.y, layer] as const,
  );
/** The median distance (px) from a page point to the vertices of a facility's reach ring drawn by the rings layer. */
const drawnRingRadiusPx = (id: string, at: { x: number; y: number }) =>
  page.evaluate(
    ([id, x, y]) => {
      type F = { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][] | number[][][] } };
      const map = (window as unknown as { __anju: { map: { queryRenderedFeatures(o: object): F[]; project(ll: number[]): { x: number; y: number }; getContainer(): HTMLElement } } }).__anju.map;
      const r = map.getContainer().getBoundingClientRect();
      const d = map
        .queryRenderedFeatures({ layers: ['coverage-rings-line'] })
        .filter((f) => String(f.properties.id) === id)
        .flatMap((f) => (f.geometry.type === 'LineString' ? (f.geometry.coordinates as number[][]) : (f.geometry.coordinates as number[][][]).flat()))
        .map((ll) => {
          const p = map.project(ll);
          return Math.hypot(r.left + p.x - x, r.top + p.y - y);
        })
        .sort((a, b) => a - b);
      return d.length ? d[Math.floor(d.length / 2)] : 0;
    },
    [id, at.x, at.y] as const,
  );
const uploads = (id: string) => page.evaluate((id) => (window as unknown as { __uploads: Record<string, number> }).__uploads[id], id);

describe('life-circle coverage', () => {
  it('loads the illustrative facilities, labelled as such, and fills the board table', async () => {
    await page.click('[data-tab="coverage"]');
    expect(await page.getByTestId('coverage-distance-mode').textContent()).toContain('直线距离');
    await page.getByTestId('coverage-load-illustrative').click();
    await expect.poll(() => page.getByTestId('coverage-illustrative').textContent()).toBe('示意数据，非真实设施');
    await expect.poll(() => cell('area').textContent(), { timeout: 20_000 }).toMatch(/^\d+%$/);
    expect(await page.locator('[data-testid="coverage-table"] tbody tr').count()).toBe(21);
    expect(await page.getByTestId('coverage-table-section').textContent()).toContain('示意数据，非真实设施');
    expect(Number(await cell('facilities').textContent())).toBeGreaterThan(0);
  });

  it('says on the map, in the layer list and in the presentation legend that facilities and gaps are illustrative; the layer list hides them', async () => {
    await expect.poll(() => page.getByTestId('illustrative-note').textContent()).toContain('生活圈设施');
    await page.getByTestId('layer-panel-toggle').click();
    // Hidden is not removed: the layer stays on the map, not drawn (visibility none).
    const hasLayer = () => page.evaluate(() => {
      const m = (window as unknown as { __anju: { map: { getLayer(id: string): unknown; getLayoutProperty(id: string, p: string): unknown } } }).__anju.map;
      return !!m.getLayer('coverage-facilities-circle') && m.getLayoutProperty('coverage-facilities-circle', 'visibility') !== 'none';
    });
    expect(await page.locator('[data-testid="layer-panel"] label[data-status="illustrative"]').count()).toBeGreaterThanOrEqual(1);
    await page.getByTestId('overlay-toggle-coverage-facilities').uncheck();
    await expect.poll(hasLayer).toBe(false);
    await page.getByTestId('overlay-toggle-coverage-facilities').check();
    await expect.poll(hasLayer).toBe(true);
    await page.getByTestId('layer-panel-toggle').click();
    // The presentation's coverage chapter lists both layers with their status.
    await page.getByTestId('open-present').click();
    const title = () => page.getByTestId('present-title').textContent();
    for (let i = 0; i < 40 && !(await title())?.includes('生活圈'); i++) await page.keyboard.press('PageDown');
    const legend = (await page.getByTestId('present-legend').textContent()) ?? '';
    expect(legend).toContain('生活圈设施（示意）');
    expect(legend).toContain('生活圈服务缺口（示意）');
    // The chapter's caption (the plan's principle, the standard, live figures) is drawn before the photograph.
    await expect.poll(() => page.getByTestId('coverage-caption').textContent()).toContain('GB 50180-2018');
    await expect.poll(() => page.getByTestId('coverage-caption').textContent()).toContain('示意数据，非真实设施');
    await page.screenshot({ path: SCREENSHOTS + 'coverage-present-legend.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presenter').count()).toBe(0);
    await page.click('[data-tab="coverage"]');
  });

  let before = '';
  let moved: { id: string; to: [number, number] };

  it('updates the board figure while a facility is dragged into a gap, and draws the gap layer', async () => {
    await page.locator(`[data-testid="coverage-table"] tr[data-board="${BOARD}"]`).click(); // selects and zooms
    await page.getByTestId('board-panel').waitFor();
    await expect.poll(() => page.getByTestId('coverage-board-section').textContent()).toContain('示意数据，非真实设施');
    await waitForMapIdle(page); // reduced motion (harness): the fit is a jump, no animation to wait out
    await expect.poll(async () => (await renderedIds(page, 'coverage-gaps-fill', 'boardId')).includes(BOARD), { timeout: 20_000 }).toBe(true);

    before = (await cell('area').textContent()) ?? '';
    const { facility, gap } = await facilitiesAndGap();
    const from = await screenPoint(page, facility.lonLat);
    const to = await screenPoint(page, gap);
    // The gap is drawn in red (translucent over the board) where the analysis says it is.
    await page.screenshot({ path: SCREENSHOTS + 'coverage-before-drag.png' });
    const shot = await screenshotPng(page);
    const p = pixel(shot, to.x, to.y);
    expect(p.r, 'gap pixel is reddish').toBeGreaterThan(p.g + 40);
    expect(p.r).toBeGreaterThan(p.b + 40);

    await countUploads(['coverage-facilities', 'coverage-gaps']);
    // PROFILE=1 writes a CPU profile of the drag to /tmp/anju-drag.cpuprofile (to find where its time goes).
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await page.evaluate(() => {
        const w = window as unknown as { __loaf: unknown[] };
        w.__loaf = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries() as unknown as { startTime: number; duration: number; renderStart: number; styleAndLayoutStart: number; blockingDuration: number; scripts: { invoker: string; duration: number; sourceFunctionName: string }[] }[]) {
            w.__loaf.push({ t: Math.round(e.startTime), d: Math.round(e.duration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), layout: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName} ${Math.round(s.duration)}`) });
          }
        }).observe({ type: 'long-animation-frame' });
      });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Past the click tolerance the drag starts: the original is dimmed, the selection's halo and ring wait for the
    // drop (a few map frames, once). Then count what the moves make the map do.
    await page.mouse.move(from.x + 6, from.y, { steps: 2 });
    await expect.poll(async () => (await dragGhost(page))?.id).toBe(facility.id);
    await waitForMapIdle(page);
    await countMapWork();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    // Still holding the button: the figure has already changed.
    await expect.poll(() => cell('area').textContent(), { timeout: 10_000 }).not.toBe(before);
    // The dragged facility follows the pointer: a DOM ghost over the map, with the reach ring of its tier.
    await expect.poll(async () => {
      const g = await dragGhost(page);
      return g !== null && g.id === facility.id && Math.hypot(g.x - to.x, g.y - to.y) < 1.5;
    }).toBe(true);
    const ghost = (await dragGhost(page))!;
    expect(ghost.ringPx).toBeGreaterThan(20);
    // The moves changed no map source and drew (almost) no map frame: a ghost source drew one frame per move
    // (SwiftShader: 50–200 ms each under load), and the figures of the next move waited behind it. What may
    // still draw: the board's colour when its share crosses a step of the ramp, the hovered board when the
    // pointer crosses into another.
    const work = await mapWork();
    console.log(`[coverage] map work during 12 drag moves: ${work.renders} frames, source data events ${JSON.stringify(work.sources)}`);
    expect(work.sources).toEqual({});
    expect(work.renders).toBeLessThanOrEqual(4);
    // The original stays where it was, dimmed (feature state: no tile reload), until the drop is drawn.
    expect(await draggedState(facility.id)).toBe(true);
    expect(await uploads('coverage-facilities')).toBe(0);
    // Nor was the gap layer recomputed and redrawn mid-drag: the worker spends ~150 ms on the gap grid, during
    // which a move waits; it follows the drop.
    expect(await uploads('coverage-gaps')).toBe(0);
    // The ghost is drawn in the facility's tier colour (10-min: #0571b0) where the pointer is.
    const dragShot = await screenshotPng(page);
    const g = pixel(dragShot, to.x, to.y);
    expect(g.b, 'the ghost is blue at the pointer').toBeGreaterThan(g.r + 60);
    await page.screenshot({ path: SCREENSHOTS + 'coverage-dragging.png' });
    await page.mouse.up();
    if (cdp) {
      writeFileSync('/tmp/anju-drag.cpuprofile', JSON.stringify((await cdp.send('Profiler.stop')).profile));
      writeFileSync('/tmp/anju-drag-loaf.json', JSON.stringify(await page.evaluate(() => (window as unknown as { __loaf: unknown[] }).__loaf), null, 1));
    }
    moved = { id: facility.id, to: gap };
    await waitForMapIdle(page);
    expect(await cell('area').textContent()).not.toBe(before);
    await expect.poll(() => uploads('coverage-facilities')).toBe(1); // once, on drop
    // The ghost goes once the dropped data is drawn, and the facility is no longer dimmed.
    await expect.poll(() => dragGhost(page), { timeout: 20_000 }).toBeNull();
    expect(await draggedState(facility.id)).toBe(false);
    expect(await renderedIdsAt(to, 'coverage-facilities-circle')).toContain(facility.id);
    // The ghost's ring had the radius of the ring now drawn around the dropped facility (from the tiles).
    await waitForMapIdle(page);
    const ringPx = await drawnRingRadiusPx(facility.id, to);
    console.log(`[coverage] reach ring: ghost ${ghost.ringPx.toFixed(1)} px, drawn ${ringPx.toFixed(1)} px`);
    expect(Math.abs(ringPx - ghost.ringPx)).toBeLessThan(2);
    console.log(`[coverage] gap layer updates during and after the drag: ${await uploads('coverage-gaps')}`);
    await expect.poll(() => page.getByTestId('coverage-selected').textContent()).toContain('示意');
    const latency = Number(await page.getByTestId('coverage-timing').getAttribute('data-drag-latency-ms'));
    const computeMs = Number(await page.getByTestId('coverage-timing').getAttribute('data-compute-ms'));
    const timing = JSON.parse((await page.getByTestId('coverage-timing').getAttribute('data-drag-timing')) ?? '{}') as Record<string, number>;
    console.log(`[coverage] drag: median pointer move → new figures ${latency.toFixed(1)} ms (waiting for a frame ${timing.frameWaitMs?.toFixed(1)} ms, worker round trip ${timing.roundTripMs?.toFixed(1)} ms: to the worker ${timing.toWorkerMs?.toFixed(1)} ms, compute ${timing.computeMs?.toFixed(2)} ms, back ${timing.backMs?.toFixed(1)} ms); worker compute of the drop ${computeMs.toFixed(2)} ms`);
    expect(latency).toBeGreaterThan(0);
    // Where a move's time went while each move changed a 1-feature ghost source (2026-11-26/27, load 8–18 on the
    // 2 cores): to the worker ~1–4 ms, its compute < 1 ms, and 85–384 ms "back": the page handled the reply late,
    // busy with the map frame the ghost move had caused (SwiftShader; 21 frames for 12 moves). Medians read
    // 93–408 ms. With the DOM ghost the map draws (almost) nothing per move (asserted above) and the median read
    // ~11 ms at load ~11 (README Speed). So: the worker's part stays small (fails if a worker job comes back
    // between moves), and the median is under the 100 ms on a loaded machine.
    expect(timing.toWorkerMs + timing.computeMs).toBeLessThan(100);
    expect(latency).toBeLessThan(100);
    await page.screenshot({ path: SCREENSHOTS + 'coverage-after-drag.png' });

    // The exported map (PNG, printed report) draws the gaps where the live map does: it renders the same tiled
    // source offscreen (export-style.ts, point-tiles.ts). Live gap pixels, mapped into the sheet, are red there too.
    const t0 = Date.now();
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const live = await screenshotPng(page, mapBox);
    await page.getByTestId('export-menu').click();
    await page.getByTestId('png-paper').selectOption('A4');
    await page.getByTestId('png-dpi').selectOption('150');
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-png').click()]);
    const sheetBytes = await downloadBytes(d);
    const exportMs = Date.now() - t0;
    await page.getByTestId('export-menu').click();
    writeFileSync(SCREENSHOTS + 'coverage-export-a4-150dpi.png', sheetBytes);
    const sheet = PNG.sync.read(sheetBytes);
    const ratio = 150 / 96;
    const scale = Math.min(sheet.width / ratio / live.width, sheet.height / ratio / live.height) * ratio;
    let liveRed = 0, mapped = 0, mappedRed = 0, sheetRed = 0;
    for (let y = 0; y < sheet.height; y += 2) for (let x = Math.round(sheet.width * 0.3); x < sheet.width; x += 2) if (isGapRed(pixel(sheet, x, y))) sheetRed++;
    for (let y = 0; y < live.height; y += 2) {
      for (let x = 0; x < live.width; x += 2) {
        if (!isGapRed(pixel(live, x, y))) continue;
        liveRed++;
        const sx = sheet.width / 2 + (x - live.width / 2) * scale, sy = sheet.height / 2 + (y - live.height / 2) * scale;
        if (sx < sheet.width * 0.3 || sx >= sheet.width || sy < 0 || sy >= sheet.height) continue; // under the legend and title
        mapped++;
        if (isGapRed(pixel(sheet, sx, sy))) mappedRed++;
      }
    }
    console.log(`[coverage] gap-red pixels: live ${(liveRed / ((live.width * live.height) / 4) * 100).toFixed(1)}% of the map, sheet ${(sheetRed / (((sheet.width * 0.7) * sheet.height) / 4) * 100).toFixed(1)}% of its map part; ${mappedRed}/${mapped} live gap pixels red in the sheet (export ${exportMs} ms, all ${Date.now() - t0} ms)`);
    expect(liveRed).toBeGreaterThan(200);
    expect(mapped).toBeGreaterThan(100);
    expect(mappedRed / mapped).toBeGreaterThan(0.8);
  });

  it('adds a facility by clicking the map in add mode, undoably', async () => {
    const n = await facilityCount();
    await page.getByTestId('coverage-add-mode').click();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.75);
    await expect.poll(facilityCount).toBe(n + 1);
    expect(await page.getByTestId('coverage-selected').textContent()).toContain('幼儿园');
    await page.getByTestId('coverage-add-mode').click();
    await page.getByTestId('undo').click();
    await expect.poll(facilityCount).toBe(n);
  });

  it('deletes the selected facility and undoes the deletion', async () => {
    // Select the dragged facility by clicking it where it was dropped.
    const at = await screenPoint(page, moved.to);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('coverage-selected').textContent()).toContain('示意');
    const n = await facilityCount();
    const inBoard = Number(await cell('facilities').textContent());
    await page.getByTestId('coverage-delete').click();
    await expect.poll(facilityCount).toBe(n - 1);
    await expect.poll(async () => Number(await cell('facilities').textContent())).toBe(inBoard - 1);
    await page.getByTestId('undo').click();
    await expect.poll(facilityCount).toBe(n);
    await expect.poll(async () => Number(await cell('facilities').textContent())).toBe(inBoard);
    // Undo of the delete brings the facility back where it was dropped, not where it started.
    const back = await page.evaluate(async (id) => {
      const map = (window as unknown as { __anju: { map: { getSource(id: string): { getData(): Promise<{ features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] }> } } } }).__anju.map;
      return (await map.getSource('coverage-facilities').getData()).features.find((f) => f.properties.id === id)?.geometry.coordinates ?? null;
    }, moved.id);
    expect(back).not.toBeNull();
    expect(Math.abs(back![0] - moved.to[0])).toBeLessThan(0.002);
    expect(Math.abs(back![1] - moved.to[1])).toBeLessThan(0.002);
    await page.getByTestId('undo').click(); // undo the drag: back to the start, figure as before
    await expect.poll(() => cell('area').textContent()).toBe(before);
  });

  it('walks along an imported street network: figures beside the straight line, over-claims on the map', async () => {
    // A street grid every ~330 m over the board (noded: lines share their crossing vertices).
    const [w, so, e, n] = bboxOf(defaultBoards.features.find((b) => b.properties.id === BOARD)!.geometry);
    const step = 0.003;
    const xs = Array.from({ length: Math.ceil((e - w) / step) + 1 }, (_, i) => +(w + i * step).toFixed(6));
    const ys = Array.from({ length: Math.ceil((n - so) / step) + 1 }, (_, i) => +(so + i * step).toFixed(6));
    const line = (coordinates: number[][]) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
    const fc = { type: 'FeatureCollection', features: [...xs.map((x) => line(ys.map((y) => [x, y]))), ...ys.map((y) => line(xs.map((x) => [x, y])))] };
    const file = join(mkdtempSync(join(tmpdir(), 'anju-')), 'streets.geojson');
    writeFileSync(file, JSON.stringify(fc));
    // The tab's button opens the one import dialog with the street network preselected.
    await page.getByTestId('coverage-import-streets').click();
    expect(await page.getByTestId('import-target').inputValue()).toBe('streets');
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(/可导入 \d+ 个路段/);
    await page.getByTestId('import-replace').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('已用 streets.geojson 导入');
    await page.getByTestId('import-close').click();
    await expect.poll(() => page.getByTestId('coverage-distance-mode').textContent()).toContain('街道网络');
    await expect.poll(() => cell('network').textContent(), { timeout: 30_000 }).toMatch(/^\d+%$/);
    const straight = parseInt((await cell('area').textContent())!, 10);
    const network = parseInt((await cell('network').textContent())!, 10);
    // Walking along streets never reaches farther than a straight line (up to the 100 m sampling).
    expect(network).toBeLessThanOrEqual(straight + 1);
    await waitForMapIdle(page);
    await expect.poll(async () => (await renderedIds(page, 'coverage-overclaim-circle', 'boardId')).includes(BOARD), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('coverage-board-section').locator('[data-tier="10-min"] [data-col="network"]').textContent()).toMatch(/^\d+%/);
    await page.screenshot({ path: SCREENSHOTS + 'coverage-network.png' });
    await switchLanguage(page, 'en');
    expect(await page.getByTestId('coverage-distance-mode').textContent()).toContain('Street network loaded');
    expect(await page.getByTestId('coverage-table-section').textContent()).toContain('Illustrative data, not real facilities');
    await page.screenshot({ path: SCREENSHOTS + 'coverage-english.png' });
    await switchLanguage(page, 'zh');
  });
});
