/** Pure logic behind the job–housing tab: inputs, planned units, colours, worker sync, table rows, import, formatting. */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas, dwellingAssumptions } from '../../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import { defaultDwellingsByBoard } from '../../../../src/analysis/jobs-housing/index.ts';
import { labelPoint } from '../../../../src/geo/measure.ts';
import { emptyScenario } from '../../../../src/state/scenario.ts';
import { boardDwellings, centralCityParks, jhBoards, parkShapes } from '../../../../src/ui/jobs-housing/housing-inputs.ts';
import { plannedUnitsByBoard } from '../../../../src/analysis/allocation/planned-units.ts';
import { assignSiteBoards } from '../../../../src/analysis/allocation/assign-sites.ts';
import { VERDICT_COLORS, ratioClasses, ratioColor } from '../../../../src/ui/jobs-housing/jh-colors.ts';
import { catchmentRequests, sentInputs } from '../../../../src/ui/jobs-housing/catchment-sync.ts';
import { boardRows, sortRows, type BoardRow } from '../../../../src/ui/jobs-housing/board-rows.ts';
import { employmentFromImport } from '../../../../src/ui/jobs-housing/employment-from-import.ts';
import { formatCount, formatRatio } from '../../../../src/i18n/format.ts';
import { citeShort, employmentLabel } from '../../../../src/ui/jobs-housing/jh-text.ts';
import { jobsHousingStandards } from '../../../../src/data/jobs-housing-defaults.ts';
import { employmentReader } from '../../../../src/io/readers/employment-reader.ts';

const BAND = { minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 };

describe('housing inputs', () => {
  it('uses the planner’s figure where entered and the labelled assumption elsewhere', () => {
    const defaults = defaultDwellingsByBoard(defaultBoards, dwellingAssumptions);
    const d = boardDwellings(defaults, { etdz: 120000, qidu: 0 });
    expect(d.byBoard.etdz).toBe(120000);
    expect(d.byBoard.qidu).toBe(0);
    expect(d.sourceByBoard.qidu).toBe('entered');
    expect(d.byBoard.jiucheng).toBe(defaults.jiucheng.dwellings);
    expect(d.sourceByBoard.jiucheng).toBe('assumed');
    expect(Object.keys(d.byBoard)).toHaveLength(21);
  });

  it('takes only the three central-city parks for the commute bounds', () => {
    expect(centralCityParks(defaultEmploymentAreas).map((f) => f.properties.id).sort()).toEqual(['etdz', 'oujiangkou', 'zhenan-tech-city']);
  });
});

describe('planned units per board', () => {
  it('sums grid cells and sites (by location) of the first scenario when none is named', () => {
    const etdz = defaultBoards.features.find((b) => b.properties.id === 'etdz')!;
    const s1 = {
      ...emptyScenario('s1', '方案一', '2021-01-01T00:00:00Z', DEFAULT_RULE_SETTINGS),
      allocations: [
        { boardId: 'etdz', year: 2022 as const, type: 'commercial' as const, units: 3000 },
        { boardId: 'etdz', year: 2023 as const, type: 'talent-rental' as const, units: 500 },
        { boardId: 'qidu', year: 2021 as const, type: 'commercial' as const, units: 200 },
      ],
      sites: [{ id: 'site-1', name: 'A', geometry: { type: 'Point' as const, coordinates: labelPoint(etdz.geometry) }, units: 1000, type: 'commercial' as const, year: 2024 as const }],
    };
    const s2 = { ...emptyScenario('s2', '方案二', '2021-01-01T00:00:00Z', DEFAULT_RULE_SETTINGS), allocations: [{ boardId: 'qidu', year: 2021 as const, type: 'commercial' as const, units: 7 }] };
    const units = (s: typeof s1 | typeof s2) => plannedUnitsByBoard(s, defaultBoards, assignSiteBoards(s.sites, defaultBoards));
    expect(units(s1)).toMatchObject({ etdz: 4500, qidu: 200, jiucheng: 0 });
    expect(units(s2)).toMatchObject({ etdz: 0, qidu: 7 });
  });
});

describe('choropleth colours', () => {
  it('colours the band’s edges as balanced, and each side by its class', () => {
    expect(ratioColor(1.3, BAND)).toBe(VERDICT_COLORS.balanced);
    expect(ratioColor(1.7, BAND)).toBe(VERDICT_COLORS.balanced);
    const c = ratioClasses(BAND);
    expect(ratioColor(1.29, BAND)).toBe(c[1].color);
    expect(ratioColor(0, BAND)).toBe(c[0].color);
    expect(ratioColor(1.71, BAND)).toBe(c[3].color);
    expect(ratioColor(3.4, BAND)).toBe(c[4].color);
    expect(ratioColor(null, BAND)).toBe(VERDICT_COLORS.unknown);
    expect(new Set(c.map((x) => x.color)).size).toBe(5);
  });
});

describe('what the catchment worker must redo', () => {
  const parks = parkShapes(defaultEmploymentAreas);
  const boards = () => jhBoards(defaultBoards);
  const sent = sentInputs(defaultBoards, parks, 5);

  it('prepares everything the first time, and when the radius, the boards or the set of parks changes', () => {
    expect(catchmentRequests(null, defaultBoards, boards, parks, 5).map((r) => r.type)).toEqual(['prepare']);
    expect(catchmentRequests(sent, defaultBoards, boards, parks, 8).map((r) => r.type)).toEqual(['prepare']);
    expect(catchmentRequests(sent, { ...defaultBoards }, boards, parks, 5).map((r) => r.type)).toEqual(['prepare']);
    expect(catchmentRequests(sent, defaultBoards, boards, parks.slice(1), 5).map((r) => r.type)).toEqual(['prepare']);
  });

  it('asks nothing when only jobs changed, and one redraw when one park moved', () => {
    const jobsEdited = parkShapes({ ...defaultEmploymentAreas, features: defaultEmploymentAreas.features.map((f) => ({ ...f, properties: { ...f.properties, jobs: 1 } })) });
    expect(catchmentRequests(sent, defaultBoards, boards, jobsEdited, 5)).toEqual([]);
    const moved = parks.map((p) => (p.id === 'etdz' ? { ...p, geometry: { ...p.geometry } } : p));
    expect(catchmentRequests(sent, defaultBoards, boards, moved, 5)).toEqual([{ type: 'redraw-park', parkId: 'etdz', geometry: moved[0].geometry }]);
  });
});

describe('board table rows', () => {
  const rows: BoardRow[] = [
    { id: 'a', name: '乙', jobsInReach: 10, dwellings: 5, ratio: 2, verdict: 'jobs-rich' },
    { id: 'b', name: '甲', jobsInReach: 0, dwellings: null, ratio: null, verdict: 'unknown' },
    { id: 'c', name: '丙', jobsInReach: 5, dwellings: 10, ratio: 0.5, verdict: 'housing-rich' },
  ];
  it('sorts by ratio either way with unknown values last', () => {
    expect(sortRows(rows, 'ratio', true, 'zh-CN').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'ratio', false, 'zh-CN').map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, 'jobs', false, 'zh-CN').map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('shows the figures with planned units when asked', () => {
    const b = { id: 'x', name: 'X', overlapShare: 1, jobsInReach: 150, dwellings: 100, jobsHousingRatio: 1.5, verdict: 'balanced' as const, plannedUnits: 50, withPlanned: { jobsInReach: 150, dwellings: 150, jobsHousingRatio: 1, verdict: 'housing-rich' as const } };
    expect(boardRows([b], false, () => 'X')[0]).toMatchObject({ dwellings: 100, ratio: 1.5, verdict: 'balanced' });
    expect(boardRows([b], true, () => 'X')[0]).toMatchObject({ dwellings: 150, ratio: 1, verdict: 'housing-rich' });
  });
});

describe('an imported employment layer', () => {
  const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 27.9], [x + 0.02, 27.9], [x + 0.02, 27.92], [x, 27.92], [x, 27.9]]] });

  it('becomes the employment slice: the user’s data, central city unless its planGroup says otherwise', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'p1', name: '甲园区', jobs: 12000 }, geometry: square(120.7) },
        { type: 'Feature', properties: { name: '乙园区', jobs: 3000, planGroup: 'main-integration', nameEn: 'Park B' }, geometry: square(120.8) },
      ],
    };
    const read = employmentReader.read({ file: 'parks.geojson', features: fc.features });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const r = { value: employmentFromImport(read.value, 'parks.geojson') };
    expect(r.value.features.map((f) => [f.properties.id, f.properties.planGroup, f.properties.illustrative, f.properties.nameEn])).toEqual([
      ['p1', 'main-core', false, '甲园区'],
      ['乙园区', 'main-integration', false, 'Park B'],
    ]);
    expect(r.value.features[0].properties.jobsSource).toBe('imported: parks.geojson');
  });

  it('refuses points and negative jobs, naming the feature', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'p1', jobs: 5 }, geometry: { type: 'Point', coordinates: [120.7, 27.9] } },
        { type: 'Feature', properties: { id: 'p2', jobs: -3 }, geometry: square(120.7) },
      ],
    };
    const r = employmentReader.read({ file: 'bad.geojson', features: fc.features });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.featureIndex])).toEqual([['wrong-geometry-type', 0], ['jh-bad-jobs', 1]]);
  });
});

describe('formatting', () => {
  it('writes counts in 万 in Chinese and with separators in English', () => {
    expect(formatCount(95000, 'zh', 'compact')).toBe('9.5万');
    expect(formatCount(5813, 'zh', 'compact')).toBe('5,813');
    expect(formatCount(95000, 'en', 'compact')).toBe('95k');
    expect(formatCount(95000, 'en')).toBe('95,000');
    expect(formatCount(null, 'en', 'compact')).toBe('—');
    expect(formatRatio(1.7549)).toBe('1.75');
  });

  it('labels illustrative employment areas as such on the map', () => {
    const p = defaultEmploymentAreas.features[0].properties;
    expect(employmentLabel(p, 'zh')).toBe('经开区\n9.5万岗位（示意）');
    expect(employmentLabel({ ...p, illustrative: false }, 'en')).toBe(`${p.nameEn}\n95k jobs`);
  });

  it('cites the standards table’s references in running text', () => {
    expect(citeShort(jobsHousingStandards.references, 'ewing1996')).toBe('Ewing 1996');
    expect(() => citeShort(jobsHousingStandards.references, 'nobody')).toThrow(/nobody/);
  });
});
