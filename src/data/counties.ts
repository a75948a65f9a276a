/**
 * The shipped county-level units (geodata/counties.geojson), for what needs their outlines on the
 * main thread: another plan package's structure, the import dialog's plan check. In the built app
 * the file is fetched when this module first loads (vite-plugin-geojson.ts); the map itself draws
 * the counties from its own file (shipped-map-data.ts).
 */
import countiesJson from '../../geodata/counties.geojson';
import type { CountyProperties } from '../domain/county.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export const counties = countiesJson as unknown as FeatureCollection<Polygon | MultiPolygon, CountyProperties>;
