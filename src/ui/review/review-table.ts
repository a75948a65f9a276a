/**
 * The review's targets table as plain data (the shape the board-table exporters take), for the
 * on-screen table, CSV (formula-safe, src/export/csv.ts) and XLSX: one row per target and annex row.
 */
import type { BoardTable, Cell } from '../../export/board-table.ts';
import type { TargetReview } from '../../analysis/actuals/review-types.ts';
import { formatCitation } from '../../domain/citation.ts';
import { translate } from '../../i18n/messages/index.ts';
import type { Lang } from '../../i18n/lang.ts';

/** The scope note in the user's language, or '' when the data covers the target's scope. */
export function scopeNoteLabel(t: Pick<TargetReview, 'scope' | 'scopeNote'>, lang: Lang): string {
  const n = t.scopeNote;
  if (!n) return '';
  const scope = translate(lang, `review.scope.${t.scope}`);
  if (n.kind === 'scope-undefined') return translate(lang, 'review.note.undefined', { scope });
  return n.kind === 'central-city-only' ? translate(lang, 'review.note.central', { scope }) : translate(lang, 'review.note.missing', { scope, list: n.missing.join(lang === 'zh' ? '、' : ', ') });
}

/** A figure in the target's unit: 万套 to 4 decimals (whole 套), counts as they are. */
export const reviewNumber = (n: number | null, unit: TargetReview['unit']): number | null => (n === null ? null : unit === '万套' ? Math.round(n * 10_000) / 10_000 : n);

export function reviewTable(targets: readonly TargetReview[], lang: Lang): BoardTable {
  const h = (k: string) => translate(lang, `review.col.${k}`);
  const columns: BoardTable['columns'] = [
    { id: 'id', header: 'id', kind: 'text' },
    { id: 'target', header: h('target'), kind: 'text' },
    { id: 'unit', header: h('unit'), kind: 'text' },
    { id: 'planMin', header: h('planMin'), kind: 'number' },
    { id: 'planMax', header: h('planMax'), kind: 'number' },
    { id: 'actual', header: h('actual'), kind: 'number' },
    { id: 'scenario', header: h('scenario'), kind: 'number' },
    { id: 'share', header: h('share'), kind: 'number' },
    { id: 'state', header: h('state'), kind: 'text' },
    { id: 'scope', header: h('scope'), kind: 'text' },
    { id: 'cite', header: h('cite'), kind: 'text' },
  ];
  const rows = targets.map((t): Cell[] => [
    t.id,
    lang === 'zh' ? t.name : t.nameEn,
    t.unit,
    reviewNumber(t.planMin, t.unit),
    reviewNumber(t.planMax, t.unit),
    reviewNumber(t.actual, t.unit),
    reviewNumber(t.scenario, t.unit),
    t.achievedShare === null ? null : Math.round(t.achievedShare * 1000) / 10,
    translate(lang, `review.state.${t.state}`),
    scopeNoteLabel(t, lang),
    formatCitation(t.cite, lang),
  ]);
  return { columns, rows, boardIds: targets.map((t) => t.id) };
}
