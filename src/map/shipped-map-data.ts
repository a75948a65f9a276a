/**
 * The basemap layers of the shipped data, as MapLibre reads them: land, its inland water, the
 * counties, their label points and the structure 一主一副两极 (the union of its counties). Derived
 * once when the app is built (vite-plugin-map-data.ts) and served as files that MapLibre's worker
 * fetches and parses, so none of it is parsed or computed on the main thread at start-up.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountyProperties } from '../domain/county.ts';
import type { StructureProperties } from '../domain/structure.ts';
import { structureFromCounties } from '../data/structure-from-counties.ts';
import { bboxOf, type Bbox } from '../geo/measure.ts';
import { inlandWater } from './inland-water.ts';
import { labelPoints } from './label-points.ts';
import { SOURCES } from './layer-ids.ts';

/** The sources of the base style that hold shipped data (the plan's own layers are set by MapView). */
export const SHIPPED_SOURCES = [SOURCES.land, SOURCES.inlandWater, SOURCES.counties, SOURCES.countyLabels, SOURCES.structure] as const;
export type ShippedSource = (typeof SHIPPED_SOURCES)[number];
/** Each shipped source's data: a URL MapLibre fetches, or the data itself. */
export type ShippedMapData = Record<ShippedSource, string | FeatureCollection>;

export interface DerivedMapData {
  collections: Record<ShippedSource, FeatureCollection>;
  /** West, south, east, north of the whole structure (the presentation's first chapter frames it). */
  structureBbox: Bbox;
  /** The counties' names, for checking another plan package's structure without loading the outlines. */
  countyNames: string[];
}

export function deriveShippedMapData(
  counties: FeatureCollection<Polygon | MultiPolygon, CountyProperties>,
  land: FeatureCollection<Polygon | MultiPolygon>,
  structureParts: readonly StructureProperties[],
): DerivedMapData {
  const structure = structureFromCounties(structureParts, counties);
  const boxes = structure.features.map((f) => bboxOf(f.geometry));
  return {
    collections: {
      [SOURCES.land]: land,
      [SOURCES.inlandWater]: inlandWater(land),
      [SOURCES.counties]: counties,
      // Both names on each point: the label layer picks one by language (base-style.ts).
      [SOURCES.countyLabels]: labelPoints(counties, (p) => ({ name: p.name, nameEn: p.nameEn })),
      [SOURCES.structure]: structure,
    },
    countyNames: counties.features.map((f) => f.properties.name),
    structureBbox: [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))],
  };
}
