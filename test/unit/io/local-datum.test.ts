/**
 * Xian 1980 and Beijing 1954 Gauss–Krüger: recognised from a .prj, an EPSG code or the
 * user's choice; converted only with the user's transformation parameters (`towgs84`), checked
 * against positions PROJ computed independently (test/fixtures/import/local-datum-reference.json,
 * written by scripts/import-fixtures/local-datum-reference.ts with gdaltransform); refused without
 * them — never read as if they were CGCS2000.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Point, Position } from 'geojson';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { ImportOptions, ImportResult } from '../../../src/io/import-result.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { parseTowgs84 } from '../../../src/io/towgs84.ts';
import REFERENCE from '../../fixtures/import/local-datum-reference.json' with { type: 'json' };

const [XIAN, BEIJING] = REFERENCE.cases;
const load = (name: string, options?: ImportOptions) => importLayer(new Uint8Array(readFileSync(`test/fixtures/import/${name}`)), name, options);
const points = (r: ImportResult): Position[] => {
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p, 'en')).join('\n'));
  return r.value.features.map((f) => (f.geometry as Point).coordinates);
};
/** Largest difference in metres (equirectangular; ample for a few metres or a few hundred). */
const maxOffsetM = (a: Position[], b: readonly number[][]) =>
  Math.max(...a.map((p, i) => Math.hypot((p[0] - b[i][0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180), (p[1] - b[i][1]) * 110_574)));

describe('Xian 1980 / Beijing 1954 Gauss–Krüger', () => {
  it('an ESRI Xian 1980 .prj without parameters is refused, saying what to give — not converted as CGCS2000', async () => {
    const r = await load('facilities-xian80.zip');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['crs-needs-towgs84']);
    expect(formatProblem(r.problems[0], 'en')).toContain('xian80-gk CM 120°E');
    expect(formatProblem(r.problems[0], 'en')).toContain('never read as if it were CGCS2000');
    expect(formatProblem(r.problems[0], 'zh')).toContain('七参数');
    expect(r.summary.crs).toMatchObject({ crs: { id: 'xian80-gk', gk: { centralMeridianDeg: 120 } }, source: 'prj' });
  });

  it('with seven parameters: within 1 mm of PROJ (gdaltransform)', async () => {
    const r = await load('facilities-xian80.zip', { towgs84: XIAN.towgs84 });
    expect(maxOffsetM(points(r), XIAN.points.map((p) => p.wgs84))).toBeLessThan(0.001);
    expect(r.summary.crs).toMatchObject({ crs: { id: 'xian80-gk', towgs84: XIAN.towgs84 }, source: 'prj', towgs84Source: 'user' });
  });

  it('read as CGCS2000 instead, the same file lands tens of metres away (why it is refused)', async () => {
    const asCgcs = points(await load('facilities-xian80.zip', { crs: { id: 'cgcs2000-gk', gk: { centralMeridianDeg: 120 } } }));
    expect(maxOffsetM(asCgcs, XIAN.points.map((p) => p.wgs84))).toBeGreaterThan(30);
  });

  it('Beijing 1954 6-degree zone 21 in a CSV: chosen by the user, zone from the eastings, three parameters; within 1 mm of PROJ', async () => {
    const r = await load('points-beijing54-zone21.csv', { crs: { id: 'beijing54-gk' }, towgs84: BEIJING.towgs84 });
    expect(r.summary.crs).toMatchObject({ crs: { id: 'beijing54-gk', gk: { centralMeridianDeg: 123, zone: 21 } }, source: 'user', ambiguous: false });
    expect(maxOffsetM(points(r), BEIJING.points.map((p) => p.wgs84))).toBeLessThan(0.001);
    // The offset from CGCS2000 is real: ~100 m here.
    const asCgcs = points(await load('points-beijing54-zone21.csv', { crs: { id: 'cgcs2000-gk' } }));
    expect(maxOffsetM(asCgcs, BEIJING.points.map((p) => p.wgs84))).toBeGreaterThan(50);
  });

  it('zone-prefixed metres without a .prj: the datum is asked (CGCS2000 default), never assumed', async () => {
    const r = await load('points-beijing54-zone21.csv');
    expect(r.summary.crs).toMatchObject({ crs: { id: 'cgcs2000-gk', gk: { zone: 21 } }, ambiguous: true, candidates: ['cgcs2000-gk', 'xian80-gk', 'beijing54-gk'] });
  });

  it('a chosen central meridian that contradicts the zone in the eastings is refused', async () => {
    const r = await load('points-beijing54-zone21.csv', { crs: { id: 'beijing54-gk', gk: { centralMeridianDeg: 120 } }, towgs84: BEIJING.towgs84 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.problems[0], 'en')).toBe('points-beijing54-zone21.csv: the eastings carry zone 21 (central meridian 123°E), not the chosen central meridian 120°E');
  });

  it('parameters given for a CGCS2000 file are not used, and it says so', async () => {
    const r = await load('boards-epsg4549.zip', { towgs84: XIAN.towgs84 });
    expect(r.ok && r.warnings.map((p) => formatProblem(p, 'en'))).toContain('boards-epsg4549.zip: the transformation parameters were not used: the file is in cgcs2000-gk CM 120°E, which needs none');
  });
});

describe('parseTowgs84', () => {
  it('takes 3 or 7 numbers, with commas, spaces or full-width commas', () => {
    expect(parseTowgs84('15.8,-154.4,-82.3')).toEqual({ ok: true, value: [15.8, -154.4, -82.3] });
    expect(parseTowgs84(' 24.1， -123.9 -94.2,0.02,0.25,0.13,1.1 ')).toEqual({ ok: true, value: [24.1, -123.9, -94.2, 0.02, 0.25, 0.13, 1.1] });
  });
  it('refuses other counts, non-numbers and implausible sizes', () => {
    expect(parseTowgs84('1,2')).toEqual({ ok: false, reason: 'count', detail: '2' });
    expect(parseTowgs84('1,2,x')).toEqual({ ok: false, reason: 'number', detail: 'x' });
    expect(parseTowgs84('1,2,3,0,0,0,5000')).toEqual({ ok: false, reason: 'range', detail: 's=5000' });
  });
});
