declare module '*.geojson' {
  const value: import('geojson').FeatureCollection;
  export default value;
}

/** The shipped basemap layers as files MapLibre fetches (vite-plugin-map-data.ts). */
declare module 'virtual:anju-map-data' {
  export const mapDataUrls: Record<import('./map/shipped-map-data.ts').ShippedSource, string>;
  export const structureBbox: import('./geo/measure.ts').Bbox;
  export const countyNames: string[];
}
