/**
 * Map markers of open review comments: one per place (a board's label point for comments on
 * a board, a grid cell or a rule warning of it; the point itself for map points), with the
 * number of open threads there. Clicking one opens its first thread in the review panel.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Overlay } from '../../map/overlay.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { CommentThread } from '../../state/review/review-types.ts';
import { anchorBoardId } from '../../state/review/anchor.ts';
import { labelPoint } from '../../geo/measure.ts';
import { MAP_FONT_STACK } from '../../map/colors.ts';

export const REVIEW_MARKERS = 'review-markers';

export function reviewMarkerData(threads: readonly CommentThread[], boards: BoardCollection): FeatureCollection<Point, { id: string; count: number; first: string }> {
  const at = new Map<string, { coords: [number, number]; ids: string[] }>();
  for (const t of threads) {
    let key: string;
    let coords: [number, number];
    const b = anchorBoardId(t.anchor);
    if (b) {
      const board = boards.features.find((f) => f.properties.id === b);
      if (!board) continue;
      key = `board:${b}`;
      coords = labelPoint(board.geometry) as [number, number];
    } else if (t.anchor.kind === 'point') {
      key = `point:${t.anchor.lon.toFixed(5)},${t.anchor.lat.toFixed(5)}`;
      coords = [t.anchor.lon, t.anchor.lat];
    } else continue;
    const m = at.get(key) ?? { coords, ids: [] };
    m.ids.push(t.id);
    at.set(key, m);
  }
  const features: Feature<Point, { id: string; count: number; first: string }>[] = [...at.entries()].map(([id, m]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: m.coords }, properties: { id, count: m.ids.length, first: m.ids[0] } }));
  return { type: 'FeatureCollection', features };
}

export function reviewMarkers(threads: readonly CommentThread[], boards: BoardCollection, onOpen: (threadId: string) => void): Overlay {
  const data = reviewMarkerData(threads, boards);
  const first = new Map(data.features.map((f) => [f.properties.id, f.properties.first]));
  return {
    id: REVIEW_MARKERS,
    data,
    promoteId: 'id',
    layers: [
      { id: `${REVIEW_MARKERS}-dot`, type: 'circle', paint: { 'circle-radius': 11, 'circle-color': '#c0392b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2, 'circle-translate': [14, -14] } },
      { id: `${REVIEW_MARKERS}-count`, type: 'symbol', layout: { 'text-field': ['to-string', ['get', 'count']], 'text-font': MAP_FONT_STACK, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true }, paint: { 'text-color': '#ffffff', 'text-translate': [14, -14] } },
    ],
    onClick: (id) => {
      const t = first.get(id);
      if (t) onOpen(t);
    },
  };
}
