/**
 * Writes geodata/plan-examples/example-2026-2030.plan.json: a small EXAMPLE plan package (示例,
 * not an official plan) for 2026–2030 with 9 boards, to show and test loading another package.
 * Its outlines are copies of 9 of the shipped schematic boards (geodata/boards.geojson); its
 * guidance, structure and rules reuse the built-in plan's words (cited to the 2021–2025 plan, as
 * they are); its targets and their figures are made up and say so.
 *   npx tsx scripts/build-example-plan.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { BoardCollection, Category } from '../src/domain/board.ts';
import type { PlanPackage } from '../src/domain/plan-package.ts';
import type { Target } from '../src/domain/target.ts';

const root = new URL('../geodata/', import.meta.url);
const read = <T>(p: string): T => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as T;

/** The example's boards: 3 + 3 + 3, with one category changed (瓯江口 becomes a stock-upgrade board in this illustration). */
const BOARDS: [string, Category][] = [
  ['jiucheng', 'stock-upgrade'],
  ['jingxin', 'stock-upgrade'],
  ['oujiangkou', 'stock-upgrade'],
  ['qidu', 'key-expansion'],
  ['zhenan-tech-city', 'key-expansion'],
  ['etdz', 'key-expansion'],
  ['xincheng', 'moderate-development'],
  ['hsr-new-town', 'moderate-development'],
  ['konggang', 'moderate-development'],
];

const NOT_FROM_A_PLAN = { cite: {}, quote: '示例数值，非规划原文（example figure, not from any plan）' };
const note = '示例：数值为虚构，仅用于演示规划包，不是任何正式规划的指标。';
const noteEn = 'Example: a made-up figure to show plan packages; not a target of any official plan.';

const target = (t: Omit<Target, 'group' | 'attribute' | 'scope' | 'note' | 'noteEn'>): Target => ({ group: '示例指标', attribute: null, scope: 'city-wide', note, noteEn, ...t });

const shipped = read<BoardCollection>('boards.geojson');
const list = BOARDS.map(([id, category]) => {
  const f = shipped.features.find((b) => b.properties.id === id);
  if (!f) throw new Error(`no shipped board ${id}`);
  return { f, category };
});
const builtinGuidance = read<PlanPackage['guidance']>('plan/guidance.json');

const pkg: PlanPackage = {
  format: 'anju-plan-package',
  formatVersion: 1,
  id: 'example-2026-2030',
  version: '0.1.0',
  example: true,
  title: { zh: '示例规划包 2026–2030（非正式规划）', en: 'Example plan package 2026–2030 (not an official plan)' },
  documentNumber: '',
  period: { years: [2026, 2027, 2028, 2029, 2030] },
  targets: {
    source: '示例规划包：全部指标为虚构示例（example: every target is made up）',
    tableName: '示例指标表',
    tableHeader: '',
    bracketNote: NOT_FROM_A_PLAN,
    targets: [
      target({ id: 'new-commercial-supply', name: '示例：新建商品住房供应', nameEn: 'Example: new commercial housing supply', unit: '万套', comparison: 'range', periodKind: 'five-year-total', measurable: true, period: { ...NOT_FROM_A_PLAN, min: 20, max: 25 }, annual: null, housingTypes: ['commercial'] }),
      target({ id: 'rental-housing-raised', name: '示例：筹集保障性租赁住房', nameEn: 'Example: affordable rental housing raised', unit: '万套', comparison: 'at-least', periodKind: 'five-year-total', measurable: true, period: { ...NOT_FROM_A_PLAN, min: 3, max: null }, annual: null, housingTypes: ['affordable-rental', 'talent-rental', 'public-rental'] }),
      target({ id: 'floor-area-per-person', name: '示例：城镇人均住房建筑面积', nameEn: 'Example: urban floor area per person', unit: 'm²', comparison: 'reach', periodKind: 'end-value', measurable: false, period: { ...NOT_FROM_A_PLAN, min: 50, max: null }, annual: null }),
    ],
  },
  annexes: { annex1: null, annex2: null },
  boards: {
    source: '示例：9 个板块，范围取自安居内置的示意范围（geodata/boards.geojson），非规划划定',
    list: list.map(({ f, category }) => ({ id: f.properties.id, name: f.properties.name, nameEn: f.properties.nameEn, category, planDistrict: f.properties.planDistrict })),
    geometry: {
      type: 'FeatureCollection',
      features: list.map(({ f, category }) => ({
        type: 'Feature',
        properties: { ...f.properties, category, geometrySource: 'example plan package: a copy of the shipped schematic outline', schematic: true },
        geometry: f.geometry,
      })),
    },
  },
  guidance: {
    ...builtinGuidance,
    source: `示例规划包沿用 2021–2025 规划的文字，引文仍指向该规划（example: the 2021–2025 plan's words, cited to it). ${builtinGuidance.source}`,
  },
  structure: read<PlanPackage['structure']>('plan/structure.json'),
  rules: read<PlanPackage['rules']>('plan/allocation-rules.json'),
  chapters: [{ kind: 'categories' }, { kind: 'boards-of-category', category: 'key-expansion' }, { kind: 'structure' }],
};

mkdirSync(new URL('plan-examples/', root), { recursive: true });
writeFileSync(new URL('plan-examples/example-2026-2030.plan.json', root), JSON.stringify(pkg, null, 1).replace(/\[\s*(-?[\d.]+),\s*(-?[\d.]+)\s*\]/g, '[$1, $2]') + '\n');
console.log('wrote geodata/plan-examples/example-2026-2030.plan.json');
