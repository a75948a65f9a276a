/**
 * The inputs of the job–housing arithmetic as the app holds them: boards and parks for the
 * worker, jobs per park, and dwellings per board (the planner's figure when entered, else the
 * assumed default, labelled as such).
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { EmploymentAreaCollection } from '../../domain/employment-area.ts';
import type { DefaultDwellings, JhBoard, ParkShape } from '../../analysis/jobs-housing/index.ts';

/** Where a board's dwellings figure comes from. */
export type DwellingsSource = 'entered' | 'assumed';

export interface BoardDwellings {
  /** Dwellings (套) per board id. */
  byBoard: Record<string, number>;
  sourceByBoard: Record<string, DwellingsSource>;
}

/** The planner's figures over the assumed defaults. */
export function boardDwellings(defaults: Readonly<Record<string, DefaultDwellings>>, entered: Readonly<Record<string, number>>): BoardDwellings {
  const byBoard: Record<string, number> = {};
  const sourceByBoard: Record<string, DwellingsSource> = {};
  for (const [id, d] of Object.entries(defaults)) {
    byBoard[id] = d.dwellings;
    sourceByBoard[id] = 'assumed';
  }
  for (const [id, n] of Object.entries(entered)) {
    byBoard[id] = n;
    sourceByBoard[id] = 'entered';
  }
  return { byBoard, sourceByBoard };
}

/** Boards as the engine takes them. */
export function jhBoards(boards: BoardCollection): JhBoard[] {
  return boards.features.map((b) => ({ id: b.properties.id, name: b.properties.name, geometry: b.geometry }));
}

/** Park outlines as the worker takes them. */
export function parkShapes(employment: EmploymentAreaCollection): ParkShape[] {
  return employment.features.map((f) => ({ id: f.properties.id, geometry: f.geometry }));
}

/** Jobs per park id. */
export function jobsByPark(employment: EmploymentAreaCollection): Record<string, number> {
  return Object.fromEntries(employment.features.map((f) => [f.properties.id, f.properties.jobs]));
}

/**
 * The parks of the central city (plan group 一主 'main-core': 经开区, 浙南科技城, 瓯江口), the only
 * ones used for the commute bounds: the 21 boards are the central city's, so the jobs of
 * 瑞安/乐清/永嘉 are mostly filled by residents outside them and would break the closed system.
 */
export function centralCityParks(employment: EmploymentAreaCollection): EmploymentAreaCollection['features'] {
  return employment.features.filter((f) => f.properties.planGroup === 'main-core');
}
