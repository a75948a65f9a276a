/**
 * What an exported table or printed report says about itself, so a file read later or
 * elsewhere still tells what it shows: the scenario, the table's filter, the housing type and
 * year on the map, the date; a note for every column whose figures are illustrative (示意) or
 * assumed (假设); and the warnings the figures raise. The CSV puts these rows after the table
 * (after one empty row, so the table stays first for any reader); the XLSX on a second sheet.
 */
import type { BoardFigure } from '../domain/board-figure.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Cell } from './board-table.ts';
import { figureHeader } from './board-table.ts';

/** A line an export states about what it shows, e.g. `方案` → `方案一`. */
export interface ExportNote {
  label: string;
  value: string;
}

export interface ExportNotes {
  /** Scenario, filter, what the map shows, date … in order. */
  context: ExportNote[];
  /** Columns with a note: the column's header and what the reader must know about it. */
  columns: ExportNote[];
  /** Groups of warnings, each a title and full sentences. */
  warnings: { title: string; items: string[] }[];
}

const HEADINGS = {
  zh: { notes: '说明', columns: '列说明', status: { illustrative: '示意数据', assumption: '假设值' } },
  en: { notes: 'Notes', columns: 'Columns', status: { illustrative: 'illustrative data', assumption: 'assumption' } },
} as const;

/** Column notes for every figure with a status or a note: `示意数据：岗位为示意值`. */
export function columnNotes(figures: readonly BoardFigure[], lang: Lang): ExportNote[] {
  const sep = lang === 'zh' ? '：' : ': ';
  return figures
    .filter((f) => f.status || f.note)
    .map((f) => {
      const status = f.status ? HEADINGS[lang].status[f.status] : '';
      const note = f.note?.[lang] ?? '';
      return { label: figureHeader(f, lang), value: status && note ? `${status}${sep}${note}` : status || note };
    });
}

/** The notes as rows of cells (label, value), with a heading row per part. */
export function notesRows(n: ExportNotes, lang: Lang): Cell[][] {
  const h = HEADINGS[lang];
  const rows: Cell[][] = [[h.notes], ...n.context.map((c) => [c.label, c.value])];
  if (n.columns.length) rows.push([h.columns], ...n.columns.map((c) => [c.label, c.value]));
  for (const w of n.warnings) rows.push([w.title], ...w.items.map((item) => ['', item]));
  return rows;
}
