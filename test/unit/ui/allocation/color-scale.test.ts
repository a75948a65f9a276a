import { describe, expect, it } from 'vitest';
import { DIVERGING, SEQUENTIAL, ZERO_COLOR, divergingScale, niceStep, sequentialScale } from '../../../../src/ui/allocation/color-scale.ts';

describe('colour scales for board choropleths', () => {
  it('picks round steps', () => {
    expect([niceStep(60000, 5), niceStep(10, 5), niceStep(1, 5), niceStep(0, 5), niceStep(2400, 3), niceStep(7, 3)]).toEqual([20000, 2, 1, 1, 1000, 2.5]);
  });

  it('colours 0 as "none" and the largest value with the darkest class', () => {
    const s = sequentialScale({ a: 0, b: 60000, c: 20000, d: 20001, e: 1 });
    expect(s.legend.map((c) => [c.from, c.to])).toEqual([[0, 0], [0, 20000], [20000, 40000], [40000, 60000]]);
    expect(s.colors).toEqual({ a: ZERO_COLOR, b: SEQUENTIAL[4], c: SEQUENTIAL[2], d: SEQUENTIAL[3], e: SEQUENTIAL[2] });
  });

  it('shows only "none" when nothing is allocated', () => {
    expect(sequentialScale({ a: 0, b: 0 })).toEqual({ colors: { a: ZERO_COLOR, b: ZERO_COLOR }, legend: [{ from: 0, to: 0, color: ZERO_COLOR }] });
  });

  it('diverges around 0: less in B is red, more is blue, equal is neutral', () => {
    const s = divergingScale({ same: 0, more: 2500, less: -100, bitMore: 1 });
    expect(s.colors).toEqual({ same: DIVERGING[3], more: DIVERGING[6], less: DIVERGING[2], bitMore: DIVERGING[4] });
    expect(s.legend).toHaveLength(7);
    expect(s.legend[0].from).toBe(-3000);
    expect(s.legend[6].to).toBe(3000);
  });
});
