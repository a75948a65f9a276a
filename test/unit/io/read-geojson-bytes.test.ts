/**
 * The feature-by-feature GeoJSON reader gives what parsing the whole text gives, and hands back
 * (null) everything unusual so the ordinary reader names the problem as it always did.
 */
import { describe, expect, it } from 'vitest';
import { readGeoJsonBytes } from '../../../src/io/read-geojson-bytes.ts';
import { readGeoJsonText } from '../../../src/io/read-geojson.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const point = (i: number, props: Record<string, unknown>) => ({ type: 'Feature', id: i, properties: props, geometry: { type: 'Point', coordinates: [120.6 + i / 1000, 28] } });

describe('readGeoJsonBytes', () => {
  it('reads what the whole-text reader reads: strings with brackets, quotes and escapes, CJK, nesting, foreign members, crs', () => {
    const doc = {
      type: 'FeatureCollection',
      name: '人口 "points" [v2] {x}',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
      features: [
        point(1, { name: '鹿城区 "老城" ]}', note: 'a\\"b\\\\', nested: { a: [1, [2, { b: '}' }]] } }),
        point(2, { name: 'features', '"features"': '[', empty: {} }),
        { type: 'Feature', properties: null, geometry: null, bbox: [1, 2, 3, 4] },
      ],
      after: { features: 'not these' },
    };
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2), JSON.stringify(doc).replace(/,/g, ' ,\n\t')]) {
      const fast = readGeoJsonBytes(enc(text), 'p.geojson');
      expect(fast).not.toBeNull();
      expect(fast).toEqual(readGeoJsonText(text, 'p.geojson', 'utf-8'));
    }
  });

  it('hands back anything unusual to the ordinary reader', () => {
    const ok = JSON.stringify({ type: 'FeatureCollection', features: [point(1, { a: 1 })] });
    const cases = [
      '\ufeff' + ok, // BOM
      ok.slice(0, -3), // cut
      ok.replace('"a":1', '"a":1,'), // syntax error inside a feature
      ok.replace('}]}', '}], "x": }'), // syntax error outside the features
      JSON.stringify({ type: 'FeatureCollection', features: [1, point(1, {})] }), // not an object
      JSON.stringify({ type: 'FeatureCollection', features: [point(1, { deep: JSON.parse('['.repeat(70) + ']'.repeat(70)) })] }), // too deep
      '{"type":"FeatureCollection","features":[],"features":[' + JSON.stringify(point(1, {})) + ']}', // twice
      JSON.stringify(point(1, {})), // a single Feature
      '[' + ok + ']',
    ];
    for (const text of cases) expect(readGeoJsonBytes(enc(text), 'x.geojson'), text.slice(0, 80)).toBeNull();
    // GBK bytes are not UTF-8: left to the decoder that falls back to GB18030.
    const gbk = new Uint8Array([...enc('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":"'), 0xc2, 0xb9, 0xb3, 0xc7, ...enc('"},"geometry":null}]}')]);
    expect(readGeoJsonBytes(gbk, 'gbk.geojson')).toBeNull();
  });
});
