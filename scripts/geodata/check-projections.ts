/**
 * The projected systems a planning bureau's GIS puts Wenzhou's data in; shipped polygons must
 * stay valid in each (geodata build and test/unit/geodata-contract.test.ts).
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';
import type { Areal } from '../../src/geo/polygon-ops.ts';

export const CHECK_PROJECTIONS = [
  { name: 'CGCS2000 3° GK CM 120E (EPSG:4549)', proj4: '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs' },
  { name: 'WGS 84 / UTM 51N (EPSG:32651)', proj4: '+proj=utm +zone=51 +datum=WGS84 +units=m +no_defs' },
] as const;

/** Every vertex projected from lon/lat (edges stay straight lines between the projected vertices). */
export function projectAreal(g: Areal, def: string): Areal {
  const t = proj4('EPSG:4326', def);
  const ring = (r: Position[]) => r.map((p) => t.forward([p[0], p[1]]));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}
