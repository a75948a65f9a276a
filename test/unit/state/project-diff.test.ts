import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { diffProjects } from '../../../src/state/merge/project-diff.ts';
import { summarizeChanges, signedUnits } from '../../../src/state/merge/summarize-changes.ts';
import { cellKey } from '../../../src/state/merge/merge-scenario.ts';
import type { Scenario } from '../../../src/state/scenario.ts';
import type { BoardCollection } from '../../../src/domain/board.ts';
import { projectArb, scenarioArb } from '../../support/project-arbitraries.ts';

const boards = JSON.parse(readFileSync(new URL('../../../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;
const boardName = (id: string) => boards.features.find((f) => f.properties.id === id)?.properties.name;
const RUNS = { numRuns: 300, seed: 16 };
const s = (over: Partial<Scenario>): Scenario => ({ id: 's1', name: '方案一', createdAt: '2026-01-01T00:00:00.000Z', allocations: [], sites: [], ruleSettings: { stockUpgradeMaxCommercialUnits: 1, stockUpgradeMaxCommercialSharePct: 2, keyExpansionMinNewSupplySharePct: 3, rentalMaxDistanceToEmploymentKm: 4, approxTargetTolerancePct: 5 }, ...over });

describe('diffProjects', () => {
  it('finds nothing between a project and itself', () => {
    fc.assert(fc.property(projectArb, (p) => {
      expect(diffProjects(p, structuredClone(p))).toEqual([]);
    }), RUNS);
  });

  it('lists exactly the cells that differ, with before and after units', () => {
    fc.assert(
      fc.property(scenarioArb('s1'), scenarioArb('s1'), (a, b) => {
        const changes = diffProjects({ scenarios: [a] }, { scenarios: [b] }).filter((c) => c.kind === 'cell');
        const [am, bm] = [new Map(a.allocations.map((c) => [cellKey(c), c.units])), new Map(b.allocations.map((c) => [cellKey(c), c.units]))];
        const want = [...new Set([...am.keys(), ...bm.keys()])].filter((k) => (am.get(k) ?? 0) !== (bm.get(k) ?? 0));
        expect(changes.map((c) => cellKey(c)).sort()).toEqual(want.sort());
        for (const c of changes) expect([c.before, c.after]).toEqual([am.get(cellKey(c)) ?? 0, bm.get(cellKey(c)) ?? 0]);
      }),
      RUNS,
    );
  });

  it('always yields a one-line summary', () => {
    fc.assert(
      fc.property(projectArb, projectArb, (a, b) => {
        const line = summarizeChanges(diffProjects(a, b), { boardName });
        expect(line.length).toBeGreaterThan(0);
        expect(line).not.toMatch(/\n/);
        expect(line.length).toBeLessThan(200);
      }),
      RUNS,
    );
  });
});

describe('summarizeChanges', () => {
  it('says "七都 2023 保障性租赁住房 +1,200" for one cell', () => {
    const before = { scenarios: [s({})] };
    const after = { scenarios: [s({ allocations: [{ boardId: 'qidu', year: 2023, type: 'affordable-rental', units: 1200 }] })] };
    expect(summarizeChanges(diffProjects(before, after), { boardName })).toBe('七都 2023 保障性租赁住房 +1,200');
    expect(summarizeChanges(diffProjects(after, before), { boardName, lang: 'en' })).toBe('七都 2023 Affordable rental housing −1,200');
  });

  it('spells out three changes and counts the rest', () => {
    const cells = (['qidu', 'wutian', 'jiucheng', 'yangshuang'] as const).map((boardId, i) => ({ boardId, year: 2021 as const, type: 'commercial' as const, units: 100 * (i + 1) }));
    const line = summarizeChanges(diffProjects({ scenarios: [s({})] }, { scenarios: [s({ allocations: cells })] }), { boardName });
    expect(line).toBe('旧城 2021 新建普通商品住房 +300；七都 2021 新建普通商品住房 +100；梧田 2021 新建普通商品住房 +200 等 4 处修改');
  });

  it('names sites, scenarios and folds many facilities into counts', () => {
    const site = { id: 'p1', name: '地块甲', geometry: { type: 'Point' as const, coordinates: [120.6, 28] }, units: 100, type: 'commercial' as const, year: 2022 as const };
    expect(summarizeChanges(diffProjects({ scenarios: [s({})] }, { scenarios: [s({ sites: [site] })] }))).toBe('新增地块「地块甲」 100 套');
    expect(summarizeChanges(diffProjects({ scenarios: [s({ sites: [site] })] }, { scenarios: [s({ sites: [{ ...site, units: 40 }] })] }))).toBe('修改地块「地块甲」 −60');
    expect(summarizeChanges(diffProjects({ scenarios: [s({})] }, { scenarios: [s({ name: '方案二' })] }))).toBe('方案「方案一」改名为「方案二」');
    const f = (id: string) => ({ id, category: 'school', lonLat: [120.6, 28] as [number, number] });
    expect(summarizeChanges(diffProjects({ scenarios: [], facilities: [f('a')] }, { scenarios: [], facilities: [f('b'), f('c')] }))).toBe('设施 +2 −1');
    expect(summarizeChanges([])).toBe('无修改');
  });

  it('writes signed units with separators and a true minus sign', () => {
    expect([signedUnits(1200), signedUnits(-300), signedUnits(0)]).toEqual(['+1,200', '−300', '±0']);
  });
});
