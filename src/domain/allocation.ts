/**
 * What a planner allocates: units (套, dwelling units) of a housing type to a board in a year,
 * either as a grid cell or as a drawn site. Plain data, structured-clone-able.
 */
import type { Point, Polygon } from 'geojson';
import type { HousingTypeId } from './housing-type.ts';
import type { PlanYear } from './plan-period.ts';

/** One cell of the allocation grid: board × year × type → units. Cells with 0 units are absent. */
export interface AllocationCell {
  boardId: string;
  year: PlanYear;
  type: HousingTypeId;
  /** Dwelling units (套), a positive integer. */
  units: number;
}

/** A project site drawn on the map. Its board is derived from its location, never stored. */
export interface Site {
  id: string;
  name: string;
  geometry: Point | Polygon;
  /** Dwelling units (套), a positive integer. */
  units: number;
  type: HousingTypeId;
  year: PlanYear;
  note?: string;
}

/** The part of a scenario the analyses read. */
export interface AllocationInput {
  allocations: readonly AllocationCell[];
  sites: readonly Site[];
}
