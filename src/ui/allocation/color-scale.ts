/**
 * Colour scales for board choropleths: sequential for allocated units, diverging for the
 * difference between two scenarios. Class breaks are round numbers (1, 2, 2.5, 5 × 10^k) so
 * the legend reads well. Colours: ColorBrewer (Cynthia Brewer, Penn State; Apache-2.0)
 * YlOrBr 5 and PiYG 7 — not blues: the map draws the sea and inland water in blue, and a board
 * with a little supply must not read as a lake (a test keeps every class clear of both).
 */

/** Boards with nothing allocated. */
export const ZERO_COLOR = '#ece8df';
export const SEQUENTIAL = ['#fee391', '#fec44f', '#fe9929', '#d95f0e', '#993404'] as const;
/** Less in B than A (pinks), equal (grey), more in B (greens). */
export const DIVERGING = ['#c51b7d', '#e9a3c9', '#fde0ef', '#f0eee9', '#e6f5d0', '#a1d76a', '#4d9221'] as const;

export interface LegendClass {
  /** Lower bound (exclusive, except for the zero class) and upper bound (inclusive), in units. */
  from: number;
  to: number;
  color: string;
}

export interface Scale {
  colors: Record<string, string>;
  legend: LegendClass[];
}

/** The smallest round step (1, 2, 2.5, 5 × 10^k, ≥ 1) with `classes` steps covering `max`. */
export function niceStep(max: number, classes: number): number {
  const raw = Math.max(max, 1) / classes;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return Math.max(1, m * mag);
  return 10 * mag;
}

/** Sequential classes over [0, max]: 0 gets ZERO_COLOR, then the darkest n of SEQUENTIAL in equal round steps. */
export function sequentialScale(values: Record<string, number>): Scale {
  const max = Math.max(0, ...Object.values(values));
  const step = niceStep(max, SEQUENTIAL.length);
  // As many classes as the round step needs to reach max (≤ 5); the top class is always the darkest.
  const n = Math.max(1, Math.min(SEQUENTIAL.length, Math.ceil(max / step)));
  const palette = SEQUENTIAL.slice(SEQUENTIAL.length - n);
  const legend: LegendClass[] = [{ from: 0, to: 0, color: ZERO_COLOR }, ...palette.map((color, i) => ({ from: i * step, to: (i + 1) * step, color }))];
  const colors: Record<string, string> = {};
  for (const [id, v] of Object.entries(values)) colors[id] = v <= 0 ? ZERO_COLOR : palette[Math.min(n - 1, Math.ceil(v / step) - 1)];
  return { colors, legend: max > 0 ? legend : legend.slice(0, 1) };
}

/** Diverging classes symmetric around 0: three round steps each side of an "equal" class. */
export function divergingScale(values: Record<string, number>): Scale {
  const maxAbs = Math.max(0, ...Object.values(values).map(Math.abs));
  const step = niceStep(maxAbs, 3);
  const mid = 3;
  const colors: Record<string, string> = {};
  for (const [id, v] of Object.entries(values)) {
    const k = v === 0 ? 0 : Math.min(3, Math.ceil(Math.abs(v) / step));
    colors[id] = DIVERGING[mid + Math.sign(v) * k];
  }
  const legend: LegendClass[] = [];
  for (let k = 3; k >= 1; k--) legend.push({ from: -k * step, to: -(k - 1) * step, color: DIVERGING[mid - k] });
  legend.push({ from: 0, to: 0, color: DIVERGING[mid] });
  for (let k = 1; k <= 3; k++) legend.push({ from: (k - 1) * step, to: k * step, color: DIVERGING[mid + k] });
  return { colors, legend };
}
