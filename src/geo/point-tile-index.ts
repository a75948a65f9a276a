/**
 * Points as Mapbox Vector Tiles, made where the points are (the point-tiles worker), so the page
 * never builds or clones a big FeatureCollection: the points arrive packed (coordinates in one
 * transferred Float64Array, properties as one JSON string of columns), @maplibre/geojson-vt cuts
 * them into tiles on demand and @maplibre/vt-pbf encodes each tile. Small edits (a dragged,
 * added or removed point) update the index in place (geojson-vt `updateData`).
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import { POINT_TILE_LAYER, type PackedPoints, type PointPropertyValue, type PointsChange } from './packed-points.ts';

/** Deepest zoom with its own tiles; MapLibre overzooms beyond (the source's `maxzoom`, src/map/point-tiles.ts). */
const POINT_TILE_MAX_ZOOM = 14;
const EXTENT = 4096;
/** Tile buffer in tile units: 16 px of a 512 px tile, more than the largest circle (7 px + stroke), so no dot is cut at a tile edge. */
const BUFFER = 128;

function features(p: PackedPoints, firstId: (id: string) => number): Feature<Point>[] {
  const columns = JSON.parse(p.columnsJson) as Record<string, PointPropertyValue[]>;
  const names = Object.keys(columns);
  const ids = columns.id;
  if (!ids || ids.length !== p.count) throw new Error(`packed points: the id column has ${ids?.length ?? 0} values for ${p.count} points`);
  for (const k of names) if (columns[k].length !== p.count) throw new Error(`packed points: column "${k}" has ${columns[k].length} values for ${p.count} points`);
  const out = new Array<Feature<Point>>(p.count);
  for (let i = 0; i < p.count; i++) {
    const properties: Record<string, PointPropertyValue> = {};
    for (const k of names) if (columns[k][i] !== null) properties[k] = columns[k][i];
    properties.id = String(ids[i]);
    out[i] = { type: 'Feature', id: firstId(String(ids[i])), properties, geometry: { type: 'Point', coordinates: [p.lonLat[2 * i], p.lonLat[2 * i + 1]] } };
  }
  return out;
}

export class PointTileIndex {
  #index: GeoJSONVT;
  /** Point id → the numeric feature id in the index (MVT feature ids are numbers). */
  #numeric = new Map<string, number>();
  #next = 0;

  constructor(points: PackedPoints) {
    const fs = features(points, (id) => this.#numberOf(id));
    if (this.#numeric.size !== points.count) throw new Error(`packed points: ${points.count - this.#numeric.size} repeated ids`);
    this.#index = new GeoJSONVT({ type: 'FeatureCollection', features: fs }, { maxZoom: POINT_TILE_MAX_ZOOM, extent: EXTENT, buffer: BUFFER, updateable: true });
  }

  get count(): number {
    return this.#numeric.size;
  }

  #numberOf(id: string): number {
    let n = this.#numeric.get(id);
    if (n === undefined) this.#numeric.set(id, (n = this.#next++));
    return n;
  }

  /** Apply a small edit; the tiles it touches are cut again on their next request. */
  apply(change: PointsChange): void {
    const remove: number[] = [];
    for (const id of change.remove) {
      const n = this.#numeric.get(id);
      if (n === undefined) continue;
      remove.push(n);
      this.#numeric.delete(id);
    }
    const add = features(change.upsert, (id) => this.#numberOf(id));
    this.#index.updateData({ remove, add });
  }

  /**
   * The tile z/x/y as an uncompressed MVT (one layer, POINT_TILE_LAYER); an empty buffer where
   * there is no point.
   */
  tile(z: number, x: number, y: number): ArrayBuffer {
    const t = this.#index.getTile(z, x, y);
    if (!t || t.features.length === 0) return new ArrayBuffer(0);
    const bytes = fromGeojsonVt({ [POINT_TILE_LAYER]: t }, { version: 2, extent: EXTENT });
    // A view may share a larger buffer: hand over exactly the tile's bytes.
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  }
}
