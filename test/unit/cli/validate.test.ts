import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

const run = (...argv: string[]) => runCli('validate', ...argv);
const F = 'test/fixtures/import/';

describe('anju validate', () => {
  it('exit 0 with a summary for a valid file', async () => {
    const r = await run(F + 'boards-epsg4549.zip');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'file:      boards-epsg4549.zip (shapefile)',
        'encoding:  utf-8 (content)',
        'crs:       cgcs2000-gk CM 120°E (prj)',
        'features:  2 imported of 2',
        'geometry:  Polygon 2',
        'bbox:      120.650000, 27.960000, 120.690000, 28.020000 (WGS-84 lon/lat: west, south, east, north)',
      ].join('\n'),
    );
  });

  it('exit 1 listing each problem with its location', async () => {
    const r = await run(F + 'population-non-numeric.geojson', '--type', 'population');
    expect(r).toEqual({ code: 1, out: '', err: 'error: population-non-numeric.geojson feature #2 field population: population is not a non-negative number: "约三千"' });
  });

  it('--json gives the summary and messages in both languages', async () => {
    const r = await run(F + 'duplicate-ids.geojson', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(false);
    expect(j.problems[0].message.zh).toBe('duplicate-ids.geojson 要素 #3 字段 id: 编号“f1”重复（另见要素 #1）');
  });

  it.each([
    ['garbage bytes', F + 'garbage.geojson'],
    ['a directory', F],
    ['a missing file', F + 'nope.geojson'],
    ['a fake zip', F + 'not-a-zip.zip'],
  ])('exit 2 without a stack trace for %s', async (_, path) => {
    const r = await run(path);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('exit 2 for an unknown --crs', async () => {
    expect((await run(F + 'facilities.geojson', '--crs', 'epsg3857')).code).toBe(2);
  });

  it('a Xian 1980 file: refused without --towgs84 (exit 1, saying so), converted with it', async () => {
    const no = await run(F + 'facilities-xian80.zip');
    expect(no.code).toBe(1);
    expect(no.err).toContain('facilities-xian80.zip: the file is in xian80-gk CM 120°E');
    expect(no.err).toContain('(command line: --towgs84)');
    const yes = await run(F + 'facilities-xian80.zip', '--towgs84', '24.1,-123.9,-94.2,0.02,0.25,0.13,1.1');
    expect(yes.code).toBe(0);
    expect(yes.out).toContain('crs:       xian80-gk CM 120°E towgs84=24.1,-123.9,-94.2,0.02,0.25,0.13,1.1 (prj; towgs84 from --towgs84)');
  });

  it('--towgs84 that is not 3 or 7 plausible numbers is a usage error', async () => {
    const r = await run(F + 'facilities-xian80.zip', '--towgs84', '24.1,-123.9');
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('--towgs84: expected 3 numbers (dx,dy,dz) or 7 (dx,dy,dz,rx,ry,rz,s), got 2') });
    expect((await run(F + 'facilities-xian80.zip', '--towgs84', '24100,0,0')).code).toBe(2);
  });
});

describe('analyses read local datums with --<input>-crs and --towgs84', () => {
  const coverage = (...args: string[]) => runCli('coverage', '--boards', 'test/fixtures/coverage/cli/boards.geojson', '--boards-crs', 'wgs84', '--facilities', F + 'points-beijing54-zone21.csv', '--json', ...args);
  it('Beijing 1954 zone-prefixed CSV: the datum is asked, then read with the parameters', async () => {
    const asked = await coverage();
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('could be cgcs2000-gk (CGCS2000 Gauss–Krüger (metres)), xian80-gk');
    const none = await coverage('--facilities-crs', 'beijing54-gk');
    expect(none.code).toBe(1);
    expect(none.err).toContain('beijing54-gk CM 123°E zone 21');
    expect((await coverage('--facilities-crs', 'beijing54-gk', '--towgs84', '15.8,-154.4,-82.3')).code).toBe(0);
  });
});
