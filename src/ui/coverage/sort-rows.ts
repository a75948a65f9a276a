/** Sorting the coverage board table by a column; unknown values (null) always sort last. */
import type { TierFigures } from '../../analysis/coverage/tier-figures.ts';

export const SORT_KEYS = ['name', 'facilities', 'area', 'network', 'population', 'perFacility'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface CoverageRow {
  id: string;
  name: string;
  fig: TierFigures | null;
}

function valueOf(r: CoverageRow, key: SortKey): number | string | null {
  const f = r.fig;
  switch (key) {
    case 'name':
      return r.name;
    case 'facilities':
      return f?.facilities ?? null;
    case 'area':
      return f?.areaShare ?? null;
    case 'network':
      return f?.network?.areaShare ?? null;
    case 'population':
      return f?.populationShare ?? null;
    case 'perFacility':
      return f?.residentsPerFacility ?? null;
  }
}

/** A sorted copy; ties keep the input order. */
export function sortRows(rows: readonly CoverageRow[], key: SortKey, descending: boolean): CoverageRow[] {
  return rows
    .map((r, i) => ({ r, i, v: valueOf(r, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'string' ? a.v.localeCompare(String(b.v), 'zh-CN') : (a.v as number) - (b.v as number);
      return (descending ? -c : c) || a.i - b.i;
    })
    .map((x) => x.r);
}
