import { describe, expect, it } from 'vitest';
import { DIVERGING, SEQUENTIAL, ZERO_COLOR, divergingScale, niceStep, sequentialScale } from '../../../../src/ui/allocation/color-scale.ts';
import { BASEMAP_COLORS, BOARD_FILL_OPACITY, blendOver } from '../../../../src/map/colors.ts';

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

describe('choropleth classes and water', () => {
  /** CIE76 colour difference in CIELAB (D65): about 2.3 is just noticeable. */
  function deltaE(a: string, b: string): number {
    const lab = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const v = parseInt(hex.slice(i, i + 2), 16) / 255;
        return v > 0.04045 ? ((v + 0.055) / 1.055) ** 2.4 : v / 12.92;
      });
      const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
      const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
      const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
      const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
      return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
    };
    const [p, q] = [lab(a), lab(b)];
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  }

  it('no class, as drawn over the land, can be taken for the sea or inland water (the old blues were ΔE 2–20 from them)', () => {
    for (const c of [ZERO_COLOR, ...SEQUENTIAL, ...DIVERGING]) {
      const drawn = blendOver(c, BOARD_FILL_OPACITY);
      for (const water of [BASEMAP_COLORS.inlandWater, BASEMAP_COLORS.sea]) expect(deltaE(drawn, water), `${c} drawn as ${drawn} vs ${water}`).toBeGreaterThanOrEqual(10);
    }
    expect(deltaE('#9ecae1', BASEMAP_COLORS.inlandWater)).toBeLessThan(10); // the check can fail: a blue class would
  });
});
