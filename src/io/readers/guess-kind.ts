/**
 * What a layer most likely is, from its geometry and the field names the readers accept: lines →
 * street network; points with a population field → population, other points → facilities (with or
 * without a category field); polygons with jobs → employment areas, with population → a population
 * grid, else board boundaries. Only a default for the import dialog's "import as" choice (a dropped
 * file), shown with its reason; the user can change it before importing.
 */
import type { Feature } from 'geojson';
import type { InputKind } from './input-reader.ts';
import { propertyKeys, resolveFields } from './fields.ts';
import { BOARD_FIELDS } from './boards-reader.ts';
import { EMPLOYMENT_FIELDS } from './employment-reader.ts';
import { FACILITY_FIELDS } from './facilities-reader.ts';
import { POPULATION_FIELDS } from './population-reader.ts';

export const GUESS_REASONS = ['lines', 'points-population', 'points-category', 'points', 'polygons-jobs', 'polygons-population', 'polygons-board-key', 'polygons'] as const;
export type GuessReason = (typeof GUESS_REASONS)[number];

export interface KindGuess {
  kind: InputKind;
  reason: GuessReason;
  /** The layer's field that decided, when one did. */
  field?: string;
}

/** The guess for a layer, or null when it has no point, line or polygon. Most features decide the geometry. */
export function guessInputKind(features: readonly Feature[]): KindGuess | null {
  let points = 0;
  let lines = 0;
  let polygons = 0;
  for (const f of features) {
    const t = f.geometry?.type;
    if (t === 'Point' || t === 'MultiPoint') points++;
    else if (t === 'LineString' || t === 'MultiLineString') lines++;
    else if (t === 'Polygon' || t === 'MultiPolygon') polygons++;
  }
  if (points + lines + polygons === 0) return null;
  if (lines > points && lines > polygons) return { kind: 'streets', reason: 'lines' };
  const keys = propertyKeys(features);
  const population = resolveFields(keys, POPULATION_FIELDS).population;
  if (points >= polygons) {
    if (population) return { kind: 'population', reason: 'points-population', field: population };
    const category = resolveFields(keys, FACILITY_FIELDS).category;
    return category ? { kind: 'facilities', reason: 'points-category', field: category } : { kind: 'facilities', reason: 'points' };
  }
  const jobs = resolveFields(keys, EMPLOYMENT_FIELDS).jobs;
  if (jobs) return { kind: 'employment', reason: 'polygons-jobs', field: jobs };
  if (population) return { kind: 'population', reason: 'polygons-population', field: population };
  const key = resolveFields(keys, { key: BOARD_FIELDS.key }).key;
  return key ? { kind: 'boards', reason: 'polygons-board-key', field: key } : { kind: 'boards', reason: 'polygons' };
}
