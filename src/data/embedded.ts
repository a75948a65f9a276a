/**
 * The default data embedded in the app bundle (no network): the checked-in files under
 * geodata/ (the structure's outlines are derived from the counties). Node code (CLI, tests) may import this too; the CLI reads user files itself.
 */
import boardsJson from '../../geodata/boards.geojson';
import countiesJson from '../../geodata/counties.geojson';
import structureJson from '../../geodata/plan/structure.json';
import landJson from '../../geodata/land.geojson';
import guidanceJson from '../../geodata/plan/guidance.json';
import type { BoardCollection } from '../domain/board.ts';
import type { StructureCollection, StructureProperties } from '../domain/structure.ts';
import { structureFromCounties } from './structure-from-counties.ts';
import type { Guidance } from '../domain/guidance.ts';
import type { CountyProperties } from '../domain/county.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export const defaultBoards = boardsJson as unknown as BoardCollection;
export const counties = countiesJson as unknown as FeatureCollection<Polygon | MultiPolygon, CountyProperties>;
export const land = landJson as unknown as FeatureCollection<Polygon>;
/** 一主一副两极, each part the union of its counties (derived here, not shipped twice). */
export const structure: StructureCollection = structureFromCounties((structureJson as { parts: StructureProperties[] }).parts, counties);
export const guidance = guidanceJson as unknown as Guidance;
