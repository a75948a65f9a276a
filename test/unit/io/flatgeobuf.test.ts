/**
 * FlatGeobuf: what Anju writes reads back the same (every property of every feature, its type,
 * geometry), files the library writes itself are read with the CRS their header declares, an
 * unknown CRS is refused, a broken file is named. When GDAL's ogrinfo is installed it must read
 * Anju's output with the same features and fields (skipped where it is not, as in CI).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { describe, expect, it } from 'vitest';
import { toFlatGeobuf } from '../../../src/export/flatgeobuf-export.ts';
import { importLayer } from '../../../src/io/import-layer.ts';
import { declaredFromHeader } from '../../../src/io/read-flatgeobuf.ts';
import { gkForward } from '../../support/reference-crs.ts';

const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
// Properties differ between features on purpose: the first lacks `households`, `note` starts null,
// `tags` is an object, `mixed` holds text and a number.
const layer: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '鹿城', population: 1200.5, note: null, flag: true, mixed: 'a' }, geometry: { type: 'Polygon', coordinates: [square(120.6, 28.0, 0.01), [[120.602, 28.002], [120.602, 28.004], [120.604, 28.004], [120.604, 28.002], [120.602, 28.002]]] } },
    { type: 'Feature', properties: { name: 'Ouhai', population: 0, note: '新建', flag: false, households: 320, tags: { tier: '15-min' }, mixed: 7 }, geometry: { type: 'MultiPolygon', coordinates: [[square(120.62, 28.0, 0.01)], [square(120.64, 28.0, 0.005)]] } },
    { type: 'Feature', properties: { name: '龙湾', population: 3, note: null, flag: null, households: 12 }, geometry: { type: 'Polygon', coordinates: [square(120.66, 28.0, 0.01)] } },
  ],
};
/** The properties as they come back: nulls are not stored (FlatGeobuf has no null value). */
const withoutNulls = (p: Record<string, unknown> | null) => Object.fromEntries(Object.entries(p ?? {}).filter(([, v]) => v !== null));

describe('FlatGeobuf', () => {
  it('round-trips every property, its type and every geometry, declared EPSG:4326', async () => {
    const bytes = await toFlatGeobuf(layer, 'layer');
    const r = await importLayer(bytes, 'boards.fgb');
    if (!r.ok) throw new Error(r.problems.map((p) => p.code).join());
    expect(r.summary.format).toBe('flatgeobuf');
    expect(r.summary.crs).toMatchObject({ crs: { id: 'wgs84' }, source: 'flatgeobuf-header', ambiguous: false });
    expect(r.value.features.map((f) => f.properties)).toEqual(layer.features.map((f) => withoutNulls(f.properties)));
    expect(r.value.features.map((f) => f.geometry)).toEqual(layer.features.map((f) => f.geometry));
    expect(r.value.features.every((f) => f.id === undefined)).toBe(true);
  });

  it('reads a file the library wrote, Gauss–Krüger CGCS2000 (EPSG:4549), converting to WGS-84', async () => {
    const lonLat = [[120.65, 28.01], [120.7, 27.99]];
    const fc: FeatureCollection = { type: 'FeatureCollection', features: lonLat.map((p, i) => ({ type: 'Feature', properties: { id: `s${i}` }, geometry: { type: 'Point', coordinates: gkForward(p, 120) } })) };
    const r = await importLayer(serialize(fc, 4549), 'gk.fgb');
    if (!r.ok) throw new Error(r.problems.map((p) => p.code).join());
    expect(r.summary.crs).toMatchObject({ crs: { id: 'cgcs2000-gk' }, source: 'flatgeobuf-header' });
    r.value.features.forEach((f: Feature, i) => {
      const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
      expect(x).toBeCloseTo(lonLat[i][0], 7);
      expect(y).toBeCloseTo(lonLat[i][1], 7);
    });
  });

  it('refuses a CRS it does not know (EPSG:3857), naming it, unless the user chooses one', async () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [13_430_000, 3_250_000] } }] };
    const r = await importLayer(serialize(fc, 3857), 'web.fgb');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'unsupported-crs', file: 'web.fgb', params: { crs: 'EPSG:3857' } });
    expect(declaredFromHeader({ org: null, code: 0, name: null, wkt: null, code_string: null })).toBeNull();
    expect(declaredFromHeader({ org: 'ESRI', code: 102100, name: null, wkt: null, code_string: null })).toEqual({ unsupported: 'ESRI:102100', source: 'flatgeobuf-header' });
  });

  it('names a truncated file and bytes that are not FlatGeobuf', async () => {
    const bytes = await toFlatGeobuf(layer, 'layer');
    const cut = await importLayer(bytes.subarray(0, bytes.length - 40), 'cut.fgb');
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.problems[0]).toMatchObject({ code: 'not-flatgeobuf', file: 'cut.fgb' });
    const junk = await importLayer(new TextEncoder().encode('not a flatgeobuf file'), 'junk.fgb');
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.problems[0]).toMatchObject({ code: 'not-flatgeobuf', file: 'junk.fgb' });
  });

  let ogrinfo = true;
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
  } catch {
    ogrinfo = false;
  }
  it.skipIf(!ogrinfo)('GDAL (ogrinfo) reads what Anju writes: features, fields and their types, EPSG:4326', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anju-fgb-'));
    try {
      const path = join(dir, 'boards.fgb');
      writeFileSync(path, await toFlatGeobuf(layer, 'layer'));
      const out = execFileSync('ogrinfo', ['-al', '-so', path], { encoding: 'utf8' });
      expect(out).toMatch(/Feature Count: 3/);
      expect(out).toMatch(/Geometry: Multi Polygon|Geometry: Unknown/);
      expect(out).toMatch(/ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/);
      for (const [field, type] of [['name', 'String'], ['population', 'Real'], ['flag', 'Integer\\(Boolean\\)'], ['households', 'Real'], ['tags', 'String'], ['mixed', 'String']]) {
        expect(out).toMatch(new RegExp(`${field}: ${type}`));
      }
      const all = execFileSync('ogrinfo', ['-al', '-q', path], { encoding: 'utf8' });
      expect(all).toContain('name (String) = 鹿城');
      expect(all).toContain('households (Real) = 320');
      // And what GDAL writes (with its spatial index) Anju reads, the same features in the same order.
      const geojsonPath = join(dir, 'in.geojson');
      const gdalPath = join(dir, 'gdal.fgb');
      writeFileSync(geojsonPath, JSON.stringify(layer));
      execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', '-a_srs', 'EPSG:4326', '-lco', 'SPATIAL_INDEX=YES', gdalPath, geojsonPath]);
      const r = await importLayer(new Uint8Array(readFileSync(gdalPath)), 'gdal.fgb');
      if (!r.ok) throw new Error(r.problems.map((p) => p.code).join());
      expect(r.summary.crs).toMatchObject({ crs: { id: 'wgs84' }, source: 'flatgeobuf-header' });
      expect(r.value.features.map((f) => f.properties?.name).sort()).toEqual(['Ouhai', '鹿城', '龙湾'].sort());
      expect(r.value.features.find((f) => f.properties?.name === 'Ouhai')?.properties).toMatchObject({ population: 0, households: 320 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
