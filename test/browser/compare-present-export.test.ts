/**
 * Compare boards, present at a meeting, export what you see (README: What it does → Compare, present, export): the built app, offline,
 * in real Chromium. One page is reused across the steps, as a planner would use it.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page, Route } from 'playwright-core';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { downloadBytes, useApp, waitForMapIdle, SCREENSHOTS, type Harness } from './support/harness.ts';
import { readXlsxRows } from './support/xlsx-read.ts';
import { BOARD_FILL_OPACITY, CATEGORY_COLORS, blendOver } from '../../src/map/colors.ts';
import { CATEGORY_LABELS } from '../../src/i18n/categories.ts';
import { colorDistance, hexToRgb, pixel, screenshotPng } from './support/pixels.ts';
import { TIER_COLORS } from '../../src/ui/coverage/coverage-overlays.ts';
import { areaKm2, bboxOf, labelPoint } from '../../src/geo/measure.ts';
import { replaceFacilitiesWith, screenPoint } from './support/map-probe.ts';
import { enterCell } from './support/alloc-page.ts';
import type { BoardCollection } from '../../src/domain/board.ts';
import type { EmploymentAreaCollection } from '../../src/domain/employment-area.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { importLayer } from '../../src/io/import-layer.ts';
import { DROP_AFTER_MS } from '../../src/map/point-sets.ts';

const boards = JSON.parse(readFileSync(new URL('../../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;
const employment = JSON.parse(readFileSync(new URL('../../geodata/employment-areas.geojson', import.meta.url), 'utf8')) as EmploymentAreaCollection;
const areaOf = new Map(boards.features.map((b) => [b.properties.id, areaKm2(b.geometry)]));
const categoryOf = (id: string) => CATEGORY_LABELS.zh[boards.features.find((b) => b.properties.id === id)!.properties.category];
const keyExpansion = boards.features.filter((b) => b.properties.category === 'key-expansion');

let h: Harness;
let page: Page;
useApp((app) => ({ h, page } = app));

async function download(trigger: () => Promise<void>, timeoutMs = 90_000): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: timeoutMs }) as Promise<Download>, trigger()]);
  return { name: d.suggestedFilename(), bytes: await downloadBytes(d) };
}

async function pickForCompare(id: string): Promise<void> {
  await page.locator(`[data-testid="board-list"] button[data-board="${id}"]`).click();
  await page.getByTestId('add-compare').click();
}

describe('compare boards', () => {
  it('shows 2–4 picked boards as cards with the same figures in the same order, and bars of the differences', async () => {
    for (const id of ['jingxin', 'wutian', 'qidu']) await pickForCompare(id);
    const cards = page.getByTestId('compare-card');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-board')))).toEqual(['jingxin', 'wutian', 'qidu']);
    // Same figures, same order, on every card.
    const order = await cards.evaluateAll((els) => els.map((e) => [...e.querySelectorAll('dd[data-figure]')].map((d) => d.getAttribute('data-figure')).join(',')));
    expect(new Set(order).size).toBe(1);
    expect(order[0].split(',')).toEqual(expect.arrayContaining(['district', 'plan_district', 'area_km2', 'extent', 'confidence']));
    // Category and area as a person reads them.
    const jingxin = page.locator('[data-testid="compare-card"][data-board="jingxin"]');
    expect(await jingxin.getByTestId('card-category').textContent()).toBe(categoryOf('jingxin'));
    expect(await jingxin.locator('dd[data-figure="area_km2"]').textContent()).toBe(`${areaOf.get('jingxin')!.toFixed(2)} km²`);
    // Aligned bars: one per board per numeric figure (every tab registers some), rows in figure
    // order, so the first row is the plan's area; the largest board has the longest bar there.
    const bars = page.locator('[data-testid="compare-chart"] svg g[aria-label="bar"] rect');
    await expect.poll(() => bars.count()).toBeGreaterThanOrEqual(3);
    expect((await bars.count()) % 3).toBe(0);
    const widths = (await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))))).slice(0, 3);
    const areas = ['jingxin', 'wutian', 'qidu'].map((id) => areaOf.get(id)!);
    expect(widths.indexOf(Math.max(...widths))).toBe(areas.indexOf(Math.max(...areas)));
    expect(await page.getByTestId('compare-chart').textContent()).toContain(`${areaOf.get('qidu')!.toFixed(2)} km²`);
    // A fifth board cannot join a full set.
    await pickForCompare('yangshuang');
    await page.locator('[data-testid="board-list"] button[data-board="xincheng"]').click();
    expect(await page.getByTestId('add-compare').isDisabled()).toBe(true);
    await page.screenshot({ path: SCREENSHOTS + 'compare-cards.png' });
  });

  it('sorts and filters the table of all 21 boards; row and map highlight together', async () => {
    await page.getByTestId('view-table').click();
    const rows = page.locator('[data-testid="board-table"] tbody tr');
    expect(await rows.count()).toBe(21);
    const ids = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-board')));
    const byArea = [...areaOf.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    await page.locator('th button[data-col="area_km2"]').click();
    expect(await ids()).toEqual(byArea);
    await page.locator('th button[data-col="area_km2"]').click();
    expect(await ids()).toEqual([...byArea].reverse());
    await page.getByTestId('table-category').selectOption('key-expansion');
    expect((await ids()).sort()).toEqual(keyExpansion.map((b) => b.properties.id).sort());
    await page.getByTestId('table-text').fill('瓯海');
    expect((await ids()).length).toBeGreaterThan(0);
    expect((await ids()).length).toBeLessThan(7);
    await page.getByTestId('table-text').fill('');
    await page.getByTestId('table-category').selectOption('all');
    // Hover a row → the board is highlighted on the map.
    await rows.first().hover();
    const first = (await ids())[0]!;
    await expect.poll(() => page.evaluate((id) => (window as unknown as { __anju: { map: { getFeatureState(f: object): Record<string, unknown> } } }).__anju.map.getFeatureState({ source: 'boards', id }).hover, first)).toBe(true);
    expect(await rows.first().getAttribute('class')).toContain('hovered');
    // Hover a board on the map (above the drawer) → its row is highlighted.
    const spot = await page.evaluate(() => {
      const map = (window as unknown as { __anju: { map: { queryRenderedFeatures(p: [number, number], o: object): { properties: { id: string } }[]; getContainer(): HTMLElement } } }).__anju.map;
      const r = map.getContainer().getBoundingClientRect();
      const drawerTop = document.querySelector('[data-testid="compare-drawer"]')!.getBoundingClientRect().top;
      for (let y = 80; y < drawerTop - r.top - 20; y += 30) {
        for (let x = 40; x < r.width - 80; x += 30) {
          const hit = map.queryRenderedFeatures([x, y], { layers: ['board-fill'] })[0];
          if (hit) return { id: hit.properties.id, x: r.left + x, y: r.top + y };
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await page.mouse.move(spot!.x, spot!.y);
    await expect.poll(() => page.locator(`[data-testid="board-table"] tr[data-board="${spot!.id}"]`).getAttribute('class')).toContain('hovered');
    await page.screenshot({ path: SCREENSHOTS + 'compare-table.png' });
  });

  it('exports the table as CSV with a BOM and as XLSX, both with Chinese text, every figure filled and notes saying what they show', async () => {
    await page.getByTestId('table-category').selectOption('all');
    // The 职住平衡 tab was never opened: the export computes its figures (or waits for them) itself.
    const csv = await download(() => page.getByTestId('export-csv').click());
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { table: [header, ...body], notes } = splitCsv(csv.bytes);
    expect(body).toHaveLength(21);
    const ratioCol = header.indexOf('职住比（岗位/套）［示意］');
    expect(ratioCol, header.join('|')).toBeGreaterThan(0);
    for (const r of body) expect(r[ratioCol], `${r[1]} ratio`).toMatch(/^\d+(\.\d+)?$/);
    expect(body.filter((r) => Number(r[ratioCol]) > 0).length).toBeGreaterThan(10);
    expect(header).toContain('住房套数（套）［假设］');
    const noted = new Map(notes.filter((r) => r.length > 1 && r[0]).map((r) => [r[0], r[1]]));
    expect(noted.get('方案')).toBe('方案一');
    expect(noted.get('板块')).toBe('全部 21 个板块');
    expect(noted.get('住房供应地图')).toMatch(/商品住房 · 2021–2025年$/);
    expect(noted.get('职住平衡')).toContain('6 个示意就业区');
    expect(noted.get('职住平衡')).toContain('岗位计数：每个可达板块均计入');
    expect(noted.get('职住比（岗位/套）［示意］')).toContain('示意数据');
    expect(notes.map((r) => r[0])).toContain('规则提示（方案一）');
    expect(header.slice(0, 3)).toEqual(['编号', '板块', '板块类别']);
    expect(header).toContain('面积（km²）');
    for (const r of body) expect(r).toHaveLength(header.length);
    const ids = body.map((r) => r[0]);
    expect(ids.sort()).toEqual(boards.features.map((b) => b.properties.id).sort());
    const wutian = body.find((r) => r[0] === 'wutian')!;
    expect(wutian[1]).toBe('梧田');
    expect(Number(wutian[header.indexOf('面积（km²）')])).toBeCloseTo(areaOf.get('wutian')!, 2);

    // With the category filter on, the export holds only those boards and says so.
    await page.getByTestId('table-category').selectOption('key-expansion');
    const filtered = splitCsv((await download(() => page.getByTestId('export-csv').click())).bytes);
    expect(filtered.table).toHaveLength(1 + keyExpansion.length);
    expect(filtered.notes.find((r) => r[0] === '板块')?.[1]).toBe(`仅筛选后的 ${keyExpansion.length}/21 个板块（类别：重点拓展）`);
    await page.getByTestId('table-category').selectOption('all');

    const xlsx = await download(() => page.getByTestId('export-xlsx').click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const sheet = readXlsxRows(new Uint8Array(xlsx.bytes));
    expect(sheet).toHaveLength(22);
    expect(sheet[0]).toEqual(header);
    const row = sheet.find((r) => r[0] === 'wutian')!;
    expect(row[1]).toBe('梧田');
    expect(row[2]).toBe(categoryOf('wutian'));
    expect(Number(row[header.indexOf('面积（km²）')])).toBeCloseTo(areaOf.get('wutian')!, 2);
  });
});

describe('export', () => {
  it('exports boards as valid GeoJSON with their attributes', async () => {
    await page.getByTestId('export-menu').click();
    const file = await download(() => page.getByTestId('export-boards').click());
    expect(file.name).toMatch(/\.geojson$/);
    const fc = JSON.parse(file.bytes.toString('utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, string | number | boolean | null>>;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(21);
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      for (const ring of f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()) {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) expect(lon > 119 && lon < 122 && lat > 27 && lat < 29).toBe(true);
      }
    }
    const qidu = fc.features.find((f) => f.properties.id === 'qidu')!;
    expect(qidu.properties).toMatchObject({ name: '七都', category: 'key-expansion', schematic: true, district: '鹿城区' });
    expect(qidu.properties.area_km2).toBeCloseTo(areaOf.get('qidu')!, 2);
    expect(typeof qidu.properties.area_km2).toBe('number');

    // The same boards as FlatGeobuf (button beside GeoJSON): read back by the importer, the same
    // features, geometry and every non-null property, declared EPSG:4326.
    await page.screenshot({ path: SCREENSHOTS + 'export-menu-flatgeobuf.png' });
    const fgb = await download(() => page.getByTestId('export-boards-fgb').click());
    expect(fgb.name).toMatch(/^anju-boards-.*\.fgb$/);
    const back = await importLayer(new Uint8Array(fgb.bytes), fgb.name);
    if (!back.ok) throw new Error(back.problems.map((p) => p.code).join());
    expect(back.summary.crs).toMatchObject({ crs: { id: 'wgs84' }, source: 'flatgeobuf-header' });
    expect(back.value.features.map((f) => f.geometry)).toEqual(fc.features.map((f) => f.geometry));
    expect(back.value.features.map((f) => f.properties)).toEqual(fc.features.map((f) => Object.fromEntries(Object.entries(f.properties).filter(([, v]) => v !== null))));
  });

  // A4 at 150 dpi keeps the test quick on SwiftShader (a 300 dpi sheet is 4× the pixels: ~13 s → ~50 s); the
  // 300 dpi choice is checked by the size the button promises, computed by the same paperPixels as the export
  // (paper sizes are unit-tested: A4 300 dpi = 3508 × 2480, A3 300 dpi = 4961 × 3508). Sizes below are in mm.
  it('exports the map as an A4 PNG with title, legend and scale bar (300 dpi offered at 3508×2480); the swatches are the colours the boards show', async () => {
    // The structure's tint lies under the boards; without it a board's pixels are its fill over the land alone.
    await page.getByTestId('toggle-structure').uncheck();
    await page.getByTestId('png-paper').selectOption('A4');
    await page.getByTestId('png-dpi').selectOption('300');
    expect(await page.getByTestId('export-png').textContent()).toContain('3508×2480');
    await page.getByTestId('png-dpi').selectOption('150');
    expect(await page.getByTestId('export-png').textContent()).toContain('1754×1240');
    const file = await download(() => page.getByTestId('export-png').click(), 240_000);
    await page.getByTestId('toggle-structure').check();
    expect(file.name).toMatch(/A4-150dpi.*\.png$/);
    const png = PNG.sync.read(file.bytes);
    expect([png.width, png.height]).toEqual([1754, 1240]);
    const mm = png.width / 297; // pixels per mm; areas below scale with mm²
    // The legend (bottom left) shows each category as an opaque swatch (6 × 3.8 mm ≈ 795 px at 150 dpi) in the
    // colour a board shows: its fill at the map's opacity over the land, not the raw category colour.
    const swatches = Object.values(CATEGORY_COLORS).map((c) => blendOver(c, BOARD_FILL_OPACITY));
    const legendBox = { x0: 0, y0: Math.round(png.height * 0.5), x1: Math.round(png.width * 0.3), y1: png.height };
    for (const [hex, n] of Object.entries(countColours(png, legendBox, swatches))) expect(n, `legend swatch ${hex}`).toBeGreaterThan(18 * mm * mm);
    for (const [hex, n] of Object.entries(countColours(png, legendBox, Object.values(CATEGORY_COLORS)))) expect(n, `raw colour ${hex} in the legend`).toBeLessThan(1.4 * mm * mm);
    // The same colours fill the boards on the map (right of the legend).
    const mapBox = { x0: Math.round(png.width * 0.3), y0: 0, x1: png.width, y1: png.height };
    for (const [hex, n] of Object.entries(countColours(png, mapBox, swatches))) expect(n, `boards in ${hex} on the map`).toBeGreaterThan(7 * mm * mm);
    // The title block (top left) has dark text on a light panel.
    const titleInk = countDark(png, { x0: Math.round(6 * mm), y0: Math.round(6 * mm), x1: Math.round(118 * mm), y1: Math.round(17 * mm) });
    expect(titleInk).toBeGreaterThan(21 * mm * mm);
    writeFileSync(SCREENSHOTS + 'export-map-a4.png', file.bytes);
  }, 300_000); // SwiftShader renders the 2.2-megapixel sheet in seconds, a minute on a loaded machine
});

/** A CSV export split at its first empty row: the table, then the notes (export-notes.ts). */
function splitCsv(bytes: Buffer): { table: string[][]; notes: string[][] } {
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data.filter((r, i, all) => i < all.length - 1 || r.join('') !== '');
  const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
  return blank < 0 ? { table: rows, notes: [] } : { table: rows.slice(0, blank), notes: rows.slice(blank + 1) };
}

function countColours(png: PNG, box: { x0: number; y0: number; x1: number; y1: number }, hexes: string[]): Record<string, number> {
  const want = hexes.map(hexToRgb);
  const out: Record<string, number> = Object.fromEntries(hexes.map((h) => [h, 0]));
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (png.width * y + x) * 4;
      want.forEach((c, k) => {
        if (Math.abs(png.data[i] - c.r) <= 2 && Math.abs(png.data[i + 1] - c.g) <= 2 && Math.abs(png.data[i + 2] - c.b) <= 2) out[hexes[k]]++;
      });
    }
  }
  return out;
}

function countDark(png: PNG, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (png.width * y + x) * 4;
      if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 200) n++;
    }
  }
  return n;
}

describe('printable report', () => {
  it('prints map, board table and targets on A4 landscape pages', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __printed: number; print: () => void };
      w.__printed = 0;
      w.print = () => void w.__printed++;
    });
    await page.getByTestId('report-a4').click();
    await page.locator('[data-testid="report"][data-ready="true"]').waitFor({ timeout: 180_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    expect(await page.getByTestId('report-scenario').textContent()).toBe('方案：方案一');
    expect(await page.locator('[data-testid="report-table"] tbody tr').count()).toBe(21);
    // Columns blank or zero for every board (no facilities, nothing allocated yet) are left off the page, and it says so.
    const headers = await page.locator('[data-testid="report-table"] thead th').allTextContents();
    expect(headers.some((h) => h.includes('面积'))).toBe(true);
    expect(headers.some((h) => h.includes('生活圈'))).toBe(false);
    // Job–housing figures are computed for the report although their tab was never opened, and say they are illustrative.
    expect(headers).toContain('职住比（岗位/套）［示意］');
    const about = await page.getByTestId('report-about').textContent();
    expect(about).toContain('全部 21 个板块');
    expect(about).toContain("住房供应地图分配套数（方案一）：新建普通商品住房 · 2021–2025年");
    expect(await page.getByTestId('report-column-notes').textContent()).toContain('示意数据：基于示意就业区的岗位');
    expect(await page.getByTestId('report-warnings').locator('h2').textContent()).toBe('规则提示（方案一）');
    expect(await page.getByTestId('report-omitted').textContent()).toMatch(/另有 \d+ 列对所有板块均为空或零/);
    expect(await page.getByTestId('report').textContent()).toContain('规划第十章导语');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('#app').isVisible()).toBe(false);
      expect(await page.getByTestId('report-print').isVisible()).toBe(false);
      const pdf = await page.pdf({ path: SCREENSHOTS + 'report-a4.pdf', preferCSSPageSize: true, printBackground: true });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF')).toBe(true);
      const pages = [...text.matchAll(/\/Type\s*\/Page[^s]/g)].length;
      expect(pages).toBeGreaterThanOrEqual(3);
      // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt.
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
      expect(Number(box?.[1])).toBeCloseTo(841.9, 0);
      expect(Number(box?.[2])).toBeCloseTo(595.3, 0);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await page.getByTestId('report-close').click();
    await page.getByTestId('export-menu').click();
  }, 300_000);
});

describe('presentation', () => {
  const counter = () => page.getByTestId('present-counter').textContent();
  const title = () => page.getByTestId('present-title').textContent();

  it('steps through the chapters with the keys a clicker sends, flying to each board', async () => {
    await page.getByTestId('open-present').click();
    await page.getByTestId('presenter').waitFor();
    const total = Number((await counter())!.split('/')[1]);
    expect(total).toBeGreaterThanOrEqual(2 + keyExpansion.length);
    expect(await counter()).toBe(`1 / ${total}`);
    expect(await title()).toContain('一主一副两极多节点');
    expect(await page.getByTestId('present-legend').textContent()).toContain('重点拓展');
    await page.keyboard.press('ArrowRight');
    expect(await counter()).toBe(`2 / ${total}`);
    expect(await page.getByTestId('caption-categories').textContent()).toContain(`${keyExpansion.length} 个板块`);
    await page.keyboard.press('PageDown');
    expect(await counter()).toBe(`3 / ${total}`);
    const first = keyExpansion[0].properties;
    expect(await title()).toBe(`重点拓展板块：${first.name}`);
    const caption = page.getByTestId('caption-board');
    expect(await caption.textContent()).toContain('规划第十章第三节第2条');
    expect(await caption.locator('dd[data-figure="area_km2"]').textContent()).toMatch(new RegExp(`^${areaOf.get(first.id)!.toFixed(2)} km²（示意范围`));
    await expect.poll(() => page.evaluate((id) => (window as unknown as { __anju: { map: { getFeatureState(f: object): Record<string, unknown> } } }).__anju.map.getFeatureState({ source: 'boards', id }).selected, first.id)).toBe(true);
    await waitForMapIdle(page);
    const [w, s, e, n] = boardBbox(first.id);
    const bounds = await page.evaluate(() => (window as unknown as { __anju: { map: { getBounds(): { toArray(): number[][] } } } }).__anju.map.getBounds().toArray());
    expect(bounds[0][0] <= w && bounds[0][1] <= s && bounds[1][0] >= e && bounds[1][1] >= n).toBe(true);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/^#present\/3\?compare=jingxin,wutian,qidu,yangshuang&sname=方案一&scenario=[^&]+$/);
    await page.screenshot({ path: SCREENSHOTS + 'present-chapter-3.png' });
    await page.keyboard.press('PageUp');
    expect(await counter()).toBe(`2 / ${total}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presenter').count()).toBe(0);
    expect(await page.locator('.app').getAttribute('class')).not.toContain('map-only');
  });

});

describe('presentation that fits the room', () => {
  type Box = { x: number; y: number; width: number; height: number };
  const inside = (b: Box, w: number, h: number) => b.x >= 0 && b.y >= 0 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
  const camera = (p: Page) => p.evaluate(() => {
    const m = (window as unknown as { __anju: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).__anju.map;
    return { lng: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
  });

  it('at 1280×720 nothing overflows, the clicker pages through a board chapter to its last figure, and Esc leaves the map where it was', async () => {
    // The file's page with its window made 1280×720 (no app load of its own), then 1400×900 again.
    const small = page;
    await small.setViewportSize({ width: 1280, height: 720 });
    try {
      await waitForMapIdle(small);
      const before = await camera(small);
      await small.getByTestId('open-present').click();
      const counter = () => small.getByTestId('present-counter').textContent();
      const total = Number((await counter())!.split('/')[1]);
      for (let i = 0; i < 12 && (await counter()) !== `3 / ${total}`; i++) await small.keyboard.press('PageDown');
      expect(await counter()).toBe(`3 / ${total}`);
      const panel = (await small.getByTestId('present-caption').boundingBox())!;
      const legend = (await small.getByTestId('present-legend').boundingBox())!;
      expect(inside(panel, 1280, 720), JSON.stringify(panel)).toBe(true);
      expect(inside(legend, 1280, 720), JSON.stringify(legend)).toBe(true);
      expect(legend.x + legend.width <= panel.x || legend.y + legend.height <= panel.y, 'legend clear of the caption').toBe(true);
      const body = small.getByTestId('present-body');
      expect(await body.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      // Empty rows are left out: no "—" and no count of zero.
      const values = await small.locator('[data-testid="figure-list"] dd').allTextContents();
      expect(values.length).toBeGreaterThan(3);
      for (const v of values) expect(v).not.toMatch(/^(—|0 套)/);
      await small.screenshot({ path: SCREENSHOTS + 'present-1280x720-paged.png' });
      // The next key pages down through the caption until its last figure shows, then moves on.
      const lastVisible = () =>
        small.evaluate(() => {
          const b = document.querySelector('[data-testid="present-body"]')!.getBoundingClientRect();
          const dds = document.querySelectorAll('[data-testid="figure-list"] dd');
          const r = dds[dds.length - 1].getBoundingClientRect();
          return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
        });
      let presses = 0;
      while (!(await lastVisible()) && presses < 8) {
        await small.keyboard.press('PageDown');
        presses++;
        expect(await counter()).toBe(`3 / ${total}`);
      }
      expect(await lastVisible()).toBe(true);
      await small.keyboard.press('PageDown');
      expect(await counter()).toBe(`4 / ${total}`);
      await small.keyboard.press('Escape');
      await expect.poll(() => small.getByTestId('presenter').count()).toBe(0);
      await waitForMapIdle(small);
      const after = await camera(small);
      expect(after.zoom).toBeCloseTo(before.zoom, 2);
      expect(after.lng).toBeCloseTo(before.lng, 4);
      expect(after.lat).toBeCloseTo(before.lat, 4);
    } finally {
      await small.setViewportSize({ width: 1400, height: 900 });
      await waitForMapIdle(small);
    }
  }, 300_000);

  // One page (one app load) for both: opened from a link at 1280×720, then the window grows to 1920×1080,
  // as when the presenter moves it to the projector.
  it('opens a chapter from the URL, so a presenter can rehearse; type scales with the room: larger at 1920×1080 than at 1280×720', async () => {
    const sizes: number[] = [];
    const p = await h.newPage({ width: 1280, height: 720 });
    try {
      await p.goto(h.baseUrl + '#present/4');
      await p.getByTestId('presenter').waitFor();
      expect(await p.getByTestId('present-counter').textContent()).toMatch(/^4 \/ \d+$/);
      expect(await p.getByTestId('present-title').textContent()).toBe(`重点拓展板块：${keyExpansion[1].properties.name}`);
      for (const [width, height] of [[1280, 720], [1920, 1080]]) {
        await p.setViewportSize({ width, height });
        await waitForMapIdle(p);
        sizes.push(await p.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)));
        const panel = (await p.getByTestId('present-caption').boundingBox())!;
        expect(inside(panel, width, height)).toBe(true);
        await p.screenshot({ path: SCREENSHOTS + `present-${width}x${height}.png` });
      }
    } finally {
      await p.close();
    }
    expect(sizes[1] / sizes[0]).toBeGreaterThan(1.3);
  }, 300_000);
});

describe('the view in the URL', () => {
  it('reopens the same view from a link: position, layers, selected board, compare set', async () => {
    await page.click('[data-tab="plan"]'); // the layer toggles live in the plan tab
    await page.click('[data-testid="toggle-counties"]');
    await page.locator('[data-testid="board-list"] button[data-board="oujiangkou"]').click();
    await waitForMapIdle(page);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('board=oujiangkou');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('layers=boards,structure,nodes,labels');
    expect(hash).toContain('compare=jingxin,wutian,qidu,yangshuang');
    const zoom = await page.evaluate(() => (window as unknown as { __anju: { map: { getZoom(): number } } }).__anju.map.getZoom());
    const other = await h.newPage();
    try {
      await other.goto(h.baseUrl + hash);
      await waitForMapIdle(other);
      await other.getByTestId('board-panel').waitFor();
      expect(await other.getByTestId('board-panel').getAttribute('data-board')).toBe('oujiangkou');
      expect(await other.getByTestId('toggle-counties').isChecked()).toBe(false);
      expect(await other.getByTestId('open-compare').textContent()).toContain('4');
      const z = await other.evaluate(() => (window as unknown as { __anju: { map: { getZoom(): number } } }).__anju.map.getZoom());
      expect(z).toBeCloseTo(zoom, 1);
    } finally {
      await other.close();
      await page.click('[data-testid="toggle-counties"]');
    }
  });

  it('restores the housing type, year and compare drawer, and says when the linked scenario is not in this browser', async () => {
    const other = await h.newPage();
    try {
      await other.goto(h.baseUrl + '#tab=alloc&drawer=table&type=affordable-rental&year=2023&sname=方案二（张三）&scenario=s-elsewhere');
      await waitForMapIdle(other);
      await other.getByTestId('board-table').waitFor();
      expect(await other.getByTestId('alloc-legend').textContent()).toContain('保障性租赁住房 · 2023');
      const notice = other.getByTestId('link-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('链接所指的方案“方案二（张三）”（编号 s-elsewhere）不在此浏览器保存的项目中，现显示的是“方案一”');
      await other.screenshot({ path: SCREENSHOTS + 'link-missing-scenario.png' });
      // The address bar keeps what it restored, and now names the scenario shown.
      await expect.poll(() => other.evaluate(() => decodeURIComponent(location.hash))).toMatch(/drawer=table&type=affordable-rental&year=2023&sname=方案一&scenario=scenario-1$/);
      await other.getByTestId('link-notice-close').click();
      expect(await other.getByTestId('link-notice').count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('picking boards on the map', () => {
  it('shift-click on the map adds a board to the comparison, and again removes it', async () => {
    await page.goto(h.baseUrl); // a fresh view: empty comparison
    await waitForMapIdle(page);
    await page.evaluate(() => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo({ center: [120.7, 27.97], zoom: 11 }));
    await waitForMapIdle(page);
    const at = async (id: string) => screenPoint(page, labelPoint(boards.features.find((b) => b.properties.id === id)!.geometry));
    for (const id of ['wutian', 'xincheng']) {
      const { x, y } = await at(id);
      await page.keyboard.down('Shift');
      await page.mouse.click(x, y + 10);
      await page.keyboard.up('Shift');
    }
    const cards = page.getByTestId('compare-card');
    await expect.poll(() => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-board')))).toEqual(['wutian', 'xincheng']);
    expect(await page.getByTestId('board-panel').count()).toBe(0); // shift-click does not select
    const { x, y } = await at('wutian');
    await page.keyboard.down('Shift');
    await page.mouse.click(x, y + 10);
    await page.keyboard.up('Shift');
    await expect.poll(() => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-board')))).toEqual(['xincheng']);
  });
});

describe('presenting scenarios', () => {
  it('switches the scenario during the presentation and the allocation chapter follows', async () => {
    await page.goto(h.baseUrl);
    await page.locator('[data-tab="alloc"]').click();
    await page.getByTestId('scenario-duplicate').first().click(); // the copy becomes the active scenario
    await enterCell(page, 'qidu', 2021, '8000');
    // A project site drawn as a point in 七都: the presentation's legend must explain it.
    await waitForMapIdle(page);
    await page.getByTestId('draw-point').click();
    const at = await screenPoint(page, labelPoint(boards.features.find((b) => b.properties.id === 'qidu')!.geometry));
    await page.mouse.click(at.x, at.y + 12);
    const form = page.getByTestId('site-form-new');
    await form.getByTestId('site-units').fill('500');
    await form.getByTestId('site-submit').click();
    await expect.poll(() => page.getByTestId('site').count()).toBe(1);
    await page.getByTestId('open-present').click();
    await page.getByTestId('presenter').waitFor(); // the presentation loads on first use
    await page.keyboard.press('End'); // the last chapter: the implementation review
    await page.keyboard.press('ArrowLeft'); // the one before it: allocation against the targets
    const caption = page.getByTestId('alloc-caption');
    await expect.poll(() => caption.textContent()).toContain('副本”共分配 0.85 万套');
    // The legend names the housing type and years the boards are shaded by, and the sites.
    const legend = page.getByTestId('present-legend');
    expect(await legend.textContent()).toMatch(/分配套数（[^）]*副本）：新建普通商品住房 · 2021–2025年/);
    expect(await legend.textContent()).toMatch(/项目地块（[^）]*副本）\s*项目地块（范围）\s*项目地块（点位）/);
    const copy = await caption.textContent();
    const select = page.getByTestId('present-scenario');
    const first = await select.locator('option').first().getAttribute('value');
    await select.selectOption(first!);
    await expect.poll(() => caption.textContent()).not.toBe(copy);
    expect(await caption.textContent()).toContain('方案“方案一”共分配 0 万套');
    await page.keyboard.press('Escape');
  });
});

function boardBbox(id: string): [number, number, number, number] {
  const b = boards.features.find((f) => f.properties.id === id)!;
  const pts = (b.geometry.type === 'Polygon' ? b.geometry.coordinates : b.geometry.coordinates.flat()).flat();
  return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}


describe('layer export', () => {
  it('exports the employment areas as GeoJSON and FlatGeobuf from the same menu, the FlatGeobuf reading back as the GeoJSON', async () => {
    await page.getByTestId('export-menu').click();
    const select = page.getByTestId('export-layer');
    // Only layers with features are offered: the shipped employment areas (no facilities, population or nodes yet).
    await expect.poll(() => select.locator('option').allTextContents()).toEqual([`就业区（${employment.features.length}）`]);
    await page.getByTestId('export-panel').screenshot({ path: SCREENSHOTS + 'export-menu-layers.png' });
    const geo = await download(() => page.getByTestId('export-layer-geojson').click());
    expect(geo.name).toMatch(/^anju-employment-.*\.geojson$/);
    const fc = JSON.parse(geo.bytes.toString('utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;
    expect(fc.features).toHaveLength(employment.features.length);
    expect(fc.features[0].properties).toMatchObject({ id: employment.features[0].properties.id, name: employment.features[0].properties.name, jobs: employment.features[0].properties.jobs, illustrative: true });
    const fgb = await download(() => page.getByTestId('export-layer-fgb').click());
    expect(fgb.name).toMatch(/^anju-employment-.*\.fgb$/);
    const back = await importLayer(new Uint8Array(fgb.bytes), fgb.name);
    if (!back.ok) throw new Error(back.problems.map((p) => p.code).join());
    expect(back.summary.crs).toMatchObject({ crs: { id: 'wgs84' }, source: 'flatgeobuf-header' });
    expect(back.value.features.map((f) => f.geometry)).toEqual(fc.features.map((f) => f.geometry));
    expect(back.value.features.map((f) => f.properties)).toEqual(fc.features.map((f) => Object.fromEntries(Object.entries(f.properties).filter(([, v]) => v !== null))));
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain('已导出 anju-employment-');
    expect(await page.getByTestId('export-status').getAttribute('role')).toBe('status');
  });
});

describe('many facilities (drawn from worker tiles) in what is exported and presented', () => {
  const N = 6_000;
  const tiers = Object.values(TIER_COLORS).map(hexToRgb);
  /** Share of a box's pixels (every other row and column) in a tier colour: the facility dots a person sees. */
  const tierShare = (png: PNG, box: { x0: number; y0: number; x1: number; y1: number }) => {
    let n = 0;
    let all = 0;
    for (let y = box.y0; y < box.y1; y += 2) for (let x = box.x0; x < box.x1; x += 2, all++) if (tiers.some((c) => colorDistance(pixel(png, x, y), c) < 40)) n++;
    return n / all;
  };
  /** The printed report's map image (its PNG bytes read back through a data URL). */
  const readReportMap = async (): Promise<PNG> => {
    const dataUrl = await page.getByTestId('report-map').evaluate(async (img: HTMLImageElement) => {
      const blob = await (await fetch(img.src)).blob();
      return new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.readAsDataURL(blob);
      });
    });
    return PNG.sync.read(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  };
  /** The exported map's map part (right of the legend) and its legend's lower part. */
  const mapPart = (png: PNG) => ({ x0: Math.round(png.width * 0.3), y0: 0, x1: png.width, y1: png.height });
  const legendPart = (png: PNG) => ({ x0: 0, y0: Math.round(png.height * 0.6), x1: Math.round(png.width * 0.3), y1: png.height });
  const mapShare = async () => {
    const b = (await page.getByTestId('map').boundingBox())!;
    const png = await screenshotPng(page, b);
    return tierShare(png, { x0: 0, y0: 0, x1: png.width, y1: png.height });
  };

  it(`with ${N.toLocaleString('en')} facilities the PNG, the printed report's map and the presentation draw them and their legend as the map does`, async () => {
    const t0 = Date.now();
    const lap = (what: string) => console.log(`[tiled export] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // A seeded CSV of N points over the central city, imported as a planner would (替换).
    const boxes = boards.features.filter((b) => b.properties.id !== 'dongtou-island' && b.properties.id !== 'tengqiao-zeya').map((b) => bboxOf(b.geometry));
    const [w, s, e, n] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const rows = ['name,category,lng,lat'];
    for (let i = 0; i < N; i++) rows.push(`设施${i},${i % 2 ? 'kindergarten' : 'fresh-market'},${(w + rand() * (e - w)).toFixed(6)},${(s + rand() * (n - s)).toFixed(6)}`);
    const file = join(mkdtempSync(join(tmpdir(), 'anju-cpe-')), 'facilities.csv');
    writeFileSync(file, rows.join('\n'));
    await page.click('[data-tab="coverage"]');
    await replaceFacilitiesWith(page, file);
    await page.evaluate(([bb]) => (window as unknown as { __anju: { map: { fitBounds(b: readonly number[], o: object): void } } }).__anju.map.fitBounds(bb, { animate: false, padding: 20 }), [[w, s, e, n]] as const);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => (window as unknown as { __anju: { map: { getSource(id: string): { type: string } | undefined } } }).__anju.map.getSource('coverage-facilities')?.type), 'tiled').toBe('vector');
    const live = await mapShare();
    expect(live, 'facility dots on the live map').toBeGreaterThan(0.03);
    lap('imported and drawn');

    // The printed report's map: the PNG export's own render (composeMapImage → canvasToPng, the same
    // A4 at 150 dpi as 导出 PNG there), shown as an image on the page. One render checks both.
    await page.evaluate(() => ((window as unknown as { print: () => void }).print = () => undefined));
    if (!(await page.getByTestId('report-a4').isVisible())) await page.getByTestId('export-menu').click();
    await page.getByTestId('report-a4').click();
    await page.locator('[data-testid="report"][data-ready="true"]').waitFor({ timeout: 180_000 });
    lap('report shown');
    const reportMap = await readReportMap();
    lap('report map read');
    writeFileSync(SCREENSHOTS + 'export-map-tiled-facilities.png', PNG.sync.write(reportMap));
    expect([reportMap.width, reportMap.height]).toEqual([1754, 1240]);
    // The map part (right of the legend) has the dots about as densely as the live map; the legend has the tier dots.
    const printed = tierShare(reportMap, mapPart(reportMap));
    const legend = tierShare(reportMap, legendPart(reportMap));
    console.log(`[tiled export] tier-coloured share: live map ${live.toFixed(3)}, exported map ${printed.toFixed(3)}, its legend ${legend.toFixed(4)}`);
    expect(printed, 'facility dots on the exported map').toBeGreaterThan(live / 2);
    expect(legend, 'tier dots in the exported legend').toBeGreaterThan(0);
    await page.getByTestId('report-close').click();
    if (await page.getByTestId('report-a4').isVisible()) await page.getByTestId('export-menu').click();

    // The presentation's coverage chapter: the full-screen map draws the dots and the legend lists them.
    await page.getByTestId('open-present').click();
    await page.getByTestId('presenter').waitFor();
    const total = Number((await page.getByTestId('present-counter').textContent())!.split('/')[1]);
    for (let i = 1; i < total && !(await page.getByTestId('present-title').textContent())!.includes('生活圈覆盖'); i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('present-title').textContent()).toContain('生活圈覆盖');
    await waitForMapIdle(page);
    expect(await page.getByTestId('present-legend').textContent()).toContain('生活圈设施');
    // The chapter shows the whole central city, farther out than the view above: fewer, still many, dots.
    expect(await mapShare(), 'facility dots in the presentation').toBeGreaterThan(0.02);
    await page.screenshot({ path: SCREENSHOTS + 'present-tiled-facilities.png' });
    await page.keyboard.press('Escape');
    lap('presented');
  }, 400_000);

  type MapHook = { __anju: { map: { getSource(id: string): { tiles?: string[] } | undefined; fitBounds(b: readonly number[], o: object): void; addSource(id: string, s: object): void; addLayer(l: object): void; removeLayer(id: string): void; removeSource(id: string): void } } };
  const facilityTilesUrl = () => page.evaluate(() => (window as unknown as MapHook).__anju.map.getSource('coverage-facilities')?.tiles?.[0] ?? null);
  const toggleLayer = async (id: string, shown: boolean) => {
    await page.getByTestId('layer-panel-toggle').click();
    await page.getByTestId(`overlay-toggle-${id}`).setChecked(shown);
    await page.getByTestId('layer-panel-toggle').click();
  };

  it('facilities hidden in the layer list stay in the tile worker: shown again after the drop wait, the same tiles draw them, no set sent anew', async () => {
    const boxes = boards.features.filter((b) => b.properties.id !== 'dongtou-island' && b.properties.id !== 'tengqiao-zeya').map((b) => bboxOf(b.geometry));
    const bb = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
    await page.evaluate((bb) => (window as unknown as MapHook).__anju.map.fitBounds(bb, { animate: false, padding: 20 }), bb);
    const url = await facilityTilesUrl();
    expect(url).toMatch(/^anju-points:\/\/facilities\/\d+\//);
    await waitForMapIdle(page);
    const shown = await mapShare();
    await toggleLayer('coverage-facilities', false);
    await waitForMapIdle(page);
    const hidden = await mapShare();
    // Past the wait after which a set no overlay draws is dropped (and re-packed when drawn again).
    await page.waitForTimeout(DROP_AFTER_MS + 1_500);
    await toggleLayer('coverage-facilities', true);
    await waitForMapIdle(page);
    const again = await mapShare();
    console.log(`[tiled export] tier-coloured share of the live map: shown ${shown.toFixed(3)}, hidden ${hidden.toFixed(3)}, shown again ${again.toFixed(3)}`);
    expect(hidden, 'hidden: the dots are not drawn').toBeLessThan(shown / 3);
    expect(await facilityTilesUrl(), 'the same set and version: nothing packed and sent again').toBe(url);
    expect(again, 'shown again: the dots are drawn').toBeGreaterThan(shown * 0.8);
  });

  /**
   * A slow online layer on the live map holding MapLibre's image requests (16 at a time, shared by every map of the
   * page), so what an export asks next waits; the returned function removes it, answers nothing it held and says
   * how many requests it held.
   */
  async function stallImageRequests(): Promise<() => Promise<number>> {
    const stalled: Route[] = [];
    await page.route('**/stalled-tiles/**', (r) => void stalled.push(r));
    await page.evaluate(() => {
      const m = (window as unknown as MapHook).__anju.map;
      m.addSource('stalled', { type: 'raster', tiles: [`${location.origin}/stalled-tiles/{z}/{x}/{y}.png`], tileSize: 64 });
      m.addLayer({ id: 'stalled', type: 'raster', source: 'stalled' });
    });
    await expect.poll(() => stalled.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(16);
    return async () => {
      await page.evaluate(() => {
        const m = (window as unknown as MapHook).__anju.map;
        m.removeLayer('stalled');
        m.removeSource('stalled');
      });
      await page.unroute('**/stalled-tiles/**');
      for (const r of stalled) await r.abort().catch(() => undefined);
      return stalled.length;
    };
  }

  /** Start the A4 report's export and wait until its own map exists (offscreen): it has taken what it draws. */
  async function startReportExport(): Promise<void> {
    if (!(await page.getByTestId('report-a4').isVisible())) await page.getByTestId('export-menu').click();
    await page.getByTestId('report-a4').click();
    await page.waitForFunction(() => [...document.body.children].some((e) => (e as HTMLElement).style.left === '-30000px' && e.querySelector('canvas')), undefined, { timeout: 180_000 });
  }

  it('an export draws the facilities when the live map lets them go while it renders and the drop wait passes', async () => {
    // In the plan tab the imported facilities are hidden: there nothing on the live map draws their set.
    await page.click('[data-tab="plan"]');
    await toggleLayer('imported-facilities', false);
    await page.click('[data-tab="coverage"]');
    await waitForMapIdle(page);
    const live = await mapShare();
    // The export's point images wait behind a stalled layer, past the moment the live map lets the facilities go.
    const release = await stallImageRequests();
    await startReportExport();
    await page.click('[data-tab="plan"]');
    await page.waitForTimeout(DROP_AFTER_MS + 1_500);
    const stalled = await release();
    await page.locator('[data-testid="report"][data-ready="true"]').waitFor({ timeout: 180_000 });
    const reportMap = await readReportMap();
    writeFileSync(SCREENSHOTS + 'export-map-tiled-facilities-let-go.png', PNG.sync.write(reportMap));
    const printed = tierShare(reportMap, mapPart(reportMap));
    console.log(`[tiled export] let go while exporting: live map ${live.toFixed(3)}, exported map ${printed.toFixed(3)} (${stalled} image requests stalled)`);
    expect(printed, 'facility dots on the exported map').toBeGreaterThan(live / 2);
    // The legend is the coverage tab's, where the export started, not the plan tab's.
    const legend = tierShare(reportMap, legendPart(reportMap));
    expect(legend, 'tier dots in the exported legend').toBeGreaterThan(0);
    await page.getByTestId('report-close').click();
    if (await page.getByTestId('report-a4').isVisible()) await page.getByTestId('export-menu').click();
    await toggleLayer('imported-facilities', true);
  }, 300_000);

  it('an export whose facilities change while it renders (a facility added) refuses, naming the layer, rather than hand out a mixed image', async () => {
    await page.click('[data-tab="coverage"]');
    await waitForMapIdle(page);
    const facilities = () => page.evaluate(() => (window as unknown as MapHook).__anju.map.getSource('coverage-facilities')?.tiles?.[0] ?? null);
    const before = await facilities();
    const release = await stallImageRequests();
    await startReportExport();
    await page.getByTestId('export-menu').click(); // the menu closed: the map is free to click
    // A facility added on the live map while the export draws: the set it draws tiles of gets a new version.
    await page.getByTestId('coverage-add-mode').click();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.6);
    await expect.poll(facilities, { timeout: 30_000 }).not.toBe(before);
    await page.getByTestId('coverage-add-mode').click();
    await release();
    await page.getByTestId('export-menu').click(); // the status line is in the menu
    await expect.poll(() => page.getByTestId('export-status').textContent({ timeout: 1_000 }).catch(() => ''), { timeout: 180_000 }).toContain('导出失败');
    const status = (await page.getByTestId('export-status').textContent()) ?? '';
    console.log(`[tiled export] changed while exporting: ${status}`);
    expect(status).toContain('生活圈设施');
    expect(status).toContain('请重新导出');
    // Said as a failure (an alert in error colours), not in the green of progress and success.
    expect(await page.getByTestId('export-status').getAttribute('role')).toBe('alert');
    await page.screenshot({ path: SCREENSHOTS + 'export-refused-layer-changed.png' });
    expect(await page.getByTestId('report').count(), 'no report with a map that may mix old and new').toBe(0);
    await page.getByTestId('export-menu').click();
    await page.getByTestId('undo').click();
  }, 300_000);
});
