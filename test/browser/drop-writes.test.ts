/**
 * What a drop writes to the real IndexedDB, in the built app in Chromium: after 替换 of 25,000
 * facilities (stored as three part records and a head, src/state/persistence/stored-facilities.ts),
 * dragging one facility on the coverage tab puts one part record (the one holding it) and deletes
 * none; after a reload the first drop does the same (the stored form read is remembered). Every
 * `put` and `delete` on the `slices` store is counted by wrapping the browser's own
 * IDBObjectStore methods (the calls go through to IndexedDB unchanged), and what is stored after
 * the drops reads back with the moved facility at its new place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useApp, waitForMapIdle, SCREENSHOTS } from './support/harness.ts';
import { readStored } from './support/stored-project.ts';
import { dragGhost, idsAt as idsAtOn, replaceFacilitiesWith } from './support/map-probe.ts';

const N = 25_000;
const tmp = mkdtempSync(join(tmpdir(), 'anju-drop-writes-'));
let page: Page;
useApp((app) => ({ page } = app));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Write { op: 'put' | 'delete'; key: string }

/** From every page load on: each put and delete on the `slices` store, by key (a range deleted is named by its lower bound and `…`). */
async function countWrites(): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __writes: { op: string; key: string }[] };
    w.__writes = [];
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    const del = proto.delete;
    proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'slices') w.__writes.push({ op: 'put', key: String(key) });
      return put.call(this, value, key);
    };
    proto.delete = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (this.name === 'slices') w.__writes.push({ op: 'delete', key: key instanceof IDBKeyRange ? `${String(key.lower)}…` : String(key) });
      return del.call(this, key);
    };
  });
}
const writes = (): Promise<Write[]> => page.evaluate(() => (window as unknown as { __writes: Write[] }).__writes.splice(0));
const saved = () => expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('saved');
const facilityCount = async () => Number((await page.getByTestId('coverage-facilities').locator('h3 .n').textContent())?.replace(/\D/g, ''));

/** `N` facilities on a grid over the old town (rows 1 apart = 10 m east, 1,000 per row = 10 m north). */
function facilitiesCsv(): string {
  const rows = ['id,name,category,lng,lat'];
  for (let i = 0; i < N; i++) rows.push(`f${i},设施${i},kindergarten,${(120.62 + (i % 250) * 2e-4).toFixed(6)},${(27.98 + Math.floor(i / 250) * 2e-4).toFixed(6)}`);
  return rows.join('\n');
}

const idsAt = (at: { x: number; y: number }, layer: string) => idsAtOn(page, at, layer);

/** Drag the facility under the map's centre 60 px right; returns its id once the tiles draw it there and the drop is saved. */
async function dropOne(): Promise<string> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const [id] = await idsAt(from, 'coverage-facilities-circle');
  expect(id, 'a facility under the centre of the map').toBeDefined();
  const to = { x: from.x + 60, y: from.y + 45 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await expect.poll(async () => { const g = await dragGhost(page); return g && Math.hypot(g.x - to.x, g.y - to.y) < 1.5 ? g.id : null; }, { timeout: 30_000 }).toBe(id);
  await page.mouse.up();
  await expect.poll(() => idsAt(to, 'coverage-facilities-circle'), { timeout: 30_000 }).toContain(id);
  await saved();
  return id;
}

/** The part record (`facilities#k`) holding facility `id` (`f` and its row). */
const partOf = (id: string) => `facilities#${Math.floor(Number(id.slice(1)) / 10_000)}`;

async function storedPosition(id: string): Promise<[number, number]> {
  const { slices } = await readStored(page);
  const parts = (slices.facilities as { parts: number }).parts;
  const lonLat = Array.from({ length: parts }, (_, k) => Array.from((slices[`facilities#${k}`] as { lonLat: Float64Array }).lonLat)).flat();
  const texts = JSON.parse(Array.from({ length: parts }, (_, k) => (slices[`facilities#${k}`] as { texts: string }).texts).join('')) as [string[]];
  const i = texts[0].indexOf(id);
  return [lonLat[2 * i], lonLat[2 * i + 1]];
}

describe('a drop writes only the IndexedDB part that holds the moved facility', () => {
  it(`puts one part of ${N.toLocaleString('en')} facilities' four records after a drop, and after a reload`, async () => {
    await countWrites();
    await page.reload();
    await waitForMapIdle(page);
    await page.click('[data-tab="coverage"]');
    await page.getByTestId('coverage-facilities').waitFor();
    const file = join(tmp, 'facilities.csv');
    writeFileSync(file, facilitiesCsv());
    await replaceFacilitiesWith(page, file);
    await expect.poll(facilityCount, { timeout: 60_000 }).toBe(N);
    await saved();
    // 替换: the layer whole (the old parts deleted first, three parts and the head).
    const replaced = (await writes()).filter((w) => w.key.startsWith('facilities'));
    expect(replaced).toEqual([{ op: 'delete', key: 'facilities#…' }, ...['facilities#0', 'facilities#1', 'facilities#2', 'facilities'].map((key) => ({ op: 'put', key }))]);
    await page.evaluate(() => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo({ center: [120.645, 27.985], zoom: 17 }));
    await waitForMapIdle(page);

    const first = await dropOne();
    expect((await writes()).filter((w) => w.key.startsWith('facilities'))).toEqual([{ op: 'put', key: partOf(first) }]);
    const at = await storedPosition(first);
    expect(at[0]).toBeGreaterThan(120.62 + (Number(first.slice(1)) % 250) * 2e-4);

    await page.reload();
    await waitForMapIdle(page);
    await page.click('[data-tab="coverage"]');
    await expect.poll(facilityCount, { timeout: 60_000 }).toBe(N);
    await page.evaluate(() => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo({ center: [120.63, 27.995], zoom: 17 }));
    await waitForMapIdle(page);
    const second = await dropOne();
    expect(second).not.toBe(first);
    expect((await writes()).filter((w) => w.key.startsWith('facilities'))).toEqual([{ op: 'put', key: partOf(second) }]);
    expect(await storedPosition(first)).toEqual(at);
    await page.screenshot({ path: SCREENSHOTS + 'drop-writes.png' });
  }, 300_000);
});
