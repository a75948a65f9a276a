/**
 * What the store says about the map, as plain data the map component reads (src/map/ turns it
 * into MapLibre calls): the camera, padding, the layer groups a user toggles, and
 * a request to draw a geometry.
 */
import type { Point, Polygon } from 'geojson';

/** A map view: what a link or an export needs to reopen the same picture. */
export interface Camera {
  /** [lon, lat] in degrees (WGS-84). */
  center: [number, number];
  zoom: number;
  /** Degrees clockwise from north. */
  bearingDeg: number;
  pitchDeg: number;
}

/** Padding in CSS px around a fitted box (e.g. room for a caption panel). */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Layer groups the user can toggle (src/map/layer-ids.ts lists each group's MapLibre layers). */
export const LAYER_GROUP_IDS = ['boards', 'structure', 'nodes', 'counties', 'labels'] as const;
export type LayerGroup = (typeof LAYER_GROUP_IDS)[number];

/**
 * A geometry to draw on the map (a generic MapView capability; sites use it). A feature puts a
 * DrawRequest in the store; MapView draws the sketch and calls back (src/map/draw.ts).
 */
export interface DrawRequest {
  mode: 'point' | 'polygon';
  /** Coordinates [lon, lat] new vertices may snap to. */
  snapVertices: readonly [number, number][];
  /** Snap tolerance in CSS pixels. */
  snapPx: number;
  /** What it is for (a site unless said): a panel shows its hint and cancel only for its own drawings. */
  purpose?: 'site' | 'comment-point';
  onDone(geometry: Point | Polygon): void;
  onCancel(): void;
}
