/**
 * The default data under geodata/, typed, for Node code (CLI, tests, scripts); the structure's
 * outlines are derived from the counties. The app imports only the small modules
 * (default-boards.ts, counties.ts on demand): its map fetches land, counties and the structure as
 * files (src/map/shipped-map-data.ts), so they stay out of the main chunk.
 */
import landJson from '../../geodata/land.geojson';
import structureJson from '../../geodata/plan/structure.json';
import guidanceJson from '../../geodata/plan/guidance.json';
import type { StructureCollection, StructureProperties } from '../domain/structure.ts';
import type { Guidance } from '../domain/guidance.ts';
import { structureFromCounties } from './structure-from-counties.ts';
import { counties } from './counties.ts';
import type { FeatureCollection, Polygon } from 'geojson';

export { defaultBoards } from './default-boards.ts';
export { counties };
export const land = landJson as unknown as FeatureCollection<Polygon>;
/** 一主一副两极, each part the union of its counties (derived here, not shipped twice). */
export const structure: StructureCollection = structureFromCounties((structureJson as { parts: StructureProperties[] }).parts, counties);
export const guidance = guidanceJson as unknown as Guidance;
