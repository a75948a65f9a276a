/**
 * A local metric frame for city-scale planar geometry: an equirectangular projection
 * centred on the data, with the WGS-84 ellipsoid's radii of curvature at the centre
 * latitude. x = east metres, y = north metres. Because x and y are linear in lon and lat,
 * straight lon/lat segments stay straight, so clipping in this frame equals clipping in
 * lon/lat. Scale error grows with the distance from the centre latitude: about
 * tan(lat0)·Δlat (Δlat in radians), i.e. 0.2 % at ±0.2° around Wenzhou (lat ≈ 28°),
 * 0.5 % at ±0.5° — enough for catchments of a few km (see docs of the jobs–housing engine).
 */
import type { Position } from 'geojson';
import type { Areal } from './polygon-ops.ts';
import { polygonsOf } from './polygon-ops.ts';
import type { PlanarMultiPolygon } from './planar.ts';

/** WGS-84 semi-major axis, metres, and first eccentricity squared. */
const WGS84_A_M = 6378137;
const WGS84_E2 = 0.00669437999014;

export interface LocalFrame {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude at lat0. */
  mPerDegLon: number;
  /** Metres per degree of latitude at lat0. */
  mPerDegLat: number;
}

/** A frame centred on (lon0, lat0), degrees. */
export function makeLocalFrame(lon0: number, lat0: number): LocalFrame {
  const phi = (lat0 * Math.PI) / 180;
  const w = 1 - WGS84_E2 * Math.sin(phi) ** 2;
  const primeVerticalM = WGS84_A_M / Math.sqrt(w);
  const meridionalM = (WGS84_A_M * (1 - WGS84_E2)) / w ** 1.5;
  return {
    lon0,
    lat0,
    mPerDegLon: (Math.PI / 180) * primeVerticalM * Math.cos(phi),
    mPerDegLat: (Math.PI / 180) * meridionalM,
  };
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
  return makeLocalFrame((w + e) / 2, (s + n) / 2);
}

/** lon/lat degrees → [x, y] metres in the frame. */
export function toFrameM(f: LocalFrame, p: Position): [number, number] {
  return [(p[0] - f.lon0) * f.mPerDegLon, (p[1] - f.lat0) * f.mPerDegLat];
}

/** [x, y] metres in the frame → lon/lat degrees. */
export function fromFrameM(f: LocalFrame, p: readonly number[]): [number, number] {
  return [f.lon0 + p[0] / f.mPerDegLon, f.lat0 + p[1] / f.mPerDegLat];
}

/** A Polygon/MultiPolygon projected into the frame, as planar MultiPolygon coordinates (metres). */
export function arealToFrameM(f: LocalFrame, g: Areal): PlanarMultiPolygon {
  return polygonsOf(g).map((poly) => poly.map((ring) => ring.map((p) => toFrameM(f, p))));
}

/** Planar MultiPolygon (metres) back to a WGS-84 MultiPolygon. */
export function planarToAreal(f: LocalFrame, mp: PlanarMultiPolygon): Areal {
  return { type: 'MultiPolygon', coordinates: mp.map((poly) => poly.map((ring) => ring.map((p) => fromFrameM(f, p)))) };
}
