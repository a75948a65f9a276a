/**
 * An OGC validity check independent of Turf and of the GEOS the geodata build uses: JSTS
 * (JTS in JavaScript), IsValidOp with JTS's defaults (a ring touching itself is invalid).
 */
import 'jsts/org/locationtech/jts/monkey.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import MinimumClearance from 'jsts/org/locationtech/jts/precision/MinimumClearance.js';
import UnaryUnionOp from 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js';
import type { Geometry } from 'geojson';

interface JstsGeom {
  getArea(): number;
  getNumGeometries(): number;
  getGeometryN(i: number): JstsGeom & { getNumInteriorRing(): number };
  getGeometryType(): string;
}

/** Floating precision: coordinates are read exactly as stored. */
const reader = new GeoJSONReader(new GeometryFactory());

/** null when valid, else JTS's message with the location. */
export function jstsInvalidReason(g: Geometry): string | null {
  const op = new IsValidOp(reader.read(g));
  if (op.isValid()) return null;
  const e = op.getValidationError();
  return `${e.getMessage()} at ${e.getCoordinate()}`;
}

/** The least distance a vertex could move before the geometry turns invalid (JTS MinimumClearance). */
export function jstsMinimumClearance(g: Geometry): number {
  return MinimumClearance.getDistance(reader.read(g));
}

/** The union of several polygonal geometries (JTS UnaryUnion): area and holes of each part. */
export function jstsUnion(geoms: Geometry[]): { areaDeg2: number; holes: number } {
  const u = UnaryUnionOp.union(reader.read({ type: 'GeometryCollection', geometries: geoms })) as JstsGeom;
  let holes = 0;
  for (let i = 0; i < u.getNumGeometries(); i++) holes += u.getGeometryN(i).getNumInteriorRing();
  return { areaDeg2: u.getArea(), holes };
}
