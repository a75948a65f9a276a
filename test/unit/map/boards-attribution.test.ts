/** The map's credit line for the boards follows which are schematic and which the user loaded. */
import { describe, expect, it } from 'vitest';
import { boardsAttribution } from '../../../src/map/boards-attribution.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';

const loaded = (n: number) => defaultBoards.features.map((b, i) => (i < n ? { ...b, properties: { ...b.properties, schematic: false } } : b));

describe('boardsAttribution', () => {
  it('says 示意范围 only while some boards are schematic, and how many of each', () => {
    expect(boardsAttribution(defaultBoards.features).zh).toBe('板块：示意范围，安居绘制');
    expect(boardsAttribution(loaded(2)).zh).toBe('板块：2 个为用户载入的边界，19 个为示意范围（安居绘制）');
    expect(boardsAttribution(loaded(21))).toEqual({ zh: '板块：用户载入的边界', en: 'Boards: boundaries the user loaded' });
  });
});
