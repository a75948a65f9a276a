/** Where review comments show on the map, and what their anchors read as. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { reviewMarkerData } from '../../../../src/ui/team-review/review-markers.ts';
import { anchorLabel } from '../../../../src/ui/team-review/anchor-label.ts';
import type { CommentAnchor } from '../../../../src/state/review/anchor.ts';
import type { CommentThread } from '../../../../src/state/review/review-types.ts';
import type { BoardCollection } from '../../../../src/domain/board.ts';
import { loadEnglish, registerMessages } from '../../../../src/i18n/messages/index.ts';
import { teamReview } from '../../../../src/i18n/messages/team-review.ts';

// Team review's Chinese comes with the team client (mount-team-app.ts); English loads on the switch.
beforeAll(async () => {
  registerMessages('zh', teamReview.zh);
  await loadEnglish();
});

const boards = JSON.parse(readFileSync(new URL('../../../../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;
const at = '2026-11-26T08:00:00.000Z';
let n = 0;
const thread = (anchor: CommentAnchor, scenarioId: string | null = null): CommentThread => ({
  id: `t${++n}`, anchor, scenarioId, author: '张审', at, body: '请说明', mentions: [], revision: 1, unread: false, state: 'open', stateBy: null, stateAt: null, replies: [],
});
const square = { type: 'Polygon' as const, coordinates: [[[120.6, 28], [120.62, 28], [120.62, 28.02], [120.6, 28.02], [120.6, 28]]] };
const shown = { scenarioId: 's1', sites: [{ id: 'p', geometry: { type: 'Point' as const, coordinates: [120.65, 28.01] } }, { id: 'q', geometry: square }] };

describe('review markers', () => {
  it('puts a site’s comments on the site (a point, or inside the polygon), a map point’s on the point, and counts each place once', () => {
    const data = reviewMarkerData([thread({ kind: 'site', siteId: 'p' }, 's1'), thread({ kind: 'site', siteId: 'p' }, 's1'), thread({ kind: 'site', siteId: 'q' }, 's1'), thread({ kind: 'point', lon: 120.7, lat: 28.1 })], boards, shown);
    const by = new Map(data.features.map((f) => [f.properties.id, f]));
    expect(by.get('site:p')).toMatchObject({ geometry: { coordinates: [120.65, 28.01] }, properties: { kind: 'place', count: 2, first: 't1' } });
    const [lon, lat] = by.get('site:q')!.geometry.coordinates;
    expect(lon).toBeGreaterThan(120.6);
    expect(lon).toBeLessThan(120.62);
    expect(lat).toBeGreaterThan(28);
    expect(lat).toBeLessThan(28.02);
    expect(by.get('point:120.70000,28.10000')!.properties.count).toBe(1);
    expect(data.features).toHaveLength(3);
    // A board's comments (on it, its cells, its rule warnings) sit beside its label, counted together.
    const board = reviewMarkerData([thread({ kind: 'board', boardId: 'qidu' }), thread({ kind: 'rule', ruleId: 'r', boardId: 'qidu' }, 's1')], boards, shown).features;
    expect(board).toMatchObject([{ properties: { id: 'board:qidu', kind: 'board', count: 2 } }]);
  });

  it('shows no marker for a site of another scenario, a site that is gone, or a target gauge (its count is on the gauge)', () => {
    const data = reviewMarkerData([thread({ kind: 'site', siteId: 'p' }, 's2'), thread({ kind: 'site', siteId: 'gone' }, 's1'), thread({ kind: 'target', targetId: 'commercial-supply' }, 's1')], boards, shown);
    expect(data.features).toEqual([]);
  });
});

describe('anchor labels', () => {
  it('name sites, targets and rules by what the project and plan call them, and fall back to the id', () => {
    const names = { site: (id: string) => (id === 'p' ? '七都东地块' : undefined), target: () => '商品住房供应', rule: () => '存量提升板块商品住房' };
    expect(anchorLabel({ kind: 'site', siteId: 'p' }, boards, 'zh', names)).toBe('地块「七都东地块」');
    expect(anchorLabel({ kind: 'site', siteId: 'x' }, boards, 'zh', names)).toBe('地块「x」');
    expect(anchorLabel({ kind: 'target', targetId: 't' }, boards, 'en', names)).toBe('Target “商品住房供应”');
    expect(anchorLabel({ kind: 'rule', ruleId: 'r', boardId: 'qidu' }, boards, 'zh', names)).toBe('七都 · 规则提示「存量提升板块商品住房」');
  });
});
