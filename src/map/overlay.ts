/**
 * An overlay: a source and the layers that draw it, added on top of the plan's layers by a
 * feature (coverage rings, gaps, employment areas, sites …). MapView diffs the list by id: new
 * overlays are added, existing ones get new data, missing ones are removed.
 *
 * The data is of two kinds: a GeoJSON FeatureCollection (MapLibre's GeoJSON source; fine up to a
 * few thousand features), or TiledPoints (a big point set cut into vector tiles by a worker of
 * ours, src/map/point-tiles.ts: the page never builds or clones the collection).
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { PackedPoints, PointsChange } from '../geo/packed-points.ts';
import type { PointRasterPaint } from '../geo/point-raster.ts';

/**
 * A big point set drawn from vector tiles made in a worker. The object is the data's identity:
 * a new object is new data (MapView sends it and MapLibre reloads the tiles), the same object is
 * not sent again.
 */
export interface TiledPoints {
  type: 'TiledPoints';
  /** How many points (the layer list and the legends show an overlay that has any). */
  count: number;
  /**
   * The name the tile worker holds these points under when several overlays draw them (default:
   * the overlay's id): the facilities are one set for the coverage tab's layer and the imported
   * layer of the other tabs, packed and indexed once.
   */
  shared?: string;
  /**
   * Every point packed for the worker: coordinates and the properties the layers read (text `id`
   * among them). Asynchronous, so that packing 300,000 points can yield between slices.
   */
  pack(): Promise<PackedPoints>;
  /** The small edit that turns `prev` (earlier data of the same overlay) into this, or null to send every point again. */
  changeFrom(prev: TiledPoints): Promise<PointsChange | null>;
  /**
   * Plain points (not rings or boxes) whose tiles below this map zoom the worker draws as images
   * (a raster source, point-tiles.ts): each of a circle layer's points as the layer would draw
   * it, but two triangles for the GPU instead of a circle per point. The circle layer stays, not
   * drawn there, for queryRenderedFeatures (hover, click, drag); from this zoom it draws the circles.
   */
  rasterBelowZoom?: number;
  /** Loads the code that talks to the tile worker (src/workers/point-tiles-client.ts): the feature hands it over. */
  backend(): Promise<PointTilesBackend>;
}

/** The tile worker's client as the map uses it (src/workers/point-tiles-client.ts). */
export interface PointTilesBackend {
  connect(held: () => [string, TiledPoints][]): void;
  set(overlay: string, points: PackedPoints): void;
  change(overlay: string, change: PointsChange): void;
  /** Frees a set no overlay draws any more (point-sets.ts). */
  drop(overlay: string): void;
  tile(overlay: string, z: number, x: number, y: number, signal: AbortSignal, pickBelow?: number): Promise<ArrayBuffer>;
  raster(overlay: string, z: number, x: number, y: number, sizePx: number, paint: PointRasterPaint, signal: AbortSignal): Promise<ImageBitmap | null>;
}

/**
 * The layer that draws the circles of `layerId` when that layer is drawn from images below a zoom
 * (overlay-source.ts: `layerId` itself is then never drawn, only hit-tested); a drag's ghost looks like it.
 */
export const drawnLayerId = (layerId: string): string => `${layerId}~drawn`;

/** Whether a source belongs to an overlay: its own (the overlay's id) and its raster sources (`<id>~<layer id>`). */
export const isOverlaySource = (overlayId: string, sourceId: string): boolean => sourceId === overlayId || sourceId.startsWith(`${overlayId}~`);

export type OverlayData = FeatureCollection | TiledPoints;

export const isTiled = (d: OverlayData): d is TiledPoints => d.type === 'TiledPoints';

/** How many features an overlay draws (0: nothing to list or to explain in a legend). */
export const overlayCount = (o: Pick<Overlay, 'data'>): number => (isTiled(o.data) ? o.data.count : o.data.features.length);

/** One colour of an overlay's legend, drawn as the map draws it. */
export interface OverlayLegendEntry {
  label: { zh: string; en: string };
  color: string;
  /** fill: an area (at `opacity`, blended over the land); point: a dot; line / dashed-line: a stroke; ring: a dashed circle. */
  swatch: 'fill' | 'point' | 'line' | 'dashed-line' | 'ring';
  /** The fill's opacity on the map (fills only; default 1). */
  opacity?: number;
}

/**
 * How the layer list and the legends present an overlay; overlays without it (a selection
 * halo, an import preview) are in neither.
 */
export interface OverlayInfo {
  /** The overlay's name in the layer list and as its legend heading. */
  title: { zh: string; en: string };
  /** Made-up data (示意) or a stated assumption (假设): said in the layer list, every legend and the map's note. */
  status?: 'illustrative' | 'assumption';
  legend: OverlayLegendEntry[];
}

export interface Overlay {
  /** Unique id; also the source id. */
  id: string;
  data: OverlayData;
  /** Layers drawing this source (their `source` is set to `id` by MapView; for TiledPoints also `source-layer`). */
  layers: Omit<LayerSpecification, 'source'>[];
  /** Property to use as feature id for feature-state (hover/selection). */
  promoteId?: string;
  /** Name, status and legend for the layer list and the legends (see OverlayInfo). */
  info?: OverlayInfo;
  /** Shown and hidden with this other overlay (e.g. labels with their areas), with no entry of its own. */
  toggleWith?: string;
  /** Insert below this layer (default: below the labels). */
  beforeId?: string;
  /** Changes whenever `layers` change (paint/layout), so MapView re-adds them; data changes do not need it. */
  styleKey?: string;
  /**
   * Called with the feature's id (`properties[promoteId ?? 'id']`) when a feature of this
   * overlay is clicked; the click then selects nothing else.
   */
  onClick?: (featureId: string) => void;
  /**
   * Makes features draggable (GeoJSON data only): MapView shows the moved feature in its edit layer while the
   * mouse moves (one small source, not this overlay's data) and calls this once on release,
   * with where the drag started and ended. The feature applies the move (an undoable change).
   */
  onDrag?: (featureId: string, from: [number, number], to: [number, number]) => void;
}

/** A reach ring the drag's `start` handler asks to be drawn around the dragged point's ghost (src/map/feature-drag.ts). */
export interface DragGhostRing {
  radiusM: number;
  /** CSS colour of the ring's line. */
  color: string;
}

/** One step of dragging a point feature of a draggable layer (MapView `draggableLayers`). */
export interface FeatureDragEvent {
  layerId: string;
  /** The feature's `id` property, as text. */
  featureId: string;
  /** Pointer position in WGS-84 degrees. */
  lonLat: [number, number];
  /** `start` once the pointer moved past the click tolerance, `move` per pointer move, `end` on release. */
  phase: 'start' | 'move' | 'end';
}
