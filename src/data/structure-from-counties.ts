/**
 * The 一主一副两极 features (规划 第十章第二节): each part the plan names (geodata/plan/structure.json)
 * drawn as the union of its county-level units, derived from the shipped counties rather than
 * shipped a second time. The counties are an exact coverage, so the union is an edge dissolve.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { StructureCollection, StructureProperties } from '../domain/structure.ts';
import { dissolveCoverage } from '../geo/dissolve-coverage.ts';

export function structureFromCounties(
  parts: readonly StructureProperties[],
  counties: FeatureCollection<Polygon | MultiPolygon, { name: string }>,
): StructureCollection {
  return {
    type: 'FeatureCollection',
    features: parts.map((p) => {
      const geoms = p.counties.map((name) => {
        const c = counties.features.find((f) => f.properties.name === name);
        if (!c) throw new Error(`structure ${p.id}: county ${name} not found`);
        return c.geometry;
      });
      return { type: 'Feature', properties: { ...p }, geometry: dissolveCoverage(geoms) };
    }),
  };
}
