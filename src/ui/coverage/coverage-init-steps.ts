/**
 * What the coverage worker's `init` gets, built in steps (run in one go for a small project, in
 * slices of time for a large one: pack-facilities-sliced.ts): the facilities packed as bytes
 * (analysis/coverage/packed-facility-bytes.ts) and population points as columns
 * (population-columns-of.ts), with the buffers to transfer. Nothing in the message is cloned but
 * the boards, the radii and a population that is not points (per-board figures, or cells).
 */
import type { Facility } from '../../domain/facility.ts';
import type { PopulationColumns, PopulationInput, PopulationPoint } from '../../domain/population.ts';
import { facilityBytesTransfer, packFacilityBytesSteps, type PackedFacilityBytes } from '../../analysis/coverage/packed-facility-bytes.ts';
import { copyPopulationColumns, populationColumnSteps, populationTransfer } from '../../analysis/coverage/population-columns-of.ts';

export interface InitParts {
  facilities: PackedFacilityBytes;
  population: PopulationInput | PopulationColumns;
  transfer: ArrayBuffer[];
}

/**
 * The columns of each population layer once built: the worker adopts (and so uses up) what it is
 * sent, so every init transfers a copy of these, and a re-init (another facility layer, other
 * radii) copies them rather than walking the points again.
 */
const columnsOfPoints = new WeakMap<readonly PopulationPoint[], PopulationColumns>();

export function* initPartsSteps(facilities: readonly Facility[], population: PopulationInput): Generator<void, InitParts> {
  const packed = yield* packFacilityBytesSteps(facilities);
  let pop: PopulationInput | PopulationColumns = population;
  if (population.kind === 'points') {
    let columns = columnsOfPoints.get(population.points);
    if (!columns) {
      columns = yield* populationColumnSteps(population.points);
      columnsOfPoints.set(population.points, columns);
    }
    pop = copyPopulationColumns(columns);
  }
  return { facilities: packed, population: pop, transfer: [...facilityBytesTransfer(packed), ...populationTransfer(pop)] };
}
