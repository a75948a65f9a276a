/**
 * Map layers: the gap layer (board area out of straight-line reach of every facility of a group,
 * as a grid of cells merged into row runs) and reach rings (circles around facilities).
 * The gap layer is a raster of `cellSizeM` cells judged at their centres, so its edges are
 * accurate to about half a cell; the area shares themselves come from the exact engine.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from '../../domain/facility.ts';
import { boardContains, boardShape } from './board-shape.ts';
import { FacilityGrid } from './facility-grid.ts';
import { project, unproject, type LocalFrame } from './local-frame.ts';
import type { CoverageBoard } from './types.ts';

export interface GapProperties {
  boardId: string;
  radiusM: number;
  cellSizeM: number;
  /** Area of the gap cells (km²), ≈ (1 − areaShare) × board area. */
  gapAreaKm2: number;
}

/** Out-of-reach cells of each board, one MultiPolygon feature per board (null geometry parts omitted). */
export function gapLayer(boards: CoverageBoard[], facilities: LonLat[], radiusM: number, frame: LocalFrame, cellSizeM = 100): FeatureCollection<MultiPolygon, GapProperties> {
  const xs = facilities.map((p) => project(frame, p)[0]);
  const ys = facilities.map((p) => project(frame, p)[1]);
  const grid = new FacilityGrid(Math.max(radiusM, cellSizeM), xs, ys);
  xs.forEach((_, i) => grid.insert(i));
  const features: Feature<MultiPolygon, GapProperties>[] = boards.map((b) => {
    const s = boardShape(b.geometry, frame);
    const rects: Position[][][] = [];
    let cells = 0;
    const x0 = Math.floor(s.minX / cellSizeM) * cellSizeM;
    const y0 = Math.floor(s.minY / cellSizeM) * cellSizeM;
    for (let y = y0; y < s.maxY; y += cellSizeM) {
      let runStart: number | null = null;
      const close = (xEnd: number) => {
        if (runStart === null) return;
        const ring = [
          [runStart, y],
          [xEnd, y],
          [xEnd, y + cellSizeM],
          [runStart, y + cellSizeM],
          [runStart, y],
        ].map(([x, yy]) => unproject(frame, x, yy) as Position);
        rects.push([ring]);
        runStart = null;
      };
      for (let x = x0; x < s.maxX; x += cellSizeM) {
        const cx = x + cellSizeM / 2;
        const cy = y + cellSizeM / 2;
        const gap = boardContains(s, cx, cy) && !grid.anyWithin(cx, cy, radiusM);
        if (gap) {
          cells++;
          if (runStart === null) runStart = x;
        } else close(x);
      }
      close(x0 + Math.ceil((s.maxX - x0) / cellSizeM) * cellSizeM);
    }
    return {
      type: 'Feature',
      properties: { boardId: b.id, radiusM, cellSizeM, gapAreaKm2: (cells * cellSizeM * cellSizeM) / 1e6 },
      geometry: { type: 'MultiPolygon', coordinates: rects },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Circles of radiusM around each position, as polygons with `steps` vertices (planar in the local frame). */
export function reachRings(centres: { id: string; lonLat: LonLat }[], radiusM: number, frame: LocalFrame, steps = 64): FeatureCollection<Polygon, { id: string; radiusM: number }> {
  return {
    type: 'FeatureCollection',
    features: centres.map(({ id, lonLat }) => {
      const [cx, cy] = project(frame, lonLat);
      const ring: Position[] = [];
      for (let k = 0; k <= steps; k++) {
        const a = (2 * Math.PI * (k % steps)) / steps;
        ring.push(unproject(frame, cx + radiusM * Math.cos(a), cy + radiusM * Math.sin(a)));
      }
      return { type: 'Feature', properties: { id, radiusM }, geometry: { type: 'Polygon', coordinates: [ring] } };
    }),
  };
}
