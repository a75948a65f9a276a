/**
 * Life-circle coverage as a planner uses it: load the illustrative facilities, read a board's
 * figure, drag a facility into a gap with the mouse and watch the figure change while dragging,
 * see the gap layer, delete a facility and undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForMapIdle, SCREENSHOTS, type Harness } from './support/harness.ts';
import { renderedIds, screenPoint } from './support/map-probe.ts';
import { screenshotPng, pixel, hexToRgb, colorDistance } from './support/pixels.ts';
import { GAP_COLOR } from '../../src/ui/coverage/coverage-overlays.ts';

const BOARD = 'jiucheng';
const TIER = '10-min';
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(h.baseUrl);
  await waitForMapIdle(page);
});
afterAll(async () => {
  await h?.close();
});

const cell = (col: string) => page.locator(`[data-testid="coverage-table"] tr[data-board="${BOARD}"] td[data-col="${col}"]`);
const facilityCount = async () => Number((await page.getByTestId('coverage-facilities').locator('h3 .n').textContent())?.replace(/\D/g, ''));

/** On-screen facilities of the board and tier, and the centre of the gap cell run farthest from them. */
async function facilitiesAndGap(): Promise<{ facility: { id: string; lonLat: [number, number] }; gap: [number, number] }> {
  return page.evaluate(
    async ([board, tier]) => {
      type Src = { getData(): Promise<{ features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] }> };
      const map = (window as unknown as { __anju: { map: { getSource(id: string): Src } } }).__anju.map;
      const facilities = (await map.getSource('coverage-facilities').getData()).features
        .filter((f) => f.properties.tier === tier && String(f.properties.id).startsWith(`demo-${board}-`))
        .map((f) => ({ id: String(f.properties.id), lonLat: f.geometry.coordinates as [number, number] }));
      const gaps = (await map.getSource('coverage-gaps').getData()).features.find((f) => f.properties.boardId === board)!;
      const runs = (gaps.geometry.coordinates as number[][][][]).map((poly) => {
        const ring = poly[0];
        return [(ring[0][0] + ring[1][0]) / 2, (ring[0][1] + ring[2][1]) / 2] as [number, number];
      });
      const far = (p: [number, number]) => Math.min(...facilities.map((f) => Math.hypot((f.lonLat[0] - p[0]) * 0.88, f.lonLat[1] - p[1])));
      runs.sort((a, b) => far(b) - far(a));
      return { facility: facilities[0], gap: runs[0] };
    },
    [BOARD, TIER] as const,
  );
}

/** Count setData calls (uploads to MapLibre's worker) per source from now on. */
async function countUploads(sources: string[]): Promise<void> {
  await page.evaluate((ids) => {
    const w = window as unknown as { __uploads: Record<string, number>; __anju: { map: { getSource(id: string): { setData(d: unknown): unknown } } } };
    w.__uploads = {};
    for (const id of ids) {
      const src = w.__anju.map.getSource(id);
      const orig = src.setData.bind(src);
      w.__uploads[id] = 0;
      src.setData = (d: unknown) => {
        w.__uploads[id]++;
        return orig(d);
      };
    }
  }, sources);
}
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

  let before = '';
  let moved: { id: string; to: [number, number] };

  it('updates the board figure while a facility is dragged into a gap, and draws the gap layer', async () => {
    await page.locator(`[data-testid="coverage-table"] tr[data-board="${BOARD}"]`).click(); // selects and zooms
    await page.getByTestId('board-panel').waitFor();
    await expect.poll(() => page.getByTestId('coverage-board-section').textContent()).toContain('示意数据，非真实设施');
    await page.waitForTimeout(900); // the fit animation (600 ms) must end before positions are read
    await waitForMapIdle(page);
    await expect.poll(async () => (await renderedIds(page, 'coverage-gaps-fill', 'boardId')).includes(BOARD), { timeout: 20_000 }).toBe(true);

    before = (await cell('area').textContent()) ?? '';
    const { facility, gap } = await facilitiesAndGap();
    const from = await screenPoint(page, facility.lonLat);
    const to = await screenPoint(page, gap);
    // The gap is drawn in red where the analysis says it is.
    await page.screenshot({ path: SCREENSHOTS + 'coverage-before-drag.png' });
    const shot = await screenshotPng(page);
    const p = pixel(shot, to.x, to.y);
    console.log('[coverage] gap pixel', p, 'gap colour', hexToRgb(GAP_COLOR), colorDistance(p, hexToRgb(GAP_COLOR)));
    expect(p.r, 'gap pixel is reddish').toBeGreaterThan(p.g + 40);
    expect(p.r).toBeGreaterThan(p.b + 40);

    await countUploads(['coverage-facilities', 'coverage-gaps']);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    // Still holding the button: the figure has already changed.
    await expect.poll(() => cell('area').textContent(), { timeout: 10_000 }).not.toBe(before);
    // The dragged facility follows the pointer (a 1-feature ghost), and the facilities source was not re-uploaded.
    await expect.poll(() => page.evaluate(({ x, y }) => {
      const map = (window as unknown as { __anju: { map: { queryRenderedFeatures(p: [number, number], o: object): unknown[]; getContainer(): HTMLElement } } }).__anju.map;
      const r = map.getContainer().getBoundingClientRect();
      return map.queryRenderedFeatures([x - r.left, y - r.top], { layers: ['feature-drag-ghost'] }).length;
    }, to)).toBe(1);
    expect(await uploads('coverage-facilities')).toBe(0);
    await page.screenshot({ path: SCREENSHOTS + 'coverage-dragging.png' });
    await page.mouse.up();
    moved = { id: facility.id, to: gap };
    await waitForMapIdle(page);
    expect(await cell('area').textContent()).not.toBe(before);
    await expect.poll(() => uploads('coverage-facilities')).toBe(1); // once, on drop
    console.log(`[coverage] gap layer updates during and after the drag: ${await uploads('coverage-gaps')}`);
    await expect.poll(() => page.getByTestId('coverage-selected').textContent()).toContain('示意');
    const latency = Number(await page.getByTestId('coverage-timing').getAttribute('data-drag-latency-ms'));
    console.log(`[coverage] drag move → figure latency in the browser: ${latency.toFixed(1)} ms`);
    expect(latency).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOTS + 'coverage-after-drag.png' });
  });

  it('deletes the selected facility and undoes the deletion', async () => {
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
});
