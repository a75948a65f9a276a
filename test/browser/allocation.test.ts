/**
 * Supply allocation as a planner uses it, in the built app in real Chromium: allocate units in
 * the grid and see the map and the gauges change; trigger a rule warning and undo it; draw,
 * snap, move and delete sites; duplicate and compare scenarios; tick off 附件1.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, waitForMapIdle, SCREENSHOTS } from './support/harness.ts';
import { screenPoint } from './support/map-probe.ts';
import { colorDistance, hexToRgb } from './support/pixels.ts';
import { boardPixel, boardStateColor, centralCityView, enterCell, over } from './support/alloc-page.ts';
import { SEQUENTIAL, ZERO_COLOR } from '../../src/ui/allocation/color-scale.ts';

let page: Page;
useApp(
  (app) => ({ page } = app),
  async (p) => {
    await p.click('[data-tab="alloc"]');
    await p.getByTestId('alloc-sidebar').waitFor();
  },
);


describe('the allocation grid, the map and the gauges', () => {
  it('shades a board by its allocated units and moves the year gauge into range', async () => {
    await centralCityView(page);
    await waitForMapIdle(page);
    const before = await boardPixel(page, 'tengqiao-zeya');
    expect(await page.getByTestId('gauge-new-commercial-supply-2021').getAttribute('data-state')).toBe('below');

    // 6.0 万套 of commercial housing in 2021: inside the plan's 5.95–7.35 万套 a year.
    await enterCell(page, 'tengqiao-zeya', 2021, '60000');
    await expect.poll(() => page.getByTestId('gauge-new-commercial-supply-2021').getAttribute('data-state')).toBe('within');
    expect(await page.getByTestId('gauge-state-new-commercial-supply').textContent()).toBe('低于区间'); // 5-year total still below 29.75 万套
    expect(await page.getByTestId('alloc-total').textContent()).toBe('60,000');
    expect(await page.getByTestId('gauge-scope-note').textContent()).toContain('全市');

    // Entering data selects no board: no panel opened, the board shows its plain fill. The map
    // takes the new colours once entries pause (the grid never waits for a repaint).
    expect(await page.getByTestId('board-panel').count()).toBe(0);
    await expect.poll(() => boardStateColor(page, 'tengqiao-zeya')).toBe(SEQUENTIAL[4]);
    await waitForMapIdle(page);
    await page.screenshot({ path: SCREENSHOTS + 'allocation-grid-map.png' });
    // The fill is drawn at 55 % over whatever lies below (land, structure): recover that from
    // the "before" pixel, then expect the darkest class's colour over the same background.
    const zero = hexToRgb(ZERO_COLOR);
    const below = { r: (before.r - 0.55 * zero.r) / 0.45, g: (before.g - 0.55 * zero.g) / 0.45, b: (before.b - 0.55 * zero.b) / 0.45 };
    const after = await boardPixel(page, 'tengqiao-zeya');
    expect(colorDistance(after, over(hexToRgb(SEQUENTIAL[4]), below, 0.55)), JSON.stringify({ before, after })).toBeLessThan(20);
    expect(colorDistance(after, before)).toBeGreaterThan(60);
    expect(await page.getByTestId('alloc-legend').textContent()).toContain('40,000 – 60,000');
  });

  it('refuses invalid entries with a message and keeps the cell; Enter moves down, Tab right', async () => {
    const cell = page.getByTestId('cell-tengqiao-zeya-2022');
    await cell.click();
    await cell.fill('12.5');
    await cell.press('Enter');
    expect(await page.getByTestId('grid-problem').textContent()).toContain('套数应为整数，而不是 12.5');
    expect(await cell.inputValue()).toBe('');
    // Enter moved to the next board in the same year; type there, Tab to the next year.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(await focused()).toBe('cell-xincheng-2022');
    await page.keyboard.type('1,200');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('cell-xincheng-2023');
    await expect.poll(() => page.getByTestId('alloc-sum-xincheng').textContent()).toBe('1,200');
    expect(await page.locator('[data-testid="grid-problem"]').count()).toBe(0);
    await page.keyboard.type('-3');
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('grid-problem').textContent()).toContain('套数不能为负数');
    expect(await page.getByTestId('cell-xincheng-2023').inputValue()).toBe('');
  });

  it('warns when a 存量提升 board gets commercial units above the threshold, citing the plan, and undo removes it', async () => {
    const warning = page.locator('[data-testid="rule-warning"][data-measure="commercialUnits"][data-board="jiucheng"]');
    expect(await warning.count()).toBe(0);
    await enterCell(page, 'jiucheng', 2023, '3500');
    await warning.first().waitFor();
    const text = await warning.first().textContent();
    expect(text).toContain('旧城：新建商品住房 3,500 套，超过阈值 3,000 套');
    expect(text).toContain('控制新建商品住房供应');
    expect(text).toContain('规划第十章第三节第1条');
    await page.screenshot({ path: SCREENSHOTS + 'allocation-warning.png' });

    // Raise the threshold (Anju's assumption): the warning goes; lower it back: it returns.
    await page.getByTestId('thresholds').locator('summary').click();
    const th = page.getByTestId('threshold-stockUpgradeMaxCommercialUnits');
    await th.fill('4000');
    await th.press('Tab');
    await expect.poll(() => warning.count()).toBe(0);
    await page.getByTestId('undo').click(); // undo the threshold
    await expect.poll(() => warning.count()).toBeGreaterThan(0);
    await page.getByTestId('undo').click(); // undo the allocation
    await expect.poll(() => warning.count()).toBe(0);
    expect(await page.getByTestId('cell-jiucheng-2023').inputValue()).toBe('');
  });
});

describe('sites', () => {
  it('draws a polygon site, assigns it to its board, snaps a neighbour to its corner, moves and deletes it', async () => {
    await page.evaluate(() => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo({ center: [120.71, 28.0], zoom: 13 }));
    await waitForMapIdle(page);
    // A square inside 新城 (xincheng), drawn vertex by vertex, finished with a double-click.
    await page.getByTestId('draw-polygon').click();
    const corners: [number, number][] = [[120.70, 27.995], [120.715, 27.995], [120.715, 28.005], [120.70, 28.005]];
    const px = await Promise.all(corners.map((c) => screenPoint(page, c)));
    for (const p of px.slice(0, 3)) await page.mouse.click(p.x, p.y);
    await page.mouse.dblclick(px[3].x, px[3].y);
    const form = page.getByTestId('site-form-new');
    await form.waitFor();
    await form.getByTestId('site-units').fill('800');
    await form.getByTestId('site-type').selectOption('affordable-rental');
    await form.getByTestId('site-submit').click();
    const site = page.getByTestId('site').first();
    await expect.poll(() => site.textContent()).toContain('800 套');
    const boardOf = await site.getByTestId('site-board').textContent();
    expect(boardOf).toMatch(/^(新城|滨江CBD|旧城|仰双|高铁新城|景新)/);
    await waitForMapIdle(page);
    await page.screenshot({ path: SCREENSHOTS + 'allocation-site.png' });

    // A second polygon whose first click lands 3 px from the first site's corner snaps to it.
    const siteRings = async () =>
      page.evaluate(async () => {
        const map = (window as unknown as { __anju: { map: { getSource(id: string): { getData(): Promise<{ features: { geometry: { coordinates: [number, number][][] } }[] }> } } } }).__anju.map;
        return (await map.getSource('alloc-sites').getData()).features.map((f) => f.geometry.coordinates[0]);
      });
    const [ring0] = await siteRings();
    const corner = ring0.reduce((best, p) => (p[0] + p[1] > best[0] + best[1] ? p : best)); // the north-east corner
    await page.getByTestId('draw-polygon').click();
    const c0 = await screenPoint(page, corner);
    for (const p of [{ x: c0.x + 2, y: c0.y - 2 }, { x: c0.x + 70, y: c0.y }, { x: c0.x + 70, y: c0.y - 50 }]) await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Enter');
    await form.getByTestId('site-units').fill('300');
    await form.getByTestId('site-submit').click();
    await expect.poll(() => page.getByTestId('site').count()).toBe(2);
    const [, ring1] = await siteRings();
    expect(ring1.filter((p) => p[0] === corner[0] && p[1] === corner[1]).length).toBeGreaterThanOrEqual(1); // the exact same coordinates

    // Drag the first site east by ~80 px: its geometry moves; undo puts it back.
    await waitForMapIdle(page);
    const inside = await screenPoint(page, [120.7075, 28.0]);
    await page.evaluate(() => {
      const w = window as unknown as { __editData: number; __anju: { map: { on(t: string, f: (e: { sourceId?: string }) => void): void } } };
      w.__editData = 0;
      w.__anju.map.on('sourcedata', (e) => void (e.sourceId === 'anju-edit' && w.__editData++));
    });
    const xs0 = (await Promise.all(ring0.map((p) => screenPoint(page, p)))).map((p) => p.x);
    await page.mouse.move(inside.x, inside.y);
    await page.mouse.down();
    await page.mouse.move(inside.x + 80, inside.y, { steps: 8 });
    // The moved site is previewed over the map (SVG moved by CSS, overlay-drag.ts) 80 px east; no map source got data per move.
    const preview = (await page.getByTestId('overlay-drag-preview').locator('path').boundingBox())!;
    expect(Math.abs(preview.x + preview.width / 2 - ((Math.min(...xs0) + Math.max(...xs0)) / 2 + 80))).toBeLessThan(1.5); // centres: the box has the outline
    expect(await page.evaluate(() => (window as unknown as { __editData: number }).__editData)).toBe(0);
    await page.screenshot({ path: SCREENSHOTS + 'allocation-site-dragging.png' });
    await page.mouse.up();
    const firstX = async () =>
      page.evaluate(async () => {
        const map = (window as unknown as { __anju: { map: { getSource(id: string): { getData(): Promise<{ features: { geometry: { coordinates: number[][][] } }[] }> } } } }).__anju.map;
        return (await map.getSource('alloc-sites').getData()).features[0].geometry.coordinates[0][0][0];
      });
    await expect.poll(firstX).toBeGreaterThan(120.705);
    await expect.poll(() => page.getByTestId('overlay-drag-preview').count()).toBe(0); // once the moved site is drawn
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('移动项目地块');
    await page.getByTestId('undo').click();
    await expect.poll(firstX).toBeCloseTo(ring0[0][0], 9);

    // Delete the second site (select it in the list), then undo the deletion.
    await page.getByTestId('site').nth(1).locator('button').click();
    await page.getByTestId('site-delete').click();
    await expect.poll(() => page.getByTestId('site').count()).toBe(1);
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('site').count()).toBe(2);
  });

  it('reopens with its polygon sites on their boards: polygon clipping loads before the app renders', async () => {
    const boardsOf = () => page.getByTestId('site-board').allTextContents();
    const before = await boardsOf();
    expect(before).toHaveLength(2);
    const total = await page.getByTestId('alloc-total').textContent();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved'); // the autosave, under load
    await page.reload();
    await page.locator('[data-tab="alloc"]').click();
    await page.getByTestId('alloc-sidebar').waitFor();
    await expect.poll(() => page.getByTestId('site').count()).toBe(2);
    expect(await boardsOf()).toEqual(before);
    expect(await page.getByTestId('alloc-total').textContent()).toBe(total);
    // The clipping chunk came before the app's first render asked for anything of the supply tab.
    const started = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop() ?? '', e.startTime] as const));
    const at = (re: RegExp) => started.find(([name]) => re.test(name))?.[1] ?? Infinity;
    expect(at(/^polygon-ops-[\w-]+\.js$/)).toBeLessThan(at(/^AllocationSidebar-[\w-]+\.js$/));
  });
});

describe('scenarios', () => {
  it('duplicates a scenario, changes the copy and reads the difference in the comparison table', async () => {
    await page.getByTestId('scenario-duplicate').first().click();
    await expect.poll(() => page.getByTestId('scenario').count()).toBe(2);
    expect(await page.locator('[data-testid="scenario"] button[aria-pressed="true"]').textContent()).toBe('方案一 副本');
    await page.getByTestId('alloc-type').selectOption('commercial');
    await enterCell(page, 'qidu', 2024, '2500');
    await page.getByTestId('scenario-diff-toggle').click();
    await page.getByTestId('scenario-diff').waitFor();
    const row = page.locator('[data-testid="scenario-diff-boards"] tr[data-board="qidu"]');
    expect((await row.locator('td').allTextContents())).toEqual(['0', '2,500', '+2,500']);
    const typeRow = page.locator('[data-testid="scenario-diff-types"] tr[data-type="commercial"]');
    expect((await typeRow.locator('td').allTextContents())).toEqual(['61,500', '64,000', '+2,500']);
    await waitForMapIdle(page);
    await page.screenshot({ path: SCREENSHOTS + 'allocation-scenario-diff.png' });
    await page.getByTestId('scenario-diff-toggle').click();
  });

  it('ticks off a 附件1 cell and undoes it', async () => {
    await page.getByTestId('renovation').locator('xpath=..').locator('summary').click();
    const box = page.getByTestId('reno-鹿城区|comprehensive|2021');
    await box.check();
    await expect.poll(() => page.getByTestId('renovation-done').textContent()).toBe('已勾选完成 52 / 520 个小区');
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('renovation-done').textContent()).toBe('已勾选完成 0 / 520 个小区');
  });
});
