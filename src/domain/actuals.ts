/**
 * Actual supply (实际供应): what was built or supplied in the plan period, imported from a table
 * (board or county × year × type × units) or from located projects (points or polygons). The
 * review (src/analysis/actuals/) sets it against the plan's targets and a scenario. Plain data,
 * structured-clone-able; a project slice (`actuals`).
 */
import type { Point, Polygon } from 'geojson';
import type { HousingTypeId } from './housing-type.ts';
import type { RenovationType } from './target.ts';

/** Old-community renovation (附件1), counted in communities (个): the two kinds the annex schedules. */
export const RENOVATION_TYPES = ['comprehensive', 'demolish-rebuild'] as const satisfies readonly RenovationType[];

/** What a record counts: a housing type in dwelling units (套), or a renovation kind in communities (个). */
export type ActualType = HousingTypeId | RenovationType;

export function isRenovationType(t: string): t is RenovationType {
  return (RENOVATION_TYPES as readonly string[]).includes(t);
}

export interface ActualRecord {
  /** The board the row names (project board id); null when it names none. */
  boardId: string | null;
  /** The county (县/市/区), or a unit of 附件2 (市城发, 生态园, 经开区), the row names; null when none. */
  county: string | null;
  /** A located project: its board is derived from where it lies, as for drawn sites. */
  geometry?: Point | Polygon;
  year: number;
  type: ActualType;
  /** Dwelling units (套) for a housing type; communities (个) for a renovation kind. A whole number ≥ 0. */
  units: number;
  /** Where the record came from in its file: a CSV/XLSX row (1-based) or a feature index (0-based). */
  row?: number;
  featureIndex?: number;
  /** The project's name, when the file gives one. */
  name?: string;
}

/** The imported actual supply: one file's records and where they came from. */
export interface ActualsLayer {
  file: string;
  /** ISO date (YYYY-MM-DD) of the import. */
  importedAt: string;
  records: ActualRecord[];
}
