/**
 * Points as Mapbox Vector Tiles, made where the points are (the point-tiles worker), so the page
 * never builds or clones a big FeatureCollection: the points arrive packed (coordinates in one
 * transferred Float64Array, properties as the UTF-8 bytes of one JSON of columns, transferred too), @maplibre/geojson-vt cuts
 * them into tiles on demand and @maplibre/vt-pbf encodes each tile. Small edits (a dragged,
 * added or removed point) update the index in place (geojson-vt `updateData`). A set packed with
 * `ringRadiusM` is drawn as circles of that radius around its points (the coverage reach rings),
 * so the page sends centres, not ~65 vertices per ring; a set packed with `boxes` is drawn as
 * rectangles (the coverage gap cells, which the coverage worker packs and the page only forwards).
 * The tile worker uses this for rings and boxes; plain points (the facilities) go through
 * point-grid-tiles.ts, which keeps no object per point (a million facilities: 81 MiB, not 2.2 GB).
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, LineString, Point, Polygon, Position } from 'geojson';
import { makeLocalFrame } from './local-frame.ts';
import { fixPbfUtf8 } from './pbf-utf8-fix.ts';
import { POINT_TILE_LAYER, decodeColumns, type PackedPoints, type PointPropertyValue, type PointsChange } from './packed-points.ts';

/** Deepest zoom with its own tiles; MapLibre overzooms beyond (the source's `maxzoom`, src/map/point-tiles.ts). */
const POINT_TILE_MAX_ZOOM = 14;
const EXTENT = 4096;
/** Tile buffer in tile units: 16 px of a 512 px tile, more than the largest circle (7 px + stroke), so no dot is cut at a tile edge. */
const BUFFER = 128;

/** Simplification tolerance (tile units) of a box set: MapLibre's GeoJSON sources use 0.375 of an 8,192 extent. */
const BOX_TOLERANCE = 0.1875;

/** Vertices of a reach ring (the coverage engine's `reachRings` uses as many). */
const RING_STEPS = 64;

/**
 * The closed circle of `radiusM` around a point, planar in a local frame at the point (the
 * coverage engine measures reach in its own frame of the boards: the two differ by under 0.3 %
 * of the radius across the city, src/geo/local-frame.ts).
 */
export function ringAround(lon: number, lat: number, radiusM: number): Position[] {
  const f = makeLocalFrame(lon, lat);
  const ring: Position[] = [];
  for (let k = 0; k <= RING_STEPS; k++) {
    const a = (2 * Math.PI * (k % RING_STEPS)) / RING_STEPS;
    ring.push([lon + (radiusM * Math.cos(a)) / f.kx, lat + (radiusM * Math.sin(a)) / f.ky]);
  }
  return ring;
}

/** The closed ring of a lon/lat rectangle (counter-clockwise, as GeoJSON's right-hand rule has outer rings). */
const boxRing = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];

type Shape = Point | LineString | Polygon;

function features(p: PackedPoints, firstId: (id: string) => number): Feature<Shape>[] {
  const columns = decodeColumns(p);
  const names = Object.keys(columns);
  const ids = columns.id;
  if (!ids || ids.length !== p.count) throw new Error(`packed points: the id column has ${ids?.length ?? 0} values for ${p.count} points`);
  for (const k of names) if (columns[k].length !== p.count) throw new Error(`packed points: column "${k}" has ${columns[k].length} values for ${p.count} points`);
  const out = new Array<Feature<Shape>>(p.count);
  const r = p.ringRadiusM;
  if (r !== undefined && !(r > 0)) throw new Error(`packed points: ring radius ${r} m`);
  const b = p.boxes;
  if (b && b.length !== 4 * p.count) throw new Error(`packed points: ${b.length} box values for ${p.count} boxes`);
  for (let i = 0; i < p.count; i++) {
    const properties: Record<string, PointPropertyValue> = {};
    for (const k of names) if (columns[k][i] !== null) properties[k] = columns[k][i];
    properties.id = String(ids[i]);
    const lon = p.lonLat[2 * i], lat = p.lonLat[2 * i + 1];
    const geometry: Shape = b
      ? { type: 'Polygon', coordinates: [boxRing(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3])] }
      : r === undefined
        ? { type: 'Point', coordinates: [lon, lat] }
        : { type: 'LineString', coordinates: ringAround(lon, lat, r) };
    out[i] = { type: 'Feature', id: firstId(String(ids[i])), properties, geometry };
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
    // Boxes: simplify as finely as MapLibre's own GeoJSON sources (tolerance 0.375 of 8,192), so a lone
    // 100 m gap cell is not dropped as too small at the city's zoom (the default 3 of 4,096 drops it below ~z9).
    const tolerance = points.boxes ? BOX_TOLERANCE : undefined;
    this.#index = new GeoJSONVT({ type: 'FeatureCollection', features: fs }, { maxZoom: POINT_TILE_MAX_ZOOM, extent: EXTENT, buffer: BUFFER, updateable: true, ...(tolerance ? { tolerance } : {}) });
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
    fixPbfUtf8();
    const bytes = fromGeojsonVt({ [POINT_TILE_LAYER]: t }, { version: 2, extent: EXTENT });
    // A view may share a larger buffer: hand over exactly the tile's bytes.
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  }
}
