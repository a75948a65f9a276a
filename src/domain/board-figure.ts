/**
 * One figure per board: a column of the board table, a row of a comparison card, a property of
 * the exported boards. Features register them (src/ui/feature.ts); exports and the shell read them.
 */
export interface BoardFigure {
  id: string;
  label: { zh: string; en: string };
  /** Unit shown after the value, e.g. 套, %, km². */
  unit?: { zh: string; en: string };
  /** The value for a board (number, text, or null when unknown). Read reactively. */
  value: (boardId: string) => number | string | null;
  /** Digits after the decimal point for numbers (default 0). */
  digits?: number;
  /** Values are fractions shown as percentages. */
  percent?: boolean;
  /** A short note shown with the figure (e.g. 示意值 / assumption). */
  note?: { zh: string; en: string };
  /**
   * The figure rests on made-up data (illustrative parks or facilities, schematic extents) or
   * on a stated assumption (assumed dwellings, uniform residents): headers and exports say so.
   */
  status?: 'illustrative' | 'assumption';
}
