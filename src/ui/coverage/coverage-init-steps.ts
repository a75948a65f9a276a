/**
 * What the coverage worker's `init` gets, built in steps (run in one go for a small project, in
 * slices of time for a large one: pack-facilities-sliced.ts): the facilities packed as bytes
 * (analysis/coverage/packed-facility-bytes.ts) and population points as columns
 * (population-columns-of.ts), with the buffers to transfer. Nothing in the message is cloned but
 * the boards, the radii and a population that is not points (per-board figures, or cells).
 * An imported layer comes packed already (made by the import worker from its columns:
 * analysis/coverage/packed-facility-bytes-of-columns.ts), remembered by the list's identity: the
 * first init of that list sends it instead of walking the facilities on the page.
 */
import type { Facility } from '../../domain/facility.ts';
import type { PopulationColumns, PopulationInput } from '../../domain/population.ts';
import { facilityBytesTransfer, packFacilityBytesSteps, type PackedFacilityBytes } from '../../analysis/coverage/packed-facility-bytes.ts';
import { populationColumnSteps, populationTransfer } from '../../analysis/coverage/population-columns-of.ts';
import { onceByList } from '../../state/once-by-list.ts';

/** Facilities packed already, by list: the first init of the list takes them (they are transferred, so once). */
const prepacked = onceByList<PackedFacilityBytes>();

/** `packed` is what packing `facilities` would give (packFacilityBytesSteps); the first init of the list sends it. */
export const rememberPackedFacilities = (facilities: readonly Facility[], packed: PackedFacilityBytes): void => prepacked.remember(facilities, packed);

/** The prepacked facilities of the list, once, if they are as many as the list. */
function takePrepacked(facilities: readonly Facility[]): PackedFacilityBytes | undefined {
  const p = prepacked.take(facilities);
  return p?.count === facilities.length ? p : undefined;
}

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
  const packed = takePrepacked(facilities) ?? (yield* packFacilityBytesSteps(facilities));
  const pop: PopulationInput | PopulationColumns = population.kind === 'points' ? yield* populationColumnSteps(population.points) : population;
  return { facilities: packed, population: pop, transfer: [...facilityBytesTransfer(packed), ...populationTransfer(pop)] };
}
