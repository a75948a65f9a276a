/** The board table as the user sees it now (filter and sort from the compare store). Reactive. */
import type { BoardTable } from '../../export/board-table.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { store } from '../../state/app-store.svelte.ts';
import { allFigures } from '../feature-registry.ts';
import { compare } from './compare.svelte.ts';
import { tableView } from './table-view.ts';

export function currentTable(): BoardTable {
  return tableView(store.project.boards.features, allFigures(), i18n.lang, { id: i18n.t('table.id'), name: i18n.t('table.board') }, {
    category: compare.category,
    text: compare.text,
    sortBy: compare.sortBy,
    sortDir: compare.sortDir,
  });
}
