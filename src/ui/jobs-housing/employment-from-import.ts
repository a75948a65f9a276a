/**
 * Employment areas read by the one employment reader (src/io/readers/employment-reader.ts) as the
 * project's employment slice. Imported areas are the user's data: not marked illustrative unless
 * the file says so; without a valid `planGroup` an area counts as central city ('main-core', used
 * in the commute bounds).
 */
import type { EmploymentAreaInput } from '../../io/readers/employment-reader.ts';
import type { EmploymentAreaCollection, EmploymentAreaProperties } from '../../domain/employment-area.ts';

/** `importedAt` (a date) is recorded in the sources when given. */
export function employmentFromImport(areas: readonly EmploymentAreaInput[], file: string, importedAt?: string): EmploymentAreaCollection {
  const source = importedAt ? `imported: ${file} (${importedAt})` : `imported: ${file}`;
  const features = areas.map((a) => {
    const properties: EmploymentAreaProperties = {
      id: a.id,
      name: a.name,
      nameEn: a.nameEn ?? a.name,
      county: a.county ?? '',
      planGroup: a.planGroup ?? 'main-core',
      jobs: a.jobs,
      illustrative: a.illustrative,
      geometrySource: source,
      jobsSource: source,
      citation: {},
    };
    return { type: 'Feature' as const, properties, geometry: a.geometry };
  });
  return { type: 'FeatureCollection', features };
}
