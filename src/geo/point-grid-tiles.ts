/**
 * Plain points (the facilities) as Mapbox Vector Tiles without a GeoJSON feature per point: the
 * packed coordinates are projected in place (Web Mercator, 0–1), sorted by their cell at zoom 14
 * (one key and one slot number per point, typed arrays) and a tile is encoded straight from the
 * points that fall in it, tile buffer included, when MapLibre asks for it. geojson-vt
 * (point-tile-index.ts, still used for rings and boxes) made a Feature per point and kept a copy
 * of every point per zoom level down to its index zoom: 1,000,000 facilities took 2.2 GB of heap
 * and 7.6 s of CPU in Node before the first tile, too much for the tab's tile worker.
 *
 * The same tiles as geojson-vt's for points: one layer (POINT_TILE_LAYER), positions rounded to
 * whole tile units, a point within the buffer of a tile is in it too, properties as vt-pbf writes
 * them (null left out), the feature id a number; but below zoom 14 a point on the same half pixel
 * as one already in the tile is left out of that tile (SAME_SPOT: the picture is the same). Small edits (a dragged, added or removed point)
 * append to the set and mark the replaced point gone; appended points are scanned per tile until
 * there are many, then everything is sorted again.
 */
import { PbfWriter } from 'pbf';
import { fixPbfUtf8 } from './pbf-utf8-fix.ts';
import { rasterPoints, type PointRasterPaint } from './point-raster.ts';
import { POINT_TILE_LAYER, decodeColumns, type PackedPoints, type PointPropertyValue, type PointsChange } from './packed-points.ts';

const EXTENT = 4096;
/** Tile buffer in tile units (the same as point-tile-index.ts: 16 px of a 512 px tile). */
const BUFFER = 128;
/** Zoom of the cells the points are sorted by (the deepest zoom with its own tiles). */
const CELL_ZOOM = 14;
const CELLS = 2 ** CELL_ZOOM;
/** Slot numbers are packed beside the cell key into one float64 to sort: keys < 2^28, slots < 2^24. */
const SLOT_BITS = 2 ** 24;
/** Appended points scanned per tile before the set is sorted again. */
const MAX_APPENDED = 4_096;
/**
 * Below CELL_ZOOM a point within the same square of this many tile units (half a pixel of a 512 px
 * tile) as one already in the tile is left out of it: it would be drawn on the same pixels. A
 * million facilities over the city made tiles of 27 MB at zoom 8, which MapLibre's worker parses
 * into a circle each; from zoom 14 (and overzoomed beyond) every point is in its tile.
 */
const SAME_SPOT = 4;
/**
 * Tiles for picking only (`tile(…, pick)`, under tiles drawn as images) keep one point per square
 * of this many tile units (3 px of a 512 px tile, up to 6 css px overzoomed): the one on top. With
 * a circle per half pixel, 300,000 facilities made SwiftShader's upload of the undrawn layer's
 * buffers 0.5–1.4 s frames; with 8 px squares a pointer on the dots found no circle of the layer
 * (radius 5–8.5 px with its stroke) in two runs of three.
 */
const PICK_SPOT = 24;

const projectX = (lon: number) => lon / 360 + 0.5;
function projectY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
const cell = (v: number) => Math.min(CELLS - 1, Math.max(0, Math.floor(v * CELLS)));

/** First position in the sorted `keys` whose key is at least `key`. */
function lowerBound(keys: Uint32Array, key: number): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PointGridTiles {
  /** Projected x, y of slot i at [2i], [2i + 1] (the packed lon/lat buffer, overwritten). */
  #xy: Float64Array;
  #columns: Record<string, PointPropertyValue[]>;
  #alive: Uint8Array;
  /** Slots used (alive or not) and alive. */
  #slots: number;
  #live: number;
  /** Slots below this are in the sorted index; the rest are scanned per tile. */
  #indexed = 0;
  /** Alive indexed slots by cell key (row-major at CELL_ZOOM), and their keys. */
  #order = new Uint32Array(0);
  #keys = new Uint32Array(0);
  /** Slot of each alive point's id: made on the first edit (a million ids cost tens of MB). */
  #slotOf: Map<string, number> | null = null;

  constructor(points: PackedPoints) {
    if (points.ringRadiusM !== undefined || points.boxes) throw new Error('packed points: rings and boxes are not plain points');
    const columns = decodeColumns(points);
    const ids = columns.id;
    if (!ids || ids.length !== points.count) throw new Error(`packed points: the id column has ${ids?.length ?? 0} values for ${points.count} points`);
    for (const k of Object.keys(columns)) if (columns[k].length !== points.count) throw new Error(`packed points: column "${k}" has ${columns[k].length} values for ${points.count} points`);
    if (points.lonLat.length < 2 * points.count) throw new Error(`packed points: ${points.lonLat.length} coordinates for ${points.count} points`);
    this.#columns = columns;
    this.#xy = points.lonLat;
    for (let i = 0; i < points.count; i++) {
      this.#xy[2 * i] = projectX(this.#xy[2 * i]);
      this.#xy[2 * i + 1] = projectY(this.#xy[2 * i + 1]);
    }
    this.#alive = new Uint8Array(points.count).fill(1);
    this.#slots = this.#live = points.count;
    this.#sort();
  }

  get count(): number {
    return this.#live;
  }

  /** Sorts every alive slot by its cell (dropping the gone ones from the index). */
  #sort(): void {
    if (this.#slots >= SLOT_BITS) throw new Error(`point tiles: ${this.#slots} points, more than ${SLOT_BITS - 1}`);
    const packed = new Float64Array(this.#live);
    let k = 0;
    for (let s = 0; s < this.#slots; s++) {
      if (!this.#alive[s]) continue;
      packed[k++] = (cell(this.#xy[2 * s + 1]) * CELLS + cell(this.#xy[2 * s])) * SLOT_BITS + s;
    }
    packed.sort();
    this.#order = new Uint32Array(k);
    this.#keys = new Uint32Array(k);
    for (let i = 0; i < k; i++) {
      const v = packed[i];
      const key = Math.floor(v / SLOT_BITS);
      this.#keys[i] = key;
      this.#order[i] = v - key * SLOT_BITS;
    }
    this.#indexed = this.#slots;
  }

  #ids(): Map<string, number> {
    if (this.#slotOf) return this.#slotOf;
    const ids = this.#columns.id;
    const m = new Map<string, number>();
    for (let s = 0; s < this.#slots; s++) {
      if (!this.#alive[s]) continue;
      const id = String(ids[s]);
      if (m.has(id)) throw new Error(`packed points: the id "${id}" is repeated`);
      m.set(id, s);
    }
    return (this.#slotOf = m);
  }

  #grow(need: number): void {
    if (need * 2 <= this.#xy.length && need <= this.#alive.length) return;
    const cap = Math.max(need, Math.ceil(this.#slots * 1.25) + 64);
    const xy = new Float64Array(2 * cap);
    xy.set(this.#xy.subarray(0, 2 * this.#slots));
    const alive = new Uint8Array(cap);
    alive.set(this.#alive.subarray(0, this.#slots));
    this.#xy = xy;
    this.#alive = alive;
  }

  /** Apply a small edit: points taken out by id, points added or replacing the one with their id. */
  apply(change: PointsChange): void {
    const slotOf = this.#ids();
    const kill = (id: string) => {
      const s = slotOf.get(id);
      if (s === undefined) return;
      this.#alive[s] = 0;
      this.#live--;
      slotOf.delete(id);
    };
    for (const id of change.remove) kill(id);
    const up = change.upsert;
    if (up.count === 0) return;
    const columns = decodeColumns(up);
    const ids = columns.id;
    if (!ids || ids.length !== up.count) throw new Error(`packed points: the id column has ${ids?.length ?? 0} values for ${up.count} points`);
    this.#grow(this.#slots + up.count);
    for (const k of Object.keys(columns)) this.#columns[k] ??= [];
    for (let i = 0; i < up.count; i++) {
      const id = String(ids[i]);
      kill(id);
      const s = this.#slots++;
      this.#xy[2 * s] = projectX(up.lonLat[2 * i]);
      this.#xy[2 * s + 1] = projectY(up.lonLat[2 * i + 1]);
      this.#alive[s] = 1;
      for (const k of Object.keys(this.#columns)) this.#columns[k][s] = columns[k]?.[i] ?? null;
      slotOf.set(id, s);
      this.#live++;
    }
    if (this.#slots - this.#indexed > MAX_APPENDED) this.#sort();
  }

  /**
   * The alive slots within `pad` (a fraction of the tile) of tile z/x/y, in index order, and
   * their positions in tile units of `extent` (rounded when `round`); with `spot`, a point on the
   * same `spot`-unit square as one already taken is left out.
   */
  #collect(z: number, x: number, y: number, pad: number, extent: number, round: boolean, spot: number): { slots: number[]; at: number[] } {
    const z2 = 2 ** z;
    const padUnits = pad * extent;
    const slots: number[] = [], at: number[] = [];
    const spots = spot ? Math.floor((extent + 2 * padUnits) / spot) + 1 : 0;
    const taken = spot ? new Uint8Array(spots * spots) : null;
    const test = (s: number) => {
      const ux = (this.#xy[2 * s] * z2 - x) * extent, uy = (this.#xy[2 * s + 1] * z2 - y) * extent;
      if (ux < -padUnits || ux > extent + padUnits || uy < -padUnits || uy > extent + padUnits) return;
      const rx = round ? Math.round(ux) : ux, ry = round ? Math.round(uy) : uy;
      if (taken) {
        const k = Math.floor((ry + padUnits) / spot) * spots + Math.floor((rx + padUnits) / spot);
        if (taken[k]) return;
        taken[k] = 1;
      }
      slots.push(s);
      at.push(rx, ry);
    };
    const cx0 = cell((x - pad) / z2), cx1 = cell((x + 1 + pad) / z2);
    const cy0 = cell((y - pad) / z2), cy1 = cell((y + 1 + pad) / z2);
    for (let cy = cy0; cy <= cy1; cy++) {
      const end = lowerBound(this.#keys, cy * CELLS + cx1 + 1);
      for (let j = lowerBound(this.#keys, cy * CELLS + cx0); j < end; j++) {
        const s = this.#order[j];
        if (this.#alive[s]) test(s);
      }
    }
    for (let s = this.#indexed; s < this.#slots; s++) if (this.#alive[s]) test(s);
    return { slots, at };
  }

  /**
   * The slots in tile z/x/y (buffer included) and their positions in tile units; for picking only
   * (`pick`), of the points on one PICK_SPOT square only the last (the one drawn on top).
   */
  #inTile(z: number, x: number, y: number, pick: boolean): { slots: number[]; at: number[] } {
    if (!pick) return this.#collect(z, x, y, BUFFER / EXTENT, EXTENT, true, z < CELL_ZOOM ? SAME_SPOT : 0);
    const all = this.#collect(z, x, y, BUFFER / EXTENT, EXTENT, true, 0);
    const spots = Math.floor((EXTENT + 2 * BUFFER) / PICK_SPOT) + 1;
    const taken = new Uint8Array(spots * spots);
    const keep = new Uint8Array(all.slots.length);
    for (let i = all.slots.length - 1; i >= 0; i--) {
      const k = Math.floor((all.at[2 * i + 1] + BUFFER) / PICK_SPOT) * spots + Math.floor((all.at[2 * i] + BUFFER) / PICK_SPOT);
      if (taken[k]) continue;
      taken[k] = keep[i] = 1;
    }
    const slots: number[] = [], at: number[] = [];
    for (let i = 0; i < keep.length; i++) {
      if (!keep[i]) continue;
      slots.push(all.slots[i]);
      at.push(all.at[2 * i], all.at[2 * i + 1]);
    }
    return { slots, at };
  }

  /**
   * Tile z/x/y drawn as an image of `sizePx` × `sizePx` (straight-alpha RGBA, point-raster.ts):
   * every point whose circle touches it, in the order the vector tile draws them; null where none does.
   */
  raster(z: number, x: number, y: number, sizePx: number, paint: PointRasterPaint): Uint8ClampedArray | null {
    const reach = paint.radius + paint.strokeWidth + 2;
    const { slots, at } = this.#collect(z, x, y, reach / sizePx, sizePx, false, 0);
    if (slots.length === 0) return null;
    const color = new Uint8Array(slots.length);
    const by = paint.colorBy;
    if (by) {
      const column = this.#columns[by.property] ?? [];
      const fallback = by.values.length;
      const index = new Map<PointPropertyValue, number>(by.values.map((v, i) => [v, i]));
      for (let i = 0; i < slots.length; i++) color[i] = index.get(column[slots[i]] ?? null) ?? fallback;
    }
    return rasterPoints(sizePx, sizePx, at, color, paint);
  }

  /**
   * The tile z/x/y as an uncompressed MVT (one layer, POINT_TILE_LAYER); an empty buffer where there
   * is no point. `pick`: a tile for hit-testing only, under the same points drawn as an image
   * (raster): of the points on one PICK_SPOT square only the one on top, so that MapLibre builds
   * and uploads a circle per 3 px square rather than per point.
   */
  tile(z: number, x: number, y: number, pick = false): ArrayBuffer {
    const { slots, at } = this.#inTile(z, x, y, pick);
    if (slots.length === 0) return new ArrayBuffer(0);
    fixPbfUtf8();
    const names = Object.keys(this.#columns);
    const columns = names.map((k) => this.#columns[k]);
    const idColumn = names.indexOf('id');
    const values: PointPropertyValue[] = [];
    // One entry per distinct value, as vt-pbf writes them (a Map tells "1" from 1 and "true" from true);
    // the ids are distinct already, so they are not looked up.
    const valueIndex = new Map<PointPropertyValue, number>();
    const keyIndex = new Map<string, number>();
    const keys: string[] = [];
    const tags: number[] = [];
    const pbf = new PbfWriter();
    pbf.writeMessage(3, () => {
      pbf.writeVarintField(15, 2);
      pbf.writeStringField(1, POINT_TILE_LAYER);
      pbf.writeVarintField(5, EXTENT);
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i];
        tags.length = 0;
        for (let c = 0; c < names.length; c++) {
          const v = columns[c][s];
          if (v === null || v === undefined) continue;
          let ki = keyIndex.get(names[c]);
          if (ki === undefined) keyIndex.set(names[c], (ki = keys.push(names[c]) - 1));
          let vi: number | undefined;
          if (c === idColumn) vi = values.push(String(v)) - 1;
          else if ((vi = valueIndex.get(v)) === undefined) valueIndex.set(v, (vi = values.push(v) - 1));
          tags.push(ki, vi);
        }
        pbf.writeMessage(2, () => {
          pbf.writeVarintField(1, s);
          pbf.writePackedVarint(2, tags);
          pbf.writeVarintField(3, 1); // POINT
          // One MoveTo of one point (command 1, count 1), zigzag-encoded from the origin.
          const gx = at[2 * i], gy = at[2 * i + 1];
          pbf.writePackedVarint(4, [(1 << 3) | 1, (gx << 1) ^ (gx >> 31), (gy << 1) ^ (gy >> 31)]);
        }, null);
      }
      for (const k of keys) pbf.writeStringField(3, k);
      for (const v of values) {
        pbf.writeMessage(4, () => {
          if (typeof v === 'string') pbf.writeStringField(1, v);
          else if (typeof v === 'boolean') pbf.writeBooleanField(7, v);
          else if (typeof v === 'number') {
            if (v % 1 !== 0) pbf.writeDoubleField(3, v);
            else if (v < 0) pbf.writeSVarintField(6, v);
            else pbf.writeVarintField(5, v);
          }
        }, null);
      }
    }, null);
    const bytes = pbf.finish();
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  }
}
