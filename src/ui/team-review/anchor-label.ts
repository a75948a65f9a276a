/** A comment's anchor in words ("七都 2023 保障性租赁住房", "地块「七都东」", "地图上的点 120.65, 28.01"). */
import type { Lang } from '../../i18n/lang.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { CommentAnchor } from '../../state/review/anchor.ts';
import { translate } from '../../i18n/messages/index.ts';
import { boardName, typeName } from '../allocation/names.ts';

/** Names for the ids anchors hold, where the app knows them (a site's, a target's, a rule's); the id otherwise. */
export interface AnchorNames {
  site?(id: string): string | undefined;
  target?(id: string): string | undefined;
  rule?(id: string): string | undefined;
}

export function anchorLabel(a: CommentAnchor, boards: BoardCollection, lang: Lang, names: AnchorNames = {}): string {
  switch (a.kind) {
    case 'board':
      return boardName(boards, a.boardId, lang);
    case 'cell':
      return translate(lang, 'teamReview.anchor.cell', { board: boardName(boards, a.boardId, lang), year: a.year, type: typeName(a.type, lang) });
    case 'site':
      return translate(lang, 'teamReview.anchor.site', { name: names.site?.(a.siteId) ?? a.siteId });
    case 'target':
      return translate(lang, 'teamReview.anchor.target', { name: names.target?.(a.targetId) ?? a.targetId });
    case 'rule':
      return `${boardName(boards, a.boardId, lang)} · ${translate(lang, 'teamReview.anchor.rule', { name: names.rule?.(a.ruleId) ?? a.ruleId })}`;
    case 'point':
      return translate(lang, 'teamReview.anchor.point', { lon: a.lon.toFixed(4), lat: a.lat.toFixed(4) });
  }
}
