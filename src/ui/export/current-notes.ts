/**
 * What the exports and the report state about themselves, read from the live state: the
 * scenario, which boards the table holds (its filter), what each feature's figures and map
 * depend on (housing type and year shown, radius, illustrative data …), the date, a note for
 * every column resting on made-up or assumed data, and every feature's warnings. Reactive.
 */
import { columnNotes, type ExportNote, type ExportNotes } from '../../export/export-notes.ts';
import { dateStamp } from '../../export/download.ts';
import { CATEGORY_LABELS } from '../../i18n/categories.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { store } from '../../state/app-store.svelte.ts';
import { currentScenario } from '../../state/active-scenario.svelte.ts';
import { allFigures, exportContexts } from '../feature-registry.ts';
import { compare } from '../compare/compare.svelte.ts';
import { currentTable } from '../compare/current-table.ts';

/** Which boards the exported table holds: all, or the filter that left some out (`filtered` false: every board, e.g. GeoJSON). */
export function boardsNote(filtered = true): ExportNote {
  const total = store.project.boards.features.length;
  const shown = currentTable().rows.length;
  const parts: string[] = [];
  if (!filtered) return { label: i18n.t('notes.boards'), value: i18n.t('notes.boards.all', { n: total }) };
  if (compare.category !== 'all') parts.push(i18n.t('notes.filter.category', { category: CATEGORY_LABELS[i18n.lang][compare.category] }));
  if (compare.text.trim()) parts.push(i18n.t('notes.filter.text', { text: compare.text.trim() }));
  const value = parts.length === 0 ? i18n.t('notes.boards.all', { n: total }) : i18n.t('notes.boards.filtered', { n: shown, total, filter: parts.join(i18n.lang === 'zh' ? '；' : '; ') });
  return { label: i18n.t('notes.boards'), value };
}

/** The notes of an export made now; `filtered` false for exports of every board whatever the table's filter. */
export function currentNotes(now: Date, filtered = true): ExportNotes {
  const scenario = currentScenario();
  const contexts = exportContexts();
  return {
    context: [
      ...(scenario ? [{ label: i18n.t('notes.scenario'), value: scenario.name }] : []),
      boardsNote(filtered),
      ...contexts.flatMap((c) => c.notes),
      { label: i18n.t('notes.date'), value: dateStamp(now) },
    ],
    columns: columnNotes(allFigures(), i18n.lang),
    warnings: contexts.flatMap((c) => (c.warnings ? [c.warnings] : [])),
  };
}
