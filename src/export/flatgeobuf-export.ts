/**
 * A GeoJSON FeatureCollection (WGS-84) → FlatGeobuf bytes (EPSG:4326 in the header), with the
 * `flatgeobuf` library's encoders loaded on first use. The library's own `serialize` takes the
 * columns and their types from the first feature only: a property missing there would be dropped
 * and a number after a first null written as text. Here every property of every feature is a
 * column, typed from all its values: numbers → Double, booleans → Bool, text → String, anything
 * else or a mix → Json (its JSON text, read back as the same value).
 */
import type { Feature, FeatureCollection } from 'geojson';

/** FlatGeobuf column types used here (flatgeobuf's ColumnType enum). */
const BOOL = 2;
const DOUBLE = 10;
const STRING = 11;
const JSON_TEXT = 12;

interface Column { name: string; type: number; title: null; description: null; width: -1; precision: -1; scale: -1; nullable: true; unique: false; primary_key: false }

function columnsOf(features: readonly Feature[]): Column[] {
  const kinds = new Map<string, Set<string>>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      let set = kinds.get(k);
      if (!set) kinds.set(k, (set = new Set()));
      if (v !== null && v !== undefined) set.add(typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'string' : 'json');
    }
  }
  return [...kinds].map(([name, set]) => {
    const only = set.size === 1 ? [...set][0] : set.size === 0 ? 'string' : 'json';
    const type = only === 'number' ? DOUBLE : only === 'boolean' ? BOOL : only === 'string' ? STRING : JSON_TEXT;
    return { name, type, title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false };
  });
}

/** Refuses (throws, naming the feature) a feature without geometry: FlatGeobuf has no place for one. */
export async function toFlatGeobuf(fc: FeatureCollection): Promise<Uint8Array<ArrayBuffer>> {
  const [{ buildHeader }, { buildFeature }, { parseGeometry, parseGC }, { magicbytes }, { inferGeometryType }] = await Promise.all([
    import('flatgeobuf/lib/mjs/generic/featurecollection.js'),
    import('flatgeobuf/lib/mjs/generic/feature.js'),
    import('flatgeobuf/lib/mjs/geojson/geometry.js'),
    import('flatgeobuf/lib/mjs/constants.js'),
    import('flatgeobuf/lib/mjs/generic/header.js'),
  ]);
  fc.features.forEach((f, i) => {
    if (!f.geometry) throw new Error(`FlatGeobuf: feature ${i + 1} has no geometry`);
  });
  const columns = columnsOf(fc.features);
  const meta = { geometryType: inferGeometryType(fc.features), columns: columns.length ? columns : null, envelope: null, featuresCount: fc.features.length, indexNodeSize: 0, crs: null, title: null, description: null, metadata: null };
  const parts: Uint8Array[] = [magicbytes, buildHeader(meta as never, 4326)];
  for (const f of fc.features) {
    const props: Record<string, unknown> = {};
    for (const c of columns) props[c.name] = f.properties?.[c.name] ?? null;
    const g = f.geometry.type === 'GeometryCollection' ? parseGC(f.geometry as never) : parseGeometry(f.geometry as never);
    parts.push(buildFeature(g, props as never, meta as never));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
