/**
 * The population's index is its own order (point-cells.ts): box queries find exactly the points a
 * brute-force scan finds, for points in one city (cells) and spread over a continent (a tree then),
 * and columns the engine takes over (residents in a narrow integer array too) end up as the copy it makes otherwise.
 */
import { describe, expect, it } from 'vitest';
import { frameForBbox } from '../../../../src/analysis/coverage/local-frame.ts';
import { preparePopulation } from '../../../../src/analysis/coverage/population-points.ts';
import type { PopulationColumns } from '../../../../src/domain/population.ts';
import { mulberry32 } from '../../../../bench/seeded.ts';

function columns(n: number, [w, s, e, north]: number[], seed: number): PopulationColumns {
  const rnd = mulberry32(seed);
  const lon = Float64Array.from({ length: n }, () => w + rnd() * (e - w));
  const lat = Float64Array.from({ length: n }, () => s + rnd() * (north - s));
  // A few points exactly on one spot and on cell edges: ties and boundaries.
  for (let i = 0; i < n; i += 97) [lon[i], lat[i]] = [lon[0], lat[0]];
  return { kind: 'point-columns', lon, lat, population: Float64Array.from({ length: n }, () => rnd() * 10) };
}

describe('population points as their own index', () => {
  for (const [what, bbox] of [['a city', [120.5, 27.9, 120.8, 28.1]], ['a continent', [75, 18, 135, 53]]] as [string, [number, number, number, number]][]) {
    it(`finds what a scan finds in boxes over ${what}`, () => {
      const frame = frameForBbox(...bbox);
      const pop = preparePopulation(columns(5000, [...bbox], 1), [], [], frame);
      const rnd = mulberry32(2);
      const { xs, ys } = pop;
      const wrong: string[] = [];
      for (let q = 0; q < 42; q++) {
        const i = Math.floor(rnd() * xs.length);
        // Boxes of half-side 0 (edged exactly on a point) to 200 km.
        const r = [0, 1, 250, 300, 1000, 20000, 200000][q % 7];
        const box = [xs[i] - r, ys[i] - r, xs[i] + r, ys[i] + r] as const;
        const want = [];
        for (let k = 0; k < xs.length; k++) if (xs[k] >= box[0] && xs[k] <= box[2] && ys[k] >= box[1] && ys[k] <= box[3]) want.push(k);
        const got = pop.index!.search(...box).sort((a, b) => a - b);
        if (got.join() !== want.join()) wrong.push(`box ${q}: ${got.length} found, ${want.length} expected`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('takes columns over in place with the same numbers as the copy', () => {
    const frame = frameForBbox(120.5, 27.9, 120.8, 28.1);
    const copied = preparePopulation(columns(5000, [120.5, 27.9, 120.8, 28.1], 4), [], [], frame);
    const input = columns(5000, [120.5, 27.9, 120.8, 28.1], 4);
    const adopted = preparePopulation(input, [], [], frame, true);
    expect(adopted.xs).toBe(input.lon);
    expect(Array.from(adopted.xs)).toEqual(Array.from(copied.xs));
    expect(Array.from(adopted.ys)).toEqual(Array.from(copied.ys));
    expect(Array.from(adopted.weights)).toEqual(Array.from(copied.weights));
  });

  it('takes residents over in the narrow array they were read into, with the numbers a Float64Array copy has', () => {
    const frame = frameForBbox(120.5, 27.9, 120.8, 28.1);
    const wide = columns(5000, [120.5, 27.9, 120.8, 28.1], 5);
    wide.population = Float64Array.from(wide.population, (v) => Math.round(v * 100));
    const copied = preparePopulation(wide, [], [], frame);
    const input = columns(5000, [120.5, 27.9, 120.8, 28.1], 5);
    input.population = Uint16Array.from(wide.population);
    const adopted = preparePopulation(input, [], [], frame, true);
    expect(adopted.weights).toBe(input.population);
    expect(Array.from(adopted.weights)).toEqual(Array.from(copied.weights));
  });
});
