import { describe, expect, it } from 'vitest';
import { readLayerText } from './read-layer.ts';
import { formatProblem } from '../i18n/problems.ts';

describe('readLayerText', () => {
  it('reads CSV points with 经度/纬度 columns and keeps other columns as properties', () => {
    const r = readLayerText('名称,经度,纬度,人口\n甲,120.65,28.02,100\n乙,120.70,28.00,250\n', 'f.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.features).toHaveLength(2);
    expect(r.value.features[1].properties).toEqual({ 名称: '乙', 人口: 250 });
    expect(r.value.features[0].geometry).toEqual({ type: 'Point', coordinates: [120.65, 28.02] });
  });

  it('converts GCJ-02 to WGS-84 on the way in (GCJ-02 lies ~450 m east, ~300 m south of WGS-84 here)', () => {
    const r = readLayerText('lon,lat\n120.6994,27.9943\n', 'f.csv', { crs: 'gcj02' });
    if (!r.ok) throw new Error('expected ok');
    const [lon, lat] = (r.value.features[0].geometry as { coordinates: number[] }).coordinates;
    // The published GCJ-02 offset around Wenzhou is about +0.0041° lon, -0.0033° lat (WGS → GCJ);
    // DATA.md measured 430 m E / 280 m S on island outlines.
    expect(120.6994 - lon).toBeGreaterThan(0.0035);
    expect(120.6994 - lon).toBeLessThan(0.0050);
    expect(lat - 27.9943).toBeGreaterThan(0.0020);
    expect(lat - 27.9943).toBeLessThan(0.0040);
  });

  it('names the file and the headers when a CSV has no coordinate columns', () => {
    const r = readLayerText('name,value\na,1\n', 'shops.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblem(r.problems[0], 'en')).toBe('shops.csv: no longitude/latitude columns (headers: name, value); name them lon/lat, 经度/纬度 or x/y');
    expect(formatProblem(r.problems[0], 'zh')).toContain('找不到经纬度列');
  });

  it('reports a bad row by its line number and keeps the good rows', () => {
    const r = readLayerText('lon,lat\n120.6,28\nabc,28\n', 'p.csv');
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.features).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'csv-bad-coordinate', row: 3, field: 'lon' });
  });
});
