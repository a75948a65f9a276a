/**
 * Every layer the app exports (facilities, population points and cells, employment areas, streets,
 * nodes, actual supply) written as FlatGeobuf reads back through Anju's importer and through GDAL
 * with the same features, columns, column types, values, EPSG:4326 and coordinates (to 1e-9) as the
 * GeoJSON export of the same layer. GDAL's checks run where ogrinfo is installed (.ci/run installs
 * gdal-bin).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { flatGeobufChunks } from '../../../src/export/flatgeobuf-export.ts';
import { featuresTable, tableToGeoJson, type LayerTable } from '../../../src/export/layer-table.ts';
import { actualsTable, employmentTable, facilitiesTable, nodesTable, populationTable } from '../../../src/export/layer-tables.ts';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { Facility } from '../../../src/domain/facility.ts';
import type { EmploymentAreaCollection } from '../../../src/domain/employment-area.ts';
import type { ActualsLayer } from '../../../src/domain/actuals.ts';
import type { NodeFeature } from '../../../src/domain/structure.ts';
import { mulberry32 } from '../../../bench/seeded.ts';

const rnd = mulberry32(14);
const lon = () => 120.55 + rnd() * 0.2;
const lat = () => 27.95 + rnd() * 0.1;
const CATEGORIES = ['kindergarten', 'primary-school', 'clinic', '15-min'];
const facilities: Facility[] = Array.from({ length: 1500 }, (_, i) => ({
  id: `f${i}`,
  category: CATEGORIES[i % 4],
  ...(i % 3 ? { name: `设施${i} “幼儿园”` } : {}),
  lonLat: [lon(), lat()],
  ...(i % 5 === 0 ? { illustrative: true } : {}),
}));
const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const employment = JSON.parse(readFileSync('geodata/employment-areas.geojson', 'utf8')) as EmploymentAreaCollection;
const nodes: NodeFeature[] = [
  { type: 'Feature', properties: { id: 'n1', name: '瓯海中心', note: '用户添加' }, geometry: { type: 'Point', coordinates: [120.63, 27.98] } },
  { type: 'Feature', properties: { id: 'n2', name: 'Longwan' }, geometry: { type: 'Point', coordinates: [120.78, 27.93] } },
];
const streets: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '人民路', highway: 'primary', lanes: 4 }, geometry: { type: 'LineString', coordinates: [[120.65, 28.01], [120.66, 28.012], [120.67, 28.01]] } },
    { type: 'Feature', properties: { name: '车站大道', highway: 'secondary', oneway: true }, geometry: { type: 'MultiLineString', coordinates: [[[120.68, 28.0], [120.69, 28.0]], [[120.69, 28.0], [120.7, 28.005]]] } },
  ],
};
const located: ActualsLayer = {
  file: '实际供应.geojson',
  importedAt: '2026-11-26',
  records: [
    { boardId: 'lucheng-old-town', county: '鹿城区', geometry: { type: 'Point', coordinates: [120.65, 28.02] }, year: 2023, type: 'commercial', units: 1200, name: '江滨花园', featureIndex: 0 },
    { boardId: null, county: '瓯海区', geometry: { type: 'Polygon', coordinates: [square(120.62, 27.97, 0.01)] }, year: 2024, type: 'comprehensive', units: 3, featureIndex: 1 },
  ],
};

/** Each layer, its table and the geometry type GDAL reports (Unknown for a mix, as Polygon and MultiPolygon). */
const LAYERS: [string, LayerTable, string][] = [
  ['facilities', facilitiesTable(facilities), 'Point'],
  ['population-points', populationTable({ kind: 'points', points: Array.from({ length: 1000 }, (_, i) => ({ lonLat: [lon(), lat()], population: i % 7 === 0 ? 0 : Math.round(rnd() * 5000) / 10 })) })!, 'Point'],
  ['population-cells', populationTable({ kind: 'cells', cells: [{ geometry: { type: 'Polygon', coordinates: [square(120.6, 28, 0.005)] }, population: 812.5 }, { geometry: { type: 'MultiPolygon', coordinates: [[square(120.61, 28, 0.005)], [square(120.62, 28, 0.002)]] }, population: 40 }] })!, 'Unknown (any)'],
  ['employment', employmentTable(employment), 'Polygon'],
  ['streets', featuresTable(streets), 'Unknown (any)'],
  ['nodes', nodesTable(nodes), 'Point'],
  ['actuals', actualsTable(located), 'Unknown (any)'],
];

/** FlatGeobuf has no null: an empty value is absent, as the importer reads it back. */
const withoutNulls = (p: Record<string, unknown> | null) => Object.fromEntries(Object.entries(p ?? {}).filter(([, v]) => v !== null));
const flat = (g: Geometry | null): number[] => JSON.stringify(g).match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
const GDAL_TYPE = { string: 'String', double: 'Real', int: 'Integer', bool: 'Integer\\(Boolean\\)', json: 'String\\(JSON\\)' } as const;

async function fgbBytes(t: LayerTable, layerName: string): Promise<Uint8Array> {
  // Small chunks, so features of a layer of points cross many chunk boundaries.
  const chunks = await flatGeobufChunks(t, { layerName, chunkBytes: 4096 });
  if (t.lonLat) expect(chunks.length).toBeGreaterThan(2);
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

const run = promisify(execFile);
let ogrinfo = true;
try {
  execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
} catch {
  ogrinfo = false;
}
const dir = mkdtempSync(join(tmpdir(), 'anju-layer-fgb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FlatGeobuf export of every layer', () => {
  it.each(LAYERS)('%s reads back through Anju’s importer as its GeoJSON export: values, types, geometry, EPSG:4326', async (name, table) => {
    const geojson = tableToGeoJson(table);
    const r = await importLayer(await fgbBytes(table, name), `${name}.fgb`);
    if (!r.ok) throw new Error(r.problems.map((p) => p.code).join());
    expect(r.summary.crs).toMatchObject({ crs: { id: 'wgs84' }, source: 'flatgeobuf-header', ambiguous: false });
    expect(r.value.features).toHaveLength(table.length);
    expect(r.value.features.map((f) => f.properties)).toEqual(geojson.features.map((f) => withoutNulls(f.properties)));
    expect(r.value.features.map((f) => f.geometry)).toEqual(geojson.features.map((f) => f.geometry));
    // Every column of the table is on every GeoJSON feature, in column order.
    expect(Object.keys(geojson.features[0].properties!)).toEqual(table.columns.map((c) => c.name));
  });

  it.skipIf(!ogrinfo)('GDAL reads every layer with the same count, columns, types, EPSG:4326, values and coordinates to 1e-9', async () => {
    // ogrinfo and ogr2ogr for every layer, run in parallel.
    for (const [name, table] of LAYERS) writeFileSync(join(dir, `${name}.fgb`), await fgbBytes(table, name));
    const gdal = await Promise.all(
      LAYERS.map(async ([name]) => {
        const out = join(dir, `${name}.json`);
        const [{ stdout: info }] = await Promise.all([
          run('ogrinfo', ['-al', '-so', join(dir, `${name}.fgb`)], { encoding: 'utf8' }),
          run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=15', '-lco', 'RFC7946=NO', out, join(dir, `${name}.fgb`)]),
        ]);
        return { info, json: JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection };
      }),
    );
    LAYERS.forEach(([name, table, geometryType], n) => {
      const layer = gdal[n].info;
      expect(layer).toContain(`Feature Count: ${table.length}`);
      // Each layer is named as its GeoJSON export names the file (the library's header said "L1").
      expect(layer.match(/^Layer name: .*$/m)?.[0], name).toBe(`Layer name: ${name}`);
      expect(layer.match(/^Geometry: .*$/m)?.[0], name).toBe(`Geometry: ${geometryType}`);
      expect(layer).toMatch(/ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/);
      const fields = [...layer.matchAll(/^(\w+): (?:String|Real|Integer|Integer64|Date|DateTime)\b/gm)].map(([, k]) => k);
      expect(fields, name).toEqual(table.columns.map((c) => c.name));
      for (const c of table.columns) expect(layer).toMatch(new RegExp(`^${c.name}: ${GDAL_TYPE[c.kind]} `, 'm'));
      const ours = tableToGeoJson(table);
      const { json } = gdal[n];
      expect(json.features).toHaveLength(ours.features.length);
      json.features.forEach((f: Feature, i) => {
        const want = ours.features[i];
        const a = flat(f.geometry);
        const b = flat(want.geometry);
        expect(a.length).toBe(b.length);
        a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThan(1e-9));
        // Values as GDAL gives them: a Bool column as true/false, a Json column as its text.
        const got = withoutNulls(f.properties);
        const expected = withoutNulls(want.properties);
        expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
        for (const [k, v] of Object.entries(expected)) expect(typeof v === 'object' ? JSON.parse(got[k] as string) : got[k], `${name} ${i} ${k}`).toEqual(v);
      });
    });
  });

  it('refuses actual supply with unlocated records, saying how many and which first; GeoJSON keeps them with null geometry', async () => {
    const table = actualsTable({ ...located, records: [...located.records, { boardId: 'ouhai-central', county: '瓯海区', year: 2022, type: 'commercial', units: 500, row: 4 }] });
    await expect(flatGeobufChunks(table, { layerName: 'nodes' })).rejects.toThrow('1 of 3 features have no geometry (the first is feature 3)');
    expect(tableToGeoJson(table).features[2]).toMatchObject({ geometry: null, properties: { board: 'ouhai-central', year: 2022, units: 500 } });
  });

  it('refuses a value that does not fit its column type, naming the feature and column', async () => {
    const t: LayerTable = { columns: [{ name: 'year', kind: 'int' }], length: 2, geometry: () => null, lonLat: () => [120.6, 28], values: (i) => [i === 0 ? 2024 : 2024.5] };
    await expect(flatGeobufChunks(t, { layerName: 'actuals' })).rejects.toThrow('feature 2, column year: 2024.5 is not int');
  });
});
