/** The shipped (schematic) boards' ids and names, read once from geodata/boards.geojson. */
import { readFileSync } from 'node:fs';
import type { BoardCollection } from '../domain/board.ts';

let cached: ReadonlyMap<string, string> | null = null;

/** Board id → the plan's name (七都 …) for the 21 shipped boards. */
export function shippedBoardNames(): ReadonlyMap<string, string> {
  if (!cached) {
    const fc = JSON.parse(readFileSync(new URL('../../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;
    cached = new Map(fc.features.map((f) => [f.properties.id, f.properties.name]));
  }
  return cached;
}
