/**
 * One row per board with its measured area: what `anju boards` prints and the board list shows.
 */
import type { BoardCollection, Category } from '../domain/board.ts';
import { CATEGORIES } from '../domain/board.ts';
import { areaKm2 } from '../geo/measure.ts';

export interface BoardSummary {
  id: string;
  name: string;
  category: Category;
  district: string;
  planDistrict: string;
  /** Planar-equivalent area on the sphere, km², rounded to 0.01. */
  areaKm2: number;
}

export function summarizeBoards(boards: BoardCollection): BoardSummary[] {
  const order = (c: Category) => CATEGORIES.indexOf(c);
  return boards.features
    .map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      category: f.properties.category,
      district: f.properties.district,
      planDistrict: f.properties.planDistrict,
      areaKm2: Math.round(areaKm2(f.geometry) * 100) / 100,
    }))
    .sort((a, b) => order(a.category) - order(b.category));
}
