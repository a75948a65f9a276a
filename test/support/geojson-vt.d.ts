/** The part of geojson-vt (ISC) the basemap fixtures use. */
declare module 'geojson-vt' {
  import type { FeatureCollection } from 'geojson';
  interface TileIndex {
    getTile(z: number, x: number, y: number): { features: unknown[] } | null;
  }
  export default function geojsonvt(data: FeatureCollection, options?: Record<string, number>): TileIndex;
}
