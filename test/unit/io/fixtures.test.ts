/**
 * Every import fixture (test/fixtures/import/README.md): what is detected, the exact converted
 * coordinates against the reference formulas (test/support/reference-crs.ts), and the exact messages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, Point, Polygon, Position } from 'geojson';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { ImportOptions, ImportResult } from '../../../src/io/import-result.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { REFERENCE_POINTS, SQUARES } from '../../support/import-reference-points.ts';
import { READERS } from '../../../src/io/readers/readers.ts';
import type { InputKind } from '../../../src/io/readers/input-reader.ts';
import type { Problem } from '../../../src/domain/problem.ts';

const load = (name: string, options?: ImportOptions) => importLayer(new Uint8Array(readFileSync(`test/fixtures/import/${name}`)), name, options);
/** Import, then read as `kind` with its reader (what the app, the analyses and `validate --type` do). */
async function loadAs(name: string, kind: InputKind, options: ImportOptions = {}) {
  const r = await load(name, options);
  if (!r.ok) return { ok: false as const, problems: r.problems };
  const read = READERS[kind].read({ file: name, features: r.value.features, origins: r.origins }, { lenient: options.lenient });
  return read.ok ? { ok: true as const, value: read.value, warnings: [...r.warnings, ...read.warnings] } : { ok: false as const, problems: [...read.problems, ...r.warnings] };
}
const readMessages = (r: { ok: boolean; warnings?: Problem[]; problems?: Problem[] }) => ((r.ok ? r.warnings : r.problems) ?? []).map((p) => [formatProblem(p, 'en'), formatProblem(p, 'zh')]);
const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, 'en')).join('\n'));
  return r;
};
const pointsOf = (r: ImportResult) => ok(r).value.features.map((f) => (f.geometry as Point).coordinates);
/** 1e-6° ≈ 0.1 m: the GCJ-02/BD-09 inverse (gcoord) is iterative; observed residuals ≤ 7e-7°. */
const expectNear = (actual: Position[], expected: readonly Position[], tolDeg: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    expect(Math.abs(p[0] - expected[i][0])).toBeLessThan(tolDeg);
    expect(Math.abs(p[1] - expected[i][1])).toBeLessThan(tolDeg);
  });
};
const WGS = REFERENCE_POINTS.map((p) => p.wgs84);
const messages = (r: ImportResult) => (r.ok ? r.warnings : r.problems).map((p) => [formatProblem(p, 'en'), formatProblem(p, 'zh')]);

describe('shapefile fixtures', () => {
  it('reads GBK attributes named by the .cpg, geographic CGCS2000 from the .prj, rings rewound to RFC 7946', async () => {
    const r = ok(await load('boards-gbk.zip'));
    expect(r.summary).toMatchObject({ format: 'shapefile', encoding: 'gbk', featuresImported: 2, crs: { crs: { id: 'wgs84' }, source: 'prj', ambiguous: false } });
    expect(r.value.features.map((f) => f.properties)).toEqual(SQUARES.map((s) => ({ id: s.id, name: s.name, units: s.units })));
    expect((r.value.features[0].geometry as Polygon).coordinates[0]).toEqual(SQUARES[0].ring);
    expect(r.warnings).toEqual([]);
  });

  it('detects GBK by content when there is no .cpg, and asks about the CRS (no .prj)', async () => {
    const r = ok(await load('boards-gbk-no-cpg.zip'));
    // Not UTF-8, no .cpg, no language driver: GB18030 (a superset of GBK), and the summary says it was assumed.
    expect(r.summary.encoding).toBe('gb18030');
    expect(r.summary.details.encodingSource).toBe('default');
    expect(r.value.features[1].properties).toEqual({ id: 'wutian', name: '梧田板块', units: 800 });
    expect(r.summary.crs).toMatchObject({ crs: { id: 'wgs84' }, source: 'default', ambiguous: true, candidates: ['wgs84', 'gcj02', 'bd09'] });
  });

  it('reads UTF-8 attributes of a point shapefile', async () => {
    const r = ok(await load('facilities-utf8.zip'));
    expect(r.summary.encoding).toBe('utf-8');
    expect(r.value.features.map((f) => f.properties?.name)).toEqual(REFERENCE_POINTS.map((p) => p.name));
    expect(pointsOf(r)).toEqual(WGS);
  });

  it('converts EPSG:4549 (CM 120°E) from the .prj back to the reference lon/lat within 1e-8° (~1 mm)', async () => {
    const r = ok(await load('boards-epsg4549.zip'));
    expect(r.summary.crs).toMatchObject({ crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: 120 } }, source: 'prj', kind: 'projected-metres' });
    expectNear((r.value.features[0].geometry as Polygon).coordinates[0], SQUARES[0].ring, 1e-8);
  });

  it('converts EPSG:4528 (zone 40, false easting 40 500 000 m)', async () => {
    const r = ok(await load('facilities-epsg4528.zip'));
    expect(r.summary.crs?.crs).toEqual({ id: 'cgcs2000-gk', gk: { centralMeridianDeg: 120, zone: 40 } });
    expectNear(pointsOf(r), WGS, 1e-8);
  });
});

describe('CSV fixtures', () => {
  it('GCJ-02 chosen by the user converts to the reference WGS-84 points', async () => {
    const r = await load('shops-gcj02.csv', { crs: 'gcj02' });
    expect(r.summary.details).toEqual({ delimiter: 'comma', lonColumn: 'lng', latColumn: 'lat' });
    expectNear(pointsOf(r), WGS, 1e-6);
    // Unconverted, the same file sits ~0.004° east: the offset the user would otherwise import.
    const raw = pointsOf(await load('shops-gcj02.csv'));
    expect(raw[0][0] - WGS[0][0]).toBeCloseTo(0.0039739, 6);
  });

  it('BD-09 is taken from the bd09_lon column name in a tab-separated file', async () => {
    const r = await load('shops-bd09.tsv');
    expect(r.summary.details.delimiter).toBe('tab');
    expect(r.summary.crs).toMatchObject({ crs: { id: 'bd09' }, source: 'column-name', ambiguous: false });
    expectNear(pointsOf(r), WGS, 1e-6);
  });

  it('GBK-encoded CSV with 经度/纬度 and numeric population', async () => {
    const r = ok(await load('population-gbk.csv'));
    expect(r.summary.encoding).toBe('gb18030');
    expect(r.value.features[0].properties).toEqual({ 名称: '鹿城 社区卫生服务中心', population: 1000 });
  });

  it('projected x/y without a .prj: detected as Gauss–Krüger, CM 120°E assumed and flagged for the user', async () => {
    const r = await load('points-gk-xy.csv');
    expect(r.summary.crs).toMatchObject({ crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: 120 } }, source: 'default', kind: 'projected-metres', ambiguous: true });
    expectNear(pointsOf(r), WGS, 1e-8);
  });
});

describe('GeoJSON fixtures', () => {
  it('swapped lat/lon is detected and exchanged, with a note', async () => {
    const r = await load('swapped.geojson');
    expectNear(pointsOf(r), WGS, 1e-12);
    expect(messages(r)).toEqual([['swapped.geojson: longitude and latitude were swapped and have been exchanged', 'swapped.geojson: 经纬度顺序颠倒，已自动交换']]);
  });

  it('clockwise exterior ring is rewound with a note', async () => {
    const r = ok(await load('clockwise.geojson'));
    expect((r.value.features[0].geometry as Polygon).coordinates[0]).toEqual(SQUARES[0].ring);
    expect(messages(r)).toEqual([['clockwise.geojson: ring winding of 1 features did not follow RFC 7946 and was corrected', 'clockwise.geojson: 1 个要素的多边形环方向不符合 RFC 7946，已自动更正']]);
  });

  it('a bare geometry becomes one feature', async () => {
    const r = ok(await load('bare-geometry.geojson'));
    expect(r.value.features).toHaveLength(1);
    expect(r.summary.geometryTypes).toEqual({ Polygon: 1 });
    expect(r.summary.bboxDeg).toEqual([120.65, 28.01, 120.66, 28.02]);
  });

  it('unclosed ring', async () => {
    expect(messages(await load('unclosed-ring.geojson'))).toEqual([
      ['unclosed-ring.geojson feature #1: polygon ring is not closed (first position 120.65, 28.01 differs from the last)', 'unclosed-ring.geojson 要素 #1: 多边形的环未闭合（首点 120.65, 28.01 与末点不同）'],
    ]);
  });

  it('self-intersecting ring', async () => {
    expect(messages(await load('self-intersection.geojson'))).toEqual([
      ['self-intersection.geojson feature #1: polygon intersects itself (at 120.655000, 28.015000)', 'self-intersection.geojson 要素 #1: 多边形自相交（交点 120.655000, 28.015000）'],
    ]);
  });

  it('non-numeric population fails a population layer; numeric text is converted', async () => {
    const r = await loadAs('population-non-numeric.geojson', 'population');
    expect(readMessages(r)).toEqual([['population-non-numeric.geojson feature #2 field population: population is not a non-negative number: "约三千"', 'population-non-numeric.geojson 要素 #2 字段 population: 人口不是非负数字：“约三千”']]);
    const lenient = await loadAs('population-non-numeric.geojson', 'population', { lenient: true });
    if (!lenient.ok) throw new Error('lenient read failed');
    expect(lenient.value).toMatchObject({ kind: 'points', points: [{ population: 1200 }, { population: 2500 }] });
    expect(formatProblem(lenient.warnings[0], 'en')).toBe('population-non-numeric.geojson: 1 features with errors were skipped; 2 imported');
  });

  it('duplicate ids', async () => {
    expect(messages(await load('duplicate-ids.geojson'))).toEqual([
      ['duplicate-ids.geojson feature #3 field id: id "f1" is not unique (see also feature #1)', 'duplicate-ids.geojson 要素 #3 字段 id: 编号“f1”重复（另见要素 #1）'],
    ]);
  });

  it('keeps a malicious property as inert text, byte for byte', async () => {
    const r = ok(await load('malicious.geojson'));
    expect(r.value.features[0].properties).toEqual({ name: '<img src=x onerror=alert(1)>', category: '<script>alert(2)</script>' });
  });

  it('facilities are points', async () => {
    const r = await loadAs('bare-geometry.geojson', 'facilities');
    expect(readMessages(r)).toEqual([
      ['bare-geometry.geojson feature #1: geometry type is Polygon, expected Point', 'bare-geometry.geojson 要素 #1: 几何类型为 Polygon，应为 Point'],
    ]);
  });
});

describe('unreadable fixtures', () => {
  it('garbage bytes and a fake zip are refused with one problem each', async () => {
    expect((await load('garbage.geojson')).ok).toBe(false);
    expect(messages(await load('not-a-zip.zip'))).toEqual([['not-a-zip.zip: the zip archive is corrupt or not a zip file, and cannot be unpacked (invalid zip data)', 'not-a-zip.zip: ZIP 压缩包已损坏或不是 ZIP 文件，无法解压（invalid zip data）']]);
  });
});

it('every fixture feature from the reference data lies in Wenzhou (no outside-wenzhou notes)', async () => {
  const r = ok(await load('facilities.geojson'));
  expect(r.warnings).toEqual([]);
  expect(r.value.features.every((f: Feature) => f.geometry.type === 'Point')).toBe(true);
});
