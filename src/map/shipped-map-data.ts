/**
 * The basemap layers of the shipped data, as MapLibre reads them: land, its inland water, the
 * counties, their label points and the structure 一主一副两极 (the union of its counties). Derived
 * once when the app is built (vite-plugin-map-data.ts) and served as files that MapLibre's worker
 * fetches and parses, so none of it is parsed or computed on the main thread at start-up.
 * Land, inland water, counties and county labels are one file and one source (each feature's
 * `kind` says which, BASEMAP_KIND; base-style.ts filters on it): one fetch, one parse, one tile
 * index and one set of tiles in MapLibre's worker instead of four, so the first screen's data
 * arrives in fewer pieces and the map draws fewer frames before it is complete. The structure
 * stays a source of its own: another plan package replaces it, and its parts carry feature state.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountyProperties } from '../domain/county.ts';
import type { StructureProperties } from '../domain/structure.ts';
import { structureFromCounties } from '../data/structure-from-counties.ts';
import { bboxOf, type Bbox } from '../geo/measure.ts';
import { inlandWater } from './inland-water.ts';
import { labelPoints } from './label-points.ts';
import { BASEMAP_KIND, SOURCES } from './layer-ids.ts';

/** The sources of the base style that hold shipped data (the plan's own layers are set by MapView). */
export const SHIPPED_SOURCES = [SOURCES.basemap, SOURCES.structure] as const;
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
      // In drawing order within each layer as before: the features of one kind keep their order.
      [SOURCES.basemap]: {
        type: 'FeatureCollection',
        features: [
          ...ofKind(land, BASEMAP_KIND.land),
          ...ofKind(inlandWater(land), BASEMAP_KIND.inlandWater),
          ...ofKind(counties, BASEMAP_KIND.county),
          // Both names on each point: the label layer picks one by language (base-style.ts).
          ...ofKind(labelPoints(counties, (p) => ({ name: p.name, nameEn: p.nameEn })), BASEMAP_KIND.countyLabel),
        ],
      },
      [SOURCES.structure]: structure,
    },
    countyNames: counties.features.map((f) => f.properties.name),
    structureBbox: [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))],
  };
}

/** The features with `kind` added first among their properties (nothing else changes). */
function ofKind(fc: FeatureCollection, kind: string): Feature[] {
  return fc.features.map((f) => ({ ...f, properties: { kind, ...f.properties } }));
}
