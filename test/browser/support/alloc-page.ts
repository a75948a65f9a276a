/** Helpers for driving the 住房供应 (allocation) tab in browser tests. */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import type { BoardCollection } from '../../../src/domain/board.ts';
import { labelPoint } from '../../../src/geo/measure.ts';
import { screenPoint } from './map-probe.ts';
import { screenshotPng, pixel, type Rgb } from './pixels.ts';

export const boards = JSON.parse(readFileSync(new URL('../../../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;

export function boardLabelPoint(id: string): [number, number] {
  return labelPoint(boards.features.find((b) => b.properties.id === id)!.geometry);
}

/** Type a value into a grid cell and leave it (Tab), as a planner would. */
export async function enterCell(page: Page, boardId: string, year: number, text: string): Promise<void> {
  const cell = page.getByTestId(`cell-${boardId}-${year}`);
  await cell.click();
  await cell.fill(text);
  await cell.press('Tab');
}

/**
 * The median colour of a 9×9 grid of pixels, 8 px apart, centred on a board's label point:
 * robust to the label, its halo and boundary lines drawn on top of the fill.
 */
export async function boardPixel(page: Page, boardId: string): Promise<Rgb> {
  const shot = await screenshotPng(page);
  const { x, y } = await screenPoint(page, boardLabelPoint(boardId));
  const s: Rgb[] = [];
  for (let i = -4; i <= 4; i++) for (let j = -4; j <= 4; j++) s.push(pixel(shot, x + 8 * i, y + 8 * j));
  const median = (k: keyof Rgb) => s.map((p) => p[k]).sort((a, b) => a - b)[Math.floor(s.length / 2)];
  return { r: median('r'), g: median('g'), b: median('b') };
}

/** Jump the map to the central city with labels and structure hidden (for pixel checks). */
export async function centralCityView(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo({ center: [120.68, 27.97], zoom: 10.4 }));
}

/** The colour `fg` at `opacity` over `bg`. */
export function over(fg: Rgb, bg: Rgb, opacity: number): Rgb {
  return { r: opacity * fg.r + (1 - opacity) * bg.r, g: opacity * fg.g + (1 - opacity) * bg.g, b: opacity * fg.b + (1 - opacity) * bg.b };
}

/** The choropleth colour the map holds for a board (feature state; null when uncoloured). */
export async function boardStateColor(page: Page, boardId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const map = (window as unknown as { __anju: { map: { getFeatureState(f: object): { color?: string | null } } } }).__anju.map;
    return map.getFeatureState({ source: 'boards', id }).color ?? null;
  }, boardId);
}
