/**
 * Turf's `centerOfMass` of one Polygon, ported so that the map's labels do not bring Turf's
 * convex-hull branch (concaveman, rbush) into the main chunk. The same arithmetic in the same
 * order as @turf/center-of-mass 7.4, so every label stays exactly where it was
 * (test/unit/geo/center-of-mass.test.ts compares the two): the vertices of all rings are taken as
 * one sequence (holes included, as Turf does), moved by their mean (each ring's closing vertex
 * left out of the mean), and the shoelace sums run over that sequence; a zero area gives the mean.
 */
import type { Position } from 'geojson';

/** Centre of mass [lon, lat] of a polygon given as rings (outer first), in degrees. */
export function polygonCenterOfMass(rings: readonly (readonly Position[])[]): [number, number] {
  // @turf/centroid: mean of the vertices, closing ones excluded.
  let xSum = 0;
  let ySum = 0;
  let len = 0;
  for (const ring of rings) {
    for (let k = 0; k < ring.length - 1; k++) {
      xSum += ring[k][0];
      ySum += ring[k][1];
      len++;
    }
  }
  const tx = xSum / len;
  const ty = ySum / len;
  const coords = rings.flat();
  let sx = 0;
  let sy = 0;
  let sArea = 0;
  for (let i = 0; i < coords.length - 1; i++) {
    const xi = coords[i][0] - tx;
    const yi = coords[i][1] - ty;
    const xj = coords[i + 1][0] - tx;
    const yj = coords[i + 1][1] - ty;
    const a = xi * yj - xj * yi;
    sArea += a;
    sx += (xi + xj) * a;
    sy += (yi + yj) * a;
  }
  if (sArea === 0) return [tx, ty];
  const areaFactor = 1 / (6 * (sArea * 0.5));
  return [tx + areaFactor * sx, ty + areaFactor * sy];
}
