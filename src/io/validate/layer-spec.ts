/**
 * What each kind of layer must carry: geometry types, required properties (any one of a group),
 * numeric properties. Data, so the UI can show it and tests can snapshot it.
 */
export const LAYER_TYPES = ['generic', 'facilities', 'population', 'employment', 'boards'] as const;
export type LayerType = (typeof LAYER_TYPES)[number];

export interface LayerSpec {
  /** Allowed geometry types; null = any. */
  geometryTypes: readonly string[] | null;
  /** Each inner list is satisfied by any one of its properties, e.g. boards need `name` or `id`. */
  required: readonly (readonly string[])[];
  /** Properties that must be numbers (numeric text is converted). */
  numeric: readonly string[];
}

export const LAYER_SPECS: Readonly<Record<LayerType, LayerSpec>> = {
  generic: { geometryTypes: null, required: [], numeric: [] },
  facilities: { geometryTypes: ['Point', 'MultiPoint'], required: [['category']], numeric: [] },
  population: { geometryTypes: null, required: [['population']], numeric: ['population'] },
  employment: { geometryTypes: null, required: [['jobs']], numeric: ['jobs'] },
  boards: { geometryTypes: ['Polygon', 'MultiPolygon'], required: [['name', 'id']], numeric: [] },
};

export function isLayerType(v: unknown): v is LayerType {
  return typeof v === 'string' && (LAYER_TYPES as readonly string[]).includes(v);
}
