/**
 * What a review comment is pinned to: a board, one grid cell (board × year × housing type), a
 * drawn site, a target gauge, a rule warning (rule × board) or a point on the map (WGS-84).
 * Plain data, checked the same way by the server (what it stores) and the app (what it shows).
 */
import { isHousingType, type HousingTypeId } from '../../domain/housing-type.ts';
import { isPlanYear, type PlanYear } from '../../domain/plan-period.ts';

export type CommentAnchor =
  | { kind: 'board'; boardId: string }
  | { kind: 'cell'; boardId: string; year: PlanYear; type: HousingTypeId }
  | { kind: 'site'; siteId: string }
  | { kind: 'target'; targetId: string }
  | { kind: 'rule'; ruleId: string; boardId: string }
  | { kind: 'point'; lon: number; lat: number };

export type AnchorKind = CommentAnchor['kind'];
export const ANCHOR_KINDS = ['board', 'cell', 'site', 'target', 'rule', 'point'] as const satisfies readonly AnchorKind[];

/** Anchors about one scenario's content: a comment on them must name the scenario. */
export const SCENARIO_ANCHORS: ReadonlySet<AnchorKind> = new Set(['cell', 'site', 'target', 'rule']);

/** Ids inside anchors (board, site, target, rule and scenario ids): 1–128 characters, no control characters. */
export function isAnchorId(v: unknown): v is string {
  // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
  return typeof v === 'string' && v.length >= 1 && v.length <= 128 && !/[\u0000-\u001f\u007f]/.test(v);
}

export type AnchorCheck = { ok: true; anchor: CommentAnchor } | { ok: false; field: string; reason: string };

const bad = (field: string, reason: string): AnchorCheck => ({ ok: false, field, reason });

/** Check untrusted JSON as an anchor; the result holds only the anchor's own fields. */
export function checkAnchor(raw: unknown): AnchorCheck {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return bad('anchor', 'an anchor is an object with a kind');
  const a = raw as Record<string, unknown>;
  const id = (key: string) => (isAnchorId(a[key]) ? null : bad(`anchor.${key}`, `${key} must be an id of 1 to 128 characters`));
  switch (a.kind) {
    case 'board':
      return id('boardId') ?? { ok: true, anchor: { kind: 'board', boardId: a.boardId as string } };
    case 'cell':
      if (!isPlanYear(a.year)) return bad('anchor.year', 'year must be a calendar year (1949–2200)');
      if (!isHousingType(a.type)) return bad('anchor.type', 'type must be a housing type id');
      return id('boardId') ?? { ok: true, anchor: { kind: 'cell', boardId: a.boardId as string, year: a.year, type: a.type } };
    case 'site':
      return id('siteId') ?? { ok: true, anchor: { kind: 'site', siteId: a.siteId as string } };
    case 'target':
      return id('targetId') ?? { ok: true, anchor: { kind: 'target', targetId: a.targetId as string } };
    case 'rule':
      return id('ruleId') ?? id('boardId') ?? { ok: true, anchor: { kind: 'rule', ruleId: a.ruleId as string, boardId: a.boardId as string } };
    case 'point': {
      const { lon, lat } = a;
      if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) return bad('anchor.lon', 'lon must be a longitude in degrees (WGS-84)');
      if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) return bad('anchor.lat', 'lat must be a latitude in degrees (WGS-84)');
      return { ok: true, anchor: { kind: 'point', lon, lat } };
    }
    default:
      return bad('anchor.kind', `kind must be one of ${ANCHOR_KINDS.join(', ')}`);
  }
}

/** The board an anchor is about, when it names one directly. */
export function anchorBoardId(a: CommentAnchor): string | null {
  return a.kind === 'board' || a.kind === 'cell' || a.kind === 'rule' ? a.boardId : null;
}

/** A stable key per anchor (two comments on the same cell share it), for markers and grouping. */
export function anchorKey(a: CommentAnchor): string {
  switch (a.kind) {
    case 'board':
      return `board:${a.boardId}`;
    case 'cell':
      return `cell:${a.boardId}|${a.year}|${a.type}`;
    case 'site':
      return `site:${a.siteId}`;
    case 'target':
      return `target:${a.targetId}`;
    case 'rule':
      return `rule:${a.ruleId}|${a.boardId}`;
    case 'point':
      return `point:${a.lon.toFixed(6)},${a.lat.toFixed(6)}`;
  }
}
