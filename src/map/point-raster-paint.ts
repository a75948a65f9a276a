/**
 * A circle layer's paint as the tile worker's rasteriser takes it (geo/point-raster.ts), at one
 * zoom: so that a dense tile drawn as an image shows each point as the circle layer would. Only
 * what the point layers use is understood — a colour or a `match` on a property, a radius or a
 * linear `interpolate` on the zoom, a stroke colour and width — anything else gives null, and
 * the layer stays vector circles at every zoom.
 */
import type { CircleLayerSpecification } from 'maplibre-gl';
import type { PointRasterPaint } from '../geo/point-raster.ts';

type Paint = NonNullable<CircleLayerSpecification['paint']>;

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const UNDERSTOOD = new Set(['circle-color', 'circle-radius', 'circle-stroke-color', 'circle-stroke-width']);
const OPACITY = new Set(['circle-opacity', 'circle-stroke-opacity']);

/**
 * An opacity the images may leave out: 1, or 1 but for a feature state (['case', condition on
 * ['feature-state', …], other, 1] — a dragged facility's dimmed original, map/feature-drag.ts; an
 * image is not redrawn for a feature state, so the dot stays undimmed there until the drop).
 */
function fullOpacity(v: unknown): boolean {
  if (v === 1) return true;
  return Array.isArray(v) && v[0] === 'case' && v.length === 4 && v[3] === 1 && JSON.stringify(v[1]).includes('"feature-state"');
}

function colors(v: unknown): Pick<PointRasterPaint, 'colors' | 'colorBy'> | null {
  if (v === undefined) return { colors: ['#000000'] };
  if (typeof v === 'string') return HEX.test(v) ? { colors: [v] } : null;
  // ['match', ['get', property], value, colour, …, fallback colour]
  if (!Array.isArray(v) || v[0] !== 'match' || v.length < 5 || v.length % 2 !== 1) return null;
  const input = v[1] as unknown;
  if (!Array.isArray(input) || input[0] !== 'get' || input.length !== 2 || typeof input[1] !== 'string') return null;
  const values: (string | number | boolean)[] = [];
  const out: string[] = [];
  for (let i = 2; i < v.length - 1; i += 2) {
    const value = v[i] as unknown, color = v[i + 1] as unknown;
    if ((typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') || typeof color !== 'string' || !HEX.test(color)) return null;
    values.push(value);
    out.push(color);
  }
  const fallback = v[v.length - 1] as unknown;
  if (typeof fallback !== 'string' || !HEX.test(fallback)) return null;
  return { colors: [...out, fallback], colorBy: { property: input[1], values } };
}

/** A number, or ['interpolate', ['linear'], ['zoom'], z, value, …] at `zoom` (clamped at the ends, as MapLibre does). */
function atZoom(v: unknown, zoom: number, fallback: number): number | null {
  if (v === undefined) return fallback;
  if (typeof v === 'number') return v;
  if (!Array.isArray(v) || v[0] !== 'interpolate' || JSON.stringify(v[1]) !== '["linear"]' || JSON.stringify(v[2]) !== '["zoom"]' || v.length < 5 || v.length % 2 !== 1) return null;
  const stops: [number, number][] = [];
  for (let i = 3; i < v.length; i += 2) {
    if (typeof v[i] !== 'number' || typeof v[i + 1] !== 'number') return null;
    stops.push([v[i] as number, v[i + 1] as number]);
  }
  if (zoom <= stops[0][0]) return stops[0][1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i];
    if (zoom <= z1) {
      const [z0, v0] = stops[i - 1];
      return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
    }
  }
  return stops[stops.length - 1][1];
}

/**
 * The paint at map zoom `zoom`, in image pixels of `scale` per css pixel; null when the paint
 * has anything the rasteriser does not draw (opacity, blur, a data-driven radius …).
 */
export function circleRasterPaint(paint: Paint | undefined, zoom: number, scale: number): PointRasterPaint | null {
  const p = (paint ?? {}) as Record<string, unknown>;
  if (Object.keys(p).some((k) => !UNDERSTOOD.has(k) && !(OPACITY.has(k) && fullOpacity(p[k])))) return null;
  const c = colors(p['circle-color']);
  const radius = atZoom(p['circle-radius'], zoom, 5);
  const strokeWidth = atZoom(p['circle-stroke-width'], zoom, 0);
  const strokeColor = p['circle-stroke-color'] ?? '#000000';
  if (!c || radius === null || strokeWidth === null || typeof strokeColor !== 'string' || !HEX.test(strokeColor)) return null;
  return { ...c, radius: radius * scale, strokeWidth: strokeWidth * scale, strokeColor };
}
