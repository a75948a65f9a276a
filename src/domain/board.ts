/**
 * The 21 housing boards (住房板块) of the central city, 规划 第十章第三节.
 * This is the data contract of geodata/boards.geojson.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The three board categories, in the plan's order (第十章第三节 1–3). */
export const CATEGORIES = ['stock-upgrade', 'key-expansion', 'moderate-development'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How many boards the plan puts in each category (第十章第三节). */
export const CATEGORY_COUNTS: Readonly<Record<Category, number>> = {
  'stock-upgrade': 5,
  'key-expansion': 7,
  'moderate-development': 9,
};

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface BoardProperties {
  /** Stable ASCII slug, e.g. `yangshuang`. */
  id: string;
  /** The plan's name, e.g. `仰双`. */
  name: string;
  nameEn: string;
  category: Category;
  /** Administrative district(s) the board lies in, joined with `、` when it spans several. */
  district: string;
  /** The district the plan's text groups the board under (may differ from `district`). */
  planDistrict: string;
  /** Constituent streets/towns (街道/镇), by name. */
  streets: string[];
  /** NBS codes of `streets`, same order. */
  streetCodes?: string[];
  /** How the geometry was drawn. */
  geometrySource: string;
  /** Confidence in the geometry. */
  confidence: Confidence;
  /** Confidence in the street composition (which streets make up the board). */
  compositionConfidence?: Confidence;
  /** True while the extent is schematic (示意范围), false once official boundaries are loaded. */
  schematic: boolean;
  /** A remark of the plan about this board, e.g. `含瓯海中心区`. */
  planNote?: string;
}

export type BoardGeometry = Polygon | MultiPolygon;
export type BoardFeature = Feature<BoardGeometry, BoardProperties>;
export type BoardCollection = FeatureCollection<BoardGeometry, BoardProperties>;


/** How many boards have boundaries the user loaded and how many still have schematic extents (示意范围). */
export function boardExtentCounts(boards: readonly BoardFeature[]): { official: number; schematic: number } {
  const schematic = boards.filter((b) => b.properties.schematic).length;
  return { official: boards.length - schematic, schematic };
}
