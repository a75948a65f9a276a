/**
 * A presentation chapter as data: where the map goes and what it shows. The UI adds the caption
 * component (src/ui/feature.ts `Chapter`).
 */
export interface ChapterStop {
  id: string;
  title: { zh: string; en: string };
  /** Map view: bounds [w, s, e, n] in degrees. */
  bbox: [number, number, number, number];
  /** Feature tab whose overlays/choropleth the map shows during the chapter. */
  tab?: string;
  /** Board to highlight, if any. */
  boardId?: string;
}
