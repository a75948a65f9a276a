import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importLayer } from '../../../../src/io/import-layer.ts';
import { formatProblem } from '../../../../src/i18n/problems.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';
import type { ProjectState } from '../../../../src/state/project.ts';
import { assessImport } from '../../../../src/ui/import/assess-import.ts';
import { importTarget, importTargets, registerImportTarget } from '../../../../src/ui/import/targets.ts';

const state: ProjectState = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01');
const ctx = (file: string) => ({ file, state, importedAt: '2026-01-02' });
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
/** Parse as the dialog does (always lenient in the worker), then assess for a target. */
async function assess(data: Uint8Array, file: string, targetId: string, lenient = false) {
  const target = importTarget(targetId);
  const result = await importLayer(data, file, { lenient: true });
  return assessImport(result, target, ctx(file), lenient);
}
const texts = (ps: { code: string }[]) => ps.map((p) => formatProblem(p as never, 'zh'));

describe('assessImport', () => {
  it('names every bad feature of a boundary file in its file position: parser errors and board matching alike', async () => {
    const a = await assess(bytes('boards/bad-boards.geojson'), 'bad-boards.geojson', 'boards');
    expect(a.outcome).toBeNull();
    const t = texts(a.problems);
    expect(t).toContain('bad-boards.geojson 要素 #2 字段 name: “新桥”不是21个板块之一');
    expect(t).toContain('bad-boards.geojson 要素 #3: 几何类型为 Point，应为 Polygon/MultiPolygon');
    expect(t.some((x) => x.startsWith('bad-boards.geojson 要素 #4: 坐标看似投影坐标'))).toBe(true);
    expect(a.errorCount).toBe(3);
    expect(a.problems.every((p, i, all) => i === 0 || all[i - 1].severity === 'error' || p.severity === 'warning')).toBe(true);
  });

  it('with lenient ticked, skips the bad features (parser and target) and replaces only the good board', async () => {
    const a = await assess(bytes('boards/bad-boards.geojson'), 'bad-boards.geojson', 'boards', true);
    expect(a.outcome?.count).toBe(1);
    expect(a.errorCount).toBe(0);
    expect(a.skippedCount).toBe(3);
    const next = a.outcome!.change.apply(state).state;
    expect(next.boards.features.filter((b) => !b.properties.schematic).map((b) => b.properties.id)).toEqual(['qidu']);
  });

  it('imports GBK shapefile boards as one change whose inverse restores the boards', async () => {
    const a = await assess(bytes('import/boards-gbk.zip'), 'boards-gbk.zip', 'boards');
    expect(a.outcome?.count).toBe(2);
    const { state: next, inverse } = a.outcome!.change.apply(state);
    expect(next.boards.features.find((b) => b.properties.id === 'jiucheng')?.properties.geometrySource).toBe('imported: boards-gbk.zip (2026-01-02)');
    expect(inverse.apply(next).state.boards).toBe(state.boards);
  });

  it('maps facilities and warns about unknown categories on their CSV row', async () => {
    const a = await assess(bytes('import/shops-gcj02.csv'), 'shops-gcj02.csv', 'facilities');
    expect(texts(a.problems)).toEqual([
      'shops-gcj02.csv 第 2 行 字段 category: 类别“health”未能对应 GB 50180 设施类别（1 个要素，首见于此），仅计入“全部设施”',
      'shops-gcj02.csv 第 4 行 字段 category: 类别“market”未能对应 GB 50180 设施类别（1 个要素，首见于此），仅计入“全部设施”',
    ]);
    const next = a.outcome!.change.apply(state).state;
    expect(next.facilities[1]).toEqual({ id: 'f2', category: 'kindergarten', name: '温州站 幼儿园', lonLat: [120.7030576, 27.9907173] });
  });

  it('reports the CSV row of a target problem after earlier rows were skipped', async () => {
    const csv = enc('lon,lat,category\nx,28,school\n120.6,28,health\n120.7,28,kindergarten\n');
    const a = await assess(csv, 'f.csv', 'facilities', true);
    // Row 2 is skipped by the parser (bad coordinate); the target's note on 'health' must say row 3, not 2.
    expect(texts(a.problems.filter((p) => p.code === 'unknown-category'))).toEqual(['f.csv 第 3 行 字段 category: 类别“health”未能对应 GB 50180 设施类别（1 个要素，首见于此），仅计入“全部设施”']);
    expect(a.outcome?.count).toBe(2);
  });

  it('fills population, streets and employment slices; employment marked not illustrative', async () => {
    const pop = await assess(bytes('import/population-gbk.csv'), 'population-gbk.csv', 'population');
    expect(pop.outcome!.change.apply(state).state.population).toEqual({ kind: 'points', points: [{ lonLat: [120.655, 28.015], population: 1000 }, { lonLat: [120.699, 27.994], population: 2000 }, { lonLat: [120.8, 27.95], population: 3000 }] });
    const lines = enc(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '路' }, geometry: { type: 'LineString', coordinates: [[120.65, 28], [120.66, 28.01]] } }] }));
    const st = await assess(lines, 's.geojson', 'streets');
    expect(st.outcome!.change.apply(state).state.streets?.features).toHaveLength(1);
    const area = enc(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '园区', jobs: '1200' }, geometry: { type: 'Polygon', coordinates: [[[120.65, 28], [120.66, 28], [120.66, 28.01], [120.65, 28]]] } }] }));
    const em = await assess(area, 'e.geojson', 'employment');
    const f = em.outcome!.change.apply(state).state.employment.features[0];
    expect(f.properties).toMatchObject({ id: '园区', name: '园区', jobs: 1200, illustrative: false });
  });

  it('blocks a population file with a non-numeric value unless lenient, naming feature and field', async () => {
    const strict = await assess(bytes('import/population-non-numeric.geojson'), 'p.geojson', 'population');
    expect(strict.outcome).toBeNull();
    expect(texts(strict.problems.filter((p) => p.severity === 'error'))).toEqual(['p.geojson 要素 #2 字段 population: 人口不是非负数字：“约三千”']);
    const lenient = await assess(bytes('import/population-non-numeric.geojson'), 'p.geojson', 'population', true);
    expect(lenient.outcome?.count).toBe(2);
  });

  it('an unreadable file is only problems, with nothing to apply', async () => {
    const a = await assess(bytes('import/not-a-zip.zip'), 'not-a-zip.zip', 'boards', true);
    expect(a.outcome).toBeNull();
    expect(a.problems[0].code).toBe('zip-invalid');
  });
});

describe('import targets', () => {
  it('actual supply: a table without coordinates becomes ONE undoable change of the actuals slice; hostile rows block it', async () => {
    const result = await importLayer(bytes('actuals/actuals-sample.csv'), 'actuals-sample.csv', { lenient: true, allowTable: true });
    const a = assessImport(result, importTarget('actuals'), ctx('actuals-sample.csv'), false);
    expect(a.errorCount).toBe(0);
    expect(a.outcome?.count).toBe(9);
    const { state: next, inverse } = a.outcome!.change.apply(state);
    expect(next.actuals).toMatchObject({ file: 'actuals-sample.csv', importedAt: '2026-01-02' });
    expect(next.actuals!.records.reduce((s, r) => s + r.units, 0)).toBe(18_066);
    expect(inverse.apply(next).state.actuals).toBeNull();
    const bad = await importLayer(bytes('actuals/actuals-hostile.csv'), 'actuals-hostile.csv', { lenient: true, allowTable: true });
    const b = assessImport(bad, importTarget('actuals'), ctx('actuals-hostile.csv'), false);
    expect(b.outcome).toBeNull();
    expect(texts(b.problems)[0]).toBe('actuals-hostile.csv 第 2 行 字段 板块: “不存在板块”不是21个板块之一');
  });

  it('lists the six built-in targets and lets a feature override one in place', () => {
    expect(importTargets().map((t) => t.id)).toEqual(['boards', 'facilities', 'population', 'streets', 'employment', 'actuals']);
    expect(importTarget('actuals').allowTable).toBe(true);
    const original = importTarget('streets');
    registerImportTarget({ ...original, doneKey: 'x' });
    try {
      expect(importTargets().map((t) => t.id)).toEqual(['boards', 'facilities', 'population', 'streets', 'employment', 'actuals']);
      expect(importTarget('streets').doneKey).toBe('x');
    } finally {
      registerImportTarget(original);
    }
  });
});
