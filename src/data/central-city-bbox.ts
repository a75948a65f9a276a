/**
 * The central city's frame for presentation chapters: the bounding box of every shipped board but
 * the island (Dongtou), so a chapter's map is not mostly sea. [west, south, east, north], degrees.
 */
import { bboxOf } from '../geo/measure.ts';
import { defaultBoards } from './default-boards.ts';

function centralCityBbox(): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of defaultBoards.features) {
    if (f.properties.id === 'dongtou-island') continue;
    const [w, s, e, n] = bboxOf(f.geometry);
    b[0] = Math.min(b[0], w);
    b[1] = Math.min(b[1], s);
    b[2] = Math.max(b[2], e);
    b[3] = Math.max(b[3], n);
  }
  return b;
}

export const CENTRAL_CITY_BBOX = centralCityBbox();
