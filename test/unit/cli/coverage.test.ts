/** `anju coverage` end to end on fixtures (in-process, test/support/run-cli.ts): exit codes, JSON shape and messages. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

const D = 'test/fixtures/coverage/cli/';
// The fixtures are WGS-84 GeoJSON/CSV that declare no CRS: the CLI asks, so the tests say it.
const anju = (...args: string[]) => runCli('coverage', '--crs', 'wgs84', ...args);

describe('anju coverage', () => {
  it('prints one entry per board with shares per radius, and says it uses straight lines', async () => {
    const r = await anju('--boards', D + 'boards.geojson', '--facilities', D + 'facilities.geojson', '--population', D + 'population.geojson', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('straight-line distance');
    const rows = JSON.parse(r.out);
    expect(rows.map((b: { id: string }) => b.id)).toEqual(['west', 'east-by-name']);
    expect(Object.keys(rows[0].radii[0]).sort()).toEqual(['areaShare', 'facilities', 'populationShare', 'radiusM']);
    // West: one kindergarten at the centre of a 2 × 2 km square; a 300 m disk is π·0.09/4 of it.
    expect(rows[0].radii[0].areaShare).toBeCloseTo((Math.PI * 0.09) / 4, 4);
    // Residents 100 at the facility, 50 in the far corner: 2/3 within every radius up to 1000 m.
    expect(rows[0].radii.map((x: { populationShare: number }) => x.populationShare)).toEqual([0.666667, 0.666667, 0.666667]);
    expect(rows[0].network).toBeUndefined();
  });

  it('reads facilities from CSV with the same result as GeoJSON, and null population without --population', async () => {
    const a = JSON.parse((await anju('--boards', D + 'boards.geojson', '--facilities', D + 'facilities.csv', '--json')).out);
    const b = JSON.parse((await anju('--boards', D + 'boards.geojson', '--facilities', D + 'facilities.geojson', '--json')).out);
    expect(a).toEqual(b);
    expect(a[0].radii[0].populationShare).toBeNull();
  });

  it('adds network figures below the straight-line ones when --network is given', async () => {
    const r = await anju('--boards', D + 'boards.geojson', '--facilities', D + 'facilities.geojson', '--network', D + 'network.geojson', '--radii', '500', '--json');
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('straight-line distance');
    const west = JSON.parse(r.out)[0];
    // On a 200 m street grid the walking reach is a diamond: about half the disk's area.
    expect(west.network.radii[0].areaShare).toBeLessThan(west.radii[0].areaShare);
    expect(west.network.radii[0].areaShare).toBeGreaterThan(0.4 * west.radii[0].areaShare);
    expect(west.network.radii[0].overClaimShare).toBeGreaterThan(0);
  });

  it('--tier keeps only facilities of that tier', async () => {
    const rows = JSON.parse((await anju('--boards', D + 'boards.geojson', '--facilities', D + 'facilities.geojson', '--tier', '10-min', '--json')).out);
    expect(rows[0].radii[0].facilities).toBe(0);
    expect(rows[1].radii[0].facilities).toBe(1);
  });

  const bad: [string, RegExp][] = [
    ['not-geojson.geojson', /not-geojson\.geojson: not GeoJSON/],
    ['facilities-lines.geojson', /facilities-lines\.geojson feature #1: geometry type is LineString, expected Point/],
    ['out-of-range.geojson', /out-of-range\.geojson feature #1: coordinate outside longitude\/latitude range/],
    ['no-coords.csv', /no-coords\.csv: no coordinate columns/],
  ];
  for (const [file, message] of bad) {
    it(`rejects ${file} with a message naming file, feature and problem`, async () => {
      const r = await anju('--boards', D + 'boards.geojson', '--facilities', D + file, '--json');
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
      expect(r.out).toBe('');
    });
  }

  it('rejects boards that are not polygons and bad radii as usage errors', async () => {
    expect((await anju('--boards', D + 'facilities.geojson', '--facilities', D + 'facilities.geojson')).err).toMatch(/facilities\.geojson feature #1: geometry type is Point, expected Polygon\/MultiPolygon/);
    const r = await anju('--boards', D + 'boards.geojson', '--facilities', D + 'facilities.geojson', '--radii', '300,-5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--radii/);
  });

  it('reads a population CSV as columns with the same figures as the GeoJSON, and names a bad row through the ordinary reader', async () => {
    const fc = JSON.parse(readFileSync(D + 'population.geojson', 'utf8')) as { features: { properties: { population: number }; geometry: { coordinates: number[] } }[] };
    const dir = mkdtempSync(join(tmpdir(), 'anju-pop-csv-'));
    try {
      const csv = 'lon,lat,population\n' + fc.features.map((f) => `${f.geometry.coordinates.join(',')},${f.properties.population}\n`).join('');
      writeFileSync(join(dir, 'pop.csv'), csv);
      writeFileSync(join(dir, 'bad.csv'), csv + '120.64,28.0,lots\n');
      const args = ['--boards', D + 'boards.geojson', '--facilities', D + 'facilities.geojson', '--network', D + 'network.geojson', '--json'];
      const fromGeojson = await anju(...args, '--population', D + 'population.geojson');
      const fromCsv = await anju(...args, '--population', join(dir, 'pop.csv'));
      expect(fromCsv.code).toBe(0);
      expect(fromCsv.out).toBe(fromGeojson.out);
      expect(JSON.parse(fromCsv.out)[0].network.radii[0].populationShare).not.toBeNull();
      const bad = await anju(...args, '--population', join(dir, 'bad.csv'));
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(new RegExp(`bad\\.csv row ${fc.features.length + 2}.*population`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
