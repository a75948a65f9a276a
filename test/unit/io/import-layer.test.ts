import { describe, expect, it } from 'vitest';
import { importLayer } from '../../../src/io/import-layer.ts';
import { MAX_IMPORT_BYTES } from '../../../src/io/limits.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { tableToXlsx } from '../../../src/export/xlsx.ts';

const enc = (s: string) => new TextEncoder().encode(s);
/** n points in Wenzhou as CSV. */
const bigCsv = (n: number) => enc('lon,lat\n' + Array.from({ length: n }, (_, i) => `${120.6 + (i % 100) / 1000},${28 + Math.floor(i / 100) / 1000}`).join('\n'));

describe('importLayer', () => {
  it('refuses a file over the limit, naming the limit, without reading it', async () => {
    const r = await importLayer(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblem(r.problems[0], 'en')).toBe('huge.geojson: the file is too large (200.0 MB); the limit is 200 MB');
    expect(formatProblem(r.problems[0], 'zh')).toBe('huge.geojson: 文件过大（200.0 MB），上限为 200 MB');
  });

  it('reports progress from 0 to 1 in order', async () => {
    const fractions: number[] = [];
    const r = await importLayer(bigCsv(2000), 'p.csv', { onProgress: (f) => fractions.push(f) });
    expect(r.ok).toBe(true);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(4);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('stops when the signal aborts mid-way and returns only import-cancelled', async () => {
    const controller = new AbortController();
    const r = await importLayer(bigCsv(3000), 'p.csv', { signal: controller.signal, onProgress: (f) => f > 0.3 && controller.abort() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['import-cancelled']);
  });

  it('yields to the event loop only when something can cancel it (a signal), by elapsed time', async () => {
    const file = bigCsv(60_000);
    let ticks = 0;
    let running = true;
    const count = () => {
      ticks++;
      if (running) setTimeout(count, 0);
    };
    // The command line passes no signal: one run to the end, no timer gets a turn.
    setTimeout(count, 0);
    const t0 = performance.now();
    expect((await importLayer(file, 'p.csv')).ok).toBe(true);
    const ms = performance.now() - t0;
    expect(ticks).toBe(0);
    // The import worker passes one: a turn for the event loop about every 50 ms, not every 500 features.
    const withSignal = await importLayer(file, 'p.csv', { signal: new AbortController().signal });
    running = false;
    expect(withSignal.ok).toBe(true);
    expect(ms).toBeGreaterThan(100); // enough time for yields to be due
    expect(ticks).toBeGreaterThan(0);
    expect(ticks).toBeLessThan(60_000 / 500 / 2);
  });

  it('locates each imported feature in the file when bad ones are skipped (lenient)', async () => {
    const csv = enc('lon,lat,name\n120.6,28,a\nx,28,b\n\n120.7,28,c\n');
    const r = await importLayer(csv, 'o.csv', { lenient: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.features.map((f) => f.properties?.name)).toEqual(['a', 'c']);
    expect(r.origins).toEqual([{ row: 2 }, { row: 5 }]);
    const gj = await importLayer(enc(JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1e7, 1] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.6, 28] } },
    ] })), 'o.geojson', { lenient: true });
    expect(gj.ok && gj.origins).toEqual([{ featureIndex: 1 }]);
    // Nothing skipped: feature i is the file's feature i, said by leaving origins out.
    const whole = await importLayer(enc(JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.5, 28] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.6, 28] } },
    ] })), 'w.geojson');
    expect(whole.ok).toBe(true);
    expect(whole.ok && whole.origins).toBeUndefined();
  });

  it('asks to zip a bare .shp', async () => {
    const r = await importLayer(new Uint8Array([0, 0, 39, 10]), 'a.shp');
    expect(!r.ok && formatProblem(r.problems[0], 'en')).toBe('a.shp: zip the .shp together with its .dbf, .prj and .cpg and import the .zip');
  });

  it('lets the user name the coordinate columns', async () => {
    const r = await importLayer(enc('E,N,name\n120.65,28.01,a\n'), 'p.csv', { columns: { lon: 'E', lat: 'N' } });
    expect(r.ok && r.value.features[0]).toEqual({ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [120.65, 28.01] } });
  });

  it('a point outside Wenzhou is imported with a warning', async () => {
    const r = await importLayer(enc('lon,lat\n116.4,39.9\n'), 'beijing.csv');
    expect(r.ok && r.warnings.map((p) => formatProblem(p, 'en'))).toEqual(['beijing.csv row 2: feature lies outside Wenzhou (centre 116.4000, 39.9000)']);
  });

  it('reads the first sheet of a workbook and names the sheets it did not read', async () => {
    const table = { columns: [{ id: 'lon', header: 'lon', kind: 'number' as const }, { id: 'lat', header: 'lat', kind: 'number' as const }, { id: 'name', header: 'name', kind: 'text' as const }], rows: [[120.65, 28.01, '甲']], boardIds: ['a'] };
    const blob = await tableToXlsx(table, '设施', { sheet: '说明', rows: [['来源', '测试']] });
    const r = await importLayer(new Uint8Array(await blob.arrayBuffer()), 'two-sheets.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.features).toHaveLength(1);
    const w = r.warnings.find((p) => p.code === 'xlsx-other-sheets')!;
    expect(formatProblem(w, 'zh')).toBe('two-sheets.xlsx: 只读取了第一个工作表“设施”；另有 1 个工作表未读取：说明（如需导入，请将其另存为单独的文件）');
    expect(formatProblem(w, 'en')).toContain('only the first worksheet, “设施”, was read; 1 more were not: 说明');
  });

  it('asks for a central meridian naming the system in the reader’s language', async () => {
    // Eastings without a zone number: the central meridian cannot be told from the coordinates.
    const r = await importLayer(enc('x,y\n500123.4,3100456.7\n501000,3101000\n'), 'gk.csv', { crs: 'xian80-gk', towgs84: [0, 0, 0] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((q) => q.code === 'gk-central-meridian-needed')!;
    expect(formatProblem(p, 'zh')).toBe('gk.csv: 西安 1980 高斯-克吕格投影（米，需转换参数）坐标（xian80-gk）需要中央经线：东坐标不带带号，请选择中央经线（温州：120°E；命令行：--cm）');
    expect(formatProblem(p, 'en')).toContain('Xian 1980 Gauss–Krüger (metres; needs transformation parameters) coordinates (xian80-gk) need a central meridian');
  });
});
