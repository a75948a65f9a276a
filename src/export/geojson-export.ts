/**
 * Boards and sites as GeoJSON (RFC 7946, WGS-84 lon/lat, declared by a CRS84 `crs` member so GDAL,
 * QGIS and Anju's importer read them without asking) with their attributes, for QGIS/ArcGIS.
 * Attribute keys are ASCII (figure ids), values numbers or text, so every GIS keeps them.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { BoardFeature } from '../domain/board.ts';
import type { Site } from '../domain/allocation.ts';
import type { BoardFigure } from '../domain/board-figure.ts';
import { figureCell } from './board-table.ts';
import type { ExportNotes } from './export-notes.ts';
import { declareCrs84 } from '../geo/crs84.ts';

type Props = Record<string, string | number | boolean | null>;

/**
 * Every board with its plan attributes and the value of every registered figure (key: figure
 * id), declared WGS-84 (CRS84). `notes` (what the export shows, column notes, warnings) go in a
 * foreign member `notes` of the collection (RFC 7946 §6.1), which GIS software keeps or ignores
 * without harm.
 */
export function boardsToGeoJson(boards: readonly BoardFeature[], figures: readonly BoardFigure[], notes?: ExportNotes): FeatureCollection<Geometry, Props> & { notes?: ExportNotes } {
  return declareCrs84({
    type: 'FeatureCollection',
    ...(notes ? { notes } : {}),
    features: boards.map((b): Feature<Geometry, Props> => {
      const p = b.properties;
      const props: Props = {
        id: p.id,
        name: p.name,
        name_en: p.nameEn,
        category: p.category,
        district: p.district,
        plan_district: p.planDistrict,
        streets: p.streets.join('、'),
        schematic: p.schematic,
        confidence: p.confidence,
        geometry_source: p.geometrySource,
      };
      for (const f of figures) if (!(f.id in props)) props[f.id] = figureCell(f, p.id);
      return { type: 'Feature', id: p.id, properties: props, geometry: b.geometry };
    }),
  });
}

/** A scenario's sites (points or polygons) with units, housing type, year and the scenario's name. */
export function sitesToGeoJson(sites: readonly Site[], scenarioName: string): FeatureCollection<Geometry, Props> {
  return declareCrs84({
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      id: s.id,
      properties: { id: s.id, name: s.name, units: s.units, housing_type: s.type, year: s.year, note: s.note ?? null, scenario: scenarioName },
      geometry: s.geometry,
    })),
  });
}
