/** A comment's anchor in words ("七都 2023 保障性租赁住房", "地图上的点 120.65, 28.01"). */
import type { Lang } from '../../i18n/lang.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { CommentAnchor } from '../../state/review/anchor.ts';
import { translate } from '../../i18n/messages/index.ts';
import { boardName, typeName } from '../allocation/names.ts';

export function anchorLabel(a: CommentAnchor, boards: BoardCollection, lang: Lang): string {
  switch (a.kind) {
    case 'board':
      return boardName(boards, a.boardId, lang);
    case 'cell':
      return translate(lang, 'teamReview.anchor.cell', { board: boardName(boards, a.boardId, lang), year: a.year, type: typeName(a.type, lang) });
    case 'site':
      return translate(lang, 'teamReview.anchor.site', { id: a.siteId });
    case 'target':
      return translate(lang, 'teamReview.anchor.target', { id: a.targetId });
    case 'rule':
      return `${boardName(boards, a.boardId, lang)} · ${translate(lang, 'teamReview.anchor.rule', { id: a.ruleId })}`;
    case 'point':
      return translate(lang, 'teamReview.anchor.point', { lon: a.lon.toFixed(4), lat: a.lat.toFixed(4) });
  }
}
