/**
 * Bringing data in, as a planner does it in the built app: drop or choose a file, read the
 * summary, answer the CRS question, Replace (undoable) or Cancel; broken, malicious, large and
 * over-limit files change nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useApp, waitForMapIdle, SCREENSHOTS, switchLanguage } from './support/harness.ts';
import { renderedIds, screenPoint } from './support/map-probe.ts';
import { colorDistance, hexToRgb, pixel } from './support/pixels.ts';
import { PNG } from 'pngjs';
import { IMPORT_COLORS } from '../../src/ui/import/import-overlays.ts';
import { assertStrictCsp } from '../support/csp.ts';
import { MAX_IMPORT_BYTES } from '../../src/io/limits.ts';
import type { BoardCollection } from '../../src/domain/board.ts';
import { bboxOf } from '../../src/geo/measure.ts';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { gkForward } from '../support/reference-crs.ts';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'anju-import-'));

let page: Page;
useApp((app) => ({ page } = app));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const text = (id: string) => page.getByTestId(id).textContent();
const undoTitle = () => page.getByTestId('undo').getAttribute('title');

async function boards(): Promise<BoardCollection> {
  return JSON.parse(
    await page.evaluate(async () => {
      const map = (window as unknown as { __anju: { map: { getSource(id: string): { getData(): Promise<unknown> } } } }).__anju.map;
      return JSON.stringify(await map.getSource('boards').getData());
    }),
  ) as BoardCollection;
}

/** Drag a file over the window and drop it on the map, as the browser does (DataTransfer with a File). */
async function dropFile(name: string, bytes: Buffer, screenshot?: string): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ b64, name }) => {
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      return dt;
    },
    { b64: bytes.toString('base64'), name },
  );
  await page.dispatchEvent('[data-testid="drop-zone"]', 'dragenter', { dataTransfer: dt });
  await page.getByTestId('drop-hint').waitFor();
  if (screenshot) await page.screenshot({ path: SCREENSHOTS + screenshot });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: dt });
  expect(await page.getByTestId('drop-hint').count()).toBe(0);
}

async function openDialog(target: string): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-target').selectOption(target);
}

describe('importing data', () => {
  it('serves the built app under a CSP that blocks inline script', async () => {
    assertStrictCsp(readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8'));
    const outcome = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violation: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: 'inlineRan' in window, violation: e.violatedDirective }), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.inlineRan = true';
          document.head.append(s);
        }),
    );
    expect(outcome).toEqual({ ran: false, violation: 'script-src-elem' });
  });

  it('imports GBK Shapefile boundaries dropped on the map: summary first, then one undoable Replace', async () => {
    const before = await boards();
    const credit = () => page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(await credit()).toContain('板块：示意范围，安居绘制');
    await dropFile('boards-gbk.zip', readFileSync(fixture('boards-gbk.zip')), 'import-drop-hint.png');
    await expect.poll(() => text('import-result')).toContain('可导入 2 个板块边界');
    expect(await page.getByTestId('import-target').inputValue()).toBe('boards');
    expect(await text('import-encoding')).toBe('GBK（来自 .cpg）');
    expect(await text('import-crs')).toContain('WGS-84 / CGCS2000 经纬度（来自 .prj）');
    expect(await page.getByTestId('crs-ask').count()).toBe(0); // the .prj answers the question
    expect(await text('import-preview')).toContain('旧城板块'); // GBK attributes decoded
    expect(await boards()).toEqual(before); // the preview changes nothing
    await page.screenshot({ path: SCREENSHOTS + 'import-gbk-summary.png' });

    await page.getByTestId('import-replace').click();
    await expect.poll(() => text('import-result')).toContain('已用 boards-gbk.zip 替换 2 个板块的边界');
    await expect.poll(() => text('schematic-note')).toContain('已载入正式边界（2 个板块）');
    // The map's credit line follows the boards too.
    await expect.poll(credit).toContain('板块：2 个为用户载入的边界，19 个为示意范围（安居绘制）');
    const jiucheng = (await boards()).features.find((b) => b.properties.id === 'jiucheng')!;
    expect(jiucheng.properties.schematic).toBe(false);
    expect(bboxOf(jiucheng.geometry).map((v) => v.toFixed(6))).toEqual(['120.650000', '28.010000', '120.660000', '28.020000']);
    await page.getByTestId('import-close').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => JSON.stringify(await boards())).toBe(JSON.stringify(before));
    await expect.poll(credit).toContain('板块：示意范围，安居绘制');
  });

  it('imports a GCJ-02 CSV of facilities dropped on the map: taken for facilities, asks for the CRS, converts, warns by row, draws the points', async () => {
    // Dropped while the dialog's target is still board boundaries (the last import): the points with a category are taken for facilities.
    await dropFile('shops-gcj02.csv', readFileSync(fixture('shops-gcj02.csv')));
    await expect.poll(() => text('import-result')).toContain('可导入 3 个设施');
    expect(await page.getByTestId('import-target').inputValue()).toBe('facilities');
    // Taken for facilities from its header by the import worker, and read there as columns.
    expect(await page.getByTestId('import-dialog').getAttribute('data-path')).toBe('columns');
    expect(await text('import-guess')).toBe('按文件内容判断为“设施”：点要素，带类别列“category”。如不对，请在上方“导入为”中更改。');
    expect(await text('import-encoding')).toBe('UTF-8');
    expect(await page.getByTestId('crs-wgs84').isChecked()).toBe(true); // asked, WGS-84 by default
    expect(await text('import-bbox')).toBe('120.6590, 27.9467 — 120.8041, 28.0116');
    await page.getByTestId('crs-gcj02').check();
    // Re-read as GCJ-02: the extent becomes that of the WGS-84 reference points (test/support/import-reference-points.ts).
    await expect.poll(() => text('import-bbox')).toBe('120.6550, 27.9500 — 120.8000, 28.0150');
    expect(await text('import-crs')).toContain('GCJ-02（高德、腾讯）（用户选择）');
    expect(await page.getByTestId('crs-gcj02').isChecked()).toBe(true);
    const problems = await text('problems');
    expect(problems).toContain('shops-gcj02.csv 第 2 行 字段 category: 类别“health”未能对应 GB 50180 设施类别');
    expect(problems).toContain('shops-gcj02.csv 第 4 行 字段 category: 类别“market”');
    await waitForMapIdle(page);
    expect((await renderedIds(page, 'import-preview-point', 'name')).length).toBe(3);
    await page.screenshot({ path: SCREENSHOTS + 'import-gcj02-preview.png' });

    await page.getByTestId('import-replace').click();
    await expect.poll(() => text('import-result')).toContain('已用 shops-gcj02.csv 导入 3 个设施（可撤销）');
    expect(await undoTitle()).toBe('撤销：导入设施');
    await page.getByTestId('import-close').click();
    await waitForMapIdle(page);
    expect((await renderedIds(page, 'imported-facilities-circle')).sort()).toEqual(['f1', 'f2', 'f3']);
    expect(await renderedIds(page, 'import-preview-point')).toEqual([]); // the preview is gone
  });

  it('lists every problem of a broken file by row and field, and changes nothing (also after ticking lenient and cancelling)', async () => {
    const csv = '经度,纬度,population\n120.65,28.01,1200\nabc,28.02,900\n120.70,27.99,约三千\n120.71,27.98,2500\n';
    writeFileSync(join(tmp, 'broken-population.csv'), csv);
    await openDialog('population');
    await page.getByTestId('import-file').setInputFiles(join(tmp, 'broken-population.csv'));
    await expect.poll(() => text('import-result')).toContain('未载入：broken-population.csv 有 2 个问题，地图未作任何更改');
    const problems = await text('problems');
    expect(problems).toContain('broken-population.csv 第 3 行 字段 经度: 坐标不是数字：abc, 28.02');
    expect(problems).toContain('broken-population.csv 第 4 行 字段 population: 人口不是非负数字：“约三千”');
    expect(await page.getByTestId('import-replace').isDisabled()).toBe(true);
    await page.screenshot({ path: SCREENSHOTS + 'import-broken.png' });

    await page.getByTestId('import-lenient').check();
    await expect.poll(() => text('import-result')).toContain('可导入 2 个人口点/网格');
    await page.getByTestId('import-close').click(); // Cancel
    expect(await undoTitle()).toBe('撤销：导入设施');
    await waitForMapIdle(page);
    expect(await renderedIds(page, 'imported-population-point', 'population')).toEqual([]);
    expect((await renderedIds(page, 'imported-facilities-circle')).sort()).toEqual(['f1', 'f2', 'f3']);
  });

  it('lets the user name the coordinate columns of a CSV the importer cannot place', async () => {
    writeFileSync(join(tmp, 'columns.csv'), 'name,category,E,N\n幼儿园,kindergarten,120.699,27.994\n');
    await openDialog('facilities');
    await page.getByTestId('import-file').setInputFiles(join(tmp, 'columns.csv'));
    await expect.poll(() => text('problems')).toContain('找不到坐标列（表头：name, category, E, N）');
    await page.getByTestId('csv-lon').selectOption('E');
    await page.getByTestId('csv-lat').selectOption('N');
    await page.getByTestId('csv-apply').click();
    await expect.poll(() => text('import-result')).toContain('可导入 1 个设施');
    expect(await text('import-bbox')).toBe('120.6990, 27.9940 — 120.6990, 27.9940');
    await page.getByTestId('import-close').click();
  });

  it('Gauss–Krüger metres: asks the datum; Xian 1980 / Beijing 1954 convert only with the transformation typed in', async () => {
    // Zone-prefixed eastings without a .prj: the zone gives the meridian, the datum is asked (CGCS2000 by default).
    await openDialog('facilities');
    await page.getByTestId('import-file').setInputFiles(fixture('points-beijing54-zone21.csv'));
    await expect.poll(() => text('import-result')).toContain('可导入 3 个设施');
    expect(await page.getByTestId('crs-cgcs2000-gk').isChecked()).toBe(true);
    expect(await page.getByTestId('towgs84').count()).toBe(0);
    await page.getByTestId('crs-beijing54-gk').check();
    await expect.poll(() => text('problems')).toContain('不会当作 CGCS2000 读取');
    expect(await text('import-crs')).toContain('北京 1954 高斯-克吕格投影（米，需转换参数） · 中央经线 123°E · 带号 21（用户选择）');
    expect(await page.getByTestId('import-replace').isDisabled()).toBe(true);
    await page.getByTestId('towgs84-input').fill('15.8,-154.4');
    await page.getByTestId('towgs84-apply').click();
    expect(await text('towgs84-error')).toBe('需要 3 个或 7 个数字，现为 2 个');
    await page.screenshot({ path: SCREENSHOTS + 'import-crs-towgs84.png' });
    await page.getByTestId('towgs84-input').fill('15.8,-154.4,-82.3');
    await page.getByTestId('towgs84-apply').click();
    await expect.poll(() => text('import-result')).toContain('可导入 3 个设施');
    // PROJ's positions for these metres (test/fixtures/import/local-datum-reference.json), not CGCS2000's.
    expect(await text('import-bbox')).toBe('120.6557, 27.9495 — 120.8007, 28.0145');
    expect(await text('towgs84-used')).toBe('已使用的参数：15.8, -154.4, -82.3');

    // A Xian 1980 .prj: no question about the system, only the parameters.
    await page.getByTestId('import-file').setInputFiles(fixture('facilities-xian80.zip'));
    await expect.poll(() => text('import-crs')).toContain('西安 1980 高斯-克吕格投影（米，需转换参数） · 中央经线 120°E（来自 .prj）');
    expect(await page.getByTestId('crs-ask').count()).toBe(0);
    await page.getByTestId('towgs84-input').fill('24.1,-123.9,-94.2,0.02,0.25,0.13,1.1');
    await page.getByTestId('towgs84-apply').click();
    await expect.poll(() => text('import-result')).toContain('可导入 3 个设施');
    expect(await text('import-bbox')).toBe('120.6554, 27.9498 — 120.8004, 28.0148');
    await page.getByTestId('import-close').click();
  });

  it('reads KML in the worker; a polygon among facilities is skipped only when the user ticks lenient', async () => {
    await openDialog('facilities');
    await page.getByTestId('import-file').setInputFiles(fixture('facilities.kml'));
    await expect.poll(() => text('problems')).toContain('facilities.kml 要素 #3: 几何类型为 Polygon，应为 Point');
    expect(await text('import-format')).toBe('kml');
    expect(await page.getByTestId('import-replace').isDisabled()).toBe(true);
    await page.getByTestId('import-lenient').check();
    await expect.poll(() => text('import-result')).toContain('可导入 2 个设施');
    expect(await text('import-preview')).toContain('温州站 幼儿园');
    await switchLanguage(page, 'en');
    expect(await text('import-result')).toContain('2 facilities can be imported; Replace can be undone');
    expect(await text('problems')).toContain('facilities.kml feature #3: geometry type is Polygon, expected Point');
    await page.screenshot({ path: SCREENSHOTS + 'import-kml-english.png' });
    await switchLanguage(page, 'zh');
    await page.getByTestId('import-close').click();
  });

  it('reads FlatGeobuf in the worker (loaded on first use): Gauss–Krüger from the header, converted, ready to Replace', async () => {
    // Written by the flatgeobuf library itself, declared EPSG:4549 (CGCS2000 3° GK, CM 120°E).
    const lonLat = [[120.65, 28.01], [120.7, 27.99], [120.66, 28.02]];
    const fc = { type: 'FeatureCollection' as const, features: lonLat.map((p, i) => ({ type: 'Feature' as const, properties: { name: `设施${i + 1}`, category: '幼儿园' }, geometry: { type: 'Point' as const, coordinates: gkForward(p, 120) } })) };
    writeFileSync(join(tmp, 'facilities-gk.fgb'), serialize(fc, 4549));
    await openDialog('facilities');
    await page.getByTestId('import-file').setInputFiles(join(tmp, 'facilities-gk.fgb'));
    await expect.poll(() => text('import-result')).toContain('可导入 3 个设施');
    expect(await text('import-format')).toBe('flatgeobuf');
    expect(await text('import-crs')).toContain('来自 FlatGeobuf 文件头');
    expect(await text('import-preview')).toContain('设施2');
    await page.getByTestId('import-close').click();
  });

  it('shows markup in imported strings as text: no script runs, no element is created', async () => {
    const evil = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '<img src=x onerror="window.__pwned=1">', category: '<script>window.__pwned2=1</script>', '<img src=y onerror=window.__pwnedKey=1>': 'k' },
          geometry: { type: 'Point', coordinates: [120.655, 28.015] },
        },
      ],
    };
    await openDialog('facilities');
    await page.getByTestId('import-file').setInputFiles({ name: 'evil.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(evil)) });
    await expect.poll(() => text('import-result')).toContain('可导入 1 个设施');
    const dialog = page.getByTestId('import-dialog');
    // Read as columns (the preview shows position, category and name), then the same file with a
    // feature id, which the columnar read hands back to the ordinary one (its preview shows every key).
    expect(await dialog.getAttribute('data-path')).toBe('columns');
    expect(await text('import-preview')).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await text('import-preview')).toContain('<script>window.__pwned2=1</script>');
    expect(await text('problems')).toContain('类别“<script>window.__pwned2=1</script>”');
    expect(await dialog.locator('img, script').count()).toBe(0);
    const withId = { ...evil, features: evil.features.map((f) => ({ ...f, id: 'evil-1' })) };
    await page.getByTestId('import-file').setInputFiles({ name: 'evil-id.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(withId)) });
    await expect.poll(() => dialog.getAttribute('data-path')).not.toBe('columns');
    await expect.poll(() => text('import-result')).toContain('可导入 1 个设施');
    expect(await text('import-preview')).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await text('import-preview')).toContain('<img src=y onerror=window.__pwnedKey=1>');
    expect(await text('problems')).toContain('类别“<script>window.__pwned2=1</script>”');
    expect(await dialog.locator('img, script').count()).toBe(0);
    await page.screenshot({ path: SCREENSHOTS + 'import-malicious.png' });
    await page.getByTestId('import-replace').click();
    await expect.poll(() => text('import-result')).toContain('导入 1 个设施');
    await page.getByTestId('import-close').click();
    await waitForMapIdle(page);
    expect(await renderedIds(page, 'imported-facilities-circle', 'category')).toEqual(['<script>window.__pwned2=1</script>']);
    const flags = await page.evaluate(() => ['__pwned', '__pwned2', '__pwnedKey'].filter((k) => k in window));
    expect(flags).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    await page.getByTestId('undo').click();
    await waitForMapIdle(page);
    expect((await renderedIds(page, 'imported-facilities-circle')).sort()).toEqual(['f1', 'f2', 'f3']);
  });

  it('parses a large file in the worker with progress, keeps the page responsive, and cancels without change', async () => {
    // ~40 MB of GeoJSON points, written at run time (not committed).
    const features: string[] = [];
    for (let i = 0; i < 260_000; i++) {
      const lon = (120.5 + (i % 500) * 0.0006).toFixed(6);
      const lat = (27.9 + Math.floor(i / 500) * 0.0004).toFixed(6);
      features.push(`{"type":"Feature","properties":{"id":"p${i}","population":${(i * 7) % 900},"note":"generated test point number ${i}"},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`);
    }
    const path = join(tmp, 'large-population.geojson');
    writeFileSync(path, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    await openDialog('population');
    await page.getByTestId('import-file').setInputFiles(path);
    await page.getByTestId('import-progress').waitFor();
    await expect.poll(() => text('import-working'), { timeout: 60_000 }).toContain('正在检查要素');
    // Nothing slow between here and the cancel click (a screenshot under CI's load took long enough for the worker
    // to finish the check, twice, and the cancel button was gone): the progress moves, the page is free, cancel.
    await expect.poll(() => page.getByTestId('import-progress').evaluate((e) => (e as HTMLProgressElement).value)).toBeGreaterThan(0);
    // The main thread is free while the worker parses: a timer fires on time.
    const lagMs = await page.evaluate(() => new Promise<number>((resolve) => { const t = performance.now(); setTimeout(() => resolve(performance.now() - t), 0); }));
    await page.getByTestId('import-cancel').click({ timeout: 10_000 });
    expect(lagMs).toBeLessThan(250);
    await expect.poll(() => text('import-result')).toBe('导入已取消，未做任何更改');
    await page.screenshot({ path: SCREENSHOTS + 'import-large-cancelled.png' });
    expect(await undoTitle()).toBe('撤销：导入设施');
    await waitForMapIdle(page);
    expect(await renderedIds(page, 'imported-population-point', 'population')).toEqual([]);
    await page.getByTestId('import-close').click();
  });

  it('refuses a file over the limit at once, stating the limit, without reading it', async () => {
    // A sparse file: File.size is over the limit, no bytes are written or read.
    const path = join(tmp, 'huge.geojson');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_IMPORT_BYTES + 1);
    closeSync(fd);
    await openDialog('boards');
    await page.getByTestId('import-file').setInputFiles(path);
    await expect.poll(() => text('import-result')).toBe('未读取：huge.geojson');
    expect((await text('problems'))?.trim()).toBe('huge.geojson: 文件过大（200.0 MB），上限为 200 MB');
    expect(await page.getByTestId('import-dialog').getAttribute('data-phase')).toBe('refused');
    await page.screenshot({ path: SCREENSHOTS + 'import-refused.png' });
    await page.getByTestId('import-close').click();
    expect(await undoTitle()).toBe('撤销：导入设施');
  });
});

describe('a plan package (规划包)', () => {
  const exampleFile = new URL('../../geodata/plan-examples/example-2026-2030.plan.json', import.meta.url).pathname;
  const boardButtons = () => page.getByTestId('board-list').locator('[data-board]').count();

  it('loads the 2026–2030 example through the import dialog — grid years, boards, gauges and title follow — and switches back', async () => {
    const tab = (id: string) => page.getByTestId('tabs').locator(`[data-tab="${id}"]`).click();
    await tab('plan');
    expect(await boardButtons()).toBe(21);
    await openDialog('plan');
    await page.getByTestId('import-file').setInputFiles(exampleFile);
    await page.getByTestId('plan-preview').waitFor();
    expect(await text('plan-preview-title')).toBe('示例规划包 2026–2030（非正式规划）（示例，非正式规划）');
    expect(await text('plan-preview-period')).toBe('2026–2030');
    expect(await text('plan-preview-boards')).toBe('9');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-close').click();

    expect(await boardButtons()).toBe(9);
    expect(await text('plan-title')).toBe('示例规划包 2026–2030（非正式规划）');
    expect(await text('plan-example')).toBe('示例');
    expect(await page.getByTestId('plan-example').getAttribute('title')).toBe('示例规划包，非正式规划');
    await waitForMapIdle(page);
    await page.screenshot({ path: SCREENSHOTS + 'plan-package-example.png' });
    await tab('alloc');
    await page.getByTestId('alloc-year-2030').waitFor();
    expect(await page.getByTestId('alloc-year-2021').count()).toBe(0);
    expect(await page.locator('[data-testid^="alloc-year-"]').allTextContents()).toEqual(['2026', '2027', '2028', '2029', '2030']);
    // The gauges are the example's targets, per year of its period.
    expect(await page.getByTestId('gauge-new-commercial-supply-2028').count()).toBe(1);
    expect(await page.getByTestId('gauge-shantytown-resettlement').count()).toBe(0);
    await page.screenshot({ path: SCREENSHOTS + 'plan-package-example-grid.png' });

    await page.getByTestId('plan-restore').click();
    await page.getByTestId('alloc-year-2021').waitFor();
    expect(await page.locator('[data-testid^="alloc-year-"]').allTextContents()).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(await text('plan-title')).toBe('温州市住房发展“十四五”规划');
    expect(await page.getByTestId('plan-example').count()).toBe(0);
    expect(await page.getByTestId('gauge-shantytown-resettlement').count()).toBe(1);
    // Undo brings the example back, redo the built-in plan: the switch is one undoable change.
    await page.getByTestId('undo').click();
    await page.getByTestId('alloc-year-2026').waitFor();
    await page.getByTestId('redo').click();
    await page.getByTestId('alloc-year-2025').waitFor();
    await tab('plan');
    expect(await boardButtons()).toBe(21);
  });

  it('says so when the project restored at start was made against a package that is no longer active, keeping its data', async () => {
    await openDialog('plan');
    await page.getByTestId('import-file').setInputFiles(exampleFile);
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-close').click();
    await expect.poll(() => text('plan-title')).toBe('示例规划包 2026–2030（非正式规划）');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    // The package kept for the next session is gone (cleared, or dropped as damaged): the built-in plan starts.
    // Kept: a reload under the same package says nothing.
    await page.reload();
    await expect.poll(() => text('plan-title'), { timeout: 30_000 }).toBe('示例规划包 2026–2030（非正式规划）');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    expect(await page.getByTestId('storage-load-problem').count()).toBe(0);
    await page.evaluate(() => localStorage.removeItem('anju.planPackage'));
    await page.reload();
    const banner = page.getByTestId('storage-load-problem');
    await banner.waitFor({ timeout: 30_000 });
    // The problem list (and its texts) arrives on first use, a moment after the banner.
    await expect.poll(() => banner.textContent()).toContain('项目按规划包 example-2026-2030 0.1.0 编制，当前规划包为 wenzhou-housing-2021-2025 1.0.0');
    expect(await text('plan-title')).toBe('温州市住房发展“十四五”规划');
    await page.screenshot({ path: SCREENSHOTS + 'plan-package-restored-mismatch.png' });
    await banner.getByRole('button').click();
  });

  it('refuses a broken package, naming the field, and changes nothing', async () => {
    const pkg = JSON.parse(readFileSync(exampleFile, 'utf8'));
    pkg.targets.targets[0].period.min = '20';
    const bad = join(tmp, 'broken.plan.json');
    writeFileSync(bad, JSON.stringify(pkg));
    await openDialog('plan');
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByText('targets.targets[0].period.min').waitFor();
    expect(await page.getByTestId('import-replace').count()).toBe(0);
    await page.getByTestId('import-close').click();
    expect(await text('plan-title')).toBe('温州市住房发展“十四五”规划');
  });
});

describe('a large population layer through the dialog (columns, not Features)', () => {
  /** The page's JS heap after a full garbage collection, in MiB (Chrome DevTools Protocol; workers not included). */
  async function heapMiB(): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    return usedSize / 2 ** 20;
  }

  /**
   * A CSV of `rows` points with a long note each, built in the page as a Blob of generated pieces
   * (nothing crosses the playwright connection) and handed to the file input through a DataTransfer.
   */
  async function chooseGeneratedCsv(rows: number, name: string, kind: Kind): Promise<number> {
    return page.evaluate(
      ({ rows, name, kind }) => {
        // ~208 bytes a row: 1,000,000 rows are 198 MiB, under the 200 MiB limit. Facilities: a category
        // (three of GB 50180's, one in Chinese) instead of residents.
        const cats = ['junior-middle-school', '社区卫生服务中心', 'nursing-home'];
        const pad = 'x'.repeat(kind === 'population' ? 176 : 160);
        const parts: string[] = [kind === 'population' ? 'lon,lat,population,name,note\n' : 'lon,lat,category,name,note\n'];
        for (let k = 0; k < rows; k += 10_000) {
          let s = '';
          for (let i = k; i < Math.min(rows, k + 10_000); i++) s += `${(120.5 + (i % 1000) * 3e-4).toFixed(6)},${(27.9 + Math.floor(i / 1000) * 2e-4).toFixed(6)},${kind === 'population' ? i % 97 : cats[i % 3]},p${i},${pad}\n`;
          parts.push(s);
        }
        const file = new File(parts, name, { type: 'text/csv' });
        const dt = new DataTransfer();
        dt.items.add(file);
        const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return file.size;
      },
      { rows, name, kind },
    );
  }

  type Kind = 'population' | 'facilities';
  const UNIT = { population: '人口点/网格', facilities: '设施' };
  const UNDO = { population: '撤销：导入人口', facilities: '撤销：导入设施' };

  async function importLarge(rows: number, name: string, timeoutMs: number, kind: Kind = 'population'): Promise<void> {
    const t0 = Date.now();
    await openDialog(kind);
    const before = await heapMiB();
    const bytes = await chooseGeneratedCsv(rows, name, kind);
    const dialog = page.getByTestId('import-dialog');
    // DIAG=1: where the page's time goes (main-thread gaps over 200 ms, its heap each second, a crash), for the 1,000,000 case.
    const diag = process.env.DIAG === '1';
    if (diag) {
      page.on('crash', () => console.error(`[diag] renderer crashed at ${((Date.now() - t0) / 1000).toFixed(1)} s`));
      await page.evaluate(() => {
        const w = window as unknown as { __gaps: string[] };
        w.__gaps = [];
        let last = performance.now();
        setInterval(() => {
          const now = performance.now();
          const m = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20;
          if (now - last > 200) w.__gaps.push(`${(now / 1000).toFixed(1)}s gap ${Math.round(now - last)}ms heap ${m.toFixed(0)}MiB`);
          last = now;
        }, 50);
      });
    }
    const cdpDiag = diag ? await page.context().newCDPSession(page) : null;
    const poll = diag ? setInterval(() => void page.evaluate(() => (window as unknown as { __gaps: string[] }).__gaps.splice(0)).then((g) => g.length && console.info('[diag]', g.join('; '))).catch(() => {}), 2000) : null;
    try {
      await expect.poll(() => dialog.getAttribute('data-phase'), { timeout: timeoutMs }).toBe('preview');
      if (diag) console.info(`[diag] preview at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (diag) await page.getByTestId('import-replace').click({ trial: true, timeout: 120_000 });
      if (diag) console.info(`[diag] replace clickable at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      if (poll) clearInterval(poll);
    }
    const read = Date.now();
    // The worker's columnar path read it (the dialog says which), and the figures are those of every row.
    expect(await dialog.getAttribute('data-path')).toBe('columns');
    expect(await text('import-count')).toBe(`读取 ${rows.toLocaleString('en-US')} 个，可导入 ${rows.toLocaleString('en-US')} 个`);
    expect(await text('import-result')).toBe(`可导入 ${rows.toLocaleString('en-US')} 个${UNIT[kind]}；替换后可撤销`);
    expect((await text('import-sample-note'))?.replace(/\s+/g, ' ')).toContain(`（共 ${rows.toLocaleString('en-US')} 个点，地图预览均匀抽取 5,000 个；全部点都会导入）`);
    expect(await text('import-preview-caption')).toBe('前 5 行（坐标已换算为 WGS-84）');
    // #, line, longitude, latitude, residents (or category and name) of the second row as read.
    const second = kind === 'population' ? ['1'] : ['卫生服务中心（社区医院）', 'p1'];
    expect(await page.getByTestId('import-preview').locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual(['2', '3', '120.5003', '27.9', ...second]);
    const preview = await heapMiB();
    if (rows === 100_000) await page.screenshot({ path: SCREENSHOTS + `import-columns-preview${kind === 'population' ? '' : '-facilities'}.png` });
    // Long tasks from 替换 on (the points are built in yielding slices; what follows the change is recorded too).
    await page.evaluate(() => {
      const w = window as unknown as { __longMs: number[] };
      w.__longMs = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longMs.push(Math.round(e.duration)))).observe({ type: 'longtask' });
    });
    if (cdpDiag) await cdpDiag.send('Profiler.enable');
    if (cdpDiag) await cdpDiag.send('Profiler.start');
    const click = Date.now();
    try {
      await page.getByTestId('import-replace').click();
      await expect.poll(() => text('import-result'), { timeout: timeoutMs }).toBe(`已用 ${name} 导入 ${rows.toLocaleString('en-US')} 个${UNIT[kind]}（可撤销）`);
    } finally {
      if (cdpDiag) {
        const { profile } = (await cdpDiag.send('Profiler.stop')) as { profile: unknown };
        writeFileSync('/tmp/anju-import-diag.cpuprofile', JSON.stringify(profile));
        await cdpDiag.detach();
      }
    }
    const done = Date.now();
    const longMs = await page.evaluate(() => (window as unknown as { __longMs: number[] }).__longMs.sort((a, b) => b - a).slice(0, 5));
    expect(await undoTitle()).toBe(UNDO[kind]);
    const applied = await heapMiB();
    console.info(`[import] ${name}: ${(bytes / 2 ** 20).toFixed(1)} MiB, ${rows} points; read ${((read - t0) / 1000).toFixed(1)} s, applied ${((done - click) / 1000).toFixed(1)} s; page heap ${before.toFixed(0)} → ${preview.toFixed(0)} (preview) → ${applied.toFixed(0)} MiB (applied); longest tasks from 替换 to done: ${longMs.join(', ') || 'none'} ms`);
    // The preview holds typed columns (28 bytes a point; a facility's 33 and its id and name in one
    // string, ~14 bytes here) and a 5,000-point sample, not a Feature per row.
    expect(preview - before).toBeLessThan((rows * (kind === 'population' ? 28 : 50)) / 2 ** 20 + 25);
    if (kind === 'population') {
      // Saved as IndexedDB keeps a large population layer: one Float64Array of lon, lat, residents
      // (state/persistence/stored-population.ts), every point there, as generated.
      await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: timeoutMs }).toBe('saved');
      const stored = await page.evaluate(
        () =>
          new Promise<{ format: unknown; n: number; last: number[] }>((resolve, reject) => {
            const open = indexedDB.open('anju');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('slices').objectStore('slices').get('population');
              get.onsuccess = () => {
                const v = get.result as { format?: unknown; lonLatPopulation?: Float64Array };
                const a = v.lonLatPopulation ?? new Float64Array(0);
                open.result.close();
                resolve({ format: v.format, n: a.length / 3, last: Array.from(a.subarray(a.length - 3)) });
              };
            };
          }),
      );
      const i = rows - 1;
      expect(stored).toEqual({ format: 'anju-packed-population-points-1', n: rows, last: [+(120.5 + (i % 1000) * 3e-4).toFixed(6), +(27.9 + Math.floor(i / 1000) * 2e-4).toFixed(6), i % 97] });
    }
    await page.getByTestId('import-close').click();
    if (kind === 'facilities') await expectEveryFacilityDrawn(rows);
    await page.getByTestId('undo').click();
    // Undone: the import is what redo would bring back (an earlier import may have the same undo title).
    expect(await page.getByTestId('redo').getAttribute('title')).toContain(UNDO[kind].replace('撤销：', ''));
  }

  /**
   * Outside the coverage tab too, every imported facility is drawn, from the tile worker's vector
   * tiles (no GeoJSON of the layer on the page), and the legend counts all of them (the English line:
   * test/unit/ui/import/import-overlays.test.ts; a language switch and a second presentation cost
   * ~30 s here under load): the last generated facility (the grid's north-east corner, where no
   * other dot reaches) is in the rendered features and its pixel has the layer's colour, 20 px
   * beyond it not.
   */
  async function expectEveryFacilityDrawn(rows: number): Promise<void> {
    // The overlays' legend lines show in the presentation (and the exports, from the same sections).
    await page.getByTestId('open-present').click();
    const legend = (await page.getByTestId('present-legend').textContent()) ?? '';
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presenter').count()).toBe(0);
    expect(legend).toContain(`设施（${rows.toLocaleString('en-US')} 个）`);
    expect(legend).not.toContain('抽取');
    const i = rows - 1;
    const last: [number, number] = [+(120.5 + (i % 1000) * 3e-4).toFixed(6), +(27.9 + Math.floor(i / 1000) * 2e-4).toFixed(6)];
    const camera = await page.evaluate((ll) => {
      const map = (window as unknown as { __anju: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number; jumpTo(o: object): void; getSource(id: string): { type: string } } } }).__anju.map;
      const before = { center: [map.getCenter().lng, map.getCenter().lat], zoom: map.getZoom() };
      map.jumpTo({ center: ll, zoom: 16 });
      return { before, source: map.getSource('imported-facilities').type };
    }, last);
    expect(camera.source).toBe('vector');
    await waitForMapIdle(page);
    // Without an id column a facility is named by its row: f1 is the first.
    expect(await renderedIds(page, 'imported-facilities-circle')).toContain(`f${rows}`);
    const at = await screenPoint(page, last);
    const clip = { x: Math.round(at.x) - 200, y: Math.round(at.y) - 150, width: 300, height: 200 };
    const shot = PNG.sync.read(await page.screenshot({ path: SCREENSHOTS + `import-facilities-all-drawn-${rows}.png`, clip }));
    const colour = hexToRgb(IMPORT_COLORS.facilities);
    expect(colorDistance(pixel(shot, 200, 150), colour), 'the last facility is drawn').toBeLessThan(40);
    expect(colorDistance(pixel(shot, 220, 130), colour), 'nothing beyond the last facility').toBeGreaterThan(100);
    await expectDrawnFromImagesAtLowZoom(rows, last);
    await page.evaluate((c) => (window as unknown as { __anju: { map: { jumpTo(o: object): void } } }).__anju.map.jumpTo(c), camera.before);
  }

  /**
   * At zoom 13 the tile worker draws the facilities as images (a raster layer; the circle layer
   * draws nothing there: SwiftShader took 0.7–1.1 s a frame for 300,000 circles): the grid's
   * north-east corner has the layer's colour and 20 px beyond it not; hiding the images leaves
   * nothing drawn (the circles are not drawn under them); the picture is the circle layer's
   * (compared pixel by pixel with the circles drawn at the same view); and the undrawn circle
   * layer still answers queryRenderedFeatures there (hover, click, drag).
   */
  async function expectDrawnFromImagesAtLowZoom(rows: number, last: [number, number]): Promise<void> {
    type M = {
      jumpTo(o: object): void; getSource(id: string): { type: string; tiles?: string[] } | undefined; getLayer(id: string): unknown;
      setLayoutProperty(l: string, k: string, v: unknown): void; addSource(id: string, s: object): void; addLayer(l: object): void;
      removeLayer(id: string): void; removeSource(id: string): void; getStyle(): { layers: { id: string; paint?: object }[] };
    };
    const types = await page.evaluate((ll) => {
      const m = (window as unknown as { __anju: { map: M } }).__anju.map;
      m.jumpTo({ center: ll, zoom: 13 });
      return { raster: m.getSource('imported-facilities~imported-facilities-circle')?.type, drawn: !!m.getLayer('imported-facilities-circle~drawn') };
    }, last);
    expect(types).toEqual({ raster: 'raster', drawn: true });
    await waitForMapIdle(page);
    const at = await screenPoint(page, last);
    // The grid lies south-west of its last point: the clip holds its corner and 250 × 150 px of it.
    const clip = { x: Math.round(at.x) - 250, y: Math.round(at.y) - 50, width: 300, height: 200 };
    const colour = hexToRgb(IMPORT_COLORS.facilities);
    const images = PNG.sync.read(await page.screenshot({ path: SCREENSHOTS + `import-facilities-images-z13-${rows}.png`, clip }));
    expect(colorDistance(pixel(images, 249, 51), colour), 'the corner facility is drawn from the images').toBeLessThan(40);
    expect(colorDistance(pixel(images, 270, 30), colour), 'nothing 20 px beyond it').toBeGreaterThan(100);
    // Picking at this zoom: the circle layer, not drawn, still has the facilities under the corner.
    const picked = await page.evaluate(([x, y]) => {
      const m = (window as unknown as { __anju: { map: { queryRenderedFeatures(p: [number, number], o: object): { properties: Record<string, unknown> }[]; getContainer(): HTMLElement } } }).__anju.map;
      const r = m.getContainer().getBoundingClientRect();
      return m.queryRenderedFeatures([x - r.left, y - r.top], { layers: ['imported-facilities-circle'] }).map((f) => String(f.properties.id));
    }, [at.x, at.y] as const);
    expect(picked.length, 'a facility under the pointer at zoom 13').toBeGreaterThan(0);
    // Without the images nothing is drawn there (the circle layer draws nothing below zoom 14).
    const showImages = (on: boolean) => page.evaluate((on) => (window as unknown as { __anju: { map: M } }).__anju.map.setLayoutProperty('imported-facilities-circle~raster', 'visibility', on ? 'visible' : 'none'), on);
    await showImages(false);
    await waitForMapIdle(page);
    const none = PNG.sync.read(await page.screenshot({ clip }));
    expect(colorDistance(pixel(none, 249, 51), colour), 'no circle drawn under the images').toBeGreaterThan(100);
    // The same view drawn as circles from the full vector tiles (the vector tiles below zoom 14 are for
    // picking only, one point per 8 px): a test layer with the facility layer's paint.
    await page.evaluate(() => {
      const m = (window as unknown as { __anju: { map: M } }).__anju.map;
      const url = m.getSource('imported-facilities')!.tiles![0].replace(/\/pick-below-\d+$/, '');
      const paint = m.getStyle().layers.find((l) => l.id === 'imported-facilities-circle~drawn')!.paint;
      m.addSource('test-full-circles', { type: 'vector', tiles: [url], maxzoom: 14 });
      m.addLayer({ id: 'test-full-circles', type: 'circle', source: 'test-full-circles', 'source-layer': 'points', paint });
    });
    await waitForMapIdle(page);
    const circles = PNG.sync.read(await page.screenshot({ path: SCREENSHOTS + `import-facilities-circles-z13-${rows}.png`, clip }));
    await page.evaluate(() => {
      const m = (window as unknown as { __anju: { map: M } }).__anju.map;
      m.removeLayer('test-full-circles');
      m.removeSource('test-full-circles');
    });
    await showImages(true);
    // A dense grid of overlapping dots is a fine texture whose phase moves with a quarter pixel, so
    // compare what the eye sees: the share of pixels in the layer's colour, and mean colours of 10 px squares.
    const share = (png: PNG) => {
      let n = 0;
      for (let y = 0; y < clip.height; y++) for (let x = 0; x < clip.width; x++) if (colorDistance(pixel(png, x, y), colour) < 60) n++;
      return n / (clip.width * clip.height);
    };
    const B = 10;
    let worstSquare = 0;
    for (let by = 0; by < clip.height; by += B) {
      for (let bx = 0; bx < clip.width; bx += B) {
        const mean = (png: PNG) => {
          const m = { r: 0, g: 0, b: 0 };
          for (let y = by; y < by + B; y++) {
            for (let x = bx; x < bx + B; x++) {
              const p = pixel(png, x, y);
              m.r += p.r / (B * B);
              m.g += p.g / (B * B);
              m.b += p.b / (B * B);
            }
          }
          return m;
        };
        worstSquare = Math.max(worstSquare, colorDistance(mean(images), mean(circles)));
      }
    }
    const [fromImages, fromCircles] = [share(images), share(circles)];
    console.info(`[import] ${rows} facilities at zoom 13: pixels in the layer's colour ${(100 * fromImages).toFixed(1)} % from the images, ${(100 * fromCircles).toFixed(1)} % from circles; 10 px squares' mean colours differ by at most ${worstSquare.toFixed(1)}`);
    expect(fromCircles, 'circles in the clip').toBeGreaterThan(0.1);
    expect(fromImages / fromCircles).toBeGreaterThan(0.85);
    expect(fromImages / fromCircles).toBeLessThan(1.15);
    expect(worstSquare).toBeLessThan(20);
  }

  it('reads a 20 MB CSV of 100,000 points as columns: figures, a sampled preview, one undoable Replace', async () => {
    await importLarge(100_000, 'large-population.csv', 60_000);
  });

  it.runIf(process.env.ANJU_BIG === '1')('imports a 200 MB CSV of 1,000,000 points without the tab running out of memory (ANJU_BIG=1)', { timeout: 600_000 }, async () => {
    await importLarge(1_000_000, 'huge-population.csv', 400_000);
  });

  it('reads a 20 MB CSV of 100,000 facilities as columns: figures, category and name in the first rows, one undoable Replace', async () => {
    await importLarge(100_000, 'large-facilities.csv', 60_000, 'facilities');
  });

  it.runIf(process.env.ANJU_BIG === '1')('imports a 200 MB CSV of 1,000,000 facilities without the tab running out of memory (ANJU_BIG=1)', { timeout: 600_000 }, async () => {
    await importLarge(1_000_000, 'huge-facilities.csv', 400_000, 'facilities');
  });
});
