/**
 * Inland water from the land layer itself: the holes of the OpenStreetMap land polygons are
 * water enclosed by land (reservoirs, lakes, reaches of the 瓯江 and other rivers at the
 * source's 100 m generalisation). Drawn as inland water, never as sea.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';

export function inlandWater(land: FeatureCollection): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  for (const f of land.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const p of polys) for (const hole of p.slice(1)) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [hole] } });
  }
  return { type: 'FeatureCollection', features };
}
