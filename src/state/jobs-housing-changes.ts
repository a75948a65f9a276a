/**
 * Undoable changes of the job–housing slices (README: What it does → Job–housing balance): a park's jobs, a park's outline, the
 * whole employment layer (an imported file), and a board's dwellings. Each returns its inverse,
 * so they share the one undo history with every other edit.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Change } from './change.ts';
import { setSlice } from './change.ts';
import type { ProjectState } from './project.ts';
import type { EmploymentAreaCollection } from '../domain/employment-area.ts';

const noChange: Change<ProjectState> = {
  label: { zh: '无变化', en: 'no change' },
  apply: (s) => ({ state: s, inverse: noChange }),
};

function mapPark(
  s: ProjectState,
  parkId: string,
  edit: (f: EmploymentAreaCollection['features'][number]) => EmploymentAreaCollection['features'][number],
): ProjectState['employment'] | null {
  const at = s.employment.features.findIndex((f) => f.properties.id === parkId);
  if (at < 0) return null;
  const features = s.employment.features.slice();
  features[at] = edit(features[at]);
  return { ...s.employment, features };
}

/** Set the jobs (岗位数, a count ≥ 0) of one employment area; unknown ids change nothing. */
export function setParkJobs(parkId: string, jobs: number): Change<ProjectState> {
  if (!(jobs >= 0) || !Number.isFinite(jobs)) throw new Error(`setParkJobs: jobs must be a finite number ≥ 0, got ${jobs}`);
  return {
    label: { zh: '修改就业区岗位数', en: 'edit employment area jobs' },
    apply(s) {
      const old = s.employment.features.find((f) => f.properties.id === parkId);
      const employment = mapPark(s, parkId, (f) => ({ ...f, properties: { ...f.properties, jobs } }));
      if (!old || !employment) return { state: s, inverse: noChange };
      return { state: { ...s, employment }, inverse: setParkJobs(parkId, old.properties.jobs) };
    },
  };
}

/** Replace the outline of one employment area (a redrawn or moved park); unknown ids change nothing. */
export function setParkGeometry(parkId: string, geometry: Polygon | MultiPolygon): Change<ProjectState> {
  return {
    label: { zh: '重绘就业区', en: 'redraw employment area' },
    apply(s) {
      const old = s.employment.features.find((f) => f.properties.id === parkId);
      const employment = mapPark(s, parkId, (f) => ({ ...f, geometry }));
      if (!old || !employment) return { state: s, inverse: noChange };
      return { state: { ...s, employment }, inverse: setParkGeometry(parkId, old.geometry) };
    },
  };
}

/** Replace the whole employment layer (e.g. with an imported file), as one undoable change. */
export function replaceEmploymentAreas(employment: EmploymentAreaCollection): Change<ProjectState> {
  return setSlice<ProjectState, 'employment'>('employment', employment, { zh: '替换就业区图层', en: 'replace employment areas' });
}

/**
 * Set the dwellings (套) of one board, overriding the assumed default; `null` removes the
 * override so the default applies again.
 */
export function setBoardDwellings(boardId: string, dwellings: number | null): Change<ProjectState> {
  if (dwellings !== null && (!(dwellings >= 0) || !Number.isFinite(dwellings))) throw new Error(`setBoardDwellings: dwellings must be a finite number ≥ 0 or null, got ${dwellings}`);
  return {
    label: { zh: '修改板块住房套数', en: 'edit board dwellings' },
    apply(s) {
      const old = boardId in s.dwellings ? s.dwellings[boardId] : null;
      const next = { ...s.dwellings };
      if (dwellings === null) delete next[boardId];
      else next[boardId] = dwellings;
      return { state: { ...s, dwellings: next }, inverse: setBoardDwellings(boardId, old) };
    },
  };
}
