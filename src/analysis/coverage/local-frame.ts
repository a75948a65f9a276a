/**
 * The coverage engine's names for the shared local metric frame (src/geo/local-frame.ts).
 */
import type { LonLat } from '../../domain/facility.ts';
import { fromFrameM, toFrameM, type LocalFrame } from '../../geo/local-frame.ts';

export { makeLocalFrame as localFrame, frameForBbox, type LocalFrame } from '../../geo/local-frame.ts';

export function toX(f: LocalFrame, lon: number): number {
  return (lon - f.lon0) * f.kx;
}
export function toY(f: LocalFrame, lat: number): number {
  return (lat - f.lat0) * f.ky;
}

export const project: (f: LocalFrame, p: readonly number[]) => [x: number, y: number] = toFrameM;

export function unproject(f: LocalFrame, x: number, y: number): LonLat {
  return fromFrameM(f, [x, y]);
}
