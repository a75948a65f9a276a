/**
 * An overlay: a GeoJSON source and the layers that draw it, added on top of the plan's
 * layers by a feature (coverage rings, gaps, employment areas, sites …). MapView diffs the
 * list by id: new overlays are added, existing ones get setData, missing ones are removed.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

export interface Overlay {
  /** Unique id; also the source id. */
  id: string;
  data: FeatureCollection;
  /** Layers drawing this source (their `source` is set to `id` by MapView). */
  layers: Omit<LayerSpecification, 'source'>[];
  /** Property to use as feature id for feature-state (hover/selection). */
  promoteId?: string;
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
