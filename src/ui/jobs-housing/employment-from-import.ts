/**
 * An imported layer (already WGS-84, from importLayer with layerType 'employment') as the
 * project's employment slice: polygons with numeric `jobs`, checked by the engine's reader so
 * the app accepts exactly what the CLI accepts. Imported areas are the user's data: not marked
 * illustrative unless the file says so; without a valid `planGroup` an area counts as central
 * city ('main-core', used in the commute bounds).
 */
import type { FeatureCollection } from 'geojson';
import type { Checked } from '../../domain/problem.ts';
import { readEmploymentAreas } from '../../analysis/jobs-housing/index.ts';
import type { EmploymentAreaCollection, EmploymentAreaProperties } from '../../domain/employment-area.ts';

const PLAN_GROUPS = ['main-core', 'main-integration'] as const;

/** `importedAt` (a date) is recorded in the sources when given. */
export function employmentFromImport(fc: FeatureCollection, file: string, importedAt?: string): Checked<EmploymentAreaCollection> {
  const source = importedAt ? `imported: ${file} (${importedAt})` : `imported: ${file}`;
  const parks = readEmploymentAreas(fc, file);
  if (!parks.ok) return parks;
  const features = parks.value.map((p, i) => {
    const props = (fc.features[i].properties ?? {}) as Record<string, unknown>;
    const text = (k: string, fallback: string) => (typeof props[k] === 'string' && props[k] !== '' ? (props[k] as string) : fallback);
    const group = PLAN_GROUPS.find((g) => g === props.planGroup) ?? 'main-core';
    const properties: EmploymentAreaProperties = {
      id: p.id,
      name: p.name,
      nameEn: text('nameEn', p.name),
      county: text('county', ''),
      planGroup: group,
      jobs: p.jobs,
      illustrative: props.illustrative === true,
      geometrySource: source,
      jobsSource: source,
      citation: {},
    };
    return { type: 'Feature' as const, properties, geometry: p.geometry };
  });
  return { ok: true, value: { type: 'FeatureCollection', features }, warnings: [] };
}
