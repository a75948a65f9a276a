/**
 * Map layers: the gap layer (board area out of straight-line reach of every facility of a group,
 * as a grid of cells merged into row runs) and reach rings (circles around facilities).
 * The gap layer is a raster of `cellSizeM` cells judged at their centres, so its edges are
 * accurate to about half a cell; the area shares themselves come from the exact engine.
 */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from '../../domain/facility.ts';
import { decodeColumns, type PackedPoints } from '../../geo/packed-points.ts';
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

/**
 * The gap cells packed for the map (src/geo/packed-points.ts `boxes`): the coverage worker makes them,
 * the page forwards the buffers (transferred) to the tile worker, which draws them into vector tiles.
 * Before, a GeoJSON collection was cloned to the page and serialized again by MapLibre's `setData`
 * (211–243 ms in one task under load; README Speed).
 */
export interface GapCells {
  /** One row run of out-of-reach cells per item, as a lon/lat box; columns `id` (the run's index) and `boardId`. */
  points: PackedPoints;
  /** Area of each board's gap cells (km²), ≈ (1 − areaShare) × board area; every board, in order. */
  boards: { boardId: string; gapAreaKm2: number }[];
  radiusM: number;
  cellSizeM: number;
}

/** Out-of-reach cells of each board, merged into row runs, packed (see GapCells). */
export function gapCells(boards: CoverageBoard[], facilities: LonLat[], radiusM: number, frame: LocalFrame, cellSizeM = 100): GapCells {
  const xs = facilities.map((p) => project(frame, p)[0]);
  const ys = facilities.map((p) => project(frame, p)[1]);
  const grid = new FacilityGrid(Math.max(radiusM, cellSizeM), xs, ys);
  xs.forEach((_, i) => grid.insert(i));
  const boxes: number[] = [];
  const boardOf: string[] = [];
  const areas = boards.map((b) => {
    const s = boardShape(b.geometry, frame);
    let cells = 0;
    const x0 = Math.floor(s.minX / cellSizeM) * cellSizeM;
    const y0 = Math.floor(s.minY / cellSizeM) * cellSizeM;
    for (let y = y0; y < s.maxY; y += cellSizeM) {
      let runStart: number | null = null;
      const close = (xEnd: number) => {
        if (runStart === null) return;
        // x and y are linear in lon and lat (local-frame.ts): the frame's rectangle is a lon/lat box.
        const [w, south] = unproject(frame, runStart, y);
        const [e, north] = unproject(frame, xEnd, y + cellSizeM);
        boxes.push(w, south, e, north);
        boardOf.push(b.id);
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
    return { boardId: b.id, gapAreaKm2: (cells * cellSizeM * cellSizeM) / 1e6 };
  });
  const columns = { id: boardOf.map((_, i) => String(i)), boardId: boardOf };
  const points: PackedPoints = { count: boardOf.length, lonLat: new Float64Array(0), boxes: Float64Array.from(boxes), columnsUtf8: new TextEncoder().encode(JSON.stringify(columns)) };
  return { points, boards: areas, radiusM, cellSizeM };
}

/** The gap cells as GeoJSON: one MultiPolygon feature per board (for readers that want features, and tests). */
export function gapCollection(g: GapCells): FeatureCollection<MultiPolygon, GapProperties> {
  const { boardId } = decodeColumns(g.points) as { boardId: string[] };
  const b = g.points.boxes ?? new Float64Array(0);
  const rects = new Map<string, Position[][][]>(g.boards.map((x) => [x.boardId, []]));
  for (let i = 0; i < boardId.length; i++) {
    const [w, s, e, n] = b.subarray(4 * i, 4 * i + 4);
    rects.get(boardId[i])!.push([[[w, s], [e, s], [e, n], [w, n], [w, s]]]);
  }
  return {
    type: 'FeatureCollection',
    features: g.boards.map((x) => ({
      type: 'Feature',
      properties: { boardId: x.boardId, radiusM: g.radiusM, cellSizeM: g.cellSizeM, gapAreaKm2: x.gapAreaKm2 },
      geometry: { type: 'MultiPolygon', coordinates: rects.get(x.boardId)! },
    })),
  };
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
