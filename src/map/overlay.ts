/**
 * An overlay: a GeoJSON source and the layers that draw it, added on top of the plan's
 * layers by a feature (coverage rings, gaps, employment areas, sites …). MapView diffs the
 * list by id: new overlays are added, existing ones get setData, missing ones are removed.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

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
  data: FeatureCollection;
  /** Layers drawing this source (their `source` is set to `id` by MapView). */
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
   * Makes features draggable: MapView shows the moved feature in its edit layer while the
   * mouse moves (one small source, not this overlay's data) and calls this once on release,
   * with where the drag started and ended. The feature applies the move (an undoable change).
   */
  onDrag?: (featureId: string, from: [number, number], to: [number, number]) => void;
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
