/**
 * The columnar facilities path (src/io/readers/facility-columns.ts) against the ordinary one
 * (importLayer + facilitiesReader) on the same bytes: what it reads it reads identically —
 * facilities (ids, categories, names), notes, summary — whatever the chunking; what it does not
 * read plainly it hands back (null), so the ordinary path names the problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facilityAt } from '../../../src/domain/facility-columns.ts';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { ImportOptions } from '../../../src/io/import-result.ts';
import { facilitiesReader } from '../../../src/io/readers/facilities-reader.ts';
import { readFacilityColumns } from '../../../src/io/readers/facility-columns.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
/** `名称,类别,经度,纬度\n` in GB18030 (python3: '…'.encode('gb18030')). */
const GB_HEADER = [195, 251, 179, 198, 44, 192, 224, 177, 240, 44, 190, 173, 182, 200, 44, 206, 179, 182, 200, 10];
/** `幼儿园` and `温州` in GB18030. */
const GB_KINDERGARTEN = [211, 215, 182, 249, 212, 176];
const GB_WENZHOU = [206, 194, 214, 221];

function* pieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function ordinary(bytes: Uint8Array, file: string, options: ImportOptions) {
  const r = await importLayer(bytes, file, options);
  if (!r.ok) throw new Error(`the ordinary path refused ${file}: ${JSON.stringify(r.problems)}`);
  const read = facilitiesReader.read({ file, features: r.value.features, origins: r.origins });
  if (!read.ok) throw new Error('the ordinary reader refused a file the test expects it to read');
  return { facilities: read.value, warnings: [...r.warnings, ...read.warnings], summary: r.summary };
}

/** Both paths on the same bytes, in pieces of 7 bytes (or `piece`) and in one piece: the same outcome. */
async function expectSame(bytes: Uint8Array, file: string, options: ImportOptions = { fallbackCrs: 'wgs84' }, piece = 7) {
  const want = await ordinary(bytes, file, options);
  for (const size of [piece, bytes.length]) {
    const got = await readFacilityColumns(() => pieces(bytes, size), file, file.endsWith('json') ? 'geojson' : 'csv', bytes.length, options);
    if (!got) throw new Error(`the columnar path handed back ${file} (pieces of ${size})`);
    if (!got.ok) throw new Error(`columnar path refused: ${JSON.stringify(got.problems)}`);
    const c = got.value;
    const built = Array.from(c.lon, (_, i) => facilityAt(c, i));
    expect(built).toEqual(want.facilities);
    // The same keys in the same order as the reader's objects (a stored project is compared as JSON).
    expect(JSON.stringify(built)).toBe(JSON.stringify(want.facilities));
    expect(got.warnings).toEqual(want.warnings);
    expect(got.summary).toEqual(want.summary);
  }
  return want;
}

describe('facilities read as columns', () => {
  it('reads the GeoJSON fixture and a GB18030 CSV (second pass) as the ordinary path does', async () => {
    const geo = await expectSame(fixture('facilities.geojson'), 'facilities.geojson');
    expect(geo.facilities.length).toBeGreaterThan(2);
    const gb = new Uint8Array([...GB_HEADER, ...GB_WENZHOU, 44, ...GB_KINDERGARTEN, ...utf8(',120.65,28.01\n'), ...GB_WENZHOU, ...utf8(',health,120.66,28.02\n')]);
    const want = await expectSame(gb, 'gbk.csv');
    expect(want.summary.encoding).toBe('gb18030');
    expect(want.facilities.map((f) => [f.name, f.category])).toEqual([['温州', 'kindergarten'], ['温州', 'health']]);
  });

  it('converts the GCJ-02 fixture and keeps its names and categories', async () => {
    const want = await expectSame(fixture('shops-gcj02.csv'), 'shops-gcj02.csv', { crs: 'gcj02' });
    expect(want.facilities[0].lonLat[0]).not.toBe(120.6589739);
  });

  it('gives the same ids, categories, names and notes on a file the reader has things to say about', async () => {
    const text = [
      'ID编号,lon,lat,类型,名称,illustrative',
      '7,120.65,28.01,幼儿园,a,true',
      '7,120.66,28.02,菜市场,,true',
      ',120.67,28.03,,  c  ,',
      '9,116.40,39.90,卫星站,d,',
      '10,120.68,28.04,卫星站,e,',
      '',
      '11,120.69,28.05,health',
    ].join('\r\n');
    const want = await expectSame(utf8(text), 'notes.csv');
    expect([...new Set(want.warnings.map((w) => w.code))].sort()).toEqual(['facilities-uncategorised', 'outside-wenzhou', 'unknown-category']);
    await expectSame(utf8('编号,lon,lat,type,name\n007,120.65,28.01,kindergarten,x\n007,120.66,28.02,kindergarten,y\n1.50,120.67,28.03,1,2\n'), 'ids.csv');
    await expectSame(utf8('lon,lat,name\n120.65,28.01,a\n120.66,28.02,b\n'), 'nocategory.csv');
    const feature = (x: number, y: number, props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [x, y] } });
    const geo = utf8(JSON.stringify({ type: 'FeatureCollection', features: [feature(120.65, 28.01, { id: 'a', type: '公园', name: 3, illustrative: true }), feature(120.66, 28.02, { id: 5, type: null, name: ' 温州 ' }), feature(120.67, 28.03, { id: 'c', type: 'kindergarten', illustrative: 'yes' })] }));
    await expectSame(geo, 'props.geojson');
    await expectSame(utf8(JSON.stringify({ type: 'FeatureCollection', features: [feature(120.65, 28.01, {}), feature(120.66, 28.02, {})] })), 'empty-props.geojson');
  });

  it('reads texts from the bytes exactly as decoded text: 4-byte characters, Unicode blanks, a U+FEFF inside, numbers with spaces, rows read as text, blocks of 4,096', async () => {
    // The byte path (UTF-8, no BOM) copies cells as bytes into blocks; rows with coordinates that are
    // not plain numbers (an exponent, spaces) are decoded alone. Every variant against the ordinary path,
    // in pieces of 1,021 bytes (splitting 3- and 4-byte characters, lines and cells) and whole.
    const names = ['𠀀社区𝌆', '\u3000', '\u00a0 ', '\ufeffa', '温州 ', '', 'x'];
    const rows: string[] = [];
    for (let i = 0; i < 4_200; i++) {
      const lon = i % 300 === 7 ? '1.2065e2' : i % 300 === 8 ? ' 120.66' : (120.5 + (i % 100) * 1e-3).toFixed(4);
      rows.push(`${lon},${(27.9 + Math.floor(i / 100) * 1e-3).toFixed(4)},${i % 3 ? '社区卫生服务中心' : 'nursing-home'},${names[i % names.length]}${i}`);
    }
    const want = await expectSame(utf8('经度,纬度,类别,名称\r\n' + rows.join('\r\n')), 'bytes.csv', { fallbackCrs: 'wgs84' }, 1021);
    expect(want.summary.encoding).toBe('utf-8');
    // The reader trims names (U+3000, U+00A0 and U+FEFF are blanks to trim()).
    expect(want.facilities.slice(0, 4).map((f) => f.name)).toEqual(['𠀀社区𝌆0', '1', '2', 'a3']);
    // A column of numbers (with spaces, an exponent, a blank) is typed as readTableRows types it; one Unicode blank stays text.
    await expectSame(utf8('lon,lat,category,name\n120.65,28.01, 7 ,1e3\n120.66,28.02,,2\n120.67,28.03,8,\n'), 'numbers.csv');
    await expectSame(utf8('lon,lat,category,name\n120.65,28.01,7,\u3000\n120.66,28.02,8,2\n'), 'blank-name.csv');
    // A row with fewer cells than the header (a missing name).
    await expectSame(utf8('lon,lat,category,name\n120.65,28.01,health\n120.66,28.02,health,b\n'), 'short.csv');
  });

  it('reads a last line without its line end as with one: CRLF and LF, UTF-8, a BOM and GB18030; a lone CR or a half row is handed back or read as the ordinary path does', async () => {
    const rows = ['lon,lat,category,name', '120.65,28.01,health,a', '116.40,39.90,kindergarten,b', '120.7,28.0,health,c'];
    const gb = (end: number[]) => new Uint8Array([...GB_HEADER.slice(0, -1), ...end, ...GB_WENZHOU, 44, ...GB_KINDERGARTEN, ...utf8(',120.65,28.01'), ...end, ...GB_WENZHOU, ...utf8(',health,120.66,28.02')]);
    for (const eol of ['\r\n', '\n']) {
      const end = [...utf8(eol)];
      for (const [file, open] of [['plain.csv', utf8(rows.join(eol))], ['bom.csv', utf8('\uFEFF' + rows.join(eol))], ['gbk.csv', gb(end)]] as const) {
        const ended = await expectSame(new Uint8Array([...open, ...end]), file);
        const open_ = await expectSame(open, file);
        expect(open_.facilities, `${file} ${JSON.stringify(eol)}`).toEqual(ended.facilities);
        expect(open_.warnings).toEqual(ended.warnings);
        expect(open_.facilities.length).toBe(file === 'gbk.csv' ? 2 : 3);
      }
    }
    // A last line ending in a lone CR, or cut short (a half row): never read differently from the ordinary path.
    for (const text of [rows.join('\r\n') + '\r', rows.join('\n') + '\r', rows.join('\r\n') + '\r\n120.8,28', rows.join('\n') + '\n120.8,28', rows.join('\r\n') + '\r\n120.8,28.1,', rows.join('\n') + '\n120.8']) {
      const bytes = utf8(text);
      // null: the ordinary path names a problem (importLayer or the facilities reader).
      const want = await ordinary(bytes, 'x.csv', { fallbackCrs: 'wgs84' }).catch(() => null);
      for (const size of [7, bytes.length]) {
        const got = await readFacilityColumns(() => pieces(bytes, size), 'x.csv', 'csv', bytes.length, { fallbackCrs: 'wgs84' });
        if (got === null) continue;
        if (!got.ok || !want) throw new Error(`columnar path read what the ordinary path refused: ${JSON.stringify(text)}`);
        expect(Array.from(got.value.lon, (_, i) => facilityAt(got.value, i)), JSON.stringify(text)).toEqual(want.facilities);
        expect(got.warnings).toEqual(want.warnings);
      }
    }
  });

  it('hands back (null) every file the ordinary path must read or name a problem in', async () => {
    const head = 'lon,lat,category\n';
    const csv: Record<string, string> = {
      quotes: head + '120.65,28.01,"a"\n',
      'bad coordinate': head + '120.65,north,a\n',
      'out of range': head + '520.65,28.01,a\n',
      'duplicate id property': 'id,lon,lat\na,120.65,28.01\na,120.66,28.02\n',
      'blank ids repeat (importLayer names them)': 'id,lon,lat,name\n,120.65,28.01,a\n,120.66,28.02,b\n',
      'an id made twice': '编号,lon,lat\na#3,120.65,28.01\na,120.66,28.02\na,120.67,28.03\n',
      // The same, 5,000 facilities apart (the second `a`, facility 5,003, is made `a#5003`; the ids seen are found again in the joined texts).
      'an id made twice, far apart': '编号,lon,lat\na#5003,120.65,28.01\n' + Array.from({ length: 5000 }, (_, i) => `b${i},120.65,28.01\n`).join('') + 'a,120.66,28.02\na,120.67,28.03\n',
      'a WKT table': 'wkt,category\nPOINT(120.65 28.01),a\n',
      'a header only': head,
      'no coordinates': 'name,category\na,b\n',
    };
    for (const [what, text] of Object.entries(csv)) expect(await readFacilityColumns(() => [utf8(text)], 'x.csv', 'csv', text.length, { fallbackCrs: 'wgs84' }), what).toBeNull();
    const ok = { type: 'Feature', properties: { category: 'health' }, geometry: { type: 'Point', coordinates: [120.65, 28.01] } };
    const geo: Record<string, unknown[]> = {
      'a feature id': [{ ...ok, id: 1 }],
      'a polygon': [{ ...ok, geometry: { type: 'Polygon', coordinates: [[[120, 28], [121, 28], [121, 29], [120, 28]]] } }],
      'the category field appearing later': [{ ...ok, properties: { name: 'a' } }, ok],
      'keys after a feature without any': [{ ...ok, properties: {} }, ok],
    };
    for (const [what, features] of Object.entries(geo)) {
      const bytes = utf8(JSON.stringify({ type: 'FeatureCollection', features }));
      expect(await readFacilityColumns(() => [bytes], 'x.geojson', 'geojson', bytes.length, { fallbackCrs: 'wgs84' }), what).toBeNull();
    }
  });
});
