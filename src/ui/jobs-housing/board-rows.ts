/** Rows of the job–housing board table, and their sorting (pure, so it is tested in Node). */
import type { BoardJobsHousing, Verdict } from '../../analysis/jobs-housing/index.ts';

export const SORT_KEYS = ['name', 'jobs', 'dwellings', 'ratio'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface BoardRow {
  id: string;
  name: string;
  jobsInReach: number;
  dwellings: number | null;
  ratio: number | null;
  verdict: Verdict;
}

/** One row per board, from the figures without or with the scenario's planned units. */
export function boardRows(boards: readonly BoardJobsHousing[], withPlanned: boolean, nameOf: (id: string) => string): BoardRow[] {
  return boards.map((b) => {
    const side = withPlanned ? b.withPlanned : b;
    return { id: b.id, name: nameOf(b.id), jobsInReach: side.jobsInReach, dwellings: side.dwellings, ratio: side.jobsHousingRatio, verdict: side.verdict };
  });
}

/** Sorted copy; unknown values (null) go last in either direction; names compare in the given locale. */
export function sortRows(rows: readonly BoardRow[], key: SortKey, descending: boolean, locale: string): BoardRow[] {
  const value = (r: BoardRow): number | string | null => (key === 'name' ? r.name : key === 'jobs' ? r.jobsInReach : key === 'dwellings' ? r.dwellings : r.ratio);
  return rows.slice().sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const c = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, locale) : (va as number) - (vb as number);
    return descending ? -c : c;
  });
}
