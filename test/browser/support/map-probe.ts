/** Reading the map's state from the page (through the test hook window.__anju). */
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
