/**
 * The checked-in default data, read from geodata/ for the command line. geodata/ is two levels
 * above this module both in the source (src/cli/) and in the bundle (dist-cli/<build>/, see
 * scripts/build-cli.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BoardCollection } from '../domain/board.ts';
import { activePlan } from '../data/active-plan.ts';
import { planBoardCollection } from '../data/plan-boards.ts';

const GEODATA = fileURLToPath(new URL('../../geodata/', import.meta.url));

/** A shipped file's path, for messages (relative to the repository root). */
export const geodataPath = (relPath: string) => `geodata/${relPath}`;

export function readGeodata<T>(relPath: string): T {
  return JSON.parse(readFileSync(GEODATA + relPath, 'utf8')) as T;
}

export function hasGeodata(relPath: string): boolean {
  return existsSync(GEODATA + relPath);
}

/** The active plan's boards (`--plan`): the shipped schematic ones for the built-in plan. */
export function defaultBoards(): BoardCollection {
  return planBoardCollection(activePlan(), readGeodata<BoardCollection>('boards.geojson'));
}
