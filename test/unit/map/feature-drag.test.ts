/**
 * The point-drag ghost's pure parts (src/map/feature-drag.ts): the reach ring's on-screen radius,
 * which must match the ring the tile worker draws after the drop (src/geo/point-tile-index.ts
 * `ringAround`), and the colours taken from a rendered feature's evaluated paint. The ghost itself
 * is checked in Chromium by test/browser/coverage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cssColor, draggedOpacity, DRAGGED_FROM_OPACITY, ringRadiusPx } from '../../../src/map/feature-drag.ts';
import { ringAround } from '../../../src/geo/point-tile-index.ts';

/** Web Mercator at a zoom, 512-px tiles (MapLibre's), in px from the world's north-west corner. */
const mercator = (zoom: number) => ([lon, lat]: [number, number]) => {
  const size = 512 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return { x: ((lon + 180) / 360) * size, y: (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * size };
};

describe('drag ghost', () => {
  const wenzhou: [number, number] = [120.66, 28.0];

  it('draws the reach ring at the radius the tile worker draws it', () => {
    const project = mercator(13);
    const r = ringRadiusPx(project, wenzhou, 500);
    // The worker's ring, projected the same way: every vertex is that far from the centre.
    const c = project(wenzhou);
    const d = ringAround(wenzhou[0], wenzhou[1], 500).map(([lon, lat]) => {
      const p = project([lon, lat]);
      return Math.hypot(p.x - c.x, p.y - c.y);
    });
    for (const v of d) expect(Math.abs(v - r) / r).toBeLessThan(0.005); // 0.26 % here: Mercator stretches the north side a little more
    // About 500 m / (metres per px at 28° N, zoom 13): 2πa·cos φ / (512·2^13) ≈ 8.44 m.
    expect(r).toBeGreaterThan(58);
    expect(r).toBeLessThan(61);
  });

  it('scales the ring with the zoom and the radius', () => {
    const r = ringRadiusPx(mercator(13), wenzhou, 500);
    expect(ringRadiusPx(mercator(14), wenzhou, 500) / r).toBeCloseTo(2, 3);
    expect(ringRadiusPx(mercator(13), wenzhou, 1000) / r).toBeCloseTo(2, 3);
  });

  it('takes colours from evaluated paint: a CSS string, MapLibre Color (its toString), else the fallback', () => {
    expect(cssColor('#0571b0', '#000')).toBe('#0571b0');
    expect(cssColor({ r: 1, g: 0, b: 0, a: 1, toString: () => 'rgba(255,0,0,1)' }, '#000')).toBe('rgba(255,0,0,1)');
    expect(cssColor(undefined, '#000')).toBe('#000');
    expect(cssColor(3, '#000')).toBe('#000');
  });

  it('dims the dragged original through feature state', () => {
    expect(draggedOpacity()).toEqual(['case', ['boolean', ['feature-state', 'dragged'], false], DRAGGED_FROM_OPACITY, 1]);
  });
});
