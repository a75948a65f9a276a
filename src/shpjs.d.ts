declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Shapefile geometries, one per record (null for a null shape); coordinates as stored. Throws on malformed records. */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView, prj?: string): (Geometry | null)[];
  /** dBASE records as objects; `cpg` is a TextDecoder label. Throws on some malformed input. */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer | DataView, cpg?: string): Record<string, unknown>[];
}
