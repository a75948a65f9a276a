/**
 * The import dialog's two paths for a population layer give the same population and the same
 * problems: importLayer + assessImport (every Feature on the page) against the worker's columns
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
import { uncheckedSlices } from '../../../../src/state/persistence/check-before-write.ts';
import { assessImport } from '../../../../src/ui/import/assess-import.ts';
import { assessPopulationColumns } from '../../../../src/ui/import/assess-columns.ts';
import { ImportClient, type ColumnsOutcome } from '../../../../src/ui/import/import-client.ts';
import { importTarget } from '../../../../src/ui/import/targets.ts';
import { importApi } from '../../../../src/workers/import-api.ts';
import { channelWorker } from '../../../support/channel-worker.ts';

const state: ProjectState = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01');
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const client = new ImportClient(() => channelWorker(importApi));

async function columns(bytes: Uint8Array, file: string, options = {}): Promise<ColumnsOutcome | null> {
  return client.runColumns(new Blob([bytes as BlobPart]), file, { lenient: true, ...options }, () => {}).done;
}

/** Both paths on the same bytes: same problems, count and population after Replace. */
async function expectSamePaths(bytes: Uint8Array, file: string, options = {}) {
  const ordinary = assessImport(await importLayer(bytes, file, { lenient: true, ...options }), importTarget('population'), { file, state, importedAt: '2026-01-02' }, false);
  const c = await columns(bytes, file, options);
  if (!c || c === 'ordinary') throw new Error(`${file} was not read as columns`);
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
    const c = await columns(enc('lon,lat,population\n' + '120.65,28.01,1\n'.repeat(5000)), 'p.csv', { fallbackCrs: 'wgs84' });
    if (!c || c === 'ordinary') throw new Error('not read as columns');
    const abort = new AbortController();
    const built = assessPopulationColumns(c, state).outcome?.build(abort.signal, timeSlicer(0, async () => abort.abort()));
    expect(await built).toBeNull();
  });
});
