/**
 * Import a file into one of the coverage slices (facilities, population, streets) as ONE
 * undoable change: read and convert with importLayer (CRS chosen by the user), then check it
 * with the coverage engine's readers. Problems come back for ProblemList; nothing changes then.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Problem } from '../../domain/problem.ts';
import type { CrsId } from '../../io/crs.ts';
import { importLayer } from '../../io/import-layer.ts';
import { facilitiesFrom, populationFrom, streetsFrom } from '../../analysis/coverage/read-inputs.ts';
import { isLifeCircleTier } from '../../domain/life-circle.ts';
import type { Change } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import { replaceFacilities, setPopulation, setStreets } from '../../state/facility-changes.ts';
import { CATEGORY_TIERS } from './coverage-data.ts';

export const COVERAGE_IMPORT_TARGETS = ['facilities', 'population', 'streets'] as const;
export type CoverageImportTarget = (typeof COVERAGE_IMPORT_TARGETS)[number];

export type CoverageImport = { ok: true; change: Change<ProjectState>; count: number; warnings: Problem[] } | { ok: false; problems: Problem[] };

const LAYER_TYPE = { facilities: 'facilities', population: 'population', streets: 'generic' } as const;

/** Read `bytes` (GeoJSON, CSV with lon/lat columns, zipped Shapefile) into a change of the target slice. */
export async function importCoverageLayer(target: CoverageImportTarget, bytes: Uint8Array, fileName: string, crs: CrsId): Promise<CoverageImport> {
  const read = await importLayer(bytes, fileName, { crs, layerType: LAYER_TYPE[target] });
  if (!read.ok) return { ok: false, problems: read.problems };
  const fc = read.value;
  if (target === 'facilities') {
    const r = facilitiesFrom(fc, fileName, (c) => CATEGORY_TIERS.has(c) || isLifeCircleTier(c));
    if (!r.ok) return { ok: false, problems: r.problems };
    return { ok: true, change: replaceFacilities(r.value, { zh: '导入设施', en: 'import facilities' }), count: r.value.length, warnings: [...read.warnings, ...r.warnings] };
  }
  if (target === 'population') {
    const r = populationFrom(fc, fileName);
    if (!r.ok) return { ok: false, problems: r.problems };
    const count = r.value.kind === 'points' ? r.value.points.length : r.value.kind === 'cells' ? r.value.cells.length : 0;
    return { ok: true, change: setPopulation(r.value, { zh: '导入人口图层', en: 'import population layer' }), count, warnings: [...read.warnings, ...r.warnings] };
  }
  const r = streetsFrom(fc, fileName);
  if (!r.ok) return { ok: false, problems: r.problems };
  const lines: FeatureCollection<LineString | MultiLineString> = {
    type: 'FeatureCollection',
    features: fc.features.filter((f): f is Feature<LineString | MultiLineString> => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString').map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })),
  };
  return { ok: true, change: setStreets(lines, { zh: '导入街道网络', en: 'import street network' }), count: lines.features.length, warnings: [...read.warnings, ...r.warnings] };
}
