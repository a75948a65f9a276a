/** `anju jobs-housing` as a user runs it (in-process, test/support/run-cli.ts): stdout, stderr and exit codes. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defaultDwellingsByBoard } from '../../../src/analysis/jobs-housing/default-dwellings.ts';
import type { DwellingAssumptions } from '../../../src/domain/dwelling-assumptions.ts';
import type { BoardCollection } from '../../../src/domain/board.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'anju-jh-'));

// The test files are WGS-84 GeoJSON that declare no CRS: the CLI asks, so the tests say it.
const anju = (...args: string[]) => runCli(...args, '--crs', 'wgs84');

function tmpFile(name: string, data: unknown): string {
  const p = join(TMP, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
}

const sq = (x: number, y: number, d = 0.01) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const boardsFile = tmpFile('boards.geojson', {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'near', name: '近', dwellings: 1000 }, geometry: sq(120.70, 28.0) },
    { type: 'Feature', properties: { id: 'far', name: '远' }, geometry: sq(120.90, 28.0) },
  ],
});
const parkFeature = (props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: sq(120.712, 28.0) });
const parksFile = tmpFile('parks.geojson', { type: 'FeatureCollection', features: [parkFeature({ id: 'p', name: '园', jobs: 1500 })] });

describe('anju jobs-housing', { timeout: 30_000 }, () => {
  it('prints one entry per board with the documented fields', async () => {
    const r = await anju('jobs-housing', '--boards', boardsFile, '--employment', parksFile, '--radius-km', '2', '--json');
    expect(r.err.split('\n')).toEqual([
      'anju jobs-housing: no dwellings for 1 board(s) (no figure and no category to assume one from): ratio and verdict unknown for far',
      'anju jobs-housing: a job counts for every board within reach of its employment area (a job near three boards counts three times); --job-counting shared splits each area’s jobs among them',
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.map((x) => Object.keys(x))).toEqual([0, 1].map(() => ['id', 'name', 'overlapShare', 'jobsInReach', 'dwellings', 'dwellingsSource', 'jobsHousingRatio', 'verdict']));
    // "near" is 0.2 km from the park (within 2 km): all 1500 jobs, 1000 dwellings → 1.5, balanced.
    expect(rows[0]).toEqual({ id: 'near', name: '近', overlapShare: 1, jobsInReach: 1500, dwellings: 1000, dwellingsSource: 'file', jobsHousingRatio: 1.5, verdict: 'balanced' });
    // "far" has no dwellings property: dwellings and ratio are null.
    expect(rows[1]).toMatchObject({ id: 'far', overlapShare: 0, jobsInReach: 0, dwellings: null, jobsHousingRatio: null, verdict: 'unknown' });
  });

  it('--job-counting shared splits an area’s jobs among the boards that reach it, by their dwellings', async () => {
    // A second board beside "near" with 3000 dwellings: both wholly within 2 km of the park.
    const two = tmpFile('two-boards.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'near', name: '近', dwellings: 1000 }, geometry: sq(120.70, 28.0) },
        { type: 'Feature', properties: { id: 'beside', name: '旁', dwellings: 3000 }, geometry: sq(120.70, 28.011) },
      ],
    });
    const every = JSON.parse((await anju('jobs-housing', '--boards', two, '--employment', parksFile, '--radius-km', '2', '--json')).out);
    expect(every.map((x: { jobsInReach: number }) => x.jobsInReach)).toEqual([1500, 1500]);
    const r = await anju('jobs-housing', '--boards', two, '--employment', parksFile, '--radius-km', '2', '--job-counting', 'shared', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('jobs shared by competition');
    const rows = JSON.parse(r.out);
    // 1500 jobs for 4000 dwellings: 375 to "near", 1125 to "beside", 0.375 jobs per dwelling each.
    expect(rows[0]).toMatchObject({ id: 'near', jobsInReach: 375, jobsHousingRatio: 0.375, verdict: 'housing-rich' });
    expect(rows[1]).toMatchObject({ id: 'beside', jobsInReach: 1125, jobsHousingRatio: 0.375 });
    const bad = await anju('jobs-housing', '--job-counting', 'once');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--job-counting must be every-board or shared, not "once"');
  });

  it('takes dwellings from --dwellings by board id or name, over the boards’ property', async () => {
    const d = tmpFile('d.json', { near: 2000, 远: 10 });
    const rows = JSON.parse((await anju('jobs-housing', '--boards', boardsFile, '--employment', parksFile, '--radius-km', '2', '--dwellings', d, '--json')).out);
    expect(rows[0]).toMatchObject({ dwellings: 2000, dwellingsSource: 'table', jobsHousingRatio: 0.75, verdict: 'housing-rich' });
    expect(rows[1]).toMatchObject({ dwellings: 10, jobsHousingRatio: 0, verdict: 'housing-rich' });
  });

  it('uses the default 5 km radius, and runs on the shipped data', async () => {
    const r = await anju('jobs-housing', '--boards', 'geodata/boards.geojson', '--employment', 'geodata/employment-areas.geojson', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows).toHaveLength(21);
    expect(rows.find((x: { id: string }) => x.id === 'zhenan-tech-city').overlapShare).toBe(1);
  });

  it('with no options uses the shipped data and the app’s assumed dwellings, and says so on stderr', async () => {
    const r = await anju('jobs-housing', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain("dwellings of 21 of 21 boards are the app's assumed defaults (geodata/assumptions/board-dwellings.json");
    expect(r.err).toContain('employment areas from geodata/employment-areas.geojson (illustrative');
    const geodata = (f: string) => JSON.parse(readFileSync(join(ROOT, 'geodata', f), 'utf8'));
    // The same figures the app's 职住平衡 tab starts from (src/ui/jobs-housing/jh-store.svelte.ts).
    const app = defaultDwellingsByBoard(geodata('boards.geojson') as BoardCollection, geodata('assumptions/board-dwellings.json') as DwellingAssumptions);
    const rows = JSON.parse(r.out) as { id: string; dwellings: number; dwellingsSource: string; verdict: string }[];
    expect(rows).toHaveLength(21);
    for (const row of rows) expect(row).toMatchObject({ dwellings: app[row.id].dwellings, dwellingsSource: 'assumed' });
    expect(rows.some((x) => x.verdict === 'unknown')).toBe(false);
  });

  it('names the file, feature and problem when a park has no numeric jobs', async () => {
    const bad = tmpFile('bad-parks.geojson', { type: 'FeatureCollection', features: [parkFeature({ id: 'ok', jobs: 5 }), parkFeature({ id: 'x', jobs: 'many' })] });
    const r = await anju('jobs-housing', '--boards', boardsFile, '--employment', bad, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('bad-parks.geojson feature #2 field jobs: jobs must be a number ≥ 0, not "many"');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports a park without jobs, a wrong geometry type and an unknown board in the dwellings file', async () => {
    const noJobs = tmpFile('nojobs.geojson', { type: 'FeatureCollection', features: [parkFeature({ id: 'p' })] });
    expect((await anju('jobs-housing', '--boards', boardsFile, '--employment', noJobs)).err).toContain('nojobs.geojson feature #1 field jobs/岗位/岗位数/就业岗位/…: employment area has no jobs figure');
    const points = tmpFile('points.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { jobs: 1 }, geometry: { type: 'Point', coordinates: [120.7, 28] } }] });
    const r = await anju('jobs-housing', '--boards', boardsFile, '--employment', points);
    expect(r.code).toBe(1);
    expect(r.err).toContain('points.geojson feature #1: geometry type is Point, expected Polygon/MultiPolygon');
    const d = tmpFile('d-bad.json', { nowhere: 5, near: -3 });
    const r2 = await anju('jobs-housing', '--boards', boardsFile, '--employment', parksFile, '--dwellings', d);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('d-bad.json field nowhere: "nowhere" is not one of the 2 boards');
    expect(r2.err).toContain('d-bad.json field near: dwellings must be a number ≥ 0, not -3');
  });

  it('rejects a bad radius and unreadable files with exit code 2', async () => {
    const r = await anju('jobs-housing', '--boards', boardsFile, '--employment', parksFile, '--radius-km', 'five');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--radius-km must be a number');
    const r2 = await anju('jobs-housing', '--boards', join(TMP, 'missing.geojson'), '--employment', parksFile);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('missing.geojson: cannot read: ENOENT');
  });

  it('reports invalid JSON in the boards file as unreadable (exit 2, as `anju validate`)', async () => {
    const r = await anju('jobs-housing', '--boards', tmpFile('broken.geojson', '{"type": "FeatureCollection", '), '--employment', parksFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain('broken.geojson: not valid JSON');
  });
});
