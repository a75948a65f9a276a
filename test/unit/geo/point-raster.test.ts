/**
 * Dense point tiles drawn as images (src/geo/point-raster.ts, point-grid-tiles.ts `raster`) show
 * each point as the circle layer draws it: checked pixel by pixel against MapLibre's circle shader
 * evaluated at each pixel's centre from the exact position, and against the vector
 * tile of the same points (every point of the tile has its colour drawn where the tile puts it).
 */
import { describe, expect, it } from 'vitest';
import { rasterPoints, rgbOfHex, type PointRasterStyle } from '../../../src/geo/point-raster.ts';
import { PointGridTiles } from '../../../src/geo/point-grid-tiles.ts';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { POINT_TILE_LAYER } from '../../../src/geo/packed-points.ts';
import type { PackedPoints } from '../../../src/geo/packed-points.ts';

const STYLE: PointRasterStyle = { colors: ['#1f6f8b', '#7b3294', '#008837'], radius: 5.25, strokeColor: '#fff', strokeWidth: 1.5 };

const smoothstep = (v: number) => {
  const t = Math.min(1, Math.max(0, v));
  return t * t * (3 - 2 * t);
};

/**
 * Straight-alpha RGBA of the circles drawn source-over in order, each pixel by MapLibre's circle
 * fragment shader at its centre from the exact position (opacity smoothstep over the outer pixel,
 * fill mixed into the stroke over the pixel inside the radius).
 */
function reference(w: number, h: number, xy: number[], color: number[], s: PointRasterStyle): Float64Array {
  const out = new Float64Array(w * h * 4); // premultiplied 0–1
  const stroke = rgbOfHex(s.strokeColor).map((v) => v / 255);
  for (let i = 0; i < color.length; i++) {
    const fill = rgbOfHex(s.colors[color[i]]).map((v) => v / 255);
    for (let py = 0; py < h; py++) {
      for (let px = 0; px < w; px++) {
        const d = Math.hypot(px + 0.5 - xy[2 * i], py + 0.5 - xy[2 * i + 1]);
        const a = smoothstep(s.radius + s.strokeWidth - d);
        if (a === 0) continue;
        const f = smoothstep(s.radius - d);
        const k = 4 * (py * w + px);
        for (let c = 0; c < 3; c++) out[k + c] = a * (fill[c] * f + stroke[c] * (1 - f)) + out[k + c] * (1 - a);
        out[k + 3] = a + out[k + 3] * (1 - a);
      }
    }
  }
  return out;
}

describe('rasterPoints', () => {
  it("draws each circle as MapLibre's circle shader does: disc, white stroke outside it, antialiased edge", () => {
    const w = 40, h = 30;
    // Whole, half and quarter pixel positions, one circle cut by the image's edge, one overlapping another (drawn on top).
    const xy = [10, 10, 25.5, 12.25, 33.3, 22.8, 1.2, 27, 14.4, 20.1, 17.9, 22.6];
    const color = [0, 1, 2, 0, 1, 2];
    const img = rasterPoints(w, h, xy, color, STYLE)!;
    const ref = reference(w, h, xy, color, STYLE);
    let worstAlpha = 0, worstColor = 0, sumAlpha = 0;
    for (let p = 0; p < w * h; p++) {
      const a = ref[4 * p + 3];
      worstAlpha = Math.max(worstAlpha, Math.abs(img[4 * p + 3] / 255 - a));
      sumAlpha += Math.abs(img[4 * p + 3] / 255 - a);
      // Colour where the reference is mostly opaque (at faint edges a small error in alpha swings the straight colour).
      if (a > 0.5 && img[4 * p + 3] > 127) for (let c = 0; c < 3; c++) worstColor = Math.max(worstColor, Math.abs(img[4 * p + c] - (255 * ref[4 * p + c]) / a));
    }
    // Positions rounded to a quarter pixel: within 0.2 alpha (0.01 on average), and in colour within a
    // quarter of the fill–stroke difference at their edge.
    expect(worstAlpha).toBeLessThan(0.2);
    expect(sumAlpha / (w * h)).toBeLessThan(0.01);
    expect(worstColor).toBeLessThan(64);
    // The centres in their colours, the ring white, and nothing two pixels beyond the stroke.
    const at = (x: number, y: number) => Array.from(img.slice(4 * (y * w + x), 4 * (y * w + x) + 4));
    expect(at(10, 10)).toEqual([...rgbOfHex('#1f6f8b'), 255]);
    expect(at(25, 12)).toEqual([...rgbOfHex('#7b3294'), 255]);
    expect(at(25, 6)).toEqual([255, 255, 255, 255]); // its centre 5.75 px below (radius 5.25, stroke 1.5): in the stroke
    expect(at(10, 1)[3]).toBe(0); // 8.5 px above: outside
    // The later of two overlapping circles is on top: between their centres the overlap shows the last one's fill.
    expect(at(16, 21).slice(0, 3)).toEqual(rgbOfHex('#008837'));
  });

  it('draws only the last of points on the same pixel (the one on top) and gives null when nothing touches the image', () => {
    const img = rasterPoints(20, 20, [10.1, 10.1, 10.3, 10.2, 10.2, 10.4], [0, 1, 2], STYLE)!;
    expect(Array.from(img.slice(4 * (10 * 20 + 10), 4 * (10 * 20 + 10) + 3))).toEqual(rgbOfHex('#008837'));
    expect(rasterPoints(20, 20, [-30, 5, 60, 60], [0, 0], STYLE)).toBeNull();
    expect(rasterPoints(20, 20, [], [], STYLE)).toBeNull();
  });
});

function pack(pts: { id: string; lon: number; lat: number; tier: string }[]): PackedPoints {
  const lonLat = new Float64Array(pts.flatMap((p) => [p.lon, p.lat]));
  const json = JSON.stringify({ id: pts.map((p) => p.id), tier: pts.map((p) => p.tier) });
  return { count: pts.length, lonLat, columnsUtf8: new TextEncoder().encode(json) };
}

const projected = (lon: number, lat: number, z: number): [number, number] => {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lon / 360 + 0.5) * 2 ** z, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z];
};

describe('PointGridTiles.raster', () => {
  const TIERS = ['15-min', '10-min', '5-min', 'other'];
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const pts = Array.from({ length: 3000 }, (_, i) => ({ id: `f${i}`, lon: 120.55 + rand() * 0.2, lat: 27.95 + rand() * 0.1, tier: TIERS[i % 4] }));
  const grid = new PointGridTiles(pack(pts));
  const paint = { colors: ['#7b3294', '#0571b0', '#008837', '#666666'], colorBy: { property: 'tier', values: ['15-min', '10-min', '5-min'] }, radius: 3, strokeColor: '#ffffff', strokeWidth: 1 };

  it('puts every point of the tile where the tile puts it, in its tier colour or under a later one', () => {
    const z = 13;
    const size = 512;
    const [tx, ty] = projected(120.65, 28.0, z).map(Math.floor);
    const img = grid.raster(z, tx, ty, size, paint)!;
    expect(img).not.toBeNull();
    let inside = 0, own = 0;
    const colors = paint.colors.map(rgbOfHex);
    for (const [i, p] of pts.entries()) {
      const [x, y] = projected(p.lon, p.lat, z);
      const px = Math.floor((x - tx) * size), py = Math.floor((y - ty) * size);
      if (px < 0 || py < 0 || px >= size || py >= size) continue;
      inside++;
      const k = 4 * (py * size + px);
      expect(img[k + 3], `point ${i} drawn`).toBe(255);
      // Its own colour unless a later circle (its fill, stroke or edge) covers its centre.
      if (JSON.stringify(Array.from(img.slice(k, k + 3))) === JSON.stringify(colors[i % 4])) own++;
    }
    expect(inside).toBeGreaterThan(200);
    expect(own / inside).toBeGreaterThan(0.8);
  });

  it('draws the part of a circle whose point is in the next tile, and gives null for a tile without any', () => {
    const z = 15;
    const one = new PointGridTiles(pack([{ id: 'a', lon: 120.65, lat: 28.0, tier: '5-min' }]));
    const [x, y] = projected(120.65, 28.0, z);
    const [tx, ty] = [Math.floor(x), Math.floor(y)];
    const size = 256;
    const own = one.raster(z, tx, ty, size, paint)!;
    const k = 4 * (Math.floor((y - ty) * size) * size + Math.floor((x - tx) * size));
    expect(Array.from(own.slice(k, k + 4))).toEqual([...rgbOfHex('#008837'), 255]);
    // The tile to the left, seen from a point 1.5 px right of its edge: the circle reaches into it.
    const edge = new PointGridTiles(pack([{ id: 'b', lon: ((tx + 1.5 / size) / 2 ** z - 0.5) * 360, lat: 28.0, tier: '5-min' }]));
    const left = edge.raster(z, tx - 1, ty, size, paint)!;
    const row = Math.floor((y - ty) * size);
    expect(left[4 * (row * size + size - 1) + 3]).toBe(255);
    expect(one.raster(z, tx + 3, ty, size, paint)).toBeNull();
  });
});

describe('PointGridTiles.tile for picking only (under tiles drawn as images)', () => {
  /** Features of a tile: id and position in tile units, in tile order. */
  const features = (buf: ArrayBuffer) => {
    const layer = new VectorTile(new PbfReader(new Uint8Array(buf))).layers[POINT_TILE_LAYER];
    return Array.from({ length: layer?.length ?? 0 }, (_, i) => {
      const f = layer.feature(i);
      const [[p]] = f.loadGeometry();
      return { id: String(f.properties.id), x: p.x, y: p.y };
    });
  };
  let seed = 11;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const pts = Array.from({ length: 20_000 }, (_, i) => ({ id: `f${i}`, lon: 120.6 + rand() * 0.05, lat: 28.0 + rand() * 0.03, tier: 'other' }));
  const grid = new PointGridTiles(pack(pts));

  it('keeps one point per 3 px square (24 tile units) where there are points, each where the tile puts it', () => {
    const z = 12;
    const [tx, ty] = projected(120.625, 28.015, z).map(Math.floor);
    const pick = features(grid.tile(z, tx, ty, true));
    const spot = (x: number, y: number) => `${Math.floor((y + 128) / 24)},${Math.floor((x + 128) / 24)}`;
    // Every point within the tile and its buffer, at its rounded position in tile units.
    const want = new Map<string, Set<string>>();
    for (const p of pts) {
      const [x, y] = projected(p.lon, p.lat, z);
      const ux = Math.round((x - tx) * 4096), uy = Math.round((y - ty) * 4096);
      if (ux < -128 || ux > 4096 + 128 || uy < -128 || uy > 4096 + 128) continue;
      const k = spot(ux, uy);
      if (!want.has(k)) want.set(k, new Set());
      want.get(k)!.add(`${p.id} ${ux} ${uy}`);
    }
    expect(pick.length).toBe(want.size);
    for (const f of pick) expect(want.get(spot(f.x, f.y))?.has(`${f.id} ${f.x} ${f.y}`), `${f.id} at ${f.x}, ${f.y}`).toBe(true);
    expect([...want.values()].reduce((n, v) => n + v.size, 0)).toBeGreaterThan(3 * pick.length);
    // A full tile of the same zoom has many more.
    expect(features(grid.tile(z, tx, ty, false)).length).toBeGreaterThan(2 * pick.length);
  });
});
