/**
 * The geometric half of the job–housing engine, precomputed once per (boards, parks, radius):
 * every board and every park's catchment in a local metric frame (metres), the piece of each
 * board inside each park's catchment, and from them
 *   share[b][p]    = area(board b ∩ catchment of park p) / area(board b)
 *   overlapShare[b] = area(board b ∩ ⋃_p catchment of p) / area(board b).
 * Editing a park's jobs needs none of this again (metrics.ts is arithmetic over `share`);
 * redrawing one park recomputes only that park's catchment and its pieces (withParkGeometry).
 * The result is plain data, so it can live in a Web Worker or be sent across postMessage.
 */
import type { Areal } from '../../geo/polygon-ops.ts';
import { arealToFrameM, frameForAreals, planarToAreal, type LocalFrame } from '../../geo/local-frame.ts';
import { planarAreaM2, planarIntersect, planarUnion, type PlanarMultiPolygon } from '../../geo/planar.ts';
import { catchmentM } from '../../geo/catchment.ts';
import type { JhBoard } from './types.ts';

export interface ParkShape {
  id: string;
  geometry: Areal;
}

/** What the arithmetic (metrics.ts) needs: small enough to post from a worker on every change. */
export interface CatchmentShares {
  radiusKm: number;
  boardIds: string[];
  boardNames: string[];
  boardAreaM2: number[];
  parkIds: string[];
  /** share[b][p] in 0–1: share of board b's area within park p's catchment. */
  share: number[][];
  /** overlapShare[b] in 0–1: share of board b's area within any catchment. */
  overlapShare: number[];
}

/** CatchmentShares plus the planar geometry kept to redraw one park cheaply. */
export interface CatchmentGeometry extends CatchmentShares {
  frame: LocalFrame;
  boardsM: PlanarMultiPolygon[];
  catchmentsM: PlanarMultiPolygon[];
  /** piecesM[b][p]: board b ∩ catchment of park p, metres ([] when disjoint). */
  piecesM: PlanarMultiPolygon[][];
}

/** The light part of a CatchmentGeometry (drops the planar geometry). */
export function sharesOf(cg: CatchmentGeometry): CatchmentShares {
  const { radiusKm, boardIds, boardNames, boardAreaM2, parkIds, share, overlapShare } = cg;
  return { radiusKm, boardIds, boardNames, boardAreaM2, parkIds, share, overlapShare };
}

/** Each park's catchment as WGS-84 geometry, for drawing rings on the map. */
export function catchmentsLonLat(cg: CatchmentGeometry): { parkId: string; geometry: Areal }[] {
  return cg.parkIds.map((parkId, p) => ({ parkId, geometry: planarToAreal(cg.frame, cg.catchmentsM[p]) }));
}

function boardShare(pieceM: PlanarMultiPolygon, boardAreaM2: number): number {
  return boardAreaM2 > 0 ? Math.min(1, planarAreaM2(pieceM) / boardAreaM2) : 0;
}

function overlapOf(pieces: PlanarMultiPolygon[], boardAreaM2: number): number {
  const hit = pieces.filter((p) => p.length > 0);
  if (hit.length === 0 || boardAreaM2 <= 0) return 0;
  const covered = hit.length === 1 ? hit[0] : planarUnion(hit);
  return Math.min(1, planarAreaM2(covered) / boardAreaM2);
}

/**
 * Precompute catchments and overlaps. `radiusKm` is measured from each park's edge.
 * Cost: one buffer per park + one intersection per (board, park) whose boxes meet + one
 * union per board reached by two or more parks.
 */
export function prepareCatchments(boards: readonly JhBoard[], parks: readonly ParkShape[], radiusKm: number, frame?: LocalFrame): CatchmentGeometry {
  if (!(radiusKm >= 0) || !Number.isFinite(radiusKm)) throw new Error(`prepareCatchments: radiusKm must be ≥ 0, got ${radiusKm}`);
  const f = frame ?? frameForAreals([...boards.map((b) => b.geometry), ...parks.map((p) => p.geometry)]);
  const boardsM = boards.map((b) => arealToFrameM(f, b.geometry));
  const boardAreaM2 = boardsM.map(planarAreaM2);
  const catchmentsM = parks.map((p) => catchmentM(arealToFrameM(f, p.geometry), radiusKm * 1000));
  const piecesM = boardsM.map((bm) => catchmentsM.map((cm) => planarIntersect(bm, cm)));
  return {
    radiusKm,
    frame: f,
    boardIds: boards.map((b) => b.id),
    boardNames: boards.map((b) => b.name),
    boardAreaM2,
    boardsM,
    parkIds: parks.map((p) => p.id),
    catchmentsM,
    piecesM,
    share: piecesM.map((row, b) => row.map((piece) => boardShare(piece, boardAreaM2[b]))),
    overlapShare: piecesM.map((row, b) => overlapOf(row, boardAreaM2[b])),
  };
}

/**
 * The same geometry with one park redrawn (or added when `parkId` is new, or removed when
 * `geometry` is null). Only that park's catchment and pieces are recomputed, plus the
 * overlap of the boards whose pieces changed. Does not mutate `cg`.
 */
export function withParkGeometry(cg: CatchmentGeometry, parkId: string, geometry: Areal | null): CatchmentGeometry {
  const at = cg.parkIds.indexOf(parkId);
  if (geometry === null) {
    if (at < 0) return cg;
    const drop = <T>(xs: T[]) => xs.filter((_, i) => i !== at);
    const piecesM = cg.piecesM.map(drop);
    return {
      ...cg,
      parkIds: drop(cg.parkIds),
      catchmentsM: drop(cg.catchmentsM),
      piecesM,
      share: cg.share.map(drop),
      overlapShare: piecesM.map((row, b) => (cg.piecesM[b][at].length ? overlapOf(row, cg.boardAreaM2[b]) : cg.overlapShare[b])),
    };
  }
  const index = at < 0 ? cg.parkIds.length : at;
  const catchment = catchmentM(arealToFrameM(cg.frame, geometry), cg.radiusKm * 1000);
  const set = <T>(xs: T[], v: T) => {
    const out = xs.slice();
    out[index] = v;
    return out;
  };
  const piecesM = cg.boardsM.map((bm, b) => set(cg.piecesM[b], planarIntersect(bm, catchment)));
  return {
    ...cg,
    parkIds: set(cg.parkIds, parkId),
    catchmentsM: set(cg.catchmentsM, catchment),
    piecesM,
    share: cg.share.map((row, b) => set(row, boardShare(piecesM[b][index], cg.boardAreaM2[b]))),
    overlapShare: piecesM.map((row, b) => {
      const before = at < 0 ? [] : cg.piecesM[b][at];
      const changed = before.length > 0 || row[index].length > 0;
      return changed ? overlapOf(row, cg.boardAreaM2[b]) : cg.overlapShare[b];
    }),
  };
}
