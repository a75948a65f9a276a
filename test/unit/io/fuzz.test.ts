/**
 * Property-based tests: 10,000 generated and mutated inputs per importer (GeoJSON, CSV, zipped
 * Shapefile, KML). Every outcome is either an import whose features are sound WGS-84 or a refusal whose
 * problems all have known codes (zh + en templates); nothing throws. Seeded: reproducible.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { ImportResult } from '../../../src/io/import-result.ts';
import { PROBLEM_TEMPLATES } from '../../../src/i18n/problems.ts';
import { checkStructure } from '../../../src/io/validate/check-structure.ts';
import { writeDbf, writeShp, type ShapeInput } from '../../../scripts/import-fixtures/shapefile-writer.ts';
import { INPUT_KINDS, type InputKind } from '../../../src/io/readers/input-reader.ts';
import { READERS } from '../../../src/io/readers/readers.ts';
import type { ImportOptions } from '../../../src/io/import-result.ts';

/** Import as the app and the CLI do, then read with the kind's reader when one is given: the reader must not throw either. */
async function importAndRead(bytes: Uint8Array, file: string, opts: ImportOptions & { kind?: InputKind }): Promise<ImportResult> {
  const { kind, ...options } = opts;
  const r = await importLayer(bytes, file, options);
  if (!r.ok || !kind) return r;
  const read = READERS[kind].read({ file, features: r.value.features, origins: r.origins }, { lenient: options.lenient });
  for (const p of read.ok ? read.warnings : read.problems) {
    expect(PROBLEM_TEMPLATES[p.code], `unknown code ${p.code}`).toBeDefined();
    // A reader owns its codes: it reports none it does not declare.
    expect(READERS[kind].problemCodes, `${kind} reader reported ${p.code}, not in its problemCodes`).toContain(p.code);
  }
  return r;
}

const RUNS = 10_000;
const SEED = 20211168;
const enc = (s: string) => new TextEncoder().encode(s);

/** Outcomes per importer, so a generator that never reaches one side fails the test. */
const outcomes = { ok: 0, refused: 0 };
/** The invariant every import outcome must satisfy. */
function assertSound(r: ImportResult): void {
  outcomes[r.ok ? 'ok' : 'refused']++;
  if (r.ok) {
    expect(r.value.features.length).toBeGreaterThan(0);
    for (const f of r.value.features) {
      expect(checkStructure(f.geometry)).toBeNull();
      const walk = (c: unknown): void => {
        if (typeof (c as unknown[])[0] === 'number') {
          const [x, y] = c as Position;
          expect(Math.abs(x) <= 180 && Math.abs(y) <= 90).toBe(true);
        } else (c as unknown[]).forEach(walk);
      };
      if (f.geometry.type !== 'GeometryCollection') walk(f.geometry.coordinates);
    }
  } else expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.ok ? r.warnings : r.problems) expect(PROBLEM_TEMPLATES[p.code], `unknown code ${p.code}`).toBeDefined();
}

/** Mutations of a byte string: flip, delete, insert, truncate, duplicate a slice. */
const mutation = fc.array(fc.tuple(fc.constantFrom('flip', 'delete', 'insert', 'truncate', 'dup'), fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 });
function mutate(bytes: Uint8Array, ops: [string, number, number][]): Uint8Array {
  let b = Array.from(bytes);
  for (const [op, at, v] of ops) {
    const i = b.length ? at % b.length : 0;
    if (op === 'flip') b[i] = (b[i] ?? 0) ^ (1 << (v % 8));
    else if (op === 'delete') b.splice(i, 1 + (v % 8));
    else if (op === 'insert') b.splice(i, 0, v);
    else if (op === 'truncate') b = b.slice(0, i);
    else b.splice(i, 0, ...b.slice(i, i + (v % 16)));
  }
  return new Uint8Array(b);
}

const lon = fc.oneof(fc.double({ min: 119.5, max: 121.5, noNaN: true }), fc.double({ noDefaultInfinity: false }), fc.constantFrom(0, 180, -181, 500_000, 40_565_000));
const lat = fc.oneof(fc.double({ min: 27, max: 28.7, noNaN: true }), fc.double(), fc.constantFrom(0, 90, 91, 3_100_000));
const position = fc.tuple(lon, lat);
const ring = fc.array(position, { minLength: 0, maxLength: 6 }).map((ps) => (ps.length > 2 && ps.length % 2 ? [...ps, ps[0]] : ps));
const geometry = fc.oneof(
  position.map((coordinates) => ({ type: 'Point', coordinates })),
  fc.array(position, { maxLength: 4 }).map((coordinates) => ({ type: 'LineString', coordinates })),
  fc.array(ring, { maxLength: 2 }).map((coordinates) => ({ type: 'Polygon', coordinates })),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const properties = fc.oneof(fc.dictionary(fc.constantFrom('id', 'name', 'population', 'jobs', 'category', '<img src=x>', '__proto__', 'constructor', 'toString', '人口', '类别'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }), fc.constant(null), fc.jsonValue({ maxDepth: 1 }));
const feature = fc.record({ type: fc.constantFrom('Feature', 'Feature', 'feature'), properties, geometry, id: fc.option(fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 })), { nil: undefined }) });
/** Mostly valid input, so the generators also reach the success path and the feature checks. */
const wzPosition = fc.tuple(fc.double({ min: 119.5, max: 121.5, noNaN: true }), fc.double({ min: 27, max: 28.7, noNaN: true }));
const goodFeature = fc.record({
  type: fc.constant('Feature'),
  properties: fc.record({ name: fc.string({ maxLength: 4 }), category: fc.constantFrom('school', '<b>x</b>'), population: fc.oneof(fc.nat(), fc.constantFrom('12', 'many')), jobs: fc.nat() }),
  geometry: fc.oneof(
    wzPosition.map((coordinates) => ({ type: 'Point', coordinates })),
    fc.tuple(wzPosition, fc.double({ min: 1e-4, max: 0.05, noNaN: true })).map(([[x, y], d]) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] })),
  ),
});
const geojsonDoc = fc.oneof(
  { weight: 3, arbitrary: fc.array(goodFeature, { minLength: 1, maxLength: 3 }).map((features) => ({ type: 'FeatureCollection', features })) },
  fc.array(feature, { maxLength: 4 }).map((features) => ({ type: 'FeatureCollection', features })),
  feature,
  geometry,
  fc.jsonValue({ maxDepth: 3 }),
);
const options = fc.record({
  crs: fc.option(fc.constantFrom('wgs84', 'gcj02', 'bd09', 'cgcs2000-gk') as fc.Arbitrary<'wgs84' | 'gcj02' | 'bd09' | 'cgcs2000-gk'>, { nil: undefined }),
  kind: fc.option(fc.constantFrom(...INPUT_KINDS), { nil: undefined }),
  lenient: fc.boolean(),
});

describe('fuzz: every importer returns an import or known problems, never throws', () => {
  // papaparse warns on the console about duplicate headers (the importer reports them as a problem).
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());
  const expectBothOutcomes = () => {
    expect(outcomes.ok).toBeGreaterThan(RUNS / 50);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 50);
    outcomes.ok = 0;
    outcomes.refused = 0;
  };
  it(`GeoJSON: ${RUNS} generated and mutated documents`, async () => {
    await fc.assert(
      fc.asyncProperty(geojsonDoc, fc.option(mutation, { nil: undefined, freq: 2 }), options, async (doc, ops, opts) => {
        const text = enc(JSON.stringify(doc) ?? 'null');
        assertSound(await importAndRead(ops ? mutate(text, ops) : text, 'f.geojson', opts));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothOutcomes();
  }, 240_000);

  const cell = fc.oneof(fc.double().map(String), fc.integer().map(String), fc.string({ maxLength: 6 }), fc.constantFrom('', '120.65', '28.01', '"a,b"', '1e3', '经度', '\t', 'POINT(120.65 28.01)', 'POLYGON((120.6 28,120.7 28,120.7 28.1,120.6 28))', 'LINESTRING(1 2'));
  const goodCsv = fc
    .tuple(fc.constantFrom(',', '\t', ';'), fc.array(fc.tuple(wzPosition, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 }))
    .map(([d, rows]) => ['lon' + d + 'lat' + d + 'name', ...rows.map(([[x, y], n]) => [x, y, n.replace(/[\s,;"]/g, '')].join(d))].join('\n'));
  const csvDoc = fc.oneof(goodCsv, fc.tuple(
    fc.constantFrom(',', '\t', ';', '|'),
    fc.shuffledSubarray(['lon', 'lat', 'x', 'y', '经度', '纬度', 'name', 'population', 'gcj02_lon', 'bd09_lat', '__proto__', 'constructor', 'POINT_X', 'POINT_Y', 'WKT', 'lng_GCJ02', 'Lat_GCJ02', '类别'], { minLength: 1, maxLength: 5 }),
    fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }),
    fc.constantFrom('\n', '\r\n'),
  ).map(([d, headers, rows, nl]) => [headers.join(d), ...rows.map((r) => r.join(d))].join(nl)));

  it(`CSV: ${RUNS} generated and mutated tables`, async () => {
    await fc.assert(
      fc.asyncProperty(csvDoc, fc.option(mutation, { nil: undefined, freq: 2 }), options, fc.boolean(), async (text, ops, opts, gbk) => {
        const bytes = gbk ? new Uint8Array([...enc(text), 0xce, 0xc2]) : enc(text);
        assertSound(await importAndRead(ops ? mutate(bytes, ops) : bytes, 'f.csv', opts));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothOutcomes();
  }, 240_000);

  const fixtureZips = ['boards-gbk.zip', 'boards-epsg4549.zip', 'facilities-utf8.zip'].map((n) => new Uint8Array(readFileSync(`test/fixtures/import/${n}`)));
  const shape: fc.Arbitrary<ShapeInput> = fc.oneof(
    position.map((coordinates) => ({ type: 'Point' as const, coordinates })),
    fc.array(fc.array(position, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 }).map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  );
  /** A shapefile zip built from random shapes/records whose inner .shp/.dbf/.prj/.cpg bytes are then mutated. */
  const builtZip = fc
    .tuple(fc.array(shape, { minLength: 1, maxLength: 3 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.option(mutation, { nil: undefined }), fc.constantFrom('shp', 'dbf', 'prj', 'cpg'), fc.constantFrom('', 'GBK', '936', 'UTF-8', 'x'))
    .map(([shapes, names, ops, target, cpg]) => {
      const same = shapes.every((s) => s.type === shapes[0].type) ? shapes : shapes.map((s) => ({ type: 'Point' as const, coordinates: s.type === 'Point' ? s.coordinates : s.coordinates[0][0] }));
      const { shp, shx } = writeShp(same);
      const files: Record<string, Uint8Array> = {
        'a.shp': shp,
        'a.shx': shx,
        'a.dbf': writeDbf([{ name: 'name', type: 'C', length: 12 }], same.map((_, i) => [(names[i] ?? '').slice(0, 4)]), enc),
        'a.prj': enc('GEOGCS["GCS_WGS_1984"]'),
        'a.cpg': enc(cpg),
      };
      const key = `a.${target}`;
      if (ops) files[key] = mutate(files[key], ops);
      return zipSync(files, { level: 0 });
    });
  const zipInput = fc.oneof(builtZip, fc.tuple(fc.constantFrom(...fixtureZips), mutation).map(([z, ops]) => mutate(z, ops)));

  it(`Shapefile zip: ${RUNS} generated and mutated archives`, async () => {
    await fc.assert(
      fc.asyncProperty(zipInput, options, async (bytes, opts) => {
        assertSound(await importAndRead(bytes, 'f.zip', opts));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothOutcomes();
  }, 240_000);

  const xml = (v: unknown) => String(typeof v === 'object' ? JSON.stringify(v) : v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const coords = (ps: unknown) => (Array.isArray(ps) ? ps.map((p) => (Array.isArray(p) ? p.join(',') : String(p))).join(' ') : String(ps));
  /** A Placemark for a generated GeoJSON feature (unknown geometries become garbage elements). */
  function placemark(f: { properties: unknown; geometry: unknown }): string {
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    let geom = '';
    if (g?.type === 'Point') geom = `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    else if (g?.type === 'LineString') geom = `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    else if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) geom = `<Polygon>${g.coordinates.map((r, i) => `<${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></${i ? 'innerBoundaryIs' : 'outerBoundaryIs'}>`).join('')}</Polygon>`;
    else if (g) geom = `<${xml(g.type ?? 'X').replace(/[^A-Za-z]/g, '') || 'X'}>${xml(g.coordinates)}</${xml(g.type ?? 'X').replace(/[^A-Za-z]/g, '') || 'X'}>`;
    const props = f.properties && typeof f.properties === 'object' ? Object.entries(f.properties as Record<string, unknown>) : [];
    return `<Placemark><ExtendedData>${props.map(([k, v]) => `<Data name="${xml(k)}"><value>${xml(v)}</value></Data>`).join('')}</ExtendedData>${geom}</Placemark>`;
  }
  const kmlDoc = fc
    .oneof({ weight: 3, arbitrary: fc.array(goodFeature, { minLength: 1, maxLength: 3 }) }, fc.array(feature, { maxLength: 4 }))
    .map((fs) => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${fs.map(placemark).join('')}</Document></kml>`);

  it(`KML: ${RUNS} generated and mutated documents`, async () => {
    await fc.assert(
      fc.asyncProperty(kmlDoc, fc.option(mutation, { nil: undefined, freq: 2 }), options, async (text, ops, opts) => {
        const bytes = enc(text);
        assertSound(await importAndRead(ops ? mutate(bytes, ops) : bytes, 'f.kml', opts));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expectBothOutcomes();
  }, 240_000);
});
