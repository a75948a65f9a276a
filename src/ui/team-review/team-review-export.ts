/**
 * Open review comments and the sign-offs of a team project for the exports: a CSV for Excel
 * through the app's one CSV writer (formula-like text neutralised), and the rows the printed
 * report shows. Resolved threads are left out; replies follow their thread.
 */
import type { Lang } from '../../i18n/lang.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { CommentThread, SignOff } from '../../state/review/review-types.ts';
import { rowsToCsv, type CsvCell } from '../../io/rows-to-csv.ts';
import { translate } from '../../i18n/messages/index.ts';
import { anchorLabel, type AnchorNames } from './anchor-label.ts';

export interface ReviewRow {
  about: string;
  author: string;
  at: string;
  revision: number;
  text: string;
  /** A reply to the row above it. */
  reply: boolean;
}

export function openCommentRows(threads: readonly CommentThread[], boards: BoardCollection, lang: Lang, names: AnchorNames = {}): ReviewRow[] {
  return threads
    .filter((t) => t.state === 'open')
    .flatMap((t) => {
      const about = anchorLabel(t.anchor, boards, lang, names);
      return [{ about, author: t.author, at: t.at, revision: t.revision, text: t.body, reply: false }, ...t.replies.map((r) => ({ about, author: r.author, at: r.at, revision: r.revision, text: r.body, reply: true }))];
    });
}

export function reviewCsv(threads: readonly CommentThread[], signOffs: readonly SignOff[], scenarioNames: ReadonlyMap<string, string>, boards: BoardCollection, lang: Lang, names: AnchorNames = {}): string {
  const t = (k: string) => translate(lang, k);
  const rows: CsvCell[][] = openCommentRows(threads, boards, lang, names).map((r) => [r.reply ? t('teamReview.export.reply') : t('teamReview.export.comment'), r.about, r.author, r.at, r.revision, r.text]);
  for (const s of signOffs.filter((x) => x.latest)) {
    const verdict = t(s.verdict === 'reviewed' ? 'teamReview.signoff.reviewed' : 'teamReview.signoff.changes');
    rows.push([t('teamReview.export.signoff'), scenarioNames.get(s.scenarioId) ?? s.scenarioId, s.reviewer, s.at, s.revision, s.changedSince ? `${verdict} · ${translate(lang, 'teamReview.signoff.stale', { n: s.revision })}` : verdict]);
  }
  return rowsToCsv([t('teamReview.export.kind'), t('teamReview.export.about'), t('teamReview.export.author'), t('teamReview.export.at'), t('teamReview.export.revision'), t('teamReview.export.text')], rows);
}
