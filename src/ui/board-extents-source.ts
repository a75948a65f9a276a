/**
 * Where the board extents come from, as the data-sources list says it: the schematic extents Anju
 * drew (示意范围) until the user loads official boundaries, then which boards have which — the
 * note follows the boards, never a fixed text.
 */
import { boardExtentCounts, type BoardFeature } from '../domain/board.ts';

export function boardExtentsSource(boards: readonly BoardFeature[]): { zh: string; en: string } {
  const { official, schematic } = boardExtentCounts(boards);
  if (official === 0) return { zh: '板块范围：安居根据街道锚点绘制的示意范围，非规划或行政边界', en: 'Board extents: schematic, drawn by Anju from street anchors; not planning or administrative boundaries' };
  if (schematic === 0) return { zh: `板块范围：全部 ${official} 个为用户载入的正式边界`, en: `Board extents: all ${official} are official boundaries the user loaded` };
  return {
    zh: `板块范围：${official} 个为用户载入的正式边界；其余 ${schematic} 个为安居根据街道锚点绘制的示意范围，非规划或行政边界`,
    en: `Board extents: ${official} are official boundaries the user loaded; the other ${schematic} are schematic, drawn by Anju from street anchors, not planning or administrative boundaries`,
  };
}
