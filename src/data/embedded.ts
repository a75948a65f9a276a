/**
 * The default data embedded in the app bundle (no network): the checked-in files under
 * geodata/. Node code (CLI, tests) may import this too; the CLI reads user files itself.
 */
import boardsJson from '../../geodata/boards.geojson';
import countiesJson from '../../geodata/counties.geojson';
import structureJson from '../../geodata/structure.geojson';
import landJson from '../../geodata/land.geojson';
import guidanceJson from '../../geodata/plan/guidance.json';
import type { BoardCollection } from '../domain/board.ts';
import type { StructureCollection } from '../domain/structure.ts';
import type { Guidance } from '../domain/guidance.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface CountyProperties {
  name: string;
  nameEn: string;
  adcode: string;
  note?: string;
}

export const defaultBoards = boardsJson as unknown as BoardCollection;
export const counties = countiesJson as unknown as FeatureCollection<Polygon | MultiPolygon, CountyProperties>;
export const structure = structureJson as unknown as StructureCollection;
export const land = landJson as unknown as FeatureCollection<Polygon>;
export const guidance = guidanceJson as unknown as Guidance;
