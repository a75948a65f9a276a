/**
 * Where each actual record lies: its board (named, or derived from its location as for drawn
 * sites) and its county (named, or the board's district when the board lies in one district),
 * and what the data covers, so a city-wide target compared with central-city data says so.
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { ActualRecord } from '../../domain/actuals.ts';
import type { Site } from '../../domain/allocation.ts';
import { COUNTY_NAMES_EN } from '../../domain/county.ts';
import type { AssignSites } from '../allocation/site-boards.ts';

export interface LocatedRecord {
  record: ActualRecord;
  /** The board it counts in; null: in no board (a county row, or a project outside every board). */
  boardId: string | null;
  /** The county (or 附件2 unit) it counts in; null when neither named nor derivable. */
  county: string | null;
}

/** The county of a board when it lies in exactly one (`district` without 、). */
export function boardCounty(boards: BoardCollection): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of boards.features) if (f.properties.district && !f.properties.district.includes('、')) m.set(f.properties.id, f.properties.district);
  return m;
}

/** Locate every record; located projects are assigned to boards once, by location (`assign`: assign-sites.ts or the UI's cache). */
export function locateActuals(records: readonly ActualRecord[], boards: BoardCollection, assign: AssignSites): LocatedRecord[] {
  const sites: Site[] = [];
  records.forEach((r, i) => {
    if (r.geometry) sites.push({ id: String(i), name: r.name ?? '', geometry: r.geometry, units: r.units, type: 'commercial', year: 2021 });
  });
  const assigned = sites.length ? assign(sites, boards) : {};
  const known = new Set(boards.features.map((f) => f.properties.id));
  const counties = boardCounty(boards);
  return records.map((record, i) => {
    const boardId = record.geometry ? (assigned[String(i)] ?? null) : record.boardId !== null && known.has(record.boardId) ? record.boardId : null;
    return { record, boardId, county: record.county ?? (boardId !== null ? (counties.get(boardId) ?? null) : null) };
  });
}

/**
 * What the data covers. `central-city`: every record lies in a board (the boards are the central
 * city only); `counties`: some records lie outside the boards, and these counties appear.
 */
export type DataCoverage = { kind: 'central-city' } | { kind: 'counties'; counties: string[] };

export function dataCoverage(located: readonly LocatedRecord[]): DataCoverage {
  if (located.every((l) => l.boardId !== null)) return { kind: 'central-city' };
  const counties = [...new Set(located.map((l) => l.county).filter((c): c is string => c !== null && c in COUNTY_NAMES_EN))].sort();
  return { kind: 'counties', counties };
}

/**
 * Why the data may fall short of a target's scope: `central-city-only` (a city-wide or urban-district
 * target, data for the boards only) or the counties of the scope the data never names. null: covered.
 */
export type ScopeNote = { kind: 'central-city-only' } | { kind: 'counties-missing'; missing: string[] } | { kind: 'scope-undefined' };

export function scopeNote(coverage: DataCoverage, scopeCounties: readonly string[]): ScopeNote | null {
  if (coverage.kind === 'central-city') return { kind: 'central-city-only' };
  const missing = scopeCounties.filter((c) => !coverage.counties.includes(c));
  return missing.length ? { kind: 'counties-missing', missing } : null;
}
