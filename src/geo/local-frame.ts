/**
 * A local metric frame for city-scale planar geometry: equirectangular about a reference point,
 * with the WGS-84 ellipsoid's radii of curvature at the reference latitude (the "cheap ruler"
 * scale factors, Agafonkin 2016). x = east metres, y = north metres. Because x and y are linear
 * in lon and lat, straight lon/lat segments stay straight, so clipping in this frame equals
 * clipping in lon/lat. Scale error grows with the distance from the reference latitude φ0:
 * east–west by about tan φ0 · Δφ (Δφ in radians): 0.2 % at ±0.2° and 0.27 % at ±0.3° around
 * Wenzhou (φ ≈ 28°), 0.5 % at ±0.5°; north–south < 0.01 %. Area *shares* are ratios, so most
 * of it cancels. Used by the coverage and job–housing engines.
 */
import type { Position } from 'geojson';
import { polygonsOf, type Areal } from './polygons-of.ts';
import type { PlanarMultiPolygon } from './planar.ts';

/** WGS-84 semi-major axis (m) and flattening. */
const WGS84_A_M = 6378137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const RAD = Math.PI / 180;

export interface LocalFrame {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude at lat0. */
  kx: number;
  /** Metres per degree of latitude at lat0. */
  ky: number;
}

/** A frame centred on (lon0, lat0), degrees. */
export function makeLocalFrame(lon0: number, lat0: number): LocalFrame {
  const w2 = 1 / (1 - WGS84_E2 * Math.sin(lat0 * RAD) ** 2);
  const w = Math.sqrt(w2);
  return { lon0, lat0, kx: RAD * WGS84_A_M * w * Math.cos(lat0 * RAD), ky: RAD * WGS84_A_M * w * w2 * (1 - WGS84_E2) };
}

/** A frame centred on the middle of a lon/lat bounding box. */
export function frameForBbox(west: number, south: number, east: number, north: number): LocalFrame {
  return makeLocalFrame((west + east) / 2, (south + north) / 2);
}

/** A frame centred on the bounding box of the given geometries. */
export function frameForAreals(geoms: readonly Areal[]): LocalFrame {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const g of geoms)
    for (const poly of polygonsOf(g))
      for (const ring of poly)
        for (const [x, y] of ring) {
          if (x < w) w = x;
          if (x > e) e = x;
          if (y < s) s = y;
          if (y > n) n = y;
        }
  if (!Number.isFinite(w)) throw new Error('frameForAreals: no coordinates');
  return frameForBbox(w, s, e, n);
}

/** lon/lat degrees → [x, y] metres in the frame. */
export function toFrameM(f: LocalFrame, p: readonly number[]): [x: number, y: number] {
  return [(p[0] - f.lon0) * f.kx, (p[1] - f.lat0) * f.ky];
}

/** [x, y] metres in the frame → lon/lat degrees. */
export function fromFrameM(f: LocalFrame, p: readonly number[]): [lon: number, lat: number] {
  return [f.lon0 + p[0] / f.kx, f.lat0 + p[1] / f.ky];
}

/** A Polygon/MultiPolygon projected into the frame, as planar MultiPolygon coordinates (metres). */
export function arealToFrameM(f: LocalFrame, g: Areal): PlanarMultiPolygon {
  return polygonsOf(g).map((poly) => poly.map((ring) => ring.map((p: Position) => toFrameM(f, p))));
}

/** Planar MultiPolygon (metres) back to a WGS-84 MultiPolygon. */
export function planarToAreal(f: LocalFrame, mp: PlanarMultiPolygon): Areal {
  return { type: 'MultiPolygon', coordinates: mp.map((poly) => poly.map((ring) => ring.map((p) => fromFrameM(f, p)))) };
}
