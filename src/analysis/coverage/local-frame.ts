/**
 * A local metric frame: equirectangular about a reference latitude with the WGS-84 ellipsoid's
 * radii of curvature there (the "cheap ruler" scale factors, Agafonkin 2016), x east / y north in
 * metres. Distances are planar in this frame. Scale error grows with the distance from the
 * reference latitude φ0: east–west by about tan φ0 · Δφ (0.27 % at Δφ = 0.3° near 28° N, the
 * whole central city), north–south by < 0.01 %. Area *shares* are ratios, so most of it cancels.
 */
import type { LonLat } from '../../domain/facility.ts';

/** WGS-84 semi-major axis (m) and flattening. */
const A_M = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const RAD = Math.PI / 180;

export interface LocalFrame {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude / latitude at lat0. */
  kx: number;
  ky: number;
}

/** The frame centred at (lon0, lat0). */
export function localFrame(lon0: number, lat0: number): LocalFrame {
  const w2 = 1 / (1 - E2 * Math.sin(lat0 * RAD) ** 2);
  const w = Math.sqrt(w2);
  return { lon0, lat0, kx: RAD * A_M * w * Math.cos(lat0 * RAD), ky: RAD * A_M * w * w2 * (1 - E2) };
}

/** A frame centred on the middle of a lon/lat bounding box. */
export function frameForBbox(west: number, south: number, east: number, north: number): LocalFrame {
  return localFrame((west + east) / 2, (south + north) / 2);
}

export function toX(f: LocalFrame, lon: number): number {
  return (lon - f.lon0) * f.kx;
}
export function toY(f: LocalFrame, lat: number): number {
  return (lat - f.lat0) * f.ky;
}

export function project(f: LocalFrame, p: readonly number[]): [x: number, y: number] {
  return [(p[0] - f.lon0) * f.kx, (p[1] - f.lat0) * f.ky];
}

export function unproject(f: LocalFrame, x: number, y: number): LonLat {
  return [f.lon0 + x / f.kx, f.lat0 + y / f.ky];
}
