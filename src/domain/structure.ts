/**
 * The city-wide structure 一主一副两极多节点 (规划 第十章 导语 and 第二节).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Point } from 'geojson';

/** Roles, in legend order. `node` (多节点) is not enumerated by the plan. */
export const STRUCTURE_ROLES = ['main-core', 'main-integration', 'sub-centre', 'pole', 'node'] as const;
export type StructureRole = (typeof STRUCTURE_ROLES)[number];

export interface StructureProperties {
  /** Stable id, e.g. `main-core`, `main-integration-ruian`. */
  id: string;
  role: StructureRole;
  /** Label, e.g. `温州市区`, `瑞安`. */
  name: string;
  nameEn: string;
  /** County-level units that make it up. */
  counties: string[];
  note?: string;
}

export type StructureCollection = FeatureCollection<Polygon | MultiPolygon, StructureProperties>;

/** A 多节点 node added by a user: never from the plan. */
export interface NodeProperties {
  id: string;
  name: string;
  note?: string;
}
export type NodeFeature = Feature<Point, NodeProperties>;
