/**
 * This build's files of the shipped basemap layers (URLs MapLibre fetches), the structure's extent
 * and the counties' names, derived from geodata/ when the app is built (vite-plugin-map-data.ts over
 * map/shipped-map-data.ts), so the app holds none of the outlines themselves.
 */
export { mapDataUrls, structureBbox, countyNames } from 'virtual:anju-map-data';
