/** Print sizes: ISO 216 paper in landscape, at a chosen resolution. */

export const PAPERS = ['A4', 'A3'] as const;
export type Paper = (typeof PAPERS)[number];
export const DPIS = [150, 300] as const;
export type Dpi = (typeof DPIS)[number];

/** Landscape sheet size in millimetres (ISO 216: A4 297 × 210, A3 420 × 297). */
export const PAPER_MM: Readonly<Record<Paper, { widthMm: number; heightMm: number }>> = {
  A4: { widthMm: 297, heightMm: 210 },
  A3: { widthMm: 420, heightMm: 297 },
};

const MM_PER_INCH = 25.4;

/**
 * Pixel size of a landscape sheet at `dpi` dots per inch, rounded to whole pixels.
 * @example paperPixels('A3', 300) // { widthPx: 4961, heightPx: 3508 }
 */
export function paperPixels(paper: Paper, dpi: number): { widthPx: number; heightPx: number; pxPerMm: number } {
  const { widthMm, heightMm } = PAPER_MM[paper];
  const pxPerMm = dpi / MM_PER_INCH;
  return { widthPx: Math.round(widthMm * pxPerMm), heightPx: Math.round(heightMm * pxPerMm), pxPerMm };
}
