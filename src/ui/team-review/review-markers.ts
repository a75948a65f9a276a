/**
 * Map markers of open review comments: one per place (a board's label point for comments on
 * a board, a grid cell or a rule warning of it; a site of the scenario shown, at its point or
 * its polygon's label point; the point itself for map points), with the number of open threads
 * there. Comments on a target gauge have no place: their count is on the gauge. Clicking a
 * marker opens its first thread in the review panel.
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Overlay } from '../../map/overlay.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { CommentThread } from '../../state/review/review-types.ts';
import { anchorBoardId } from '../../state/review/anchor.ts';
import { labelPoint } from '../../geo/measure.ts';
import { MAP_FONT_STACK } from '../../map/colors.ts';

export const REVIEW_MARKERS = 'review-markers';

/** The sites of the scenario on the map, for markers of comments on them. */
export interface MarkerSites {
  scenarioId: string | null;
  sites: readonly { id: string; geometry: Point | Polygon }[];
}

/** `board`: beside the board's label (the marker is offset so the label stays readable); `place`: on the site or point itself. */
export type MarkerKind = 'board' | 'place';
type MarkerProps = { id: string; kind: MarkerKind; count: number; first: string };

export function reviewMarkerData(threads: readonly CommentThread[], boards: BoardCollection, shown: MarkerSites = { scenarioId: null, sites: [] }): FeatureCollection<Point, MarkerProps> {
  const at = new Map<string, { coords: [number, number]; kind: MarkerKind; ids: string[] }>();
  for (const t of threads) {
    let key: string;
    let coords: [number, number];
    let kind: MarkerKind = 'place';
    const b = anchorBoardId(t.anchor);
    if (b) {
      const board = boards.features.find((f) => f.properties.id === b);
      if (!board) continue;
      key = `board:${b}`;
      coords = labelPoint(board.geometry) as [number, number];
      kind = 'board';
    } else if (t.anchor.kind === 'site') {
      const siteId = t.anchor.siteId;
      const site = t.scenarioId === shown.scenarioId ? shown.sites.find((x) => x.id === siteId) : undefined;
      if (!site) continue;
      key = `site:${site.id}`;
      coords = (site.geometry.type === 'Point' ? site.geometry.coordinates : labelPoint(site.geometry)) as [number, number];
    } else if (t.anchor.kind === 'point') {
      key = `point:${t.anchor.lon.toFixed(5)},${t.anchor.lat.toFixed(5)}`;
      coords = [t.anchor.lon, t.anchor.lat];
    } else continue;
    const m = at.get(key) ?? { coords, kind, ids: [] };
    m.ids.push(t.id);
    at.set(key, m);
  }
  const features: Feature<Point, MarkerProps>[] = [...at.entries()].map(([id, m]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: m.coords }, properties: { id, kind: m.kind, count: m.ids.length, first: m.ids[0] } }));
  return { type: 'FeatureCollection', features };
}

export function reviewMarkers(threads: readonly CommentThread[], boards: BoardCollection, shown: MarkerSites, onOpen: (threadId: string) => void): Overlay {
  const data = reviewMarkerData(threads, boards, shown);
  const first = new Map(data.features.map((f) => [f.properties.id, f.properties.first]));
  return {
    id: REVIEW_MARKERS,
    data,
    promoteId: 'id',
    // A layer pair per kind: the offset (translate) cannot follow a feature's data.
    layers: (['board', 'place'] as const).flatMap((kind): LayerSpecification[] => {
      const translate: [number, number] = kind === 'board' ? [14, -14] : [0, 0];
      const filter: FilterSpecification = ['==', ['get', 'kind'], kind];
      return [
        { id: `${REVIEW_MARKERS}-${kind}-dot`, type: 'circle', source: REVIEW_MARKERS, filter, paint: { 'circle-radius': 11, 'circle-color': kind === 'board' ? '#c0392b' : '#8e44ad', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2, 'circle-translate': translate } },
        { id: `${REVIEW_MARKERS}-${kind}-count`, type: 'symbol', source: REVIEW_MARKERS, filter, layout: { 'text-field': ['to-string', ['get', 'count']], 'text-font': MAP_FONT_STACK, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true }, paint: { 'text-color': '#ffffff', 'text-translate': translate } },
      ];
    }),
    onClick: (id) => {
      const t = first.get(id);
      if (t) onOpen(t);
    },
  };
}
