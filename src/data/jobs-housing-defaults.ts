/**
 * Default data of the job–housing analysis embedded in the app bundle (and used by tests):
 * the schematic employment areas, the cited thresholds and the dwelling assumptions.
 * The CLI reads the same files with fs (src/cli/default-data.ts).
 */
import employmentJson from '../../geodata/employment-areas.geojson';
import standardsJson from '../../geodata/standards/jobs-housing.json';
import dwellingsJson from '../../geodata/assumptions/board-dwellings.json';
import type { JhStandards } from '../domain/jobs-housing-standards.ts';
import type { DwellingAssumptions } from '../domain/dwelling-assumptions.ts';
import type { EmploymentAreaCollection } from '../domain/employment-area.ts';

export const defaultEmploymentAreas = employmentJson as unknown as EmploymentAreaCollection;
export const jobsHousingStandards = standardsJson as unknown as JhStandards;
export const dwellingAssumptions = dwellingsJson as unknown as DwellingAssumptions;
