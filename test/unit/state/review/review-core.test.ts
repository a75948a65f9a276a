/** The pure review core shared by server and app: anchors, plain text, mentions, permissions. */
import { describe, expect, it } from 'vitest';
import { anchorKey, checkAnchor } from '../../../../src/state/review/anchor.ts';
import { checkPlainText, findMentions } from '../../../../src/state/review/comment-text.ts';
import { may, PROJECT_ROLES } from '../../../../src/state/review/review-types.ts';

describe('anchors', () => {
  it('keeps only the anchor’s own fields and refuses what is not an anchor, naming the field', () => {
    expect(checkAnchor({ kind: 'cell', boardId: 'qidu', year: 2023, type: 'commercial', extra: '<script>' })).toEqual({ ok: true, anchor: { kind: 'cell', boardId: 'qidu', year: 2023, type: 'commercial' } });
    // Any year a plan package may hold (a 2026–2030 package's cells too), but a whole calendar year.
    expect(checkAnchor({ kind: 'cell', boardId: 'qidu', year: 2027, type: 'commercial' })).toMatchObject({ ok: true });
    for (const year of [2023.5, 1800, 2500, '2023', null]) expect(checkAnchor({ kind: 'cell', boardId: 'qidu', year, type: 'commercial' })).toMatchObject({ ok: false, field: 'anchor.year' });
    expect(checkAnchor({ kind: 'cell', boardId: 'qidu', year: 2023, type: 'villa' })).toMatchObject({ ok: false, field: 'anchor.type' });
    expect(checkAnchor({ kind: 'board', boardId: '' })).toMatchObject({ ok: false, field: 'anchor.boardId' });
    expect(checkAnchor({ kind: 'point', lon: 120.6, lat: 91 })).toMatchObject({ ok: false, field: 'anchor.lat' });
    expect(checkAnchor({ kind: 'polygon' })).toMatchObject({ ok: false, field: 'anchor.kind' });
    expect(checkAnchor(['board'])).toMatchObject({ ok: false, field: 'anchor' });
  });

  it('gives two comments on the same cell the same key', () => {
    expect(anchorKey({ kind: 'cell', boardId: 'qidu', year: 2023, type: 'commercial' })).toBe('cell:qidu|2023|commercial');
    expect(anchorKey({ kind: 'point', lon: 120.6500001, lat: 28 })).toBe(anchorKey({ kind: 'point', lon: 120.65, lat: 28.0000002 }));
  });
});

describe('comment text', () => {
  it('trims, keeps line breaks, counts characters not bytes, and refuses control characters', () => {
    expect(checkPlainText('  第一行\r\n第二行  ')).toEqual({ ok: true, text: '第一行\n第二行' });
    expect(checkPlainText('长'.repeat(4000)).ok).toBe(true);
    expect(checkPlainText('长'.repeat(4001))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(checkPlainText('  ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkPlainText('a\u001b[31mred')).toMatchObject({ ok: false, reason: 'control-characters' });
    expect(checkPlainText('abc\u202edef')).toMatchObject({ ok: false, reason: 'control-characters' });
  });

  it('finds @mentions of members, the longest name first (Chinese has no spaces)', () => {
    expect(findMentions('@王工程请看，@王工请看', ['王工', '王工程', '李工'])).toEqual(['王工', '王工程']);
    expect(findMentions('@王工程师', ['王工', '王工程'])).toEqual(['王工程']);
    expect(findMentions('邮件 a@b.com 与 @赵工', ['李工'])).toEqual([]);
  });
});

describe('project roles', () => {
  it('lets owners manage, planners edit, reviewers sign off, viewers only read, and everyone but viewers comment', () => {
    const table = Object.fromEntries(PROJECT_ROLES.map((r) => [r, (['view', 'comment', 'edit', 'signoff', 'manage'] as const).filter((p) => may(r, p))]));
    expect(table).toEqual({ owner: ['view', 'comment', 'edit', 'manage'], planner: ['view', 'comment', 'edit'], reviewer: ['view', 'comment', 'signoff'], viewer: ['view'] });
    expect(may(null, 'view')).toBe(false);
  });
});
