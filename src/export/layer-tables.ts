/**
 * The project's layers as export tables (layer-table.ts), for GeoJSON and FlatGeobuf alike:
 * facilities, population points or cells, employment areas, streets, the user's nodes and the
 * imported actual supply. Column names are ASCII and ones Anju's importer recognises, so an
 * exported layer imports back as the same layer.
 */
import type { Geometry } from 'geojson';
import type { Facility } from '../domain/facility.ts';
import type { PopulationInput } from '../domain/population.ts';
import type { EmploymentAreaCollection } from '../domain/employment-area.ts';
import type { NodeFeature } from '../domain/structure.ts';
import type { ActualsLayer } from '../domain/actuals.ts';
import type { ProjectState } from '../state/project.ts';
import { featuresTable, type LayerTable } from './layer-table.ts';

export const EXPORT_LAYERS = ['facilities', 'population', 'employment', 'streets', 'nodes', 'actuals'] as const;
export type ExportLayerId = (typeof EXPORT_LAYERS)[number];

export function facilitiesTable(facilities: readonly Facility[]): LayerTable {
  return {
    columns: [
      { name: 'id', kind: 'string' },
      { name: 'category', kind: 'string' },
      { name: 'name', kind: 'string' },
      { name: 'illustrative', kind: 'bool' },
    ],
    length: facilities.length,
    geometry: (i) => ({ type: 'Point', coordinates: facilities[i].lonLat }),
    lonLat: (i) => facilities[i].lonLat,
    values: (i) => {
      const f = facilities[i];
      return [f.id, f.category, f.name ?? null, f.illustrative ?? null];
    },
  };
}

/** Points or cells with their residents; null for no layer or the uniform assumption (no features). */
export function populationTable(population: PopulationInput): LayerTable | null {
  const columns = [{ name: 'population', kind: 'double' }] as const;
  if (population.kind === 'points') {
    const points = population.points;
    return { columns, length: points.length, geometry: (i) => ({ type: 'Point', coordinates: points[i].lonLat }), lonLat: (i) => points[i].lonLat, values: (i) => [points[i].population] };
  }
  if (population.kind === 'cells') {
    const cells = population.cells;
    return { columns, length: cells.length, geometry: (i) => cells[i].geometry, values: (i) => [cells[i].population] };
  }
  return null;
}

export function employmentTable(employment: EmploymentAreaCollection): LayerTable {
  const fs = employment.features;
  return {
    columns: [
      { name: 'id', kind: 'string' },
      { name: 'name', kind: 'string' },
      { name: 'name_en', kind: 'string' },
      { name: 'county', kind: 'string' },
      { name: 'plan_group', kind: 'string' },
      { name: 'jobs', kind: 'double' },
      { name: 'illustrative', kind: 'bool' },
      { name: 'geometry_source', kind: 'string' },
      { name: 'jobs_source', kind: 'string' },
    ],
    length: fs.length,
    geometry: (i) => fs[i].geometry,
    values: (i) => {
      const p = fs[i].properties;
      return [p.id, p.name, p.nameEn, p.county, p.planGroup ?? null, p.jobs, p.illustrative, p.geometrySource, p.jobsSource];
    },
  };
}

export function nodesTable(nodes: readonly NodeFeature[]): LayerTable {
  return {
    columns: [
      { name: 'id', kind: 'string' },
      { name: 'name', kind: 'string' },
      { name: 'note', kind: 'string' },
    ],
    length: nodes.length,
    geometry: (i) => nodes[i].geometry,
    lonLat: (i) => nodes[i].geometry.coordinates as [number, number],
    values: (i) => [nodes[i].properties.id, nodes[i].properties.name, nodes[i].properties.note ?? null],
  };
}

/** Each record with the board, county, year, type, units and name it was imported with; unlocated records have no geometry. */
export function actualsTable(actuals: ActualsLayer): LayerTable {
  const rs = actuals.records;
  return {
    columns: [
      { name: 'board', kind: 'string' },
      { name: 'county', kind: 'string' },
      { name: 'year', kind: 'int' },
      { name: 'type', kind: 'string' },
      { name: 'units', kind: 'int' },
      { name: 'name', kind: 'string' },
      { name: 'source_file', kind: 'string' },
    ],
    length: rs.length,
    geometry: (i) => (rs[i].geometry as Geometry | undefined) ?? null,
    values: (i) => {
      const r = rs[i];
      return [r.boardId, r.county, r.year, r.type, r.units, r.name ?? null, actuals.file];
    },
  };
}

/** The layer's table, or null when the project has no such layer (or no feature in it). */
export function layerTable(project: ProjectState, id: ExportLayerId): LayerTable | null {
  const t =
    id === 'facilities' ? facilitiesTable(project.facilities)
    : id === 'population' ? populationTable(project.population)
    : id === 'employment' ? employmentTable(project.employment)
    : id === 'streets' ? (project.streets ? featuresTable(project.streets) : null)
    : id === 'nodes' ? nodesTable(project.nodes)
    : project.actuals ? actualsTable(project.actuals)
    : null;
  return t && t.length > 0 ? t : null;
}
