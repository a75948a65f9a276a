/**
 * assess-import.ts for a population or facilities layer read as columns (import-client.ts `runColumns`): the same
 * problems, counts and one undoable change, without a Feature or a point object before 替换. The
 * columnar importer reads only files with nothing to skip, so the notes are the importer's
 * warnings, and the project check of the new layer was done in the worker
 * (src/state/population-columns-check.ts); the rest of the project (the scenarios) is checked here
 * as unsavableProblems does, against a population slice that is empty. On 替换 the points are
 * built in slices of 25 ms that yield to the page, and the slice is remembered as passed (and a
 * facilities layer's stored form, tile points and coverage packing, made from the columns in the
 * import worker: stored-facilities-of-columns.ts, facility-tile-points.ts,
 * packed-facility-bytes-of-columns.ts).
 */
import type { PopulationColumns, PopulationInput, PopulationPoint } from '../../domain/population.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import { setSlice, type Change } from '../../state/change.ts';
import type { ProjectState } from '../../state/project.ts';
import { markPassed, unsavableProblems } from '../../state/persistence/check-before-write.ts';
import { timeSlicer, type Slicer } from '../../state/persistence/time-slicer.ts';
import { rememberStoredForm } from '../../state/persistence/stored-facilities.ts';
import { rememberFacilityPoints } from '../coverage/facility-tiles.ts';
import { rememberPackedFacilities } from '../coverage/coverage-init-steps.ts';
import type { DialogFacilityColumns, DialogPopulationColumns } from '../../workers/import-api.ts';
import { facilityAt, type FacilityColumns } from '../../domain/facility-columns.ts';
import type { Facility } from '../../domain/facility.ts';
import { bySeverity, type Assessment } from './assess-import.ts';

/** What 替换 does with a columnar layer: build the points (in slices), then one change. */
export interface ColumnsOutcome {
  count: number;
  /** The change, or null when `signal` aborted meanwhile (nothing is changed then). */
  build(signal?: AbortSignal, slicer?: Slicer): Promise<Change<ProjectState> | null>;
}

export interface ColumnsAssessment extends Omit<Assessment, 'outcome'> {
  outcome: ColumnsOutcome | null;
}

const NONE: PopulationInput = { kind: 'none' };

/** The population points of the columns, as populationReader makes them, `slicer`'s slices at a time. */
export async function populationPointsFromColumns(c: PopulationColumns, slicer: Slicer = timeSlicer(25), signal?: AbortSignal): Promise<PopulationPoint[] | null> {
  const n = c.lon.length;
  const points = new Array<PopulationPoint>(n);
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0 && slicer.due()) {
      await slicer.pause();
      if (signal?.aborted) return null;
    }
    points[i] = { lonLat: [c.lon[i], c.lat[i]], population: c.population[i] };
  }
  return signal?.aborted ? null : points;
}

/** Assess a population layer read as columns against the project `state`. */
export function assessPopulationColumns(read: DialogPopulationColumns, state: ProjectState): ColumnsAssessment {
  // As checkProjectFile: size problems of the new layer alone; else the rest of the project.
  const project = read.projectProblems.length ? read.projectProblems : unsavableProblems(state, { ...state, population: NONE });
  const problems = bySeverity([...read.warnings, ...project]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const count = read.value.lon.length;
  const build = async (signal?: AbortSignal, slicer?: Slicer) => {
    const points = await populationPointsFromColumns(read.value, slicer, signal);
    if (!points) return null;
    const value: PopulationInput = { kind: 'points', points };
    // The worker's check of the columns is the project check of this slice (population-columns-check.ts:
    // sizes and counts; the coordinates are finite and in range, the shape is built here), so the
    // autosave does not check a million points again on the page.
    markPassed(value);
    return setSlice<ProjectState, 'population'>('population', value, bilingual('importer.change.population'));
  };
  return { problems, errorCount, skippedCount: 0, outcome: errorCount === 0 ? { count, build } : null };
}

/** The facilities of the columns, as facilitiesReader makes them, `slicer`'s slices at a time. */
export async function facilitiesFromColumns(c: FacilityColumns, slicer: Slicer = timeSlicer(25), signal?: AbortSignal): Promise<Facility[] | null> {
  const n = c.lon.length;
  const list = new Array<Facility>(n);
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0 && slicer.due()) {
      await slicer.pause();
      if (signal?.aborted) return null;
    }
    list[i] = facilityAt(c, i);
  }
  return signal?.aborted ? null : list;
}

/** Assess a facilities layer read as columns against the project `state` (as assessPopulationColumns). */
export function assessFacilityColumns(read: DialogFacilityColumns, state: ProjectState): ColumnsAssessment {
  const project = read.projectProblems.length ? read.projectProblems : unsavableProblems(state, { ...state, facilities: [] });
  const problems = bySeverity([...read.warnings, ...project]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const count = read.value.lon.length;
  const build = async (signal?: AbortSignal, slicer?: Slicer) => {
    const list = await facilitiesFromColumns(read.value, slicer ?? timeSlicer(25), signal);
    if (!list) return null;
    // Its stored form, its tile points and its coverage packing, made from the columns in the import worker
    // (not packed again object by object on the page by the autosave, the tile layer and the coverage store).
    if (read.stored !== undefined) rememberStoredForm(list, read.stored);
    if (read.tilePoints) rememberFacilityPoints(list, read.tilePoints);
    if (read.coveragePacked) rememberPackedFacilities(list, read.coveragePacked);
    // The worker's check of the columns is the project check of this slice (facility-columns-check.ts:
    // sizes; ids unique, texts strings, positions in range by the reader).
    markPassed(list);
    return setSlice<ProjectState, 'facilities'>('facilities', list, bilingual('importer.change.facilities'));
  };
  return { problems, errorCount, skippedCount: 0, outcome: errorCount === 0 ? { count, build } : null };
}

/** Either kind of columnar layer. */
export const assessColumns = (read: DialogPopulationColumns | DialogFacilityColumns, state: ProjectState): ColumnsAssessment =>
  read.value.kind === 'facility-columns' ? assessFacilityColumns(read as DialogFacilityColumns, state) : assessPopulationColumns(read as DialogPopulationColumns, state);
