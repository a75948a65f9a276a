/** The shipped job–housing data: employment areas, the cited thresholds, the dwelling assumptions. */
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { counties, land, defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas, jobsHousingStandards as std, dwellingAssumptions } from '../../../../src/data/jobs-housing-defaults.ts';
import { balancedBand, defaultDwellingsByBoard } from '../../../../src/analysis/jobs-housing/index.ts';
import { areaKm2, labelPoint } from '../../../../src/geo/measure.ts';
import { intersectAreal, unionAreal, type Areal } from '../../../../src/geo/polygon-ops.ts';
import { CATEGORIES } from '../../../../src/domain/board.ts';
import { planSection } from '../../../support/plan-text.ts';

const areas = defaultEmploymentAreas.features;
const county = (n: string) => counties.features.find((c) => c.properties.name === n)!.geometry as Areal;

describe('geodata/employment-areas.geojson', () => {
  it('has the six employment areas 第十章第二节 names, each quoted from the plan', () => {
    const text = planSection('第十章', '第二节');
    expect(areas.map((a) => a.properties.name)).toEqual(['经开区', '浙南科技城', '瓯江口产业集聚区', '瑞安经开区', '乐清经开区', '永嘉工业园区']);
    for (const a of areas) expect(text, a.properties.name).toContain(a.properties.name);
    // The central-city three and the 产城融合 three, as the plan groups them.
    expect(text).toContain('围绕经开区、浙南科技城和瓯江口产业集聚区等产业园区');
    expect(text).toContain('结合瑞安经开区、乐清经开区和永嘉工业园区等产业园区');
  });

  it('lies in the county the plan implies, on land', () => {
    const expected: Record<string, string> = {
      etdz: '龙湾区', 'zhenan-tech-city': '龙湾区', oujiangkou: '洞头区', 'ruian-etdz': '瑞安市', 'yueqing-etdz': '乐清市', 'yongjia-industrial': '永嘉县',
    };
    const landAll = unionAreal(land.features.map((f) => f.geometry))!;
    for (const a of areas) {
      const c = expected[a.properties.id];
      expect(a.properties.county, a.properties.id).toBe(c);
      expect(booleanPointInPolygon(labelPoint(a.geometry), county(c)), `${a.properties.id} label point in ${c}`).toBe(true);
      const area = areaKm2(a.geometry);
      expect(areaKm2(intersectAreal(a.geometry, county(c))!) / area, `${a.properties.id} inside ${c}`).toBeGreaterThan(0.99);
      expect(areaKm2(intersectAreal(a.geometry, landAll)!) / area, `${a.properties.id} on land`).toBeGreaterThan(0.99);
      expect(area).toBeGreaterThan(2);
    }
  }, 60_000); // the union of all land polygons takes seconds

  it('marks shape and jobs as illustrative, with sources', () => {
    for (const { properties: p, geometry } of areas) {
      expect(p.illustrative).toBe(true);
      expect(p.geometrySource).toMatch(/^schematic/);
      expect(p.jobsSource).toMatch(/^illustrative/);
      expect(Number.isInteger(p.jobs) && p.jobs > 0 && p.jobs % 5000 === 0).toBe(true);
      expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
      expect(p.citation).toEqual({ chapter: 10, section: 2, item: 1 });
    }
  });
});

describe('geodata/standards/jobs-housing.json', () => {
  it('uses one ratio definition with a balanced band, and cites every definition', () => {
    expect(std.ratio.chosen).toBe('jobs-per-dwelling');
    expect(balancedBand(std)).toEqual({ minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 });
    const byId = Object.fromEntries(std.ratio.definitions.map((d) => [d.id, d]));
    expect(byId['jobs-per-dwelling'].reference).toBe('ewing1996');
    expect([byId['jobs-per-employed-resident'].balancedMin, byId['jobs-per-employed-resident'].balancedMax]).toEqual([0.8, 1.25]);
    expect(byId['jobs-per-employed-resident'].reference).toBe('cervero1996');
    expect([byId['jobs-per-household-vmt-effect'].effectBelow, byId['jobs-per-household-vmt-effect'].effectAbove]).toEqual([1.2, 2.8]);
    for (const d of std.ratio.definitions) {
      expect(std.references[d.reference], d.id).toBeDefined();
      expect(d.zh.length * d.en.length * d.note.length).toBeGreaterThan(0);
    }
  });

  it('has the catchment default among the cited alternatives, measured from the edge', () => {
    expect(std.catchment.alternativesKm).toEqual([3, 5, 8]);
    expect(std.catchment.alternativesKm).toContain(std.catchment.defaultRadiusKm);
    expect(std.catchment.measuredFrom).toBe('edge');
    expect(std.catchment.notes.map((n) => n.radiusKm)).toEqual(std.catchment.alternativesKm);
    for (const n of std.catchment.notes) expect(n.assumption || (n.reference !== null && n.reference in std.references), `${n.radiusKm} km`).toBe(true);
    expect(std.catchment.literatureRangeKm).toMatchObject({ min: 8.05, max: 11.27, reference: 'peng1997' });
  });

  it('resolves every reference key and gives each reference authors, year and title', () => {
    const keys = [...std.ratio.definitions.map((d) => d.reference), std.catchment.literatureRangeKm.reference, ...Object.values(std.excessCommuting).map((e) => e.reference)];
    for (const k of keys) expect(std.references[k], k).toBeDefined();
    for (const r of Object.values(std.references)) {
      expect(r.authors).toMatch(/\w/);
      expect(r.year).toBeGreaterThan(1900);
      expect(r.title).toMatch(/\w/);
    }
  });
});

describe('geodata/assumptions/board-dwellings.json', () => {
  it('is marked as an assumption and gives every board a default', () => {
    expect(dwellingAssumptions.assumption).toBe(true);
    for (const c of CATEGORIES) expect(dwellingAssumptions.densityByCategory[c].dwellingsPerKm2).toBeGreaterThan(0);
    for (const id of Object.keys(dwellingAssumptions.overrides)) expect(defaultBoards.features.some((b) => b.properties.id === id), id).toBe(true);
    const d = defaultDwellingsByBoard(defaultBoards, dwellingAssumptions);
    expect(Object.keys(d)).toHaveLength(21);
    for (const [id, v] of Object.entries(d)) {
      expect(v.dwellings, id).toBeGreaterThan(0);
      expect(v.dwellings % dwellingAssumptions.dwellingsRoundTo).toBe(0);
      expect(v.assumption).toBe(true);
      expect(v.basis).toMatch(/^assumption: /);
    }
    // 旧城 (stock upgrade, 15.27 km²) × 6000 /km² ≈ 92,000.
    expect(d.jiucheng.dwellings).toBe(Math.round((d.jiucheng.areaKm2 * 6000) / 1000) * 1000);
  });
});
