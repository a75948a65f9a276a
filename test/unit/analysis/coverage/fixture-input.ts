/** Read a coverage fixture: boards, facilities and population points in one collection, radii as a foreign member. */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Facility } from '../../../../src/domain/facility.ts';
import type { PopulationInput } from '../../../../src/domain/population.ts';
import type { CoverageBoard } from '../../../../src/analysis/coverage/types.ts';

export interface CoverageFixture {
  radiiM: number[];
  boards: CoverageBoard[];
  facilities: Facility[];
  population: PopulationInput;
}

export function readCoverageFixture(path: string): CoverageFixture {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection & { radiiM: number[] };
  const role = (r: string) => fc.features.filter((f) => f.properties?.role === r);
  const boards = role('board').map((f) => ({ id: f.properties!.id, name: f.properties!.name, geometry: f.geometry as Polygon | MultiPolygon }));
  const facilities = role('facility').map((f) => ({ id: f.properties!.id, category: f.properties!.category, lonLat: (f as Feature<Point>).geometry.coordinates as [number, number] }));
  const pts = role('population').map((f) => ({ lonLat: (f as Feature<Point>).geometry.coordinates as [number, number], population: f.properties!.population as number }));
  return { radiiM: fc.radiiM, boards, facilities, population: pts.length ? { kind: 'points', points: pts } : { kind: 'none' } };
}

/** Round every number to 6 decimals so goldens are stable across platforms. */
export function rounded<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x))) as T;
}
