/**
 * Default data of the job–housing analysis embedded in the app bundle (and used by tests):
 * the schematic employment areas, the cited thresholds and the dwelling assumptions.
 * The CLI reads the same files with fs (src/cli/default-data.ts).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import employmentJson from '../../geodata/employment-areas.geojson';
import standardsJson from '../../geodata/standards/jobs-housing.json';
import dwellingsJson from '../../geodata/assumptions/board-dwellings.json';
import type { JhStandards } from '../analysis/jobs-housing/standards.ts';
import type { DwellingAssumptions } from '../analysis/jobs-housing/default-dwellings.ts';
import type { Citation } from '../domain/citation.ts';

export interface EmploymentAreaProperties {
  id: string;
  name: string;
  nameEn: string;
  county: string;
  /** The plan's group for the shipped areas; absent for areas a user imported. */
  planGroup?: 'main-core' | 'main-integration';
  jobs: number;
  /** Always true for the shipped areas: shape and jobs are 示意值. */
  illustrative: boolean;
  geometrySource: string;
  jobsSource: string;
  /** The plan passage behind a shipped area; absent for areas a user imported. */
  citation?: Citation;
}

export type EmploymentAreaCollection = FeatureCollection<Polygon | MultiPolygon, EmploymentAreaProperties>;

export const defaultEmploymentAreas = employmentJson as unknown as EmploymentAreaCollection;
export const jobsHousingStandards = standardsJson as unknown as JhStandards;
export const dwellingAssumptions = dwellingsJson as unknown as DwellingAssumptions;
