/**
 * The coverage engine's names for the shared local metric frame (src/geo/local-frame.ts).
 */
import type { LonLat } from '../../domain/facility.ts';
import { fromFrameM, toFrameM, type LocalFrame } from '../../geo/local-frame.ts';

export { frameForBbox, type LocalFrame } from '../../geo/local-frame.ts';

export const project: (f: LocalFrame, p: readonly number[]) => [x: number, y: number] = toFrameM;

export function unproject(f: LocalFrame, x: number, y: number): LonLat {
  return fromFrameM(f, [x, y]);
}
