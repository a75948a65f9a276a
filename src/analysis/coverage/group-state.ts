/**
 * The coverage state of one facility group (all facilities, or one tier) at every radius:
 * each facility's cell contributions per board, kept so one facility can be moved and only its
 * neighbourhood recomputed.
 */
import type { BoardShape } from './board-shape.ts';
import { boardCellDiskArea } from './board-cell-area.ts';
import { facilityCell, maxVertexDistance, type Neighbour } from './convex-cell.ts';
import { Contributions } from './contributions.ts';
import { FacilityGrid } from './facility-grid.ts';
import { distinctSites, fillCells, fillPopulation, siteAdjacency, type RadiusTotals } from './full-compute.ts';
import type { PreparedPopulation } from './population-points.ts';

export type RadiusState = RadiusTotals;

export interface FacilityPositions {
  xs: number[];
  ys: number[];
}

export class GroupState {
  readonly members = new Set<number>();
  readonly grid: FacilityGrid;
  readonly radii: RadiusState[];
  readonly facilitiesPerBoard: Int32Array;

  constructor(
    radiiM: number[],
    private readonly pos: FacilityPositions,
    private readonly boards: BoardShape[],
    private readonly pop: PreparedPopulation,
  ) {
    this.grid = new FacilityGrid(Math.max(1, ...radiiM), pos.xs, pos.ys);
    this.facilitiesPerBoard = new Int32Array(boards.length);
    // One byte per point for up to 8 radii (a bit each), not a byte per point per radius: 2 MB fewer for a million points and three radii.
    const covered: Uint8Array[] = [];
    this.radii = radiiM.map((radiusM, k) => ({
      radiusM,
      reachM: [],
      contrib: new Contributions(),
      coveredAreaM2: new Float64Array(boards.length),
      popCovered: k % 8 === 0 ? (covered[k >> 3] = new Uint8Array(pop.xs.length)) : covered[k >> 3],
      popBit: 1 << (k & 7),
      coveredResidents: new Float64Array(boards.length),
    }));
  }

  private setCell(rs: RadiusState, i: number, cell: number[]): void {
    rs.contrib.remove(i, rs.coveredAreaM2);
    rs.contrib.begin(i);
    const px = this.pos.xs[i];
    const py = this.pos.ys[i];
    if (cell.length) {
      this.boards.forEach((b, bi) => {
        const a = boardCellDiskArea(b, cell, px, py, rs.radiusM);
        if (a > 0) {
          rs.contrib.add(i, bi, a);
          rs.coveredAreaM2[bi] += a;
        }
      });
    }
    rs.reachM[i] = maxVertexDistance(cell, px, py);
  }

  private clearCell(rs: RadiusState, i: number): void {
    this.setCell(rs, i, []);
  }

  /** Full computation from the current members, with Voronoi neighbours from a Delaunay triangulation. */
  computeAll(boardsOf: (i: number) => number[]): void {
    const ids = [...this.members].sort((a, b) => a - b);
    this.facilitiesPerBoard.fill(0);
    for (const i of ids) for (const b of boardsOf(i)) this.facilitiesPerBoard[b]++;
    const sites = distinctSites(ids, this.pos.xs, this.pos.ys);
    const adj = siteAdjacency(sites);
    for (const rs of this.radii) {
      rs.coveredAreaM2.fill(0);
      rs.contrib.clear();
      rs.reachM = [];
      for (const i of sites.dups) this.clearCell(rs, i);
    }
    if (adj) fillCells(sites, adj, this.boards, this.radii);
    fillPopulation(sites, adj, this.pop, this.radii);
  }

  /**
   * Facility i moved from `from` to `to` (either may be null: added / removed). Positions in
   * `pos` already hold `to`. Recomputes only the cells whose bisectors can change.
   */
  relocate(i: number, from: [number, number] | null, to: [number, number] | null, boardsFrom: number[], boardsTo: number[]): void {
    const { xs, ys } = this.pos;
    for (const b of boardsFrom) this.facilitiesPerBoard[b]--;
    for (const b of boardsTo) this.facilitiesPerBoard[b]++;
    if (from) this.grid.remove(i);
    if (to) this.grid.insert(i);
    for (const rs of this.radii) {
      const r = rs.radiusM;
      const reach = 2 * Math.SQRT2 * r;
      const affected = new Set<number>();
      for (const p of [from, to]) {
        if (!p) continue;
        for (const j of this.grid.within(p[0], p[1], reach)) {
          if (j !== i && Math.hypot(xs[j] - p[0], ys[j] - p[1]) <= 2 * (rs.reachM[j] ?? 0) + 1e-6) affected.add(j);
        }
      }
      if (to) affected.add(i);
      else this.clearCell(rs, i);
      for (const j of affected) {
        const nb: Neighbour[] = this.grid.within(xs[j], ys[j], reach).map((m) => ({ x: xs[m], y: ys[m], index: m }));
        this.setCell(rs, j, facilityCell(xs[j], ys[j], j, r, nb));
      }
      this.updatePopulation(rs, from, to);
    }
  }

  private updatePopulation(rs: RadiusState, from: [number, number] | null, to: [number, number] | null): void {
    const { index, xs, ys, weights, board } = this.pop;
    if (!index) return;
    const r = rs.radiusM;
    const seen = new Set<number>();
    for (const p of [from, to]) {
      if (!p) continue;
      for (const k of index.search(p[0] - r, p[1] - r, p[0] + r, p[1] + r)) {
        if (seen.has(k)) continue;
        seen.add(k);
        const now = this.grid.anyWithin(xs[k], ys[k], r) ? 1 : 0;
        if (now === (rs.popCovered[k] & rs.popBit ? 1 : 0)) continue;
        rs.popCovered[k] ^= rs.popBit;
        if (board[k] >= 0) rs.coveredResidents[board[k]] += now ? weights[k] : -weights[k];
      }
    }
  }
}
