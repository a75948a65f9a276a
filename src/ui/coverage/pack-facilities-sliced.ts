/**
 * packFacilities (analysis/coverage/packed-facilities.ts) in slices of time: packing 300,000
 * facilities for the coverage worker took about half a second of one task after 替换. The same
 * packed value, built facility by facility and its texts' JSON piece by piece, pausing whenever
 * the slicer says a slice has run (README, Speed: "Responsive with real-size files").
 */
import type { Facility } from '../../domain/facility.ts';
import type { PackedFacilities } from '../../analysis/coverage/packed-facilities.ts';
import { stringifySliced, type Slicer } from '../../state/persistence/time-slicer.ts';

export { timeSlicer } from '../../state/persistence/time-slicer.ts';

/** Facilities between two looks at the clock. */
const STRIDE = 256;

export async function packFacilitiesSliced(fs: readonly Facility[], slicer: Slicer): Promise<PackedFacilities> {
  const n = fs.length;
  const lonLat = new Float64Array(2 * n);
  const illustrative = new Uint8Array(n);
  const ids = new Array<string>(n);
  const categories = new Array<string>(n);
  const names = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    if (i % STRIDE === 0 && slicer.due()) await slicer.pause();
    const f = fs[i];
    lonLat[2 * i] = f.lonLat[0];
    lonLat[2 * i + 1] = f.lonLat[1];
    if (f.illustrative) illustrative[i] = 1;
    ids[i] = f.id;
    categories[i] = f.category;
    names[i] = f.name ?? null;
  }
  const idsJson = await stringifySliced(ids, slicer);
  const categoriesJson = await stringifySliced(categories, slicer);
  const namesJson = await stringifySliced(names, slicer);
  return { count: n, lonLat, idsJson, categoriesJson, namesJson, illustrative };
}
