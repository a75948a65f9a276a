/** Open review comments and sign-offs for the exports: CSV through the one CSV writer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { reviewCsv } from '../../../../src/ui/team-review/team-review-export.ts';
import type { CommentThread, SignOff } from '../../../../src/state/review/review-types.ts';
import type { BoardCollection } from '../../../../src/domain/board.ts';
import { loadEnglish, registerMessages } from '../../../../src/i18n/messages/index.ts';
import { teamReview } from '../../../../src/i18n/messages/team-review.ts';

// Team review's Chinese comes with the team client (mount-team-app.ts); English loads on the switch.
beforeAll(async () => {
  registerMessages('zh', teamReview.zh);
  await loadEnglish();
});

const boards = JSON.parse(readFileSync(new URL('../../../../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;
const base = { author: '张审', at: '2026-11-26T08:00:00.000Z', mentions: [], revision: 1, unread: false, scenarioId: null, stateBy: null, stateAt: null };
const threads: CommentThread[] = [
  { ...base, id: 'a', anchor: { kind: 'cell', boardId: 'qidu', year: 2023, type: 'commercial' }, body: '=HYPERLINK("http://x")', state: 'open', replies: [{ id: 'r', author: '李工', at: base.at, body: '已改', mentions: [], revision: 2, unread: false }] },
  { ...base, id: 'b', anchor: { kind: 'board', boardId: 'qidu' }, body: '已解决的意见', state: 'resolved', replies: [] },
];
const signOffs: SignOff[] = [{ id: 's', scenarioId: 'scenario-1', reviewer: '张审', verdict: 'reviewed', revision: 1, at: base.at, note: '', latest: true, changedSince: true }];

describe('review CSV', () => {
  it('lists open threads with their replies and the latest sign-offs (saying when they are for an older revision), formula-safe', () => {
    const csv = reviewCsv(threads, signOffs, new Map([['scenario-1', '方案一']]), boards, 'zh');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('类别,针对,提出人,时间（UTC）,修订,内容');
    expect(lines[1]).toBe(`意见,七都 2023 新建普通商品住房,张审,${base.at},1,"'=HYPERLINK(""http://x"")"`);
    expect(lines[2]).toBe(`回复,七都 2023 新建普通商品住房,李工,${base.at},2,已改`);
    expect(lines[3]).toBe(`签核,方案一,张审,${base.at},1,审阅通过 · 签核针对旧修订 1，方案此后已修改`);
    expect(lines).toHaveLength(4);
  });
});
