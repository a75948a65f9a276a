/** Reading the map's state from the page (through the test hook window.__anju). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Ids of the features drawn in a layer anywhere on screen. */
export async function renderedIds(page: Page, layer: string, prop = 'id'): Promise<string[]> {
  return page.evaluate(
    ([layer, prop]) => {
      const map = (window as unknown as { __anju: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__anju.map;
      return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties[prop])))];
    },
    [layer, prop] as const,
  );
}

/** Screen position (CSS px, relative to the page) of a lon/lat on the map. */
export async function screenPoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as { __anju: { map: { project(ll: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } } }).__anju.map;
    const p = map.project(ll);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonLat);
}

/** Label placements of a symbol layer: text (the feature's `prop`) and screen box centre. */
export async function renderedLabels(page: Page, layer: string, prop = 'label'): Promise<{ text: string; x: number; y: number }[]> {
  return page.evaluate(([layer, prop]) => {
    const map = (window as unknown as { __anju: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]; project(ll: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } } }).__anju.map;
    const r = map.getContainer().getBoundingClientRect();
    return map.queryRenderedFeatures({ layers: [layer] }).map((f) => {
      const p = map.project(f.geometry.coordinates);
      return { text: String(f.properties[prop]), x: r.left + p.x, y: r.top + p.y };
    });
  }, [layer, prop] as const);
}

/**
 * The point-drag ghost over the map (src/map/feature-drag.ts: a DOM element, not a map layer), or
 * null: the dragged feature's id, its centre on the page (CSS px) and its reach ring's radius (px, 0 without a ring).
 */
export async function dragGhost(page: Page): Promise<{ id: string; x: number; y: number; ringPx: number } | null> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="feature-drag-ghost"]');
    if (!el) return null;
    // The element is a 0×0 box at the point; its children are centred on it.
    const r = el.getBoundingClientRect();
    const ring = el.querySelector<HTMLElement>('[data-ring-m]');
    return { id: el.dataset.featureId ?? '', x: r.left, y: r.top, ringPx: ring ? ring.getBoundingClientRect().width / 2 : 0 };
  });
}

/** Ids (`properties.id`) of `layer`'s features rendered under the page point `at` (page px, as the mouse uses). */
export async function idsAt(page: Page, at: { x: number; y: number }, layer: string): Promise<string[]> {
  return page.evaluate(
    ([x, y, l]) => {
      const m = (window as unknown as { __anju: { map: { getContainer(): HTMLElement; queryRenderedFeatures(p: [number, number], o: object): { properties: Record<string, unknown> }[] } } }).__anju.map;
      const r = m.getContainer().getBoundingClientRect();
      return m.queryRenderedFeatures([x - r.left, y - r.top], { layers: [l] }).map((f) => String(f.properties.id));
    },
    [at.x, at.y, layer] as const,
  );
}

/** Import `file` as the facilities layer through the dialog and press 替换; resolves once the dialog is closed. */
export async function replaceFacilitiesWith(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-target').selectOption('facilities');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 }).toMatch(/可导入 [\d,]+ 个设施/);
  await page.getByTestId('import-replace').click();
  await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 }).toContain('已用');
  await page.getByTestId('import-close').click();
}
