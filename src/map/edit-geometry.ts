/**
 * Pure operations behind the map's polygon editing (GeometryEditor): list a polygon's vertices
 * as handles, move one vertex, move the whole shape. Coordinates are lon/lat degrees. Rings stay
 * closed (moving the first vertex moves the closing one too). Inputs are never mutated.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

export type EditableGeometry = Polygon | MultiPolygon;

/** Where a vertex is: polygon index (0 for a Polygon), ring index, position index in the ring. */
export interface VertexPath {
  polygon: number;
  ring: number;
  index: number;
}

function polygons(g: EditableGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function rebuild(g: EditableGeometry, polys: Position[][][]): EditableGeometry {
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** One Point per distinct vertex (the closing duplicate left out), with its path in properties. */
export function vertexHandles(g: EditableGeometry): FeatureCollection<Point, VertexPath> {
  const features: Feature<Point, VertexPath>[] = [];
  polygons(g).forEach((rings, polygon) =>
    rings.forEach((ring, r) => {
      for (let index = 0; index < ring.length - 1; index++) features.push({ type: 'Feature', properties: { polygon, ring: r, index }, geometry: { type: 'Point', coordinates: ring[index] } });
    }),
  );
  return { type: 'FeatureCollection', features };
}

/** The geometry with the vertex at `path` moved to `to`. Throws on a path outside the geometry (a programmer error). */
export function moveVertex(g: EditableGeometry, path: VertexPath, to: Position): EditableGeometry {
  const ring = polygons(g)[path.polygon]?.[path.ring];
  if (!ring || path.index < 0 || path.index >= ring.length - 1) throw new Error(`moveVertex: no vertex at ${JSON.stringify(path)}`);
  const polys = polygons(g).map((rings, p) =>
    p !== path.polygon
      ? rings
      : rings.map((r, k) => {
          if (k !== path.ring) return r;
          const out = r.slice();
          out[path.index] = [to[0], to[1]];
          if (path.index === 0) out[out.length - 1] = [to[0], to[1]];
          return out;
        }),
  );
  return rebuild(g, polys);
}

/** The geometry shifted by (dLonDeg, dLatDeg). */
export function translateGeometry(g: EditableGeometry, dLonDeg: number, dLatDeg: number): EditableGeometry {
  return rebuild(g, polygons(g).map((rings) => rings.map((ring) => ring.map(([lon, lat]) => [lon + dLonDeg, lat + dLatDeg]))));
}
