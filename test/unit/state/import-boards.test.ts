import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchBoardFeatures } from '../../../src/state/import-boards.ts';
import { asFeatureCollection } from '../../../src/geo/validate-geojson.ts';
import type { BoardCollection } from '../../../src/domain/board.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/boards/${name}`, import.meta.url), 'utf8');

/** Parse a file's text as the importer would hand it over, then match it to the boards. */
function importBoardsText(text: string, current: BoardCollection, file: string, importedAt: string) {
  return matchBoardFeatures(asFeatureCollection(JSON.parse(text))!, current, file, importedAt);
}

describe('matchBoardFeatures', () => {
  it('replaces the boards a file names (by name with 板块 suffix, or by id) and keeps the rest', () => {
    const r = importBoardsText(fixture('official-two-boards.geojson'), defaultBoards, 'official.geojson', '2026-11-25');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.replacedIds.sort()).toEqual(['qidu', 'wutian']);
    const qidu = r.value.boards.features.find((b) => b.properties.id === 'qidu')!;
    expect(qidu.properties).toMatchObject({ schematic: false, confidence: 'high', name: '七都', category: 'key-expansion', geometrySource: 'imported: official.geojson (2026-11-25)' });
    expect(qidu.geometry.type).toBe('Polygon');
    const untouched = r.value.boards.features.find((b) => b.properties.id === 'jiucheng')!;
    expect(untouched).toBe(defaultBoards.features.find((b) => b.properties.id === 'jiucheng'));
    expect(r.warnings).toHaveLength(19);
    expect(r.warnings[0]).toMatchObject({ code: 'missing-board', severity: 'warning' });
  });

  it('reports every wrong feature of a bad file, by feature and problem, and returns no boards', () => {
    const r = importBoardsText(fixture('bad-boards.geojson'), defaultBoards, 'bad.geojson', '2026-11-25');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      'bad.geojson feature #2 field name: "新桥" is not one of the 21 boards',
      'bad.geojson feature #3: geometry type is Point, expected Polygon/MultiPolygon',
      'bad.geojson feature #4: coordinates look projected (metres), not longitude/latitude: 3400000, 40000; convert to WGS-84/CGCS2000 degrees first',
    ]);
    expect(formatProblem(r.problems[0], 'zh')).toBe('bad.geojson 要素 #2 字段 name: “新桥”不是21个板块之一');
  });

  it('rejects a board named twice', () => {
    const twice = JSON.stringify({ type: 'FeatureCollection', features: [0, 1].map(() => ({ type: 'Feature', properties: { name: '梧田' }, geometry: defaultBoards.features[3].geometry })) });
    const r = importBoardsText(twice, defaultBoards, 't.geojson', 'd');
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'duplicate-board', featureIndex: 1, params: { other: 1 } });
  });

  it('rejects a self-intersecting polygon and one outside Wenzhou', () => {
    const bow = { type: 'Polygon', coordinates: [[[120.6, 28], [120.7, 28.05], [120.7, 28], [120.6, 28.05], [120.6, 28]]] };
    const far = { type: 'Polygon', coordinates: [[[116.3, 39.9], [116.4, 39.9], [116.4, 40], [116.3, 39.9]]] };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { id: 'wutian' }, geometry: bow },
      { type: 'Feature', properties: { id: 'qidu' }, geometry: far },
    ] });
    const r = importBoardsText(text, defaultBoards, 'f.geojson', 'd');
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['invalid-polygon', 'outside-wenzhou']);
  });
});
