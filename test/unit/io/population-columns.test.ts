/**
 * The columnar population path (src/io/readers/population-columns.ts) against the ordinary one
 * (importLayer + populationReader) on the same bytes: what it reads it reads identically — points,
 * warnings, summary — whatever the chunking (pieces of 7 bytes split UTF-8 and GB18030 characters
 * and CRLF pairs); what it does not read plainly it hands back (null), so the ordinary path names
 * the problem.
 */
import { describe, expect, it } from 'vitest';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { ImportOptions } from '../../../src/io/import-result.ts';
import { readPopulationColumns } from '../../../src/io/readers/population-columns.ts';
import { populationReader } from '../../../src/io/readers/population-reader.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** `经度,纬度,人口,名称\n` in GB18030 (python3: '…'.encode('gb18030')). */
const GB_HEADER = [190, 173, 182, 200, 44, 206, 179, 182, 200, 44, 200, 203, 191, 218, 44, 195, 251, 179, 198, 10];
/** `温州` in GB18030. */
const GB_WENZHOU = [206, 194, 214, 221];

function* pieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function ordinary(bytes: Uint8Array, file: string, options: ImportOptions) {
  const r = await importLayer(bytes, file, options);
  if (!r.ok) return { ok: false as const, problems: r.problems, summary: r.summary };
  const read = populationReader.read({ file, features: r.value.features, origins: r.origins });
  if (!read.ok || read.value.kind !== 'points') throw new Error('the ordinary path refused a file the test expects it to read');
  return { ok: true as const, points: read.value.points, warnings: [...r.warnings, ...read.warnings], summary: r.summary, rows: r.origins?.map((o) => o.row) };
}

/** Both paths on the same bytes, read in pieces of 7 bytes and in one piece: the same outcome. */
async function expectSame(bytes: Uint8Array, file: string, options: ImportOptions = { fallbackCrs: 'wgs84' }) {
  const want = await ordinary(bytes, file, options);
  if (!want.ok) throw new Error(`the ordinary path refused ${file}: ${JSON.stringify(want.problems)}`);
  for (const size of [7, bytes.length]) {
    const got = await readPopulationColumns(() => pieces(bytes, size), file, file.endsWith('json') ? 'geojson' : 'csv', bytes.length, options);
    if (!got) throw new Error(`the columnar path handed back ${file} (pieces of ${size})`);
    if (!got.ok) throw new Error(`columnar path refused: ${JSON.stringify(got.problems)}`);
    const c = got.value;
    expect(Array.from(c.lon, (lon, i) => ({ lonLat: [lon, c.lat[i]], population: c.population[i] }))).toEqual(want.points);
    expect(got.warnings).toEqual(want.warnings);
    expect(got.summary).toEqual(want.summary);
    if (c.rows) expect(Array.from(c.rows)).toEqual(want.rows);
  }
  return want;
}

describe('population points read as columns', () => {
  it('reads a plain CSV as the ordinary path does, outside-Wenzhou notes by row included', async () => {
    const want = await expectSame(utf8('lon,lat,population,name\n120.65,28.01,12,a\n116.40,39.90,3,b\n120.7,28.0,0,c\n'), 'pop.csv');
    expect(want.warnings.map((w) => [w.code, w.row])).toEqual([['outside-wenzhou', 3]]);
  });

  it('reads CRLF, a BOM, tabs, Chinese headers and blank lines, with the same row numbers', async () => {
    await expectSame(utf8('\uFEFF经度\t纬度\t人口\t名称\r\n120.65\t28.01\t12\t鹿城\r\n\r\n\t\t\t\r\n120.66\t28.02\t7.5\t瓯海\r\n99\t28\t1\t远方\r\n'), 'pop.tsv');
  });

  it('keeps no array of lines when asked for none and the points are on consecutive lines, and the notes name the same rows either way', async () => {
    const read = (text: string) => readPopulationColumns(() => pieces(utf8(text), 7), 'gap.csv', 'csv', text.length, { fallbackCrs: 'wgs84' }, false);
    const consecutive = 'lon,lat,population\n120.65,28.01,12\n116.40,39.90,3\n120.7,28.0,0\n';
    const got = await read(consecutive);
    if (!got?.ok) throw new Error('handed back');
    expect(got.value.rows).toBeUndefined();
    expect(got.warnings.map((w) => [w.code, w.row])).toEqual([['outside-wenzhou', 3]]);
    // A blank line: from there on each point's line is kept, and the rows before it are filled in.
    const gap = 'lon,lat,population\n120.65,28.01,12\n116.40,39.90,3\n\n120.7,28.0,0\n99,28,1\n';
    const want = await expectSame(utf8(gap), 'gap.csv');
    const got2 = await read(gap);
    if (!got2?.ok) throw new Error('handed back');
    expect(Array.from(got2.value.rows ?? [])).toEqual([2, 3, 5, 6]);
    expect(got2.warnings).toEqual(want.warnings);
    expect(want.warnings.map((w) => w.row)).toEqual([3, 6]);
  });

  it('reads a GB18030 file in a second pass, as decodeText does', async () => {
    const bytes = new Uint8Array([...GB_HEADER, ...utf8('120.65,28.01,12,'), ...GB_WENZHOU, 10, ...utf8('120.66,28.02,3,'), ...GB_WENZHOU, 10]);
    const want = await expectSame(bytes, 'gbk.csv');
    expect(want.summary.encoding).toBe('gb18030');
  });

  it('converts GCJ-02 declared by the column names, a swapped pair, and Gauss–Krüger eastings with their zone', async () => {
    await expectSame(utf8('gcj02_lon,gcj02_lat,pop\n120.65,28.01,1\n120.70,27.99,2\n'), 'gcj.csv', {});
    await expectSame(utf8('lon,lat,population\n28.01,120.65,1\n27.99,120.70,2\n28.0,120.6,3\n'), 'swapped.csv');
    await expectSame(utf8('x,y,population\n40500000,3100000,1\n40510000,3101000,2\n'), 'gk.csv', { crs: 'cgcs2000-gk' });
  });

  it('takes the columns the user chose, and leaves a CRS it cannot tell ambiguous for the caller to ask', async () => {
    await expectSame(utf8('E,N,人数\n120.65,28.01,1\n'), 'chosen.csv', { fallbackCrs: 'wgs84', columns: { lon: 'E', lat: 'N' } });
    const want = await expectSame(utf8('lon,lat,population\n120.65,28.01,1\n'), 'ask.csv', {});
    expect(want.summary.crs?.ambiguous).toBe(true);
  });

  it('caps the notes at 500 with a count of the rest, as the importer does', async () => {
    const rows = Array.from({ length: 620 }, (_, i) => `${100 + i / 1000},30,1\n`).join('');
    const want = await expectSame(utf8('lon,lat,population\n' + rows), 'far.csv');
    expect(want.warnings.at(-1)?.code).toBe('more-problems');
  });

  it('reads rows that are not plain numbers as text, as the ordinary path does (the byte scanner takes only plain ones)', async () => {
    const rows = [' 120.65,28.01 ,12', '1.2065e2,2.801E1,1e1', '120.650000000000001,28.0100000000000002,3.00000000000000001', '+120.66,28.02,.5', '120.67,28.03,7.', '\u00a0120.68,28.04\u3000,2', '\uFEFF120.69,28.05,1', '-0,0,0'];
    await expectSame(utf8('lon,lat,population,名称\n' + rows.map((r, i) => `${r},名${i}\n`).join('')), 'odd.csv');
  });

  it('keeps residents in the narrowest array that holds every value exactly, widened once at the first that does not fit: the same numbers bit for bit', async () => {
    const read = async (values: string[]) => {
      const text = 'lon,lat,population\n' + values.map((v, i) => `${120.6 + i / 1e5},28.01,${v}\n`).join('');
      const r = await readPopulationColumns(() => pieces(utf8(text), 7), 'n.csv', 'csv', text.length, { fallbackCrs: 'wgs84' });
      if (!r?.ok) throw new Error('not read as columns');
      // Bit for bit: Object.is tells −0 from 0.
      expect(Array.from(r.value.population).every((v, i) => Object.is(v, Number(values[i])))).toBe(true);
      return r.value.population.constructor.name;
    };
    // 1,500 whole numbers first: past the size estimate, which reserves the narrow array for the whole file.
    const many = Array.from({ length: 1500 }, (_, i) => String(i % 200));
    expect(await read(many)).toBe('Uint8Array');
    expect(await read([...many, '255', '256', '3'])).toBe('Uint16Array');
    expect(await read([...many, '65535', '65536', '3'])).toBe('Uint32Array');
    expect(await read([...many, '4294967295', '0'])).toBe('Uint32Array');
    expect(await read([...many, '4294967296', '0'])).toBe('Float64Array');
    expect(await read([...many, '70000', '2.5', '12', '0.1'])).toBe('Float64Array');
    expect(await read(['7', '-0', '1'])).toBe('Float64Array');
    await expectSame(utf8('lon,lat,population\n' + [...many, '300', '2.5', '9'].map((v, i) => `${120.6 + i / 1e5},28.01,${v}\n`).join('')), 'widen.csv');
  });

  it('reads a file as GB18030 when its last UTF-8 sequence is cut short, as decodeText does', async () => {
    const want = await expectSame(new Uint8Array([...utf8('lon,lat,population,name\n120.65,28.01,1,a\n120.66,28.02,2,b'), 0xe6]), 'cut.csv');
    expect(want.summary.encoding).toBe('gb18030');
  });

  it('reads a last line without its line end as with one: CRLF and LF, UTF-8, a BOM and GB18030; a lone CR or a half row is handed back or read as the ordinary path does', async () => {
    const rows = ['lon,lat,population,name', '120.65,28.01,12,a', '116.40,39.90,3,b', '120.7,28.0,0.5,c'];
    const gb = (end: number[]) => new Uint8Array([...GB_HEADER.slice(0, -1), ...end, ...utf8('120.65,28.01,12,'), ...GB_WENZHOU, ...end, ...utf8('120.66,28.02,3,'), ...GB_WENZHOU]);
    for (const eol of ['\r\n', '\n']) {
      const end = [...utf8(eol)];
      for (const [file, open] of [['plain.csv', utf8(rows.join(eol))], ['bom.csv', utf8('\uFEFF' + rows.join(eol))], ['gbk.csv', gb(end)]] as const) {
        const ended = await expectSame(new Uint8Array([...open, ...end]), file);
        const open_ = await expectSame(open, file);
        expect(open_.points, `${file} ${JSON.stringify(eol)}`).toEqual(ended.points);
        expect(open_.warnings).toEqual(ended.warnings);
        expect(open_.points.length).toBe(file === 'gbk.csv' ? 2 : 3);
      }
    }
    // A last line ending in a lone CR, or cut short (a half row): never read differently from the ordinary path.
    for (const text of [rows.join('\r\n') + '\r', rows.join('\n') + '\r', rows.join('\r\n') + '\r\n120.8,28', rows.join('\n') + '\n120.8,28', rows.join('\r\n') + '\r\n120.8,28,', rows.join('\n') + '\n120.8']) {
      const bytes = utf8(text);
      // null: the ordinary path names a problem (importLayer or the population reader).
      const want = await ordinary(bytes, 'x.csv', { fallbackCrs: 'wgs84' }).catch(() => null);
      for (const size of [7, bytes.length]) {
        const got = await readPopulationColumns(() => pieces(bytes, size), 'x.csv', 'csv', bytes.length, { fallbackCrs: 'wgs84' });
        if (got === null) continue;
        expect(want?.ok, JSON.stringify(text)).toBe(true);
        if (!got.ok || !want?.ok) throw new Error(`columnar path refused ${JSON.stringify(text)}`);
        expect(Array.from(got.value.lon, (lon, i) => ({ lonLat: [lon, got.value.lat[i]], population: got.value.population[i] })), JSON.stringify(text)).toEqual(want.points);
        expect(got.warnings).toEqual(want.warnings);
      }
    }
  });

  it('hands back (null) every file the ordinary path must read or name a problem in', async () => {
    const head = 'lon,lat,population\n';
    const cases: Record<string, string> = {
      quotes: head + '"120.65",28.01,1\n',
      'bad coordinate': head + '120.65,north,1\n',
      'blank population': head + '120.65,28.01,\n',
      'negative population': head + '120.65,28.01,-1\n',
      'text population': head + '120.65,28.01,many\n',
      'out of range': head + '520.65,28.01,1\n',
      'an id column': 'id,lon,lat,population\n1,120.65,28.01,1\n',
      'duplicate headers': 'lon,lat,population,population\n120.65,28.01,1,2\n',
      'mixed line ends': head + '120.65,28.01,1\r\n120.66,28.01,1\n',
      'no population column': 'lon,lat,name\n120.65,28.01,a\n',
      'a WKT table': 'wkt,population\nPOINT(120.65 28.01),1\n',
      'a header only': head,
    };
    for (const [what, text] of Object.entries(cases)) {
      expect(await readPopulationColumns(() => [utf8(text)], 'x.csv', 'csv', text.length, { fallbackCrs: 'wgs84' }), what).toBeNull();
    }
    const utf16 = new Uint8Array([0xff, 0xfe, ...utf8('l\0')]);
    expect(await readPopulationColumns(() => [utf16], 'x.csv', 'csv', 4)).toBeNull();
  });

  const feature = (x: number, y: number, props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [x, y] } });
  const collection = (features: unknown[], extra: Record<string, unknown> = {}) => utf8(JSON.stringify({ type: 'FeatureCollection', ...extra, features }, null, 1));

  it('reads a GeoJSON of points as the ordinary path does: notes by feature, a declared CRS, numbers as text', async () => {
    const want = await expectSame(collection([feature(120.65, 28.01, { population: 12, name: '鹿城' }), feature(116.4, 39.9, { population: '3' }), feature(120.7, 28.0, { population: 0.5, other: null })]), 'pop.geojson');
    expect(want.warnings.map((w) => [w.code, w.featureIndex])).toEqual([['outside-wenzhou', 1]]);
    await expectSame(collection([feature(120.65, 28.01, { 人口: 1 })], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }), 'crs84.json', {});
  });

  it('hands back (null) every GeoJSON the ordinary path must read or name a problem in', async () => {
    const ok = feature(120.65, 28.01, { population: 1 });
    const cases: Record<string, Uint8Array> = {
      'an id': collection([{ ...ok, id: 7 }]),
      'an id property': collection([feature(120.65, 28.01, { population: 1, id: 'a' })]),
      'a bbox': collection([{ ...ok, bbox: [0, 0, 1, 1] }]),
      'a line': collection([{ ...ok, geometry: { type: 'LineString', coordinates: [[120, 28], [121, 28]] } }]),
      'a null geometry': collection([{ ...ok, geometry: null }]),
      'three coordinates': collection([{ ...ok, geometry: { type: 'Point', coordinates: [120.65, 28.01, 5] } }]),
      'the field changing': collection([feature(120.65, 28.01, { pop: 1 }), feature(120.65, 28.01, { pop: 2, population: 3 })]),
      'a string element': collection([ok, 'x']),
      'a negative value': collection([feature(120.65, 28.01, { population: -1 })]),
      'a CRS it cannot read': collection([ok], { crs: { type: 'name', properties: { name: 'EPSG:9999' } } }),
      'a single Feature': utf8(JSON.stringify(ok)),
      'a BOM': new Uint8Array([0xef, 0xbb, 0xbf, ...collection([ok])]),
      'features twice': utf8('{"type":"FeatureCollection","features":[],"features":[' + JSON.stringify(ok) + ']}'),
      'cut short': collection([ok]).subarray(0, 60),
    };
    for (const [what, bytes] of Object.entries(cases)) {
      expect(await readPopulationColumns(() => pieces(bytes, 5), 'x.geojson', 'geojson', bytes.length, { fallbackCrs: 'wgs84' }), what).toBeNull();
    }
  });
});
