/**
 * Importing into the coverage slices through the one import path (importLayer, then the dialog's
 * targets): CRS conversion on the way in, problems instead of changes on bad input.
 */
import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { importLayer } from '../../../../src/io/import-layer.ts';
import type { CrsId } from '../../../../src/io/crs.ts';
import { importTarget } from '../../../../src/ui/import/targets.ts';
import { assessImport } from '../../../../src/ui/import/assess-import.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';

const project = () => initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00Z');
const bytes = (s: string) => new TextEncoder().encode(s);

/** What the import dialog does: parse in the worker (lenient, so every problem is listed), then assess for the target. */
async function importCoverageLayer(targetId: 'facilities' | 'population' | 'streets', data: Uint8Array, file: string, crs: CrsId) {
  const target = importTarget(targetId);
  const result = await importLayer(data, file, { crs, lenient: true });
  const a = assessImport(result, target, { file, state: project(), importedAt: '2026-01-02' }, false);
  return a.outcome ? ({ ok: true, change: a.outcome.change, count: a.outcome.count } as const) : ({ ok: false, problems: a.problems } as const);
}

describe('importing coverage layers', () => {
  it('reads a GCJ-02 CSV of facilities, converts to WGS-84, and replaces the facilities in one undoable change', async () => {
    const csv = 'name,category,lon,lat\n幼儿园甲,kindergarten,120.6600,28.0100\n小学乙,primary-school,120.6700,28.0000\n';
    const r = await importCoverageLayer('facilities', bytes(csv), 'shops.csv', 'gcj02');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.count).toBe(2);
    const { state, inverse } = r.change.apply(project());
    const expected = gcoord.transform([120.66, 28.01], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    expect(state.facilities[0]).toMatchObject({ category: 'kindergarten', name: '幼儿园甲' });
    expect(state.facilities[0].lonLat[0]).toBeCloseTo(expected[0], 7);
    expect(state.facilities[0].lonLat[1]).toBeCloseTo(expected[1], 7);
    // GCJ-02 sits a few hundred metres off WGS-84 here: the conversion really happened.
    expect(Math.abs(state.facilities[0].lonLat[0] - 120.66)).toBeGreaterThan(0.002);
    expect(inverse.apply(state).state.facilities).toEqual([]);
  });

  it('takes a plain point list without category: uncategorised facilities, said once', async () => {
    const r = await importCoverageLayer('facilities', bytes('name,lon,lat\nA,120.66,28.01\nB,120.67,28.02\n'), 'plain.csv', 'wgs84');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.count).toBe(2);
    expect(r.change.apply(project()).state.facilities.map((f) => [f.name, f.category])).toEqual([['A', 'uncategorised'], ['B', 'uncategorised']]);
  });

  it('reads population points and street lines; refuses polygons as streets', async () => {
    const pts = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { population: 1200 }, geometry: { type: 'Point', coordinates: [120.66, 28.01] } }] };
    const p = await importCoverageLayer('population', bytes(JSON.stringify(pts)), 'pop.geojson', 'wgs84');
    if (!p.ok) throw new Error(JSON.stringify(p.problems));
    expect(p.change.apply(project()).state.population).toEqual({ kind: 'points', points: [{ lonLat: [120.66, 28.01], population: 1200 }] });
    const lines = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '路' }, geometry: { type: 'LineString', coordinates: [[120.66, 28.01], [120.67, 28.01]] } }] };
    const s = await importCoverageLayer('streets', bytes(JSON.stringify(lines)), 'streets.geojson', 'wgs84');
    if (!s.ok) throw new Error(JSON.stringify(s.problems));
    expect(s.change.apply(project()).state.streets?.features).toHaveLength(1);
    const poly = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[120.66, 28.01], [120.67, 28.01], [120.67, 28.02], [120.66, 28.01]]] } }] };
    const bad = await importCoverageLayer('streets', bytes(JSON.stringify(poly)), 'p.geojson', 'wgs84');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((x: { code: string }) => x.code)).toContain('wrong-geometry-type');
  });
});
