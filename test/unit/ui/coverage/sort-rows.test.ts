/** The board table's sorting: by any column, both ways, unknown values last, ties stable. */
import { describe, expect, it } from 'vitest';
import { sortRows, type CoverageRow } from '../../../../src/ui/coverage/sort-rows.ts';
import type { TierFigures } from '../../../../src/analysis/coverage/tier-figures.ts';

const fig = (areaShare: number, residentsPerFacility: number | null): TierFigures => ({
  boardId: '', tier: '5-min', radiusM: 300, facilities: 1, areaShare, populationShare: null, residents: null, residentsPerFacility, standardResidents: null, standardStatus: null, network: null,
});
const rows: CoverageRow[] = [
  { id: 'a', name: '旧城', fig: fig(0.5, 9000) },
  { id: 'b', name: '七都', fig: fig(0.2, null) },
  { id: 'c', name: '景新', fig: null },
  { id: 'd', name: '梧田', fig: fig(0.5, 3000) },
];
const ids = (r: CoverageRow[]) => r.map((x) => x.id).join('');

describe('sortRows', () => {
  it('sorts by area share ascending and descending, ties in input order, unknown last', () => {
    expect(ids(sortRows(rows, 'area', false))).toBe('badc');
    expect(ids(sortRows(rows, 'area', true))).toBe('adbc');
  });
  it('puts null residents per facility last in both directions', () => {
    expect(ids(sortRows(rows, 'perFacility', false))).toBe('dabc');
    expect(ids(sortRows(rows, 'perFacility', true))).toBe('adbc');
  });
  it('sorts names by Chinese collation', () => {
    expect(sortRows(rows, 'name', false).map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort((x, y) => x.localeCompare(y, 'zh-CN')));
  });
});
