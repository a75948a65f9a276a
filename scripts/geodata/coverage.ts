/**
 * Turn polygons that should tile (county units) into an exact coverage: no overlaps, no gaps,
 * and every shared border made of the same vertices on both sides. The outlines are noded
 * together on the storage grid (GEOS snap rounding) and polygonised into faces; each face goes
 * to the unit containing it. A face in two units (an overlap) goes to the one sharing the
 * longest border with it among those; a face in none that the units enclose (a gap) goes to the
 * neighbour sharing the longest border. Sea outside every unit stays outside.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Position, Polygon } from 'geojson';
import type { Areal } from '../../src/geo/polygon-ops.ts';
import { polygonsOf } from '../../src/geo/polygon-ops.ts';
import { areaKm2 } from '../../src/geo/measure.ts';
import { makeValid, pointOnSurface, polygonize, unaryUnion } from './geos.ts';
import { GRID_DEG, densify, roundToGrid, snapValid } from './robust-areal.ts';

/** A gap larger than this is not a digitising slip: the build stops and says so. */
const MAX_GAP_KM2 = 5;

export interface CoverageReport {
  overlaps: { km2: number; units: string[]; to: string }[];
  gaps: { km2: number; to: string }[];
  bridges?: number;
}

const segKey = (a: Position, b: Position) => (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a}|${b}` : `${b}|${a}`);

/** Half the side of the square given to one unit at a pinch point (about 0.3 m). */
const BRIDGE_HALF_DEG = 3e-6;

interface Bridge {
  at: Position;
  unit: number;
}

/**
 * Cleans the coverage, then removes pinches: where a unit's outline passes twice through one
 * point (the source's 1/1024° steps make checkerboard corners, A B / B A), a 0.6 m square
 * around the point goes to the first unit pinched there, joining its two sides and parting the
 * other's; repeated until no unit has a pinch.
 */
export function cleanCoverage(units: { name: string; geometry: Areal }[]): { geometries: Areal[]; report: CoverageReport & { bridges: number } } {
  const bridges: Bridge[] = [];
  for (let round = 0; round < 5; round++) {
    const r = cleanOnce(units, bridges);
    const found = r.geometries.flatMap((g, unit) => pinchPoints(g).map((at) => ({ at, unit })));
    if (!found.length) return { geometries: r.geometries, report: { ...r.report, bridges: bridges.length } };
    for (const b of found) if (!bridges.some((x) => x.at[0] === b.at[0] && x.at[1] === b.at[1])) bridges.push(b);
  }
  throw new Error('coverage: pinches remain after 5 rounds');
}

/** Vertices used twice by the rings of one geometry. */
export function pinchPoints(g: Areal): Position[] {
  const seen = new Set<string>();
  const out: Position[] = [];
  for (const poly of polygonsOf(g)) for (const ring of poly) for (let i = 0; i < ring.length - 1; i++) {
    const k = `${ring[i][0]},${ring[i][1]}`;
    if (seen.has(k)) out.push(ring[i]);
    seen.add(k);
  }
  return out;
}

function square(b: Bridge): Position[] {
  const [x, y] = b.at, h = BRIDGE_HALF_DEG;
  return [[x - h, y - h], [x + h, y - h], [x + h, y + h], [x - h, y + h], [x - h, y - h]];
}

function cleanOnce(units: { name: string; geometry: Areal }[], bridges: Bridge[]): { geometries: Areal[]; report: CoverageReport } {
  const gridded = units.map((u) => roundToGrid(densify(u.geometry)));
  const lines = {
    type: 'MultiLineString' as const,
    coordinates: [...gridded.flatMap((g) => polygonsOf(g).flat()), ...bridges.map(square)],
  };
  const noded = unaryUnion(lines, GRID_DEG);
  const facesGc = polygonize(noded) as { type: string; geometries?: Polygon[] };
  const faces = (facesGc.geometries ?? [facesGc as unknown as Polygon]).filter((f) => f.type === 'Polygon');
  const valid = gridded.map((g) => makeValid(g) as Areal);

  // Owners by containment of an interior point of each face.
  const owners = faces.map((f) => {
    const at = pointOnSurface(f);
    const p = point(at);
    const h = BRIDGE_HALF_DEG;
    const bridge = bridges.find((b) => Math.abs(at[0] - b.at[0]) < h && Math.abs(at[1] - b.at[1]) < h);
    if (bridge) return [bridge.unit];
    return valid.flatMap((g, i) => (booleanPointInPolygon(p, { type: 'Feature', properties: {}, geometry: g }) ? [i] : []));
  });

  // Shared border length between faces (same noded segments on both sides).
  const bySeg = new Map<string, number[]>();
  faces.forEach((f, fi) => {
    for (const ring of f.coordinates) for (let i = 1; i < ring.length; i++) {
      const k = segKey(ring[i - 1], ring[i]);
      bySeg.set(k, [...(bySeg.get(k) ?? []), fi]);
    }
  });
  const neighbours = (fi: number): Map<number, number> => {
    const m = new Map<number, number>();
    for (const ring of faces[fi].coordinates) for (let i = 1; i < ring.length; i++) {
      const len = Math.hypot(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
      for (const other of bySeg.get(segKey(ring[i - 1], ring[i])) ?? []) if (other !== fi) m.set(other, (m.get(other) ?? 0) + len);
    }
    return m;
  };
  /** The unit among `candidates` whose single-owner faces share the longest border with face fi. */
  const bestNeighbour = (fi: number, candidates: number[] | null): number | null => {
    const byUnit = new Map<number, number>();
    for (const [other, len] of neighbours(fi)) {
      const o = owners[other];
      if (o.length !== 1 || (candidates && !candidates.includes(o[0]))) continue;
      byUnit.set(o[0], (byUnit.get(o[0]) ?? 0) + len);
    }
    let best: number | null = null;
    for (const [u, len] of byUnit) if (best === null || len > byUnit.get(best)! || (len === byUnit.get(best)! && u < best)) best = u;
    return best;
  };

  const report: CoverageReport = { overlaps: [], gaps: [] };
  const assigned = owners.map((o, fi) => {
    if (o.length === 1) return o[0];
    const km2 = areaKm2(faces[fi]);
    if (o.length > 1) {
      const to = bestNeighbour(fi, o) ?? Math.min(...o);
      report.overlaps.push({ km2, units: o.map((i) => units[i].name), to: units[to].name });
      return to;
    }
    return -1;
  });
  // Gaps: faces in no unit. A face is bounded by unit outlines on every side, so it is either
  // enclosed by the units (a gap) or open water between an island's outline and the coast
  // that polygonisation closed; both count as a gap only when every neighbour is a unit face.
  faces.forEach((_, fi) => {
    if (assigned[fi] !== -1) return;
    const nb = [...neighbours(fi).keys()];
    const enclosed = nb.length > 0 && nb.every((o) => owners[o].length > 0) && !touchesExterior(faces[fi], bySeg);
    if (!enclosed) return;
    const km2 = areaKm2(faces[fi]);
    const to = bestNeighbour(fi, null);
    if (to === null) return;
    if (km2 > MAX_GAP_KM2) throw new Error(`coverage: a ${km2.toFixed(2)} km² gap between units; not filling it`);
    assigned[fi] = to;
    report.gaps.push({ km2, to: units[to].name });
  });

  const geometries = units.map((u, i) => {
    const mine = faces.filter((_, fi) => assigned[fi] === i);
    if (!mine.length) throw new Error(`coverage: ${u.name} has no area left`);
    const merged = unaryUnion({ type: 'MultiPolygon', coordinates: mine.map((f) => f.coordinates) }, GRID_DEG) as Areal;
    const g = snapValid(merged, u.name);
    if (!g) throw new Error(`coverage: ${u.name} is empty`);
    return g;
  });
  return { geometries, report };
}

/** Whether some segment of the face is used by this face only (so it borders the outside). */
function touchesExterior(face: Polygon, bySeg: Map<string, number[]>): boolean {
  for (const ring of face.coordinates) for (let i = 1; i < ring.length; i++) {
    if ((bySeg.get(segKey(ring[i - 1], ring[i])) ?? []).length < 2) return true;
  }
  return false;
}
