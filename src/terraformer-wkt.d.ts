declare module '@terraformer/wkt' {
  import type { Geometry } from 'geojson';
  /** Parses WKT (and EWKT without SRID) into a GeoJSON geometry; throws on invalid text. */
  export function wktToGeoJSON(wkt: string): Geometry;
  export function geojsonToWKT(geometry: Geometry): string;
}
