/**
 * What the map's first frames wait for (README "### First load"): loads built pages cold in headless
 * Chromium and lists, in order, each map frame (`render`), each source's data arriving from MapLibre's
 * worker (`sourcedata`: "meta" when the worker has parsed and indexed a GeoJSON source, "tile" when a
 * tile of it comes back, with its zoom; runs of the same event collapsed to ×n), `load` and `idle`, in ms
 * since navigation, up to `anju:map-ready`. Works on the app and the bare pages alike (all hand their map
 * to `window.__anju`).
 * Run: `npx tsx bench/first-load/arrivals.ts DIST…` (RUNS=n loads each n times, default 2).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/support/chromium.ts';
import { onMapHanded } from './frames.ts';
import { coldLoads } from './serve.ts';

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: tsx bench/first-load/arrivals.ts <built dist directory>…');
const RUNS = Number(process.env.RUNS ?? 2);

const INIT = `(() => {
  const rec = (window.__arrivals = []);
  const at = () => Math.round(performance.now());${onMapHanded(
    '__arrivalsHooked',
    `m.on('render', () => rec.push(['frame', at()]));
      m.on('sourcedata', (e) => {
        if (e.tile) rec.push(['tile ' + e.sourceId + ' z' + e.tile.tileID.canonical.z, at()]);
        else if (e.sourceDataType === 'metadata') rec.push(['meta ' + e.sourceId, at()]);
      });
      m.once('load', () => rec.push(['load', at()]));
      m.on('idle', () => rec.push(['idle', at()]));`,
  )}
})()`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
try {
  await coldLoads(browser, dirs, RUNS, async (page, url, dir, i) => {
    await page.addInitScript(INIT);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('anju:map-ready').length > 0, undefined, { timeout: 120_000, polling: 50 });
    const events = (await page.evaluate('window.__arrivals')) as [string, number][];
    const out: string[] = [];
    for (const [name, t] of events) {
      const last = out.at(-1);
      const same = last && last.replace(/ ×\d+$/, '').endsWith(` ${name}`);
      if (same) out[out.length - 1] = `${last.replace(/ ×\d+$/, '')} ×${Number(/ ×(\d+)$/.exec(last)?.[1] ?? 1) + 1}`;
      else out.push(`${t} ${name}`);
    }
    console.log(`${dir} run ${i}: ${out.join(' | ')}`);
  });
} finally {
  await browser.close();
}
