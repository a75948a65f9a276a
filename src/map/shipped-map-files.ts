/**
 * This build's files of the shipped basemap layers (URLs MapLibre fetches) and the structure's
 * extent and the counties' names, derived from geodata/ at build time by vite-plugin-map-data.ts (shipped-map-data.ts).
 */
export { mapDataUrls, structureBbox, countyNames } from 'virtual:anju-map-data';
