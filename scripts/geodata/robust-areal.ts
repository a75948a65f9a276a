/**
 * Make a polygon robust for any GIS: densified, snap-rounded to the 1e-6° storage grid by GEOS
 * (valid at that precision), free of pinches (no ring touching itself or another ring), and
 * checked valid again in WGS-84 and after projection to CGCS2000 3° GK (EPSG:4549) and UTM 51N.
 */
import type { Position } from 'geojson';
import type { Areal } from '../../src/geo/polygon-ops.ts';
import { polygonsOf } from '../../src/geo/polygon-ops.ts';
import { projectAreal, CHECK_PROJECTIONS } from './check-projections.ts';
import { bufferMitre, makeValid, minimumClearance, setPrecision, validReason } from './geos.ts';

/** The storage grid: 6 decimals of a degree (about 0.1 m). */
export const GRID_DEG = 1e-6;
/**
 * Least distance a vertex may have from any edge it is not on. Snap rounding keeps every vertex
 * at least half a grid cell from other edges; only a touch (clearance 0) falls below this.
 */
export const MIN_CLEARANCE_DEG = 4e-7;
/** Longer edges get intermediate vertices, so a projection bends them as it bends the land. */
export const MAX_SEGMENT_DEG = 0.01;
/** How far a pinched geometry is shrunk to open its pinches (about 0.5 m). */
const UNPINCH_DEG = 5e-6;

const round6 = (x: number) => Math.round(x / GRID_DEG) * GRID_DEG;

function mapPositions(g: Areal, f: (ring: Position[]) => Position[]): Areal {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(f) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(f)) };
}

/** Exactly 6 decimals (GEOS's grid values carry float noise such as 120.12345600000001). */
export function roundToGrid(g: Areal): Areal {
  return mapPositions(g, (ring) => ring.map(([x, y]) => [Number(round6(x).toFixed(6)), Number(round6(y).toFixed(6))]));
}

/**
 * Adds vertices along edges longer than MAX_SEGMENT_DEG. Interpolated from the lexicographically
 * smaller end, so an edge shared by two polygons gets the same vertices in both.
 */
export function densify(g: Areal): Areal {
  return mapPositions(g, (ring) => {
    const out: Position[] = [ring[0]];
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1], b = ring[i];
      const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / MAX_SEGMENT_DEG);
      const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
      const [p, q] = forward ? [a, b] : [b, a];
      const mids: Position[] = [];
      for (let k = 1; k < n; k++) mids.push([p[0] + ((q[0] - p[0]) * k) / n, p[1] + ((q[1] - p[1]) * k) / n]);
      out.push(...(forward ? mids : mids.reverse()), b);
    }
    return out;
  });
}

function asAreal(g: { type: string; coordinates?: unknown; geometries?: unknown[] }, what: string): Areal | null {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const a = g as Areal;
    return polygonsOf(a).length && polygonsOf(a)[0].length ? a : null;
  }
  if (g.type === 'GeometryCollection') {
    // MakeValid may return lines left over from collapsed parts; keep the areas.
    const polys = (g.geometries as Areal[]).filter((x) => x.type === 'Polygon' || x.type === 'MultiPolygon').flatMap(polygonsOf);
    if (!polys.length) return null;
    return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  }
  throw new Error(`${what}: GEOS returned ${g.type}`);
}

/** Snap-rounded to the grid and valid there (GEOS MakeValid, then setPrecision). */
export function snapValid(g: Areal, what: string): Areal | null {
  const valid = asAreal(makeValid(g), what);
  if (!valid) return null;
  const snapped = asAreal(setPrecision(valid, GRID_DEG), what);
  return snapped ? roundToGrid(snapped) : null;
}

/** Whether any ring touches itself or another ring of the geometry (a vertex used twice). */
export function hasPinch(g: Areal): boolean {
  const seen = new Set<string>();
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const k = `${ring[i][0]},${ring[i][1]}`;
        if (seen.has(k)) return true;
        seen.add(k);
      }
    }
  }
  return minimumClearance(g) < MIN_CLEARANCE_DEG;
}

/**
 * Densify, snap, make valid; open pinches by shrinking the geometry by about 0.5 m (for
 * geometries that need not tile with others: land, boards); then check. Throws naming `what`.
 */
export function robustAreal(g: Areal, what: string, opts: { unpinch: boolean } = { unpinch: true }): Areal | null {
  let out = snapValid(densify(g), what);
  if (!out) return null;
  if (opts.unpinch && hasPinch(out)) {
    console.error(`geodata: ${what}: rings touch; shrunk by ${UNPINCH_DEG}° (about 0.5 m) to part them`);
    const shrunk = asAreal(bufferMitre(out, -UNPINCH_DEG), what);
    out = shrunk ? snapValid(shrunk, what) : null;
    if (!out) return null;
  }
  assertRobust(out, what);
  return out;
}

/** Valid in WGS-84 and in each check projection, with no pinch. */
export function assertRobust(g: Areal, what: string): void {
  const r = validReason(g);
  if (r !== 'Valid Geometry') throw new Error(`${what}: ${r}`);
  if (hasPinch(g)) throw new Error(`${what}: a ring touches itself or another ring`);
  for (const p of CHECK_PROJECTIONS) {
    const rp = validReason(projectAreal(g, p.proj4));
    if (rp !== 'Valid Geometry') throw new Error(`${what} in ${p.name}: ${rp}`);
  }
}
