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
