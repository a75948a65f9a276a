/**
 * The plan map's presentation chapters, as the active plan package lists them (`chapters`): for
 * the built-in plan the structure 一主一副两极多节点, the three board categories, then each
 * key-expansion board (第十章第三节第2条) one by one. Other features' chapters follow in feature order.
 */
import type { Chapter } from '../feature.ts';
import type { BoardFeature } from '../../domain/board.ts';
import type { Bbox } from '../../geo/measure.ts';
import { bboxOf } from '../../geo/measure.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import { store } from '../../state/app-store.svelte.ts';
import { withProps } from '../with-props.ts';
import StructureCaption from './StructureCaption.svelte';
import CategoriesCaption from './CategoriesCaption.svelte';
import BoardCaption from './BoardCaption.svelte';

function unionBbox(boxes: Bbox[]): Bbox {
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
}

// One caption component per board id, made once so the presenter does not remount it needlessly.
const boardCaptions = new Map<string, Chapter['Caption']>();
function boardCaption(boardId: string): Chapter['Caption'] {
  let c = boardCaptions.get(boardId);
  if (!c) {
    c = withProps(BoardCaption, { boardId });
    boardCaptions.set(boardId, c);
  }
  return c;
}

function boardChapter(b: BoardFeature): Chapter {
  const p = b.properties;
  return {
    id: `board-${p.id}`,
    title: bilingual('chapter.board', (l) => ({ name: l === 'zh' ? p.name : p.nameEn })),
    bbox: bboxOf(b.geometry),
    tab: 'plan',
    boardId: p.id,
    Caption: boardCaption(p.id),
  };
}

export function planChapters(): Chapter[] {
  const boards = store.project.boards.features;
  return planStore.plan.chapters.flatMap((c): Chapter[] => {
    if (c.kind === 'structure')
      return [{ id: 'structure', title: bilingual('chapter.structure'), bbox: planStore.structureBbox ?? unionBbox(boards.map((b) => bboxOf(b.geometry))), tab: 'plan', Caption: StructureCaption }];
    if (c.kind === 'categories')
      return [{ id: 'categories', title: bilingual('chapter.categories'), bbox: unionBbox(boards.map((b) => bboxOf(b.geometry))), tab: 'plan', Caption: CategoriesCaption }];
    return boards.filter((b) => b.properties.category === c.category).map(boardChapter);
  });
}
