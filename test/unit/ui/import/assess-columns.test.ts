/**
 * The import dialog's two paths for a population or facilities layer give the same layer and the
 * same problems: importLayer + assessImport (every Feature on the page) against the worker's columns
 * (import-client.ts `runColumns` over a real MessageChannel) + assessPopulationColumns, whose
 * points are built in yielding slices on 替换.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importLayer } from '../../../../src/io/import-layer.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import type { ProjectState } from '../../../../src/state/project.ts';
import { timeSlicer } from '../../../../src/state/persistence/time-slicer.ts';
import { needsPreparation, uncheckedSlices } from '../../../../src/state/persistence/check-before-write.ts';
import { PACK_MIN_FACILITIES, toStoredFacilities } from '../../../../src/state/persistence/stored-facilities.ts';
import { facilityTiles } from '../../../../src/ui/coverage/facility-tiles.ts';
import { packFacilityPoints } from '../../../../src/ui/coverage/facility-points.ts';
import { initPartsSteps } from '../../../../src/ui/coverage/coverage-init-steps.ts';
import { packFacilityBytesSteps } from '../../../../src/analysis/coverage/packed-facility-bytes.ts';
import { runSteps } from '../../../../src/analysis/coverage/packed-facilities.ts';
import { assessImport } from '../../../../src/ui/import/assess-import.ts';
import { assessFacilityColumns, assessPopulationColumns } from '../../../../src/ui/import/assess-columns.ts';
import { ImportClient, type ColumnsKind, type ColumnsOutcome } from '../../../../src/ui/import/import-client.ts';
import type { DialogFacilityColumns, DialogPopulationColumns } from '../../../../src/workers/import-api.ts';
import { importTarget } from '../../../../src/ui/import/targets.ts';
import { importApi } from '../../../../src/workers/import-api.ts';
import { channelWorker } from '../../../support/channel-worker.ts';

const state: ProjectState = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01');
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const client = new ImportClient(() => channelWorker(importApi));

async function columns(bytes: Uint8Array, file: string, options = {}, kind: ColumnsKind = 'population'): Promise<ColumnsOutcome | null> {
  return client.runColumns(kind, new Blob([bytes as BlobPart]), file, { lenient: true, ...options }, () => {}).done;
}

/** The read of a columnar outcome (the test fails when the file was handed back). */
function readOf(c: ColumnsOutcome | null, file: string) {
  if (!c || c === 'ordinary') throw new Error(`${file} was not read as columns`);
  return c.read;
}

/** Both paths on the same bytes: same problems, count and population after Replace. */
async function expectSamePaths(bytes: Uint8Array, file: string, options = {}) {
  const ordinary = assessImport(await importLayer(bytes, file, { lenient: true, ...options }), importTarget('population'), { file, state, importedAt: '2026-01-02' }, false);
  const c = readOf(await columns(bytes, file, options), file) as DialogPopulationColumns;
  const a = assessPopulationColumns(c, state);
  expect(a.problems).toEqual(ordinary.problems);
  expect([a.errorCount, a.skippedCount, a.outcome?.count]).toEqual([ordinary.errorCount, ordinary.skippedCount, ordinary.outcome?.count]);
  if (!a.outcome || !ordinary.outcome) return { a, c };
  // Slices of 0 ms: a pause after every 1,024 points, so the slicing itself is exercised.
  let pauses = 0;
  const change = await a.outcome.build(undefined, timeSlicer(0, async () => void pauses++));
  if (!change) throw new Error('not built');
  const got = change.apply(state);
  expect(got.state.population).toEqual(ordinary.outcome.change.apply(state).state.population);
  expect(change.label).toEqual(ordinary.outcome.change.label);
  // The worker checked the layer: the autosave does not check the new slice again.
  expect(Object.keys(uncheckedSlices(state, got.state))).toEqual([]);
  // One undoable change: its inverse restores the population as it was.
  expect(got.inverse.apply(got.state).state.population).toBe(state.population);
  return { a, c, pauses };
}

describe('the import dialog reads a population layer as columns', () => {
  it('gives the population and notes of the ordinary path: GB18030 CSV, GeoJSON, GCJ-02 with a point outside Wenzhou', async () => {
    // The fixture's last line ends in CRLF, the others in LF (the columnar reader hands that back): all LF here.
    const gbk = await expectSamePaths(fixture('import/population-gbk.csv').filter((b) => b !== 13), 'population-gbk.csv', { fallbackCrs: 'wgs84' });
    expect(gbk.c.summary.encoding).toBe('gb18030');
    expect(gbk.c.headers).toEqual(['经度', '纬度', '名称', 'population']);
    await expectSamePaths(fixture('coverage/cli/population.geojson'), 'population.geojson', { fallbackCrs: 'wgs84' });
    const rows = Array.from({ length: 3000 }, (_, i) => `${(120.6 + (i % 100) * 1e-3).toFixed(4)},${(28 + Math.floor(i / 100) * 1e-3).toFixed(4)},${i % 13},p${i}\n`).join('');
    const { a, pauses } = await expectSamePaths(enc(`gcj02_lon,gcj02_lat,人口,name\n${rows}116.4,39.9,5,beijing\n`), 'gcj.csv');
    expect(a.problems.map((p) => [p.code, p.row])).toEqual([['outside-wenzhou', 3002]]);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('names a count beyond the project limit as the ordinary path does, and blocks Replace', async () => {
    const { a } = await expectSamePaths(enc('lon,lat,population\n120.65,28.01,12\n120.66,28.02,300000000\n'), 'big-count.csv', { fallbackCrs: 'wgs84' });
    expect(a.outcome).toBeNull();
    expect(a.problems.map((p) => [p.code, p.field])).toEqual([['project-number-too-large', 'population.points[1].population']]);
  });

  it('hands back what only the ordinary path can name (a bad row), and stops building when cancelled', async () => {
    expect(await columns(enc('lon,lat,population\n120.65,28.01,many\n'), 'bad.csv', { fallbackCrs: 'wgs84' })).toBe('ordinary');
    const c = readOf(await columns(enc('lon,lat,population\n' + '120.65,28.01,1\n'.repeat(5000)), 'p.csv', { fallbackCrs: 'wgs84' }), 'p.csv') as DialogPopulationColumns;
    const abort = new AbortController();
    const built = assessPopulationColumns(c, state).outcome?.build(abort.signal, timeSlicer(0, async () => abort.abort()));
    expect(await built).toBeNull();
  });
});

/** Both paths on the same facilities file: same problems, count and facilities after Replace. */
async function expectSameFacilities(bytes: Uint8Array, file: string, options = {}) {
  const ordinary = assessImport(await importLayer(bytes, file, { lenient: true, ...options }), importTarget('facilities'), { file, state, importedAt: '2026-01-02' }, false);
  const c = readOf(await columns(bytes, file, options, 'facilities'), file) as DialogFacilityColumns;
  const a = assessFacilityColumns(c, state);
  expect(a.problems).toEqual(ordinary.problems);
  expect([a.errorCount, a.skippedCount, a.outcome?.count]).toEqual([ordinary.errorCount, ordinary.skippedCount, ordinary.outcome?.count]);
  if (!a.outcome || !ordinary.outcome) return { a, c };
  let pauses = 0;
  const change = await a.outcome.build(undefined, timeSlicer(0, async () => void pauses++));
  if (!change) throw new Error('not built');
  const got = change.apply(state);
  expect(got.state.facilities).toEqual(ordinary.outcome.change.apply(state).state.facilities);
  expect(change.label).toEqual(ordinary.outcome.change.label);
  expect(Object.keys(uncheckedSlices(state, got.state))).toEqual([]);
  // Its stored form was made from the columns: the autosave has nothing to prepare, and stores what it would have packed.
  expect(needsPreparation(state, got.state)).toBe(false);
  expect(toStoredFacilities(got.state.facilities)).toStrictEqual(toStoredFacilities([...got.state.facilities]));
  if (got.state.facilities.length >= PACK_MIN_FACILITIES) {
    // The tile layer's first pack is the import worker's (no walk of the layer on the page), and the same bytes the page packs.
    const first = await facilityTiles(got.state.facilities).pack();
    expect(first).toBe(c.tilePoints);
    expect(new Uint8Array(first.lonLat.buffer)).toEqual(new Uint8Array(packFacilityPoints(got.state.facilities).lonLat.buffer));
    expect(first.columnsUtf8).toEqual(packFacilityPoints(got.state.facilities).columnsUtf8);
    // The coverage worker's first init sends the import worker's packing (no walk on the page), equal to the page's; a later init packs afresh.
    const onPage = runSteps(packFacilityBytesSteps(got.state.facilities));
    const init = runSteps(initPartsSteps(got.state.facilities, { kind: 'none' }));
    expect(init.facilities).toBe(c.coveragePacked);
    expect(init.facilities).toEqual(onPage);
    const again = runSteps(initPartsSteps(got.state.facilities, { kind: 'none' }));
    expect(again.facilities).not.toBe(c.coveragePacked);
    expect(again.facilities).toEqual(onPage);
  }
  expect(got.inverse.apply(got.state).state.facilities).toBe(state.facilities);
  return { a, c, pauses };
}

describe('the import dialog reads a facilities layer as columns', () => {
  it('gives the facilities and notes of the ordinary path: GeoJSON, GCJ-02 CSV, a long name the project refuses', async () => {
    await expectSameFacilities(fixture('import/facilities.geojson'), 'facilities.geojson', { fallbackCrs: 'wgs84' });
    const gcj = await expectSameFacilities(fixture('import/shops-gcj02.csv'), 'shops-gcj02.csv', { crs: 'gcj02' });
    expect(gcj.c.headers.slice(0, 2)).toEqual(['lng', 'lat']);
    const rows = Array.from({ length: 3000 }, (_, i) => `${(120.6 + (i % 100) * 1e-3).toFixed(4)},${(28 + Math.floor(i / 100) * 1e-3).toFixed(4)},${['幼儿园', 'health', '卫星站'][i % 3]},f${i}\n`).join('');
    const { pauses } = await expectSameFacilities(enc(`lon,lat,类别,名称\n${rows}`), 'many.csv', { fallbackCrs: 'wgs84' });
    expect(pauses).toBeGreaterThanOrEqual(2);
    const { a } = await expectSameFacilities(enc(`lon,lat,name\n120.65,28.01,${'长'.repeat(201)}\n`), 'long.csv', { fallbackCrs: 'wgs84' });
    expect(a.problems.map((p) => [p.code, p.field])).toEqual([['project-text-too-long', 'facilities[0].name'], ['facilities-no-category-field', undefined]]);
    expect(a.outcome).toBeNull();
  });

  it('reads a dropped file as columns when it takes it for population or facilities, and hands back the rest', async () => {
    const f = await columns(enc('lon,lat,类型,名称\n120.65,28.01,幼儿园,a\n'), 'f.csv', { fallbackCrs: 'wgs84' }, 'dropped');
    expect(f !== 'ordinary' && f?.guess).toEqual({ kind: 'facilities', reason: 'points-category', field: '类型' });
    const p = await columns(enc('经度,纬度,人口\n120.65,28.01,3\n'), 'p.csv', { fallbackCrs: 'wgs84' }, 'dropped');
    expect(p !== 'ordinary' && p?.guess).toEqual({ kind: 'population', reason: 'points-population', field: '人口' });
    const g = await columns(fixture('import/facilities.geojson'), 'f.geojson', { fallbackCrs: 'wgs84' }, 'dropped');
    expect(g !== 'ordinary' && g?.guess).toEqual({ kind: 'facilities', reason: 'points-category', field: 'category' });
    const pg = await columns(fixture('coverage/cli/population.geojson'), 'p.geojson', { fallbackCrs: 'wgs84' }, 'dropped');
    expect(pg !== 'ordinary' && pg?.guess && pg.guess.kind).toBe('population');
    // A population GeoJSON the population reader hands back (a blank value) is not taken for facilities.
    const blank = enc(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { population: null }, geometry: { type: 'Point', coordinates: [120.65, 28.01] } }] }));
    expect(await columns(blank, 'b.geojson', { fallbackCrs: 'wgs84' }, 'dropped')).toBe('ordinary');
    expect(await columns(enc('wkt,category\nPOINT(120.65 28.01),a\n'), 'w.csv', { fallbackCrs: 'wgs84' }, 'dropped')).toBe('ordinary');
  });
});
