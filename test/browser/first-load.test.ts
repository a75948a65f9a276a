/**
 * A slim first load (README "First load"): what the built app loads before it starts stays within budget,
 * carries no geodata and no worker-only library, and the first screen starts no worker of the app's
 * own and loads no basemap reader, yet draws land, counties, structure and boards offline.
 * Timings against a bare MapLibre page: `npm run bench -- first-load`.
 *
 * Then, on the same page (the tests above leave the initial project as it was; one app load fewer in
 * CI than a file of its own), the implementation review as a planner does it: import an actuals table
 * through the one import dialog, open the review tab, read a target's state and a board's figure,
 * export the targets table.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { downloadBytes, useApp, waitForMapIdle, SCREENSHOTS, switchLanguage, type Harness } from './support/harness.ts';
import { renderedIds } from './support/map-probe.ts';
import { centralCityView } from './support/alloc-page.ts';
import { initialScripts } from '../support/initial-scripts.ts';
import { app as appMessages } from '../../src/i18n/messages/app.ts';

const fixture = (name: string) => new URL(`../fixtures/actuals/${name}`, import.meta.url).pathname;
const DIST = new URL('../../dist/', import.meta.url).pathname;
/** The goal (README "First load") for everything the page loads before it runs (gzip). */
const BUDGET_GZIP_BYTES = 450_000;

const requested: string[] = [];
let h: Harness;
let page: Page;
useApp((app) => {
  ({ h, page } = app);
  page.on('request', (r) => requested.push(r.url()));
});

describe('first load', () => {
  const scripts = initialScripts(DIST);
  const code = scripts.map((f) => readFileSync(DIST + f, 'utf8'));

  it(`loads at most ${BUDGET_GZIP_BYTES / 1000} kB of script (gzip) before the app starts`, () => {
    const gzipBytes = code.reduce((a, c) => a + gzipSync(c).byteLength, 0);
    console.log(`[first-load] ${scripts.length} scripts, ${(gzipBytes / 1000).toFixed(0)} kB gzip`);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('inlines no geodata and no worker-only library in those scripts', () => {
    const counties = JSON.parse(readFileSync(new URL('../../geodata/counties.geojson', import.meta.url), 'utf8'));
    const coordinate = String(counties.features[0].geometry.coordinates.flat(3)[0]);
    const land = JSON.parse(readFileSync(new URL('../../geodata/land.geojson', import.meta.url), 'utf8'));
    const landCoordinate = String(land.features[0].geometry.coordinates.flat(3)[0]);
    const boards = readFileSync(new URL('../../geodata/boards.geojson', import.meta.url), 'utf8');
    const boardCoordinate = /\d+\.\d{6}/.exec(boards.slice(boards.indexOf('coordinates')))![0];
    for (const [i, c] of code.entries()) {
      expect(c.includes(coordinate), `${scripts[i]} holds county outlines`).toBe(false);
      expect(c.includes(landCoordinate), `${scripts[i]} holds the land`).toBe(false);
      expect(c.includes(boardCoordinate), `${scripts[i]} holds the boards`).toBe(false);
      // JSTS (job–housing catchments) and proj4 (Gauss–Krüger imports) belong to the workers.
      expect(/jsts|GeometryFactory|BufferOp/.test(c), `${scripts[i]} holds JSTS`).toBe(false);
      expect(/\+proj=|proj4/.test(c), `${scripts[i]} holds proj4`).toBe(false);
      // The PMTiles reader and the Protomaps style (pmtiles-basemap.ts) load with the first PMTiles basemap.
      expect(c.includes('Wrong magic number for PMTiles archive'), `${scripts[i]} holds the PMTiles reader`).toBe(false);
      expect(/roads_bridges_highway/.test(c), `${scripts[i]} holds the Protomaps style`).toBe(false);
      // English (UI and problem messages) loads on the first switch to it; Chinese comes first.
      expect(c.includes('Board categories'), `${scripts[i]} holds the English messages`).toBe(false);
      expect(c.includes('the file has no features'), `${scripts[i]} holds the English problem messages`).toBe(false);
      // Polygon clipping (polyclip-ts, with its bignumber.js) loads with the first polygon site.
      expect(/BigNumber|SplayTree/.test(c), `${scripts[i]} holds polygon clipping`).toBe(false);
      // The coverage and job–housing stores with their analysis (the only modules that name their workers)
      // load with their tab, board section or the first export; the problem texts with the first problem shown.
      expect(/coverage\.worker|jobs-housing\.worker/.test(c), `${scripts[i]} holds a feature's store`).toBe(false);
      expect(c.includes('文件中没有要素'), `${scripts[i]} holds the problem texts`).toBe(false);
    }
  });

  it('draws the shipped layers offline and starts no worker or basemap reader of its own', async () => {
    expect(h.blocked).toEqual([]);
    expect((await renderedIds(page, 'board-fill')).length).toBe(21);
    for (const layer of ['land-fill', 'county-line', 'structure-fill']) {
      expect(await page.evaluate((l) => (window as unknown as { __anju: { map: { queryRenderedFeatures(o: object): unknown[] } } }).__anju.map.queryRenderedFeatures({ layers: [l] }).length, layer)).toBeGreaterThan(0);
    }
    const own = requested.filter((u) => /(coverage|jobs-housing|import)\.worker|pmtiles-basemap/.test(u));
    expect(own).toEqual([]);
    // Nor the import dialog's session, the team client (no team server here), English or polygon clipping.
    expect(requested.filter((u) => /\/(import-session\.svelte|ImportDialog|mount-team-app|TeamApp|english|polygon-ops)-[\w-]+\.js$/.test(u))).toEqual([]);
    expect(page.workers().map((w) => w.url()).filter((u) => /(coverage|jobs-housing|import)\.worker/.test(u))).toEqual([]);
    // The shipped data came as files of their own, fetched beside the scripts: the boards, the structure, and
    // land, inland water, counties and county labels as one basemap file (shipped-map-data.ts).
    for (const name of ['boards', 'shipped-basemap', 'structure']) {
      expect(requested.some((u) => new RegExp(`/${name}-[\\w-]+\\.geojson$`).test(u)), name).toBe(true);
    }
    // Each module that reads a file index.html preloads takes the preload's response (vite-plugin-geojson.ts):
    // none is downloaded twice.
    const preloads = [...readFileSync(DIST + 'index.html', 'utf8').matchAll(/<link rel="preload" as="fetch" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(preloads.length).toBeGreaterThan(10);
    for (const f of preloads) expect(requested.filter((u) => u.endsWith('/' + f)), f).toHaveLength(1);
    await page.screenshot({ path: SCREENSHOTS + 'first-load.png' });
  });

  it('paints the title bar before any script runs, and shows one title bar once the app is up', async () => {
    // index.html's bar (data-boot) is the first contentful paint: the app's own title, in Chinese as the app opens.
    const html = readFileSync(DIST + 'index.html', 'utf8');
    const bar = /<header class="boot-bar" data-boot><strong>([^<]+)<\/strong><\/header>/.exec(html);
    expect(bar?.[1]).toBe(appMessages.zh['app.title']);
    // main.ts removes it with the app's mount.
    expect(await page.locator('[data-boot]').count()).toBe(0);
    expect(await page.getByText(appMessages.zh['app.title'], { exact: true }).count()).toBe(1);
  });

  it('switches to English on first use: its messages arrive, and no key or half-switched page shows meanwhile', async () => {
    // Every text the top bar and the sidebar show from the click until English is in.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __texts: string[] }).__texts = []);
      const grab = () => seen.push(`${document.querySelector('header')?.textContent ?? ''}|${document.querySelector('aside')?.textContent ?? ''}`);
      new MutationObserver(grab).observe(document.body, { subtree: true, childList: true, characterData: true });
      grab();
    });
    const before = requested.length;
    await switchLanguage(page, 'en');
    expect(requested.slice(before).some((u) => /\/english-[\w-]+\.js$/.test(u)), 'the English chunk is fetched on the switch').toBe(true);
    const texts = await page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);
    // A raw key looks like `legend.title` or `tools.export`: never on screen.
    const rawKey = /\b(app|legend|panel|plan|tools|export|layers|lang|schematic|start|tab|alloc|coverage|jh|importer|import|review|storage|basemap|figure|chapter)\.[a-zA-Z][\w.]*/;
    for (const t of texts) expect(t).not.toMatch(rawKey);
    // Each snapshot is the Chinese page or the English one, never a mix of the two.
    for (const t of texts) {
      const zh = t.includes('演示') || t.includes('导出');
      const en = t.includes('Present') || t.includes('Export');
      expect(zh && en, t.slice(0, 200)).toBe(false);
    }
    expect(texts.some((t) => t.includes('Export'))).toBe(true);
    expect(await page.getByTestId('legend').textContent()).toContain('Board categories');
    await page.screenshot({ path: SCREENSHOTS + 'first-load-english.png' });
    await switchLanguage(page, 'zh');
    expect(await page.getByTestId('legend').textContent()).toContain('板块类别');
  });

  it('starts the coverage worker when its tab opens', async () => {
    await page.click('[data-tab="coverage"]');
    await page.waitForSelector('[data-testid="coverage-sidebar"]');
    await expect.poll(() => requested.some((u) => /coverage\.worker/.test(u)), { timeout: 30_000 }).toBe(true);
  });
});

const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';

describe('implementation review', () => {
  it('imports actual supply through the dialog, then shows targets, boards and 附件1 from it', async () => {
    await page.click('[data-tab="plan"]'); // where a planner starts; the project is still the initial one
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-target').selectOption('actuals');
    await page.getByTestId('import-file').setInputFiles(fixture('actuals-sample.csv'));
    await page.getByTestId('import-result').waitFor();
    expect(await text('import-result')).toContain('9');
    await page.getByTestId('import-replace').click();
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('导入实际供应');
    await page.locator('[data-tab="review"]').click();

    const commercial = page.getByTestId('review-target-new-commercial-supply');
    expect(await commercial.getAttribute('data-state')).toBe('short');
    // 1,200 (七都) + 10,000 (瑞安市) = 1.12 万套 against 29.75–36.75; the data names four counties only.
    expect(await commercial.textContent()).toContain('1.12');
    expect(await commercial.textContent()).toContain('未达到');
    expect(await commercial.getByTestId('review-scope-note').getAttribute('title')).toContain('全市指标；数据未含 洞头区');
    expect(await text('review-targets-scope-note')).toContain('全市指标；数据未含 洞头区');
    expect(await commercial.textContent()).toContain('规划第二章第三节');

    const qidu = page.getByTestId('review-board-qidu');
    expect(await qidu.getByTestId('review-board-actual').textContent()).toContain('1,500');
    expect(await qidu.getByTestId('review-board-diff').textContent()).toBe('+1,500');
    // 附件1: 鹿城区 综合整治 2021 (52 of 52) and 龙湾区 拆改结合 2022 (2 of 2) are ticked from the data; 鹿城区 拆改结合 2022 (12 of 15) is not.
    expect(await page.getByTestId('review-reno-鹿城区|comprehensive|2021').getAttribute('data-done')).toBe('true');
    expect(await page.getByTestId('review-reno-鹿城区|demolish-rebuild|2022').getAttribute('data-done')).toBe('false');
    expect(await text('review-annex1-done')).toContain('按数据完成 2 / 65 个计划单元格');

    await page.getByTestId('import-dialog').getByRole('button', { name: '关闭' }).last().click();
    await centralCityView(page);
    // The map colours 七都 (+1,500) with the legend's class for it: legend and map from one scale.
    await waitForMapIdle(page);
    const color = await page.evaluate(() => (window as unknown as { __anju: { map: { getFeatureState(f: { source: string; id: string }): { color?: string } } } }).__anju.map.getFeatureState({ source: 'boards', id: 'qidu' }).color);
    const entry = page.getByTestId('review-legend').locator(`li[data-color="${color}"]`);
    expect(await entry.textContent()).toMatch(/实际多于方案 1,000–1,500 套/);
    await page.screenshot({ path: SCREENSHOTS + 'review.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export-csv').click()]);
    const csv = (await downloadBytes(download)).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('new-commercial-supply,新建商品住房供应套数,万套,29.75,36.75,1.12,0,3.8,未达到');

    await switchLanguage(page, 'en');
    expect(await commercial.getByTestId('review-state').textContent()).toBe('short');
    await switchLanguage(page, 'zh');

    // The review is the presentation's last chapter, with the same states and citations.
    await page.getByTestId('open-present').click();
    await page.getByTestId('presenter').waitFor(); // the presentation loads on first use
    await page.keyboard.press('End');
    const caption = page.getByTestId('review-caption');
    await expect.poll(() => caption.textContent()).toContain('新建商品住房供应套数：1.12 / 29.75–36.75 万套 — 未达到');
    expect(await caption.textContent()).toContain('规划第二章第三节');
    await page.keyboard.press('Escape');
  });
});

describe('a saved project with boards of its own', () => {
  it('never has the default boards in the map, from the first frame on', async () => {
    // A page of its own (its own IndexedDB): the saved project's boards are the default ones moved 0.05° east.
    const p = await h.newPage();
    try {
      await p.goto(h.baseUrl);
      await waitForMapIdle(p);
      const lons = await p.evaluate(
        () =>
          new Promise<[number, number]>((resolve, reject) => {
            type Geo = { coordinates: unknown };
            const map = (window as unknown as { __anju: { map: { getStyle(): { sources: Record<string, { data: { features: { geometry: Geo }[] } }> } } } }).__anju.map;
            const fc = map.getStyle().sources.boards.data;
            const shift = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? [(c as number[])[0] + 0.05, (c as number[])[1]] : (c as unknown[]).map(shift));
            const moved = { ...fc, features: fc.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: shift(f.geometry.coordinates) } })) };
            const first = (g: Geo) => (g.coordinates as unknown[]).flat(3)[0] as number;
            const req = indexedDB.open('anju');
            req.onsuccess = () => {
              const tx = req.result.transaction('slices', 'readwrite');
              tx.objectStore('slices').put(moved, 'boards');
              tx.oncomplete = () => (req.result.close(), resolve([first(fc.features[0].geometry), first(moved.features[0].geometry)]));
              tx.onerror = () => reject(tx.error);
            };
            req.onerror = () => reject(req.error);
          }),
      );
      // From the reload on: the first board's first longitude in the map's boards source at every frame the
      // map draws (none: no boards source yet), hooked as soon as the page hands a map to the test hook
      // (`map`, or `earlyMap` for a map made before the shell: see README "First load", branch earlymap).
      await p.addInitScript(() => {
        const seen: string[] = ((window as unknown as { __boardsSeen: string[] }).__boardsSeen = []);
        let held: { map?: unknown; earlyMap?: unknown } | undefined;
        Object.defineProperty(window, '__anju', {
          configurable: true,
          get: () => held,
          set: (v) => {
            held = v;
            type Src = { serialize(): { data: { features: { geometry: { coordinates: unknown[] } }[] } } };
            const m = (v?.map ?? v?.earlyMap) as { __seenHooked?: boolean; on(e: string, f: () => void): void; getSource(id: string): Src | undefined } | undefined;
            if (!m || m.__seenHooked) return;
            m.__seenHooked = true;
            m.on('render', () => {
              const data = m.getSource('boards')?.serialize().data;
              seen.push(data ? String(data.features[0]?.geometry.coordinates.flat(3)[0]) : 'none');
            });
          },
        });
      });
      await p.reload();
      await waitForMapIdle(p);
      const seen = await p.evaluate(() => (window as unknown as { __boardsSeen: string[] }).__boardsSeen);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain(String(lons[0]));
      expect(seen).toContain(String(lons[1]));
      // And the boards drawn are the saved ones: 七都 (the first board) east of where the default has it.
      expect((await renderedIds(p, 'board-fill')).length).toBe(21);
    } finally {
      await p.context().close();
    }
  });
});
