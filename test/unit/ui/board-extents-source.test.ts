/** The 示意范围 mentions follow which boards are still schematic. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BoardCollection, BoardFeature } from '../../../src/domain/board.ts';
import { boardExtentsSource } from '../../../src/ui/board-extents-source.ts';
import { defaultDwellingsByBoard } from '../../../src/analysis/jobs-housing/default-dwellings.ts';
import type { DwellingAssumptions } from '../../../src/domain/dwelling-assumptions.ts';

const shipped = (JSON.parse(readFileSync('geodata/boards.geojson', 'utf8')) as BoardCollection).features;
const official = (b: BoardFeature): BoardFeature => ({ ...b, properties: { ...b.properties, schematic: false } });

describe('board extents follow the loaded boundaries', () => {
  it('schematic, partly replaced, all official', () => {
    expect(boardExtentsSource(shipped).zh).toBe('板块范围：安居根据街道锚点绘制的示意范围，非规划或行政边界');
    expect(boardExtentsSource([...shipped.slice(0, 19), ...shipped.slice(19).map(official)]).zh).toBe('板块范围：2 个为用户载入的正式边界；其余 19 个为安居根据街道锚点绘制的示意范围，非规划或行政边界');
    expect(boardExtentsSource(shipped.map(official)).en).toBe('Board extents: all 21 are official boundaries the user loaded');
  });

  it("the job–housing dwelling assumption says whose area it uses", () => {
    const a = JSON.parse(readFileSync('geodata/assumptions/board-dwellings.json', 'utf8')) as DwellingAssumptions;
    const boards = { type: 'FeatureCollection' as const, features: [shipped[0], official(shipped[1])] };
    const d = defaultDwellingsByBoard(boards, a);
    expect([d[shipped[0].properties.id].schematic, d[shipped[1].properties.id].schematic]).toEqual([true, false]);
    expect(d[shipped[0].properties.id].basis).toContain('km² (schematic)');
    expect(d[shipped[1].properties.id].basis).toContain('km² (official boundary)');
  });
});
