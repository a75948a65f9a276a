/** The checked-in default data, read from geodata/ for the command line. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BoardCollection } from '../domain/board.ts';

const GEODATA = fileURLToPath(new URL('../../geodata/', import.meta.url));

export function readGeodata<T>(relPath: string): T {
  return JSON.parse(readFileSync(GEODATA + relPath, 'utf8')) as T;
}

export function defaultBoards(): BoardCollection {
  return readGeodata<BoardCollection>('boards.geojson');
}
