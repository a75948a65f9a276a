/**
 * What a new site's vertices snap to: every vertex of the scenario's sites (polygon corners and
 * points) and of the boards' outer and inner rings. MapView snaps a click within SNAP_PX screen
 * pixels of one of them to its exact coordinates (src/map/draw.ts).
 */
import type { Position } from 'geojson';
import type { BoardCollection } from '../../domain/board.ts';
import type { Site } from '../../domain/allocation.ts';
import type { LonLat } from '../../map/draw.ts';

/** Snap tolerance in CSS pixels. */
export const SNAP_PX = 10;

/** Site vertices first (they win ties), then board vertices; closing ring positions skipped. */
export function snapVertices(sites: readonly Site[], boards: BoardCollection): LonLat[] {
  const out: LonLat[] = [];
  const ring = (r: Position[]) => r.slice(0, -1).forEach((p) => out.push([p[0], p[1]]));
  for (const s of sites) {
    if (s.geometry.type === 'Point') out.push([s.geometry.coordinates[0], s.geometry.coordinates[1]]);
    else s.geometry.coordinates.forEach(ring);
  }
  for (const b of boards.features) {
    const polys = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
    polys.forEach((p) => p.forEach(ring));
  }
  return out;
}
