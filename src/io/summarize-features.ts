/** Counts and extent of imported features, for the import summary. */
import type { Feature } from 'geojson';
import { bboxOf } from '../geo/measure.ts';

/** Imported count, count per geometry type, and the [w, s, e, n] extent in degrees (null if none). */
export function summarizeFeatures(features: readonly Feature[]): { featuresImported: number; geometryTypes: Record<string, number>; bboxDeg: [number, number, number, number] | null } {
  const geometryTypes: Record<string, number> = {};
  let bbox: [number, number, number, number] | null = null;
  for (const f of features) {
    if (!f.geometry) continue;
    geometryTypes[f.geometry.type] = (geometryTypes[f.geometry.type] ?? 0) + 1;
    const [w, s, e, n] = bboxOf(f.geometry);
    bbox = bbox ? [Math.min(bbox[0], w), Math.min(bbox[1], s), Math.max(bbox[2], e), Math.max(bbox[3], n)] : [w, s, e, n];
  }
  return { featuresImported: features.length, geometryTypes, bboxDeg: bbox };
}
