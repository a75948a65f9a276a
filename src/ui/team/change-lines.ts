/** Lists of project changes in words, for notices, the merge dialog and the history. */
import type { Lang } from '../../i18n/lang.ts';
import type { ProjectChange } from '../../state/merge/project-diff.ts';
import { describeChange } from '../../state/merge/summarize-changes.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { RevisionInfo } from '../../state/team/api-client.ts';
import { boardName } from '../allocation/names.ts';

/** Each change as one line ("七都 2023 保障性租赁住房 +1,200"). */
export function changeLines(changes: readonly ProjectChange[], boards: BoardCollection, lang: Lang): string[] {
  return changes.map((c) => describeChange(c, lang, (id) => boardName(boards, id, lang)));
}

/** "王工、李工" — who saved these revisions, each once, oldest first. */
export function authorsOf(revisions: readonly RevisionInfo[], lang: Lang): string {
  return [...new Set([...revisions].reverse().map((r) => r.author))].join(lang === 'zh' ? '、' : ', ');
}
