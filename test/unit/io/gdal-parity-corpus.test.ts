/**
 * The classes of real-world files GDAL reads, generated here (no third-party data, nothing to license):
 * each goes through the real importer (and, where the class is about a kind, its reader) with the
 * count GDAL would read and coordinates computed independently (test/support/reference-crs.ts, or
 * the input itself where nothing is converted).
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { Point, Polygon } from 'geojson';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { ImportResult } from '../../../src/io/import-result.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { facilitiesReader } from '../../../src/io/readers/facilities-reader.ts';
import { runCli } from '../../support/run-cli.ts';
import { tempDir } from '../../support/run-anju.ts';
import { wgs84ToGcj02 } from '../../support/reference-crs.ts';
import { writeDbf, writeShp, type ShapeInput } from '../../../scripts/import-fixtures/shapefile-writer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const codes = (r: ImportResult) => (r.ok ? r.warnings : r.problems).map((p) => p.code);
const pt = (i: number): ShapeInput => ({ type: 'Point', coordinates: [120.6 + i / 100, 28 + i / 100] });
const points = (r: ImportResult) => (r.ok ? r.value.features.map((f) => (f.geometry as Point).coordinates) : []);

/** A zipped point Shapefile with one text field `name`, its .dbf tweaked by `dbf`. */
function shapefile(names: string[], opts: { encode?: (s: string) => Uint8Array; cpg?: string; ldid?: number; dbf?: (b: Uint8Array) => void; shp?: (b: Uint8Array) => Uint8Array } = {}) {
  const { shp, shx } = writeShp(names.map((_, i) => pt(i)));
  const dbf = writeDbf([{ name: 'name', type: 'C', length: 20 }], names.map((n) => [n]), opts.encode ?? enc);
  if (opts.ldid !== undefined) dbf[29] = opts.ldid;
  opts.dbf?.(dbf);
  const files: Record<string, Uint8Array> = { 'a.shp': opts.shp ? opts.shp(shp) : shp, 'a.shx': shx, 'a.dbf': dbf };
  if (opts.cpg !== undefined) files['a.cpg'] = enc(opts.cpg);
  return zipSync(files);
}

describe('Shapefiles GDAL reads', () => {
  it('honours deleted dBASE records: 11 records, the 4th deleted → 10 features, names still on their points', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `p${i}`);
    const headerLen = 32 + 32 + 1;
    const recLen = 21;
    const r = await importLayer(shapefile(names, { dbf: (b) => (b[headerLen + 3 * recLen] = 0x2a) }), 'deleted.zip', { crs: 'wgs84' });
    expect(r.ok && r.value.features.map((f) => f.properties?.name)).toEqual(names.filter((_, i) => i !== 3));
    expect(points(r)[3]).toEqual([120.64, 28.04]);
    expect(codes(r)).toContain('dbf-deleted-skipped');
  });

  it('reads zero padding after the last record as the end of the file (1 feature, as GDAL), not as null shapes', async () => {
    const pad = (shp: Uint8Array) => Uint8Array.from([...shp, ...new Uint8Array(64)]);
    const r = await importLayer(shapefile(['only'], { shp: pad }), 'padded.zip', { crs: 'wgs84' });
    expect(r.ok && r.value.features).toHaveLength(1);
    expect(codes(r)).toEqual([]);
  });

  it('warns when a .shp is damaged after record 6 of 10, and imports the 6', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const cut = (shp: Uint8Array) => shp.slice(0, 100 + 6 * 28 + 13);
    const r = await importLayer(shapefile(names, { shp: cut }), 'cut.zip', { crs: 'wgs84' });
    expect(r.ok && r.value.features).toHaveLength(6);
    const w = r.ok ? r.warnings.find((p) => p.code === 'shp-truncated') : undefined;
    expect(w && formatProblem(w, 'en')).toBe('cut.zip: the .shp is truncated or damaged: 6 shapes read (the .shx lists 10); what follows cannot be read');
  });

  it('refuses a MultiPatch file instead of turning its patches into points at (0, 0)', async () => {
    const multipatch = (shp: Uint8Array) => {
      const b = shp.slice();
      new DataView(b.buffer).setInt32(32, 31, true);
      return b;
    };
    const r = await importLayer(shapefile(['x'], { shp: multipatch }), 'patch.zip');
    expect(!r.ok && formatProblem(r.problems[0], 'en')).toBe('patch.zip: Shapefiles of MultiPatch shapes are not supported (points, lines and polygons only)');
  });

  it.each([
    ['UTF-8 without .cpg, language byte 0xFE', { ldid: 0xfe }, '温州市鹿城区', 'utf-8', 'content'],
    ['GBK named by its .cpg', { cpg: 'GBK', encode: (s: string) => iconv.encode(s, 'gbk') }, '温州市鹿城区', 'gbk', 'cpg'],
    ['ISO-8859-1 named by its .cpg', { cpg: 'ISO-8859-1', encode: (s: string) => iconv.encode(s, 'latin1') }, 'México', 'windows-1252', 'cpg'],
    ['code page 1250 named by its .cpg', { cpg: '1250', encode: (s: string) => iconv.encode(s, 'win1250') }, 'Łódź', 'windows-1250', 'cpg'],
    ['Windows ANSI by language driver 0x57', { ldid: 0x57, encode: (s: string) => iconv.encode(s, 'win1252') }, 'México', 'windows-1252', 'ldid'],
    ['GBK by language driver 0x4D', { ldid: 0x4d, encode: (s: string) => iconv.encode(s, 'gbk') }, '瓯海区', 'gbk', 'ldid'],
  ])('decodes %s and says so', async (_, opts, name, encoding, source) => {
    const r = await importLayer(shapefile([name], opts), 'enc.zip', { crs: 'wgs84' });
    expect(r.ok && r.value.features[0].properties?.name).toBe(name);
    expect(r.summary.encoding).toBe(encoding);
    expect(r.summary.details.encodingSource).toBe(source);
  });

  it('reports a garbage .prj as unreadable, not as mojibake, and reads the file with the CRS the user gives', async () => {
    const { shp, shx } = writeShp([pt(0)]);
    const prj = Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256);
    const zip = zipSync({ 'a.shp': shp, 'a.shx': shx, 'a.prj': prj });
    const r = await importLayer(zip, 'g.zip');
    expect(!r.ok && formatProblem(r.problems[0], 'en')).toContain('("(unreadable, not text)")');
    const chosen = await importLayer(zip, 'g.zip', { fallbackCrs: 'wgs84' });
    expect(chosen.ok && codes(chosen)).toContain('unsupported-crs-overridden');
  });
});

describe('GeoJSON, KML and CSV that GDAL reads', () => {
  it('skips null and empty geometries with a note per feature, counts them, and imports the rest', async () => {
    const fc = { type: 'FeatureCollection', features: [null, { type: 'Point', coordinates: [] }, { type: 'Point', coordinates: [120.6, 28] }].map((geometry, i) => ({ type: 'Feature', properties: { i }, geometry })) };
    const r = await importLayer(enc(JSON.stringify(fc)), 'nulls.geojson', { crs: 'wgs84' });
    expect(r.ok && r.value.features.map((f) => f.properties?.i)).toEqual([2]);
    expect(r.summary.emptySkipped).toBe(2);
    expect(codes(r).filter((c) => c.includes('empty'))).toEqual(['geometries-empty-skipped', 'geometry-empty-skipped', 'geometry-empty-skipped']);
  });

  it('skips KML Placemarks without geometry and NetworkLinks (their Region is not a polygon)', async () => {
    const kml = '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>no geometry</name></Placemark><Placemark><name>a</name><Point><coordinates>120.6,28</coordinates></Point></Placemark>' +
      '<NetworkLink><Region><LatLonAltBox><north>29</north><south>27</south><east>121</east><west>120</west></LatLonAltBox></Region><Link><href>x.kml</href></Link></NetworkLink></Document></kml>';
    const r = await importLayer(enc(kml), 'links.kml', { crs: 'wgs84' });
    expect(r.ok && r.value.features.map((f) => f.geometry.type)).toEqual(['Point']);
    expect(codes(r)).toEqual(expect.arrayContaining(['kml-networklink-skipped', 'geometries-empty-skipped']));
  });

  it('drops a geometry’s own bbox (here strings): no crash, the summary bbox is computed', async () => {
    const g = { type: 'Polygon', bbox: ['a', 'b', 'c', 'd'], coordinates: [[[120.6, 28], [120.7, 28], [120.7, 28.1], [120.6, 28]]] };
    const r = await importLayer(enc(JSON.stringify({ type: 'Feature', properties: {}, geometry: g })), 'bbox.geojson', { crs: 'wgs84' });
    expect(r.ok && 'bbox' in r.value.features[0].geometry).toBe(false);
    expect(r.summary.bboxDeg).toEqual([120.6, 28, 120.7, 28.1]);
  });

  it.each([
    ['POINT_X/POINT_Y', 'POINT_X,POINT_Y,name\n120.6,28,a\n', 'wgs84'],
    ['X坐标/Y坐标', 'X坐标,Y坐标,name\n120.6,28,a\n', 'wgs84'],
    ['a WKT column', 'name;WKT\na;POINT (120.6 28)\n', 'wgs84'],
  ])('finds coordinates in %s', async (_, csv, crs) => {
    const r = await importLayer(enc(csv), 'cols.csv', { crs: crs as 'wgs84' });
    expect(points(r)).toEqual([[120.6, 28]]);
  });

  it('reads lng_GCJ02/Lat_GCJ02 as GCJ-02 declared by the names, converted to the reference WGS-84 point', async () => {
    const wgs: [number, number] = [120.655, 28.015];
    const [x, y] = wgs84ToGcj02(wgs);
    const r = await importLayer(enc(`name,lng_GCJ02,Lat_GCJ02\na,${x},${y}\n`), 'gcj.csv');
    expect(r.summary.crs).toMatchObject({ crs: { id: 'gcj02' }, source: 'column-name', ambiguous: false });
    const [p] = points(r);
    expect(Math.abs(p[0] - wgs[0])).toBeLessThan(1e-6);
    expect(Math.abs(p[1] - wgs[1])).toBeLessThan(1e-6);
  });

  it('reads .dsv and semicolon-separated files', async () => {
    const r = await importLayer(enc('lon;lat;name\n120,6;28\n120.6;28;a\n'), 'points.dsv', { crs: 'wgs84', lenient: true });
    expect(r.summary.details.delimiter).toBe('semicolon');
    expect(points(r)).toEqual([[120.6, 28]]);
  });

  it('a CSV with a __proto__ column imports it as an ordinary property', async () => {
    const r = await importLayer(enc('lon,lat,__proto__,constructor\n120.6,28,x,y\n'), 'proto.csv', { crs: 'wgs84' });
    expect(r.ok && Object.getOwnPropertyDescriptor(r.value.features[0].properties, '__proto__')?.value).toBe('x');
    expect(r.ok && r.value.features[0].properties?.constructor).toBe('y');
    const read = r.ok ? facilitiesReader.read({ file: 'proto.csv', features: r.value.features, origins: r.origins }) : null;
    expect(read?.ok).toBe(true);
  });

  it('refuses GeoJSON nested 100,000 deep with a clear message (validate exits 2, never 70)', async () => {
    const deep = '{"type":"Feature","properties":{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '},"geometry":null}';
    const r = await importLayer(enc(deep), 'deep.geojson');
    expect(!r.ok && formatProblem(r.problems[0], 'en')).toBe('deep.geojson: the JSON is nested more than 64 levels deep: not readable GeoJSON (a damaged or hostile file?)');
    const tmp = tempDir('anju-deep-');
    const cli = await runCli('validate', tmp.file('deep.geojson', deep));
    expect(cli.code).toBe(2);
    const proto = await runCli('validate', tmp.file('proto.csv', 'lon,lat,__proto__\n120.6,28,x\n'), '--type', 'population');
    expect(proto.code).toBe(1);
    expect(proto.err).toContain('proto.csv row 2 field population/pop/人口/人口数/…: no population figure');
  });
});

describe('large polygons', () => {
  it('validates a 200,000-vertex polygon with holes touching its shell (valid in GEOS) without hanging', async () => {
    const n = 200_000;
    const ring: number[][] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 0.3 + 0.01 * Math.sin(a * 50);
      ring.push([120.6 + r * Math.cos(a), 28 + r * Math.sin(a)]);
    }
    ring.push(ring[0]);
    // A hole touching the shell at the shell's vertex 0, clockwise.
    const v = ring[0];
    const hole = [v, [v[0] - 0.05, v[1] - 0.01], [v[0] - 0.05, v[1] + 0.01], v];
    const g: Polygon = { type: 'Polygon', coordinates: [ring, hole] };
    const t0 = performance.now();
    const r = await importLayer(enc(JSON.stringify({ type: 'Feature', properties: {}, geometry: g })), 'big.geojson', { crs: 'wgs84' });
    const ms = performance.now() - t0;
    expect(r.ok, r.ok ? '' : formatProblem(r.problems[0], 'en')).toBe(true);
    // Generous for a loaded CI machine; the old pairwise check took minutes at this size.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
