/**
 * An employment area (就业区): a park the plan names, or one a user imported, with its jobs.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Citation } from './citation.ts';

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
