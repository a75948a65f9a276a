/** Street network (路网): LineString/MultiLineString features, for walking distances along streets. */
import type { LineString, MultiLineString, Position, Feature } from 'geojson';
import { COMMON_READER_CODES, finish, geometryError, readEach, type InputReader } from './input-reader.ts';

export const STREET_FIELDS = { name: ['name', '名称', '道路名称'] } as const;

const GEOMETRY_TYPES = ['LineString', 'MultiLineString'] as const;

export interface StreetNetwork {
  /** The usable features as read (properties kept, for drawing and saving). */
  features: Feature<LineString | MultiLineString>[];
  /** Every line, MultiLineStrings flattened, for the network builder. */
  lines: Position[][];
}

export const streetsReader: InputReader<StreetNetwork> = {
  problemCodes: COMMON_READER_CODES,
  kind: 'streets',
  geometryTypes: GEOMETRY_TYPES,
  fields: STREET_FIELDS,
  read(layer, options = {}) {
    const r = readEach<Feature<LineString | MultiLineString>>(layer, options, (f, at) => {
      const wrong = geometryError(f, at, GEOMETRY_TYPES);
      return wrong ? { errors: [wrong] } : { value: f as Feature<LineString | MultiLineString> };
    });
    const lines = r.values.flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates));
    return finish(layer, options, r.errors, r.warnings, { features: r.values, lines }, r.values.length);
  },
};
