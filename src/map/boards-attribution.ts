/**
 * The map's credit line for the boards: Anju's schematic extents (示意范围) until the user loads
 * official boundaries, then how many are which — it follows the boards, as the data-sources list
 * and the legend do (src/ui/board-extents-source.ts), never a fixed text.
 */
import { boardExtentCounts, type BoardFeature } from '../domain/board.ts';

export function boardsAttribution(boards: readonly BoardFeature[]): { zh: string; en: string } {
  const { official, schematic } = boardExtentCounts(boards);
  if (official === 0) return { zh: '板块：示意范围，安居绘制', en: 'Boards: schematic extents drawn by Anju' };
  if (schematic === 0) return { zh: '板块：用户载入的边界', en: 'Boards: boundaries the user loaded' };
  return { zh: `板块：${official} 个为用户载入的边界，${schematic} 个为示意范围（安居绘制）`, en: `Boards: ${official} loaded by the user, ${schematic} schematic (drawn by Anju)` };
}
