/**
 * Map overlays of the import feature, as data: the temporary preview of a file being imported
 * (orange), and plain drawings of imported slices that no other feature draws yet. Data is
 * memoised per slice object, so an unrelated edit does not rebuild it.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { CircleLayerSpecification, ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { Overlay } from '../../map/overlay.ts';
import type { Facility } from '../../domain/facility.ts';
import type { PopulationInput } from '../../domain/population.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { TILED_MIN_FACILITIES, facilityTiles } from '../coverage/facility-tiles.ts';

export const IMPORT_COLORS = {
  preview: '#e66100',
  facilities: '#1f6f8b',
  population: '#7b3294',
  streets: '#6b5b45',
} as const;

/** At most this many features are drawn in the preview (the whole file is still imported). */
export const PREVIEW_MAX_FEATURES = 20_000;

type OverlayLayer = Overlay['layers'][number];
// Typed per layer kind: Omit<> of the LayerSpecification union keeps only common keys (no `filter`).
const fill = (l: Omit<FillLayerSpecification, 'source'>): OverlayLayer => l;
const line = (l: Omit<LineLayerSpecification, 'source'>): OverlayLayer => l;
const circle = (l: Omit<CircleLayerSpecification, 'source'>): OverlayLayer => l;

const isPoint: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];

/** The preview of a file being imported: polygons filled, lines and outlines dashed, points as rings. */
export function previewOverlay(fc: FeatureCollection): Overlay {
  // Geometry and a text name only: a hostile key (constructor, __proto__) never reaches the map's worker.
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.slice(0, PREVIEW_MAX_FEATURES).map((f, i) => {
      const name = f.properties && Object.hasOwn(f.properties, 'name') ? f.properties.name : undefined;
      return { type: 'Feature', properties: { i, ...(typeof name === 'string' ? { name } : {}) }, geometry: f.geometry };
    }),
  };
  return {
    id: 'import-preview',
    data,
    layers: [
      fill({ id: 'import-preview-fill', type: 'fill', filter: isPolygon, paint: { 'fill-color': IMPORT_COLORS.preview, 'fill-opacity': 0.25 } }),
      line({ id: 'import-preview-line', type: 'line', filter: ['!', isPoint], paint: { 'line-color': IMPORT_COLORS.preview, 'line-width': 2.5, 'line-dasharray': [2, 1] } }),
      circle({ id: 'import-preview-point', type: 'circle', filter: isPoint, paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': IMPORT_COLORS.preview, 'circle-stroke-width': 2.5 } }),
    ],
  };
}

function memo<T extends object>(build: (slice: T) => FeatureCollection): (slice: T) => FeatureCollection {
  const cache = new WeakMap<T, FeatureCollection>();
  return (slice) => {
    let fc = cache.get(slice);
    if (!fc) cache.set(slice, (fc = build(slice)));
    return fc;
  };
}

const facilitiesData = memo((fs: Facility[]) => ({
  type: 'FeatureCollection' as const,
  features: fs.map((f): Feature => ({ type: 'Feature', properties: { id: f.id, category: f.category }, geometry: { type: 'Point', coordinates: f.lonLat } })),
}));

/**
 * Facilities drawn outside the coverage tab, every one; made-up ones say so in the layer list and
 * legends. From TILED_MIN_FACILITIES on they are the coverage tab's vector tiles, cut by the tile
 * worker (facility-tiles.ts: the same set, packed once): a FeatureCollection of a million
 * facilities built on the page and cloned to MapLibre's worker took one task of 20 s and more.
 */
export function facilitiesOverlay(fs: Facility[]): Overlay | null {
  if (fs.length === 0) return null;
  const illustrative = fs.some((f) => f.illustrative);
  return {
    id: 'imported-facilities',
    data: fs.length >= TILED_MIN_FACILITIES ? facilityTiles(fs) : facilitiesData(fs),
    info: {
      title: bilingual('import.layer.facilities'),
      ...(illustrative ? { status: 'illustrative' as const } : {}),
      legend: [{ label: bilingual(illustrative ? 'import.legend.facilitiesIllustrative' : 'import.legend.facilities', { n: formatNumber(fs.length) }), color: IMPORT_COLORS.facilities, swatch: 'point' }],
    },
    layers: [circle({ id: 'imported-facilities-circle', type: 'circle', paint: { 'circle-radius': 4, 'circle-color': IMPORT_COLORS.facilities, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } })],
  };
}

/**
 * At most this many population points are drawn (an even sample beyond, the legend says so): a
 * FeatureCollection of a million points would be built on the page and cloned to MapLibre's worker.
 */
export const POPULATION_MAP_MAX_POINTS = 20_000;

const pointStep = (n: number) => Math.max(1, Math.ceil(n / POPULATION_MAP_MAX_POINTS));

const populationData = memo((p: Extract<PopulationInput, { kind: 'points' | 'cells' }>) => {
  const features: Feature[] = [];
  if (p.kind === 'points') {
    const step = pointStep(p.points.length);
    for (let i = 0; i < p.points.length; i += step) features.push({ type: 'Feature', properties: { population: p.points[i].population }, geometry: { type: 'Point', coordinates: p.points[i].lonLat } });
  } else for (const x of p.cells) features.push({ type: 'Feature', properties: { population: x.population }, geometry: x.geometry });
  return { type: 'FeatureCollection' as const, features };
});

export function populationOverlay(p: PopulationInput): Overlay | null {
  if (p.kind !== 'points' && p.kind !== 'cells') return null;
  const n = p.kind === 'points' ? p.points.length : p.cells.length;
  const shown = p.kind === 'points' ? Math.ceil(n / pointStep(n)) : n;
  const label = p.kind === 'cells' ? bilingual('import.legend.populationCells', { n: formatNumber(n) }) : shown < n ? bilingual('import.legend.populationSampled', { n: formatNumber(n), shown: formatNumber(shown) }) : bilingual('import.legend.populationPoints', { n: formatNumber(n) });
  return {
    id: 'imported-population',
    data: populationData(p),
    info: {
      title: bilingual('import.layer.population'),
      legend: [{ label, color: IMPORT_COLORS.population, swatch: p.kind === 'points' ? 'point' : 'fill', opacity: 0.2 }],
    },
    layers: [
      fill({ id: 'imported-population-fill', type: 'fill', filter: isPolygon, paint: { 'fill-color': IMPORT_COLORS.population, 'fill-opacity': 0.2 } }),
      circle({ id: 'imported-population-point', type: 'circle', filter: isPoint, paint: { 'circle-radius': 3, 'circle-color': IMPORT_COLORS.population, 'circle-opacity': 0.7 } }),
    ],
  };
}

export function streetsOverlay(s: FeatureCollection<LineString | MultiLineString> | null): Overlay | null {
  if (!s || s.features.length === 0) return null;
  return {
    id: 'imported-streets',
    data: s,
    info: { title: bilingual('import.layer.streets'), legend: [{ label: bilingual('import.legend.streets', { n: formatNumber(s.features.length) }), color: IMPORT_COLORS.streets, swatch: 'line' }] },
    layers: [line({ id: 'imported-streets-line', type: 'line', paint: { 'line-color': IMPORT_COLORS.streets, 'line-width': 1.2 } })],
  };
}

