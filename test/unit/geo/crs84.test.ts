/**
 * The shipped geodata and Anju's GeoJSON exports declare WGS-84 (a CRS84 `crs` member):
 * they read back without a question about the coordinate system, in the app and on the command line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRS84_MEMBER, declareCrs84 } from '../../../src/geo/crs84.ts';
import { boardsToGeoJson, sitesToGeoJson } from '../../../src/export/geojson-export.ts';
import { importLayer } from '../../../src/io/import-layer.ts';
import type { BoardCollection } from '../../../src/domain/board.ts';
import { runCli } from '../../support/run-cli.ts';

const GEODATA = ['boards', 'counties', 'land', 'employment-areas'].map((n) => `geodata/${n}.geojson`);
const declared = { crs: { id: 'wgs84' }, source: 'geojson-crs', ambiguous: false };

describe('declared WGS-84 (CRS84)', () => {
  it('puts the member right after type and replaces another', () => {
    const fc = declareCrs84({ type: 'FeatureCollection' as const, crs: { type: 'name', properties: { name: 'EPSG:4549' } }, features: [] });
    expect(JSON.stringify(fc)).toBe('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[]}');
  });

  it.each(GEODATA)('%s declares it and imports without asking', async (path) => {
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text).crs).toEqual(CRS84_MEMBER);
    if (path.includes('boards')) {
      const r = await importLayer(new TextEncoder().encode(text), 'boards.geojson');
      expect(r.summary.crs).toMatchObject(declared);
    }
  });

  it('exported boards and sites round-trip: export → import needs no question', async () => {
    const boards = JSON.parse(readFileSync('geodata/boards.geojson', 'utf8')) as BoardCollection;
    const exported = [boardsToGeoJson(boards.features.slice(0, 2), []), sitesToGeoJson([{ id: 's1', name: '地块', units: 100, type: 'public-rental', year: 2023, geometry: { type: 'Point', coordinates: [120.66, 28.01] } }], '方案')];
    for (const fc of exported) {
      const r = await importLayer(new TextEncoder().encode(JSON.stringify(fc)), 'export.geojson');
      expect(r.ok && r.summary.crs).toMatchObject(declared);
    }
  });

  it('the README example runs as written: shipped boards and employment areas, no --crs', async () => {
    const r = await runCli('jobs-housing', '--boards', 'geodata/boards.geojson', '--employment', 'geodata/employment-areas.geojson', '--json');
    expect(r.err).not.toContain('coordinate system');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).length).toBeGreaterThan(0);
  });
});
