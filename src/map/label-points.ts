/** Point features for labels: one per board / county, on its largest part. */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { labelPoint } from '../geo/measure.ts';

export function labelPoints<P>(
  fc: FeatureCollection<Polygon | MultiPolygon, P>,
  pick: (p: P) => Record<string, unknown>,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature<Point> => ({ type: 'Feature', properties: pick(f.properties), geometry: { type: 'Point', coordinates: labelPoint(f.geometry) } })),
  };
}
