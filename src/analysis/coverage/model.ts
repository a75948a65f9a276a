/**
 * The coverage engine: per board × facility group × radius, the share of the board's area and
 * residents within straight-line reach of a facility, computed exactly (no buffer unions): each
 * facility's Voronoi cell, limited to its radius, is intersected with the board and the disk
 * analytically (Green's theorem), and the disjoint pieces are summed. Moving one facility
 * recomputes only the cells its old and new positions can touch.
 *
 * @example
 *   const m = createCoverageModel(boards, facilities, { kind: 'none' }, { radiiM: [300, 500, 1000], categoryTiers });
 *   m.result().boards[0].groups[0].radii[2].areaShare; // share within 1000 m of any facility
 *   m.moveFacility('k1', [120.66, 28.01]);              // updated result
 */
import type { Facility, FacilityGroup, LonLat } from '../../domain/facility.ts';
import { tierOf } from '../../domain/facility.ts';
import type { PopulationColumns, PopulationInput } from '../../domain/population.ts';
import { boardShape, type BoardShape } from './board-shape.ts';
import { boardIndex } from './board-index.ts';
import { GroupState } from './group-state.ts';
import { frameForBbox, project, type LocalFrame } from './local-frame.ts';
import { preparePopulation, type PreparedPopulation } from './population-points.ts';
import type { CoverageBoard, CoverageOptions, CoverageResult } from './types.ts';
import { buildResult } from './build-result.ts';

export interface CoverageModel {
  readonly frame: LocalFrame;
  result(): CoverageResult;
  /** Id of the first board containing the position, or null. */
  boardOf(lonLat: LonLat): string | null;
  moveFacility(id: string, lonLat: LonLat): CoverageResult;
  addFacility(f: Facility): CoverageResult;
  removeFacility(id: string): CoverageResult;
  /** Replace every facility and recompute in full, reusing the prepared boards and population. */
  setFacilities(facilities: Facility[]): CoverageResult;
}

export const DEFAULT_GROUPS: FacilityGroup[] = ['any', '15-min', '10-min', '5-min'];

function lonLatBbox(boards: CoverageBoard[], facilities: Facility[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (p: readonly number[]) => {
    w = Math.min(w, p[0]);
    e = Math.max(e, p[0]);
    s = Math.min(s, p[1]);
    n = Math.max(n, p[1]);
  };
  for (const b of boards) {
    const polys = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
    for (const p of polys) for (const ring of p) ring.forEach(add);
  }
  if (!Number.isFinite(w)) facilities.forEach((f) => add(f.lonLat));
  return Number.isFinite(w) ? [w, s, e, n] : [0, 0, 0, 0];
}

/** Build the model and compute everything once. Throws on programmer errors (bad radius, duplicate id). */
export function createCoverageModel(boards: CoverageBoard[], facilities: Facility[], population: PopulationInput | PopulationColumns, options: CoverageOptions): CoverageModel {
  for (const r of options.radiiM) if (!(r > 0) || !Number.isFinite(r)) throw new Error(`coverage: radiusM must be a positive number, got ${r}`);
  const groups = options.groups ?? DEFAULT_GROUPS;
  const frame = frameForBbox(...lonLatBbox(boards, facilities));
  const shapes: BoardShape[] = boards.map((b) => boardShape(b.geometry, frame));
  const pop: PreparedPopulation = preparePopulation(population, boards.map((b) => b.id), shapes, frame, options.adoptPopulationColumns);
  const pos = { xs: [] as number[], ys: [] as number[] };
  const indexOf = new Map<string, number>();
  const facilityGroups: FacilityGroup[][] = [];
  // Nearly every facility lies in one board: share one (never mutated) list per board, so a
  // full reload does not leave thousands of tiny arrays for the garbage collector.
  const oneBoard = shapes.map((_, b) => [b]);
  const noBoard: number[] = [];
  const boardsIndex = boardIndex(shapes);
  const boardsAt = (x: number, y: number): number[] => {
    const found = boardsIndex.all(x, y);
    return found.length > 1 ? found : found.length === 1 ? oneBoard[found[0]] : noBoard;
  };
  const boardsOfIndex = new Map<number, number[]>();

  // Categories are few: one shared (never mutated) group list per category.
  const groupsByCategory = new Map<string, FacilityGroup[]>();
  const groupsOf = (f: Facility): FacilityGroup[] => {
    let gs = groupsByCategory.get(f.category);
    if (!gs) {
      const tier = tierOf(f.category, options.categoryTiers);
      gs = groups.filter((g) => g === 'any' || g === tier);
      groupsByCategory.set(f.category, gs);
    }
    return gs;
  };

  const register = (f: Facility): number => {
    if (indexOf.has(f.id)) throw new Error(`coverage: duplicate facility id "${f.id}"`);
    const i = pos.xs.length;
    const [x, y] = project(frame, f.lonLat);
    pos.xs.push(x);
    pos.ys.push(y);
    indexOf.set(f.id, i);
    facilityGroups[i] = groupsOf(f);
    boardsOfIndex.set(i, boardsAt(x, y));
    return i;
  };

  let states = new Map<FacilityGroup, GroupState>();
  const loadAll = (list: Facility[]) => {
    pos.xs.length = 0;
    pos.ys.length = 0;
    indexOf.clear();
    boardsOfIndex.clear();
    facilityGroups.length = 0;
    states = new Map(groups.map((g) => [g, new GroupState(options.radiiM, pos, shapes, pop)]));
    for (const f of list) {
      const i = register(f);
      for (const g of facilityGroups[i]) {
        states.get(g)!.members.add(i);
        states.get(g)!.grid.insert(i);
      }
    }
    for (const s of states.values()) s.computeAll((i) => boardsOfIndex.get(i) ?? []);
  };
  loadAll(facilities);

  const result = () => buildResult(boards, shapes, pop, groups, states, options);

  const indexFor = (id: string): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`coverage: no facility with id "${id}"`);
    return i;
  };

  return {
    frame,
    result,
    boardOf(lonLat) {
      const [x, y] = project(frame, lonLat);
      const b = boardsIndex.first(x, y);
      return b >= 0 ? boards[b].id : null;
    },
    moveFacility(id, lonLat) {
      const i = indexFor(id);
      const from: [number, number] = [pos.xs[i], pos.ys[i]];
      const to = project(frame, lonLat);
      const boardsFrom = boardsOfIndex.get(i) ?? [];
      pos.xs[i] = to[0];
      pos.ys[i] = to[1];
      const boardsTo = boardsAt(to[0], to[1]);
      boardsOfIndex.set(i, boardsTo);
      for (const g of facilityGroups[i]) states.get(g)!.relocate(i, from, to, boardsFrom, boardsTo);
      return result();
    },
    addFacility(f) {
      const i = register(f);
      for (const g of facilityGroups[i]) {
        const s = states.get(g)!;
        s.members.add(i);
        s.relocate(i, null, [pos.xs[i], pos.ys[i]], [], boardsOfIndex.get(i) ?? []);
      }
      return result();
    },
    setFacilities(list) {
      loadAll(list);
      return result();
    },
    removeFacility(id) {
      const i = indexFor(id);
      const from: [number, number] = [pos.xs[i], pos.ys[i]];
      for (const g of facilityGroups[i]) {
        const s = states.get(g)!;
        s.members.delete(i);
        s.relocate(i, from, null, boardsOfIndex.get(i) ?? [], []);
      }
      indexOf.delete(id);
      boardsOfIndex.delete(i);
      facilityGroups[i] = [];
      // The slot stays (indices are stable); park it far away so no query finds it.
      pos.xs[i] = Number.NaN;
      pos.ys[i] = Number.NaN;
      return result();
    },
  };
}
