/**
 * The board table as plain data: one row per board, one column per registered figure, in the
 * order features register them. The same table feeds the on-screen table, CSV, XLSX and the report.
 */
import type { BoardFeature } from '../domain/board.ts';
import type { BoardFigure } from '../domain/board-figure.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatNumber, UNKNOWN } from '../i18n/format.ts';

export type Cell = string | number | null;

export interface TableColumn {
  id: string;
  /** Header with unit, e.g. `面积（km²）`. */
  header: string;
  kind: 'number' | 'text' | 'mixed';
}

export interface BoardTable {
  columns: TableColumn[];
  /** One row per board, cells in column order. */
  rows: Cell[][];
  /** Board id of each row. */
  boardIds: string[];
}

const STATUS_MARK = {
  zh: { illustrative: '［示意］', assumption: '［假设］' },
  en: { illustrative: ' [illustrative]', assumption: ' [assumption]' },
} as const;

/**
 * `面积（km²）` / `Area (km²)`; percentages get `%`; a figure resting on made-up data or an
 * assumption says so in its header (`职住比（岗位/套）［示意］`), so a copied column keeps it.
 */
export function figureHeader(f: BoardFigure, lang: Lang): string {
  const unit = f.percent ? '%' : f.unit?.[lang];
  const mark = f.status ? STATUS_MARK[lang][f.status] : '';
  if (!unit) return f.label[lang] + mark;
  return (lang === 'zh' ? `${f.label[lang]}（${unit}）` : `${f.label[lang]} (${unit})`) + mark;
}

/**
 * A figure's value as exported: numbers rounded to the figure's digits (percentages as
 * 0–100), text as is, unknown as null.
 */
export function figureCell(f: BoardFigure, boardId: string): Cell {
  const v = f.value(boardId);
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return null;
  const scaled = f.percent ? v * 100 : v;
  const factor = 10 ** (f.digits ?? 0);
  return Math.round(scaled * factor) / factor;
}

/** The value as shown on screen and in the report: `12.35`, `45 %`, `—` for unknown. */
export function formatFigure(f: BoardFigure, boardId: string, lang: Lang, withUnit = true): string {
  const c = figureCell(f, boardId);
  if (c === null) return UNKNOWN;
  if (typeof c === 'string') return c;
  const text = formatNumber(c, f.digits ?? 0);
  if (!withUnit) return text;
  if (f.percent) return `${text}%`;
  return f.unit ? `${text} ${f.unit[lang]}` : text;
}

/**
 * The table for these boards: id and name first, then every figure.
 * @param names column headers for the id and name columns.
 */
export function boardTable(boards: readonly BoardFeature[], figures: readonly BoardFigure[], lang: Lang, names: { id: string; name: string }): BoardTable {
  const columns: TableColumn[] = [
    { id: 'id', header: names.id, kind: 'text' },
    { id: 'name', header: names.name, kind: 'text' },
  ];
  const figureRows = boards.map((b) => figures.map((f) => figureCell(f, b.properties.id)));
  figures.forEach((f, j) => {
    const kinds = new Set(figureRows.map((r) => r[j]).filter((c) => c !== null).map((c) => typeof c));
    columns.push({ id: f.id, header: figureHeader(f, lang), kind: kinds.size === 1 ? (kinds.has('number') ? 'number' : 'text') : kinds.size === 0 ? 'text' : 'mixed' });
  });
  return {
    columns,
    rows: boards.map((b, i) => [b.properties.id, lang === 'zh' ? b.properties.name : b.properties.nameEn, ...figureRows[i]]),
    boardIds: boards.map((b) => b.properties.id),
  };
}

/** Compare two cells for sorting: numbers numerically, text by the language's collation, empty last. */
export function compareCells(a: Cell, b: Cell, lang: Lang): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), lang === 'zh' ? 'zh-CN' : 'en');
}
