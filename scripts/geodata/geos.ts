/**
 * GEOS (the engine under QGIS, PostGIS and shapely), compiled to WebAssembly by the `geos-wasm`
 * package, for the geodata build only: fetched with `npm pack` like the other source packages,
 * so it stays out of the everyday install. Every function takes and returns GeoJSON geometry
 * and frees what it allocated on the WebAssembly heap.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Geometry } from 'geojson';
import { fetchPackage } from './fetch-package.ts';

export const GEOS_SPEC = 'geos-wasm@3.1.1';

/* The C API as geos-wasm exposes it: pointers are numbers. */
type Ptr = number;
interface GeosModule {
  Module: { _malloc(n: number): Ptr; _free(p: Ptr): void; getValue(p: Ptr, t: string): number; UTF8ToString(p: Ptr): string };
  [fn: string]: unknown;
}
interface Helpers {
  geojsonToGeosGeom(g: Geometry, geos: GeosModule): Ptr;
  geosGeomToGeojson(p: Ptr, geos: GeosModule): Geometry;
}

let geos: GeosModule | null = null;
let helpers: Helpers | null = null;

/** Loads GEOS once (fetching the package on first use). */
export async function initGeos(): Promise<void> {
  if (geos) return;
  const dir = fetchPackage(GEOS_SPEC);
  const init = (await import(pathToFileURL(join(dir, 'build/package/geos.esm.js')).href)).default as () => Promise<GeosModule>;
  helpers = (await import(pathToFileURL(join(dir, 'build/package/helpers/geos.helpers.esm.js')).href)) as Helpers;
  geos = await init();
}

function g(): GeosModule {
  if (!geos) throw new Error('initGeos() first');
  return geos;
}
function call<T = Ptr>(name: string, ...args: number[]): T {
  const fn = g()[name] as (...a: number[]) => T;
  if (typeof fn !== 'function') throw new Error(`GEOS has no ${name}`);
  return fn(...args);
}
function read(x: Geometry): Ptr {
  return helpers!.geojsonToGeosGeom(x, g());
}
function out(p: Ptr, what: string): Geometry {
  if (!p) throw new Error(`GEOS ${what} failed`);
  try {
    return helpers!.geosGeomToGeojson(p, g());
  } finally {
    call('GEOSGeom_destroy', p);
  }
}
/** Runs `f` on GEOS copies of the inputs and frees them afterwards. */
function withGeoms<T>(inputs: Geometry[], f: (...p: Ptr[]) => T): T {
  const ptrs = inputs.map(read);
  try {
    return f(...ptrs);
  } finally {
    for (const p of ptrs) call('GEOSGeom_destroy', p);
  }
}

/** OGC validity: "Valid Geometry", or GEOS's reason with the location. */
export function validReason(x: Geometry): string {
  return withGeoms([x], (p) => {
    const s = call('GEOSisValidReason', p);
    const text = g().Module.UTF8ToString(s);
    call('GEOSFree', s);
    return text;
  });
}

/** MakeValid, "structure" method (rings as areas; collapsed parts dropped). */
export function makeValid(x: Geometry): Geometry {
  return withGeoms([x], (p) => {
    const params = call('GEOSMakeValidParams_create');
    call('GEOSMakeValidParams_setMethod', params, 1); // GEOS_MAKE_VALID_STRUCTURE
    call('GEOSMakeValidParams_setKeepCollapsed', params, 0);
    const r = call('GEOSMakeValidWithParams', p, params);
    call('GEOSMakeValidParams_destroy', params);
    return out(r, 'MakeValid');
  });
}

/** Snap-rounds to a grid of `gridSize` units; the result is valid at that precision. */
export function setPrecision(x: Geometry, gridSize: number): Geometry {
  return withGeoms([x], (p) => out(call('GEOSGeom_setPrecision', p, gridSize, 0), 'setPrecision'));
}

export function unaryUnion(x: Geometry, gridSize: number): Geometry {
  return withGeoms([x], (p) => out(call('GEOSUnaryUnionPrec', p, gridSize), 'UnaryUnion'));
}

/** Polygons formed by noded linework. */
export function polygonize(lines: Geometry): Geometry {
  return withGeoms([lines], (p) => {
    const arr = g().Module._malloc(4);
    (g().Module as unknown as { setValue(p: Ptr, v: number, t: string): void }).setValue(arr, p, 'i32');
    try {
      return out(call('GEOSPolygonize', arr, 1), 'Polygonize');
    } finally {
      g().Module._free(arr);
    }
  });
}

/** The smallest distance a vertex can move before the geometry becomes invalid (GEOS MinimumClearance). */
export function minimumClearance(x: Geometry): number {
  return withGeoms([x], (p) => {
    const d = g().Module._malloc(8);
    try {
      if (call<number>('GEOSMinimumClearance', p, d) !== 0) throw new Error('GEOS MinimumClearance failed');
      return g().Module.getValue(d, 'double');
    } finally {
      g().Module._free(d);
    }
  });
}

/** Buffer with mitre joins (corners kept sharp) by `distance` units (negative shrinks). */
export function bufferMitre(x: Geometry, distance: number): Geometry {
  return withGeoms([x], (p) => {
    const params = call('GEOSBufferParams_create');
    call('GEOSBufferParams_setJoinStyle', params, 2); // GEOSBUF_JOIN_MITRE
    call('GEOSBufferParams_setMitreLimit', params, 2);
    const r = call('GEOSBufferWithParams', p, params, distance);
    call('GEOSBufferParams_destroy', params);
    return out(r, 'Buffer');
  });
}

/** A point inside the geometry (GEOS PointOnSurface). */
export function pointOnSurface(x: Geometry): [number, number] {
  const p = withGeoms([x], (q) => out(call('GEOSPointOnSurface', q), 'PointOnSurface'));
  if (p.type !== 'Point') throw new Error('PointOnSurface returned ' + p.type);
  return [p.coordinates[0], p.coordinates[1]];
}
