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
        'encoding:  utf-8',
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
});
