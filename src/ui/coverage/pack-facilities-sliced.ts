/**
 * The packers' steps (analysis/coverage/packed-facilities.ts `runSteps` runs them in one go) in
 * slices of time: packing 300,000 facilities took about half a second of one task after 替换.
 * The same steps, pausing at them whenever the slicer says a slice has run (README, Speed:
 * "Responsive with real-size files"). The coverage worker's init (coverage-init-steps.ts:
 * facilities as bytes, population points as columns) and the tile worker's packing
 * (facility-points.ts) both run here.
 */
import type { Slicer } from '../../state/persistence/time-slicer.ts';

export { timeSlicer } from '../../state/persistence/time-slicer.ts';

/** Runs a packer's steps, pausing between two when the slice has run. */
export async function runStepsSliced<T>(steps: Generator<void, T>, slicer: Slicer): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    if (slicer.due()) await slicer.pause();
    r = steps.next();
  }
  return r.value;
}
