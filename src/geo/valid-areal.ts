/** Polygon validity as OGC/GEOS mean it (src/geo/polygon-validity.ts): one implementation for imports, drawn sites and tests. */
import type { Areal } from './polygon-ops.ts';
import { isValidPolygonal } from './polygon-validity.ts';

export function isValidAreal(g: Areal): boolean {
  return isValidPolygonal(g);
}
