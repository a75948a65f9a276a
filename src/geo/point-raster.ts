/**
 * Points drawn into an RGBA image, each as the circle MapLibre's circle layer draws: a filled disc
 * of `radius` with a stroke of `strokeWidth` outside it, edges antialiased over one pixel as its
 * circle shader does. The
 * tile worker draws a tile of many points this way (point-grid-tiles.ts `raster`) and MapLibre
 * shows it as a raster tile: two triangles for the GPU instead of a circle per point (SwiftShader
 * took 0.7–1.1 s per frame for 300,000 circles). Plain arrays and arithmetic: tested in Node pixel by pixel.
 *
 * Each circle is a stamp made once per colour and quarter-pixel position, blended "source over"
 * in draw order. Of points on the same image pixel only the last (the one on top) is drawn: the
 * picture is the same but for the sub-pixel edges of the ones it hides.
 */

/** How every point is drawn, in image pixels (the page gives css px × the pixel ratio). */
export interface PointRasterStyle {
  /** Fill colours, `#rrggbb`; a point's `color` indexes them. */
  colors: readonly string[];
  radius: number;
  strokeColor: string;
  strokeWidth: number;
}

/**
 * A point style for points with properties: the colour by the value of a property (`values[i]`
 * draws in `colors[i]`, any other value in the last colour), or `colors[0]` for all.
 */
export interface PointRasterPaint extends PointRasterStyle {
  colorBy?: { property: string; values: readonly (string | number | boolean)[] };
}

/** Sub-pixel positions of a stamp per axis. */
const PHASES = 4;

/** `#rgb` or `#rrggbb` as [r, g, b] (0–255). */
export function rgbOfHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`point raster: "${hex}" is not a #rgb or #rrggbb colour`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** GLSL smoothstep(0, 1, v). */
function smooth(v: number): number {
  const t = v < 0 ? 0 : v > 1 ? 1 : v;
  return t * t * (3 - 2 * t);
}

/** Premultiplied RGBA (0–255) stamps of one colour, one per quarter-pixel phase, each (2R+1)² pixels. */
function stamps(fill: [number, number, number], stroke: [number, number, number], radius: number, strokeWidth: number, R: number): Float32Array[] {
  const size = 2 * R + 1;
  const out: Float32Array[] = [];
  for (let py = 0; py < PHASES; py++) {
    for (let px = 0; px < PHASES; px++) {
      const s = new Float32Array(size * size * 4);
      const cx = R + px / PHASES, cy = R + py / PHASES;
      for (let j = 0; j < size; j++) {
        for (let i = 0; i < size; i++) {
          // MapLibre's circle fragment shader at the pixel's centre: opaque to one pixel inside the
          // outer edge, then a smoothstep to nothing at it; the fill mixed into the stroke over the pixel inside the radius.
          const d = Math.hypot(i + 0.5 - cx, j + 0.5 - cy);
          const outer = smooth(radius + strokeWidth - d);
          if (outer === 0) continue;
          const f = strokeWidth > 0 ? smooth(radius - d) : 1;
          const k = 4 * (j * size + i);
          for (let c = 0; c < 3; c++) s[k + c] = outer * (fill[c] * f + stroke[c] * (1 - f));
          s[k + 3] = outer * 255;
        }
      }
      out.push(s);
    }
  }
  return out;
}

/** Pixel stamps of earlier calls, so that a tile does not allocate a dedup grid of its own. */
let taken = new Uint32Array(0);
let takenGeneration = 0;

/**
 * Draws points into a `width` × `height` RGBA image (straight alpha, as ImageData takes it).
 * `xy`: image x, y of point i at [2i], [2i + 1] (pixel (i, j) covers [i, i + 1) × [j, j + 1));
 * `color`: index into `style.colors` per point. Points are drawn in order (later on top); null
 * when no point touches the image.
 */
export function rasterPoints(width: number, height: number, xy: ArrayLike<number>, color: ArrayLike<number>, style: PointRasterStyle): Uint8ClampedArray | null {
  const n = color.length;
  const R = Math.ceil(style.radius + style.strokeWidth) + 1;
  const size = 2 * R + 1;
  // Of points on the same pixel only the last is drawn: mark from the end, draw from the start.
  const gw = width + 2 * R, gh = height + 2 * R;
  if (taken.length < gw * gh) {
    taken = new Uint32Array(gw * gh);
    takenGeneration = 0;
  }
  if (++takenGeneration === 0xffffffff) {
    taken.fill(0);
    takenGeneration = 1;
  }
  const gen = takenGeneration;
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let i = n - 1; i >= 0; i--) {
    const ix = Math.floor(xy[2 * i]), iy = Math.floor(xy[2 * i + 1]);
    if (ix < -R || iy < -R || ix >= width + R || iy >= height + R) continue;
    const g = (iy + R) * gw + ix + R;
    if (taken[g] === gen) continue;
    taken[g] = gen;
    keep[i] = 1;
    kept++;
  }
  if (kept === 0) return null;

  const stroke = rgbOfHex(style.strokeColor);
  const byColor = style.colors.map((c) => stamps(rgbOfHex(c), stroke, style.radius, style.strokeWidth, R));
  // Premultiplied accumulation in floats (no rounding per blend), straight 8-bit at the end.
  const acc = new Float32Array(width * height * 4);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const x = xy[2 * i], y = xy[2 * i + 1];
    let ix = Math.floor(x), iy = Math.floor(y);
    let qx = Math.round((x - ix) * PHASES), qy = Math.round((y - iy) * PHASES);
    if (qx === PHASES) {
      qx = 0;
      ix++;
    }
    if (qy === PHASES) {
      qy = 0;
      iy++;
    }
    const s = byColor[color[i]][qy * PHASES + qx];
    const x0 = ix - R, y0 = iy - R;
    const i0 = Math.max(0, -x0), i1 = Math.min(size, width - x0);
    const j0 = Math.max(0, -y0), j1 = Math.min(size, height - y0);
    for (let j = j0; j < j1; j++) {
      let k = 4 * (j * size + i0);
      let d = 4 * ((y0 + j) * width + x0 + i0);
      for (let i = i0; i < i1; i++, k += 4, d += 4) {
        const a = s[k + 3];
        if (a === 0) continue;
        const rest = 1 - a / 255;
        acc[d] = s[k] + acc[d] * rest;
        acc[d + 1] = s[k + 1] + acc[d + 1] * rest;
        acc[d + 2] = s[k + 2] + acc[d + 2] * rest;
        acc[d + 3] = a + acc[d + 3] * rest;
      }
    }
  }
  const out = new Uint8ClampedArray(width * height * 4);
  for (let d = 0; d < out.length; d += 4) {
    const a = acc[d + 3];
    if (a <= 0) continue;
    const un = 255 / a;
    out[d] = Math.round(acc[d] * un);
    out[d + 1] = Math.round(acc[d + 1] * un);
    out[d + 2] = Math.round(acc[d + 2] * un);
    out[d + 3] = Math.round(a);
  }
  return out;
}
