/** Official board boundaries through the real importer and the one boards reader, then replaced. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { replaceBoardGeometries } from '../../../src/state/import-boards.ts';
import { importLayer } from '../../../src/io/import-layer.ts';
import { boardsReader } from '../../../src/io/readers/boards-reader.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';

const known = defaultBoards.features.map((b) => b.properties);

/** What the dialog does: import the file's bytes, read boards against the current ones (lenient off). */
async function importBoards(bytes: Uint8Array, file: string) {
  const r = await importLayer(bytes, file, { lenient: true });
  if (!r.ok) return { ok: false as const, problems: r.problems };
  const read = boardsReader.read({ file, features: r.value.features, origins: r.origins }, { known, requireKnown: true });
  // Features the importer skipped (lenient) are errors too, as in the dialog without the lenient tick.
  const skipped = r.warnings.filter((p) => r.summary.skipped.some((k) => k.featureIndex === p.featureIndex && k.codes.includes(p.code))).map((p) => ({ ...p, severity: 'error' as const }));
  if (!read.ok || skipped.length) return { ok: false as const, problems: [...skipped, ...(read.ok ? [] : read.problems)] };
  return { ok: true as const, value: replaceBoardGeometries(defaultBoards, read.value, file, '2026-11-25') };
}
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/boards/${name}`, import.meta.url)));
const json = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

describe('board boundaries', () => {
  it('replaces the boards a file names (by name with 板块 suffix, or by id) and says once how many keep their extent', async () => {
    const r = await importBoards(fixture('official-two-boards.geojson'), 'official.geojson');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.replacedIds.sort()).toEqual(['qidu', 'wutian']);
    const qidu = r.value.boards.features.find((b) => b.properties.id === 'qidu')!;
    expect(qidu.properties).toMatchObject({ schematic: false, confidence: 'high', name: '七都', category: 'key-expansion', geometrySource: 'imported: official.geojson (2026-11-25)' });
    const untouched = r.value.boards.features.find((b) => b.properties.id === 'jiucheng')!;
    expect(untouched).toBe(defaultBoards.features.find((b) => b.properties.id === 'jiucheng'));
    expect(r.value.warnings.map((p) => formatProblem(p, 'en'))).toEqual(['official.geojson: 2 of 21 boards replaced; 19 keep their current extent (19 of them schematic)']);
    expect(formatProblem(r.value.warnings[0], 'zh')).toBe('official.geojson: 已替换 21 个板块中的 2 个；其余 19 个保留原有范围（其中 19 个为示意范围）');
  });

  it('warns about imported boards that overlap, naming the pair and the overlap area', async () => {
    const sq = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: '七都' }, geometry: sq(120.7, 28.0) },
      { type: 'Feature', properties: { name: '梧田' }, geometry: sq(120.705, 28.0) }, // half of 七都's square
      { type: 'Feature', properties: { name: '旧城' }, geometry: sq(120.8, 28.0) },
    ] };
    const r = await importBoards(json(fc), 'overlap.geojson');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const overlap = r.value.warnings.filter((p) => p.code === 'boards-overlap');
    expect(overlap.map((p) => formatProblem(p, 'zh'))).toEqual(['overlap.geojson: 板块“梧田”与“七都”重叠 0.55 平方公里：重叠部分会在两个板块中重复计算，请检查边界']);
    // 0.005° × 0.01° at 28.005°N, equirectangular: 0.4914 km × 1.1068 km ≈ 0.544 km².
    expect(Math.abs(Number(overlap[0].params?.km2) - 0.005 * 111.32 * Math.cos((28.005 * Math.PI) / 180) * 0.01 * 110.67)).toBeLessThan(0.01);
  });

  it('warns about an imported board that overlaps a schematic board the file left alone, asking for that board too', async () => {
    // 七都 drawn over 旧城's schematic extent: all of 旧城 would be counted in both.
    const jiucheng = defaultBoards.features.find((b) => b.properties.id === 'jiucheng')!;
    const r = await importBoards(json({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '七都' }, geometry: jiucheng.geometry }] }), 'qidu.geojson');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const over = r.value.warnings.filter((p) => p.code === 'boards-overlap-schematic');
    const jiuchengOver = over.find((p) => p.params?.b === '旧城')!;
    expect(formatProblem(jiuchengOver, 'zh')).toMatch(/^qidu\.geojson: 导入的板块“七都”与示意范围的板块“旧城”重叠 [\d.]+ 平方公里：重叠部分会在两个板块中重复计算，请一并导入“旧城”的正式边界$/);
    expect(Number(jiuchengOver.params?.km2)).toBeGreaterThan(0.5);
    // The imported board's own schematic extent is replaced, not compared; boards far away are not named.
    expect(over.map((p) => p.params?.b)).not.toContain('七都');
    expect(over.map((p) => p.params?.b)).not.toContain('洞头岛');
  });

  it('reports every wrong feature of a bad file, by feature and problem', async () => {
    const r = await importBoards(fixture('bad-boards.geojson'), 'bad.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => formatProblem(p, 'en'))).toEqual([
      'bad.geojson feature #4: coordinates look projected (metres), not longitude/latitude: 3400000, 40000; convert to WGS-84/CGCS2000 degrees first',
      'bad.geojson feature #2 field name: "新桥" is not one of the 21 boards',
      'bad.geojson feature #3: geometry type is Point, expected Polygon/MultiPolygon',
    ]);
    expect(formatProblem(r.problems[1], 'zh')).toBe('bad.geojson 要素 #2 字段 name: “新桥”不是21个板块之一');
  });

  it('accepts a file whose only column is 板块名称 (as the CLI does: the same reader)', async () => {
    const g = defaultBoards.features[3].geometry;
    const r = await importBoards(json({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 板块名称: `${defaultBoards.features[3].properties.name}板块` }, geometry: g }] }), 'b.geojson');
    expect(r.ok && r.value.replacedIds).toEqual([defaultBoards.features[3].properties.id]);
  });

  it('rejects a board named twice', async () => {
    const twice = { type: 'FeatureCollection', features: [0, 1].map(() => ({ type: 'Feature', properties: { name: '梧田' }, geometry: defaultBoards.features[3].geometry })) };
    const r = await importBoards(json(twice), 't.geojson');
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'duplicate-board', featureIndex: 1, params: { other: 1 } });
  });
});
