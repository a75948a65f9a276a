/**
 * Undoable changes to the coverage slices of the project: facilities, population, streets.
 * A drag is one `moveFacility` applied on drop; loading or importing a set is one replacement.
 */
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Facility, LonLat } from '../domain/facility.ts';
import type { PopulationInput } from '../domain/population.ts';
import { setSlice, type Change } from './change.ts';
import type { ProjectState } from './project.ts';

type Label = Change<ProjectState>['label'];

const noChange: Change<ProjectState> = { label: { zh: '无变化', en: 'no change' }, apply: (s) => ({ state: s, inverse: noChange }) };

/** Replace every facility (load the illustrative set, import a file, clear). */
export function replaceFacilities(facilities: Facility[], label: Label): Change<ProjectState> {
  return setSlice<ProjectState, 'facilities'>('facilities', facilities, label);
}

/** Add one facility at the end (or at `index`); undo removes it. */
export function addFacility(facility: Facility, index?: number): Change<ProjectState> {
  return {
    label: { zh: '添加设施', en: 'add facility' },
    apply: (s) => {
      const facilities = [...s.facilities];
      facilities.splice(index ?? facilities.length, 0, facility);
      return { state: { ...s, facilities }, inverse: removeFacility(facility.id) };
    },
  };
}

/** Delete a facility by id; undo puts it back where it was. */
export function removeFacility(id: string): Change<ProjectState> {
  return {
    label: { zh: '删除设施', en: 'delete facility' },
    apply: (s) => {
      const index = s.facilities.findIndex((f) => f.id === id);
      if (index < 0) return { state: s, inverse: noChange };
      const facility = s.facilities[index];
      return { state: { ...s, facilities: s.facilities.filter((_, i) => i !== index) }, inverse: addFacility(facility, index) };
    },
  };
}

/** Move a facility to a new position (one change per drag); undo moves it back. */
export function moveFacility(id: string, lonLat: LonLat): Change<ProjectState> {
  return {
    label: { zh: '移动设施', en: 'move facility' },
    apply: (s) => {
      const old = s.facilities.find((f) => f.id === id);
      if (!old) return { state: s, inverse: noChange };
      return {
        state: { ...s, facilities: s.facilities.map((f) => (f === old ? { ...f, lonLat } : f)) },
        inverse: moveFacility(id, old.lonLat),
      };
    },
  };
}

/** Replace the population input (uniform assumption, an imported layer, or none). */
export function setPopulation(population: PopulationInput, label: Label): Change<ProjectState> {
  return setSlice<ProjectState, 'population'>('population', population, label);
}

/** Set one board's residents under the uniform assumption (no effect in other modes). */
export function setBoardResidents(boardId: string, residents: number): Change<ProjectState> {
  return {
    label: { zh: '修改板块居民数', en: 'edit board residents' },
    apply: (s) => {
      if (s.population.kind !== 'uniform') return { state: s, inverse: noChange };
      const old = s.population;
      const next: PopulationInput = { ...old, residentsByBoard: { ...old.residentsByBoard, [boardId]: residents } };
      return { state: { ...s, population: next }, inverse: setPopulation(old, { zh: '修改板块居民数', en: 'edit board residents' }) };
    },
  };
}

/** Load or clear the walking network. */
export function setStreets(streets: FeatureCollection<LineString | MultiLineString> | null, label: Label): Change<ProjectState> {
  return setSlice<ProjectState, 'streets'>('streets', streets, label);
}
