/**
 * What the coverage worker's `init` gets, built in steps (run in one go for a small project, in
 * slices of time for a large one: pack-facilities-sliced.ts): the facilities packed as bytes
 * (analysis/coverage/packed-facility-bytes.ts) and population points as columns
 * (population-columns-of.ts), with the buffers to transfer. Nothing in the message is cloned but
 * the boards, the radii and a population that is not points (per-board figures, or cells).
 */
import type { Facility } from '../../domain/facility.ts';
import type { PopulationColumns, PopulationInput } from '../../domain/population.ts';
import { facilityBytesTransfer, packFacilityBytesSteps, type PackedFacilityBytes } from '../../analysis/coverage/packed-facility-bytes.ts';
import { populationColumnSteps, populationTransfer } from '../../analysis/coverage/population-columns-of.ts';

export interface InitParts {
  facilities: PackedFacilityBytes;
  population: PopulationInput | PopulationColumns;
  transfer: ArrayBuffer[];
}

/**
 * The parts of one init. Point columns are built afresh for every init (the worker adopts, and so
 * uses up, what it is sent): walking the points in slices costs the page less at a time than one
 * copy of kept columns would (24 MB in one task at 1,000,000 points), and the page keeps no second
 * copy of its population.
 */
export function* initPartsSteps(facilities: readonly Facility[], population: PopulationInput): Generator<void, InitParts> {
  const packed = yield* packFacilityBytesSteps(facilities);
  const pop: PopulationInput | PopulationColumns = population.kind === 'points' ? yield* populationColumnSteps(population.points) : population;
  return { facilities: packed, population: pop, transfer: [...facilityBytesTransfer(packed), ...populationTransfer(pop)] };
}
