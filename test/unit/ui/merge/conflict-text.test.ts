/** Merge conflicts in the words of the merge dialog and the tabs' conflict panel: what each is about and each side's value, in Chinese and English. */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeConflict } from '../../../../src/ui/merge/conflict-text.ts';
import { mergeProjects } from '../../../../src/state/merge/merge-projects.ts';
import type { ProjectLike } from '../../../../src/state/merge/merge-types.ts';
import { loadEnglish, translate } from '../../../../src/i18n/messages/index.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import type { ProjectState } from '../../../../src/state/project.ts';
import type { Site } from '../../../../src/domain/allocation.ts';

// English loads on the first switch to it (messages/index.ts).
beforeAll(() => loadEnglish());

const base: ProjectState = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01T00:00:00.000Z');
const site: Site = { id: 'site-1', name: '滨江一号', geometry: { type: 'Point', coordinates: [120.7, 28] }, units: 300, type: 'affordable-rental', year: 2023 };
const withScenario = (p: ProjectState, f: (s: ProjectState['scenarios'][0]) => ProjectState['scenarios'][0]): ProjectState => ({ ...p, scenarios: [f(p.scenarios[0])] });
const like = (p: ProjectState) => p as unknown as ProjectLike;

function conflictsOf(b: ProjectState, mine: ProjectState, theirs: ProjectState, lang: 'zh' | 'en' = 'zh') {
  const t = (k: string, params?: Record<string, string | number>) => translate(lang, k, params);
  return mergeProjects(like(b), like(mine), like(theirs)).conflicts.map((c) => describeConflict(c, { lang, t, base: b, mine, theirs }));
}

describe('describeConflict', () => {
  it('a grid cell: scenario, board, year and type; units on each side', () => {
    const cell = (units: number) => withScenario(base, (s) => ({ ...s, allocations: units ? [{ boardId: 'qidu', year: 2023, type: 'affordable-rental', units }] : [] }));
    expect(conflictsOf(cell(0), cell(1200), cell(800))).toEqual([{ what: '方案一 · 七都 · 2023 · 保障性租赁住房', base: '—', theirs: '800 套', mine: '1,200 套' }]);
    expect(conflictsOf(cell(0), cell(1200), cell(800), 'en')).toEqual([{ what: '方案一 · Qidu · 2023 · Affordable rental housing', base: '—', theirs: '800 units', mine: '1,200 units' }]);
  });

  it('a site: the fields both changed, and a deletion', () => {
    const sites = (s?: Site) => withScenario(base, (x) => ({ ...x, sites: s ? [s] : [] }));
    expect(conflictsOf(sites(site), sites({ ...site, units: 500 }), sites({ ...site, units: 400, year: 2024 }))).toEqual([{ what: '方案一 · 地块「滨江一号」：套数', base: '300 套', theirs: '400 套', mine: '500 套' }]);
    expect(conflictsOf(sites(site), sites({ ...site, units: 500 }), sites())).toEqual([{ what: '方案一 · 地块「滨江一号」', base: '300 套 · 2023', theirs: '已删除', mine: '500 套 · 2023' }]);
  });

  it("a scenario's name, and a board's entered dwellings (assumed when absent)", () => {
    const named = (name: string) => withScenario(base, (s) => ({ ...s, name }));
    expect(conflictsOf(base, named('甲'), named('乙'))).toEqual([{ what: '方案「甲」 · 名称', base: '方案一', theirs: '乙', mine: '甲' }]);
    const dw = (n?: number): ProjectState => ({ ...base, dwellings: n === undefined ? {} : { wutian: n } });
    expect(conflictsOf(dw(), dw(9000), dw(8000))).toEqual([{ what: '梧田 现状住宅', base: '假设值', theirs: '8,000 套', mine: '9,000 套' }]);
  });

  it('a rule threshold by its name in the app, not its key', () => {
    const rule = (v: number) => withScenario(base, (s) => ({ ...s, ruleSettings: { ...s.ruleSettings, approxTargetTolerancePct: v } }));
    expect(conflictsOf(base, rule(7), rule(9))).toEqual([{ what: '方案「方案一」 · 规则阈值：“约”目标的容差', base: String(base.scenarios[0].ruleSettings.approxTargetTolerancePct), theirs: '9', mine: '7' }]);
    expect(conflictsOf(base, rule(7), rule(9), 'en')[0].what).toMatch(/^scenario “方案一” · rule threshold: \S/);
  });
});
