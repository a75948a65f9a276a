/** A dropped layer's kind guessed from geometry and field names: the dialog's default "import as". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { importLayer } from '../../../src/io/import-layer.ts';
import { guessInputKind } from '../../../src/io/readers/guess-kind.ts';

async function features(path: string): Promise<readonly Feature[]> {
  const r = await importLayer(new Uint8Array(readFileSync(path)), path.split('/').pop()!, { crs: 'wgs84' });
  if (!r.ok) throw new Error(path);
  return r.value.features;
}
const line = (props: Record<string, unknown>): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: [[120.6, 28], [120.61, 28.01]] } });

describe('guessInputKind', () => {
  it('points with a category are facilities; with a population field, population', async () => {
    expect(guessInputKind(await features('test/fixtures/import/shops-gcj02.csv'))).toEqual({ kind: 'facilities', reason: 'points-category', field: 'category' });
    expect(guessInputKind(await features('test/fixtures/import/population-gbk.csv'))).toEqual({ kind: 'population', reason: 'points-population', field: 'population' });
    expect(guessInputKind(await features('test/fixtures/import/swapped.geojson'))).toEqual({ kind: 'facilities', reason: 'points' });
  });

  it('polygons with board names are boards; with jobs, employment areas', async () => {
    expect(guessInputKind(await features('test/fixtures/import/boards-gbk.zip'))).toEqual({ kind: 'boards', reason: 'polygons-board-key', field: 'id' });
    expect(guessInputKind(await features('geodata/employment-areas.geojson'))).toEqual({ kind: 'employment', reason: 'polygons-jobs', field: 'jobs' });
    expect(guessInputKind(await features('test/fixtures/import/clockwise.geojson'))).toEqual({ kind: 'boards', reason: 'polygons-board-key', field: 'name' });
  });

  it('lines are the street network; most features decide a mixed layer; nothing drawable, no guess', async () => {
    expect(guessInputKind([line({ name: '人民路' }), line({})])).toEqual({ kind: 'streets', reason: 'lines' });
    expect(guessInputKind(await features('test/fixtures/import/facilities.kml'))).toEqual({ kind: 'facilities', reason: 'points-category', field: 'category' });
    expect(guessInputKind([])).toBeNull();
  });
});
