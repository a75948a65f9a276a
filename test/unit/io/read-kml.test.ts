import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importLayer } from '../../../src/io/import-layer.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { facilitiesReader } from '../../../src/io/readers/facilities-reader.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = new Uint8Array(readFileSync(new URL('../../fixtures/import/facilities.kml', import.meta.url)));

describe('KML import', () => {
  it('reads Placemarks with names and ExtendedData as WGS-84 features; the CRS is asked, not assumed', async () => {
    const r = await importLayer(fixture, 'facilities.kml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary.format).toBe('kml');
    expect(r.summary.encoding).toBe('utf-8');
    expect(r.summary.geometryTypes).toEqual({ Point: 2, Polygon: 1 });
    expect(r.summary.crs?.ambiguous).toBe(true);
    expect(r.value.features[1]).toMatchObject({ properties: { name: '温州站 幼儿园', category: 'kindergarten' }, geometry: { type: 'Point', coordinates: [120.699, 27.994, 0] } });
  });

  it('converts GCJ-02 KML when the user says so, and checks a facilities layer (the polygon is not a facility)', async () => {
    const r = await importLayer(fixture, 'facilities.kml', { crs: 'gcj02' });
    if (!r.ok) throw new Error(r.problems[0].code);
    const read = facilitiesReader.read({ file: 'facilities.kml', features: r.value.features, origins: r.origins });
    expect(!read.ok && read.problems.map((p) => formatProblem(p, 'en'))).toContain('facilities.kml feature #3: geometry type is Polygon, expected Point');
  });

  it('refuses broken XML and XML that is not KML, naming the reason', async () => {
    const broken = await importLayer(enc('<kml><Placemark><name>x</Placemark></kml>'), 'b.kml');
    expect(!broken.ok && broken.problems[0].code).toBe('not-kml');
    const other = await importLayer(enc('<?xml version="1.0"?><gpx></gpx>'), 'o.kml');
    expect(!other.ok && formatProblem(other.problems[0], 'en')).toBe('o.kml: not valid KML: root element is <gpx>, not <kml>');
  });

  it('expands no DTD entities (no billion laughs, no external file)', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      '<kml><Placemark><name>&b;&x;</name><Point><coordinates>120.6,28</coordinates></Point></Placemark></kml>';
    const r = await importLayer(enc(lol), 'lol.kml');
    expect(!r.ok && formatProblem(r.problems[0], 'en')).toBe('lol.kml: not valid KML: entity not found:&b;');
  });

  it('recognises KML by content when the file name has no extension', async () => {
    const r = await importLayer(fixture, 'export');
    expect(r.summary.format).toBe('kml');
  });
});
