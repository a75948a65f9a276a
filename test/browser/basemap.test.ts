/**
 * Basemaps a planner brings, offline: a PMTiles file from disk (vector, drawn with the Protomaps
 * style; raster), remembered across a reload; an online basemap that cannot be reached keeps the
 * built-in land and says so once; a GCJ-02 service is refused before any request.
 * The PMTiles files are made by the test from the shipped geodata (test/support/basemap-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { namedFlavor } from '@protomaps/basemaps';
import type { Page } from 'playwright-core';
import { useApp, waitForMapIdle, SCREENSHOTS, type Harness } from './support/harness.ts';
import { screenPoint } from './support/map-probe.ts';
import { screenshotPng, pixel, hexToRgb, colorDistance, type Rgb } from './support/pixels.ts';
import { vectorFixture, rasterFixture, FIXTURE_ROAD_LAT } from '../support/basemap-fixtures.ts';
import { mbtilesOpenMapTilesFixture, mbtilesRasterFixture, mbtilesVectorFixture } from '../support/mbtiles-fixtures.ts';
import { BASEMAP_COLORS } from '../../src/map/colors.ts';

let h: Harness;
let page: Page;
const consoleErrors: string[] = [];
useApp(
  (app) => ({ h, page } = app),
  async (p) => {
    p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    // Plain basemap: the plan's layers off, so pixels are the basemap's.
    await plainMap(p);
  },
);

/** The plan's layers off (the address keeps them off across a reload), so pixels are the basemap's. */
async function plainMap(p: Page): Promise<void> {
  for (const g of ['boards', 'structure', 'labels', 'counties']) await p.uncheck(`[data-testid="toggle-${g}"]`);
}

const flavor = namedFlavor('light');
/** A land point away from the fixture's road, water and labels (瓯海, south-west of the old city). */
const LAND_POINT: [number, number] = [120.56, 27.93];

async function view(zoom = 10): Promise<void> {
  await page.evaluate(([lon, lat, z]) => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo({ center: [lon, lat], zoom: z }), [120.62, 27.97, zoom]);
  await waitForMapIdle(page);
}
async function colourAt(lonLat: [number, number]): Promise<Rgb> {
  const { x, y } = await screenPoint(page, lonLat);
  return pixel(await screenshotPng(page), Math.round(x), Math.round(y));
}
async function status(state: string): Promise<string> {
  await page.waitForSelector(`[data-testid="basemap-status"][data-state="${state}"]`, { timeout: 60_000 });
  return (await page.textContent('[data-testid="basemap-status"]')) ?? '';
}
/** How many of 8 points along the fixture's highway have a pixel of the road's colour (default: Protomaps' highway white) within 3 px. */
async function roadHits(colour = flavor.highway): Promise<number> {
  const shot = await screenshotPng(page);
  const white = hexToRgb(colour);
  let hits = 0;
  for (let lon = 120.45; lon <= 120.8; lon += 0.05) {
    const { x, y } = await screenPoint(page, [lon, FIXTURE_ROAD_LAT]);
    const near = [-3, -2, -1, 0, 1, 2, 3].some((dy) => colorDistance(pixel(shot, Math.round(x), Math.round(y) + dy), white) < 15);
    if (near) hits++;
  }
  return hits;
}

describe('a basemap file from disk', () => {
  it('draws a vector PMTiles file with the Protomaps style, offline, with its Chinese place names', async () => {
    await page.click('[data-testid="basemap-pmtiles"]');
    await page.setInputFiles('[data-testid="basemap-file"]', { name: '温州底图.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(vectorFixture()) });
    expect(await status('ok')).toContain('温州底图.pmtiles');
    await view();
    await page.screenshot({ path: `${SCREENSHOTS}basemap-pmtiles-vector.png` });
    // The file's land colour replaces the built-in one, and its highway is drawn.
    expect(colorDistance(await colourAt(LAND_POINT), hexToRgb(flavor.earth))).toBeLessThan(12);
    await view(12); // the highway is wider there
    expect(await roadHits()).toBeGreaterThanOrEqual(5);
    await view();
    const places = await page.evaluate(() => (window as unknown as { __anju: { map: { queryRenderedFeatures(o: object): { properties: { name: string } }[] } } }).__anju.map.queryRenderedFeatures({ layers: ['basemap-places_locality'] }).map((f) => f.properties.name));
    expect(places).toContain('鹿城区');
    expect(h.blocked).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('opens the same file again after a reload, from this browser’s storage', async () => {
    await page.reload();
    await waitForMapIdle(page);
    await plainMap(page);
    expect(await status('ok')).toContain('温州底图.pmtiles');
    await view();
    await page.screenshot({ path: `${SCREENSHOTS}basemap-pmtiles-reloaded.png` });
    expect(colorDistance(await colourAt(LAND_POINT), hexToRgb(flavor.earth))).toBeLessThan(12);
    expect(await page.textContent('[data-testid="basemap-picker"]')).toContain('刷新后自动打开');
  });

  it('draws a raster PMTiles file', async () => {
    await page.setInputFiles('[data-testid="basemap-file"]', { name: 'raster.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(rasterFixture([200, 30, 30])) });
    expect(await status('ok')).toContain('栅格');
    await view();
    expect(colorDistance(await colourAt(LAND_POINT), { r: 200, g: 30, b: 30 })).toBeLessThan(12);
    await page.screenshot({ path: `${SCREENSHOTS}basemap-pmtiles-raster.png` });
  });
});

describe('online and custom tile services', () => {
  it('keeps the built-in land when OpenStreetMap cannot be reached, and says so once', async () => {
    const before = h.blocked.length;
    consoleErrors.length = 0;
    await page.click('[data-testid="basemap-osm"]');
    expect(await status('failed')).toMatch(/在线底图无法加载.*仍显示内置离线底图/);
    await view();
    await page.screenshot({ path: `${SCREENSHOTS}basemap-online-failed.png` });
    expect(colorDistance(await colourAt(LAND_POINT), hexToRgb(BASEMAP_COLORS.land))).toBeLessThan(10);
    // One probe tile was tried, not a screenful; at most its one network error reached the console.
    expect(h.blocked.length - before).toBe(1);
    expect(consoleErrors.length).toBeLessThanOrEqual(1);
  });

  it('refuses a GCJ-02 tile service before any request', async () => {
    const before = h.blocked.length;
    await page.click('[data-testid="basemap-custom"]');
    await page.fill('[data-testid="basemap-template"]', 'https://t0.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}');
    await page.selectOption('[data-testid="basemap-crs"]', 'gcj02');
    await page.click('[data-testid="basemap-apply"]');
    expect(await page.textContent('[data-testid="basemap-refused"]')).toContain('GCJ-02');
    expect(h.blocked.length).toBe(before);
    await page.click('[data-testid="basemap-offline"]');
  });
});

describe('an MBTiles basemap file from disk', () => {
  it('draws raster and vector MBTiles files offline (Protomaps style; generic style for another schema) and refuses files that are not MBTiles', async () => {
    consoleErrors.length = 0;
    const blockedBefore = h.blocked.length;
    const [raster, vector, omt] = await Promise.all([mbtilesRasterFixture([30, 110, 190]), mbtilesVectorFixture(), mbtilesOpenMapTilesFixture()]);
    /** Opens a file and waits for the status it ends in and for the map to draw it; returns the status text. */
    const open = async (name: string, bytes: Uint8Array, state: 'ok' | 'failed') => {
      await page.setInputFiles('[data-testid="basemap-file"]', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
      const text = await status(state);
      await waitForMapIdle(page);
      return text;
    };
    await page.click('[data-testid="basemap-pmtiles"]');
    await view(12); // one view for every file: the land point and the highway are both on screen
    // Raster: every tile one colour, so the land point takes it.
    expect(await open('卫星影像.mbtiles', raster, 'ok')).toMatch(/卫星影像\.mbtiles：栅格，5–10 级/);
    expect(colorDistance(await colourAt(LAND_POINT), { r: 30, g: 110, b: 190 })).toBeLessThan(12);
    // Vector in the Protomaps schema, gzip-compressed tiles in a map/images view: Protomaps' land colour and highway.
    expect(await open('温州底图.mbtiles', vector, 'ok')).toMatch(/温州底图\.mbtiles：矢量，5–10 级/);
    expect(colorDistance(await colourAt(LAND_POINT), hexToRgb(flavor.earth))).toBeLessThan(12);
    expect(await roadHits()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: `${SCREENSHOTS}basemap-mbtiles-vector.png` });
    // OpenMapTiles schema: the generic style, said so; its road drawn in the road colour.
    expect(await open('openmaptiles.mbtiles', omt, 'ok')).toContain('通用样式');
    expect(await roadHits('#c98a3c')).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: `${SCREENSHOTS}basemap-mbtiles-generic.png` });
    // Not a basemap file: refused with what is wrong; the map keeps the built-in land, the picker the file kept before.
    expect(await open('说明.mbtiles', new TextEncoder().encode('这不是数据库'), 'failed')).toContain('说明.mbtiles 不是底图文件');
    expect(colorDistance(await colourAt(LAND_POINT), hexToRgb(BASEMAP_COLORS.land))).toBeLessThan(10);
    expect(await page.textContent('[data-testid="basemap-picker"]')).toContain('openmaptiles.mbtiles');
    await page.screenshot({ path: `${SCREENSHOTS}basemap-mbtiles-refused.png` });
    expect(h.blocked.length).toBe(blockedBefore); // offline: nothing asked of the network
    expect(consoleErrors).toEqual([]);
  });
});
