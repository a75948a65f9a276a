/** Rows for the aligned-bar chart: each figure scaled to its largest absolute value among the boards. */
import type { BoardFigure } from '../../domain/board-figure.ts';
import type { Lang } from '../../i18n/lang.ts';
import { figureCell } from '../../export/board-table.ts';

export interface BarRow {
  figure: string;
  board: string;
  /** value / max |value| of this figure over the boards, 0 when all are 0 or unknown. */
  share: number;
  text: string;
}

export function barRows(boardIds: readonly string[], names: readonly string[], figures: readonly BoardFigure[], lang: Lang, format: (f: BoardFigure, id: string) => string): BarRow[] {
  return figures.flatMap((f) => {
    const values = boardIds.map((id) => figureCell(f, id));
    const max = Math.max(0, ...values.map((v) => (typeof v === 'number' ? Math.abs(v) : 0)));
    return boardIds.map((id, i) => {
      const v = values[i];
      return { figure: f.label[lang], board: names[i], share: typeof v === 'number' && max > 0 ? v / max : 0, text: format(f, id) };
    });
  });
}
