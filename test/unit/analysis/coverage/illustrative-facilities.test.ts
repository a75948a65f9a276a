/** The illustrative facility set: deterministic, inside its board, marked illustrative, tiers from GB 50180. */
import { describe, expect, it } from 'vitest';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import { categoryTiers, tierOf } from '../../../../src/domain/facility.ts';
import { pointInAreal } from '../../../../src/geo/point-polygon.ts';
import { illustrativeFacilities, ILLUSTRATIVE_DENSITY } from '../../../../src/analysis/coverage/illustrative-facilities.ts';

const boards = defaultBoards.features.map((f) => ({ id: f.properties.id, geometry: f.geometry }));
const tiers = categoryTiers(gb50180.facilities);

describe('illustrativeFacilities', () => {
  const set = illustrativeFacilities(boards, gb50180.facilities);

  it('is deterministic for a seed and differs for another seed', () => {
    expect(illustrativeFacilities(boards, gb50180.facilities)).toEqual(set);
    expect(illustrativeFacilities(boards, gb50180.facilities, 7).map((f) => f.lonLat)).not.toEqual(set.map((f) => f.lonLat));
  });

  it('places every facility inside the board its id names, and marks it illustrative', () => {
    const byId = new Map(boards.map((b) => [b.id, b.geometry]));
    for (const f of set) {
      const board = /^demo-(.+)-(15|10|5)-min-\d+$/.exec(f.id)![1];
      expect(pointInAreal(f.lonLat, byId.get(board)!), f.id).toBe(true);
      expect(f.illustrative).toBe(true);
      expect(f.name).toMatch(/（示意）$/);
    }
    expect(new Set(set.map((f) => f.id)).size).toBe(set.length);
  });

  it('gives every board between min and max facilities of each tier, of categories of that tier', () => {
    for (const b of boards) {
      for (const t of ['15-min', '10-min', '5-min'] as const) {
        const mine = set.filter((f) => f.id.startsWith(`demo-${b.id}-${t}-`));
        expect(mine.length, `${b.id} ${t}`).toBeGreaterThanOrEqual(ILLUSTRATIVE_DENSITY[t].min);
        expect(mine.length, `${b.id} ${t}`).toBeLessThanOrEqual(ILLUSTRATIVE_DENSITY[t].max);
        for (const f of mine) expect(tierOf(f.category, tiers)).toBe(t);
      }
    }
  });
});
