/** Colours shared by map layers and legends (ColorBrewer Dark2 for categories: colour-blind safe). */
import type { Category } from '../domain/board.ts';
import type { StructureRole } from '../domain/structure.ts';

export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  'stock-upgrade': '#d95f02',
  'key-expansion': '#1b9e77',
  'moderate-development': '#7570b3',
};

export const STRUCTURE_COLORS: Readonly<Record<StructureRole, string>> = {
  'main-core': '#b2182b',
  'main-integration': '#ef8a62',
  'sub-centre': '#4393c3',
  pole: '#5aae61',
  node: '#333333',
};

export const BASEMAP_COLORS = {
  sea: '#d6e6f0',
  land: '#f5f2ea',
  /** Lakes, reservoirs and rivers: a deeper blue than the sea, so they never read as sea. */
  inlandWater: '#a9cbe3',
  inlandWaterLine: '#86b2d3',
  county: '#8c8579',
  label: '#3b3a36',
  halo: '#ffffff',
} as const;

/** Font stack for map labels drawn locally (no glyph server): CJK fonts first. */
export const MAP_FONT_STACK = ['Noto Sans SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

/** Fill opacity of the boards (base-style.ts) when neither hovered nor selected. */
export const BOARD_FILL_OPACITY = 0.55;
/** Fill opacity of the city-wide structure's parts (base-style.ts). */
export const STRUCTURE_FILL_OPACITY = 0.2;

function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`blendOver: not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The colour the eye sees where `hex` is drawn at `opacity` over `base` (the offline land by
 * default): legend swatches use it, so a swatch matches the fill it explains. Source-over
 * compositing per channel, rounded: blendOver('#1b9e77', 0.55) → '#7dc4ab'.
 */
export function blendOver(hex: string, opacity: number, base: string = BASEMAP_COLORS.land): string {
  if (!(opacity >= 0 && opacity <= 1)) throw new Error(`blendOver: opacity must be in 0–1, got ${opacity}`);
  const [r, g, b] = rgb(hex);
  const [R, G, B] = rgb(base);
  const mix = (c: number, k: number) => Math.round(c * opacity + k * (1 - opacity));
  return '#' + [mix(r, R), mix(g, G), mix(b, B)].map((v) => v.toString(16).padStart(2, '0')).join('');
}
