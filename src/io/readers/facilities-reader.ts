/**
 * Facilities (配套设施): points with a category from GB 50180-2018's facility table, in English
 * slugs or in Chinese (see facility-categories.ts). A point list without any category is valid:
 * its facilities are uncategorised and count for "all facilities" only, as do unrecognised values,
 * which are reported once per value with their row count.
 */
import type { Feature } from 'geojson';
import type { Facility } from '../../domain/facility.ts';
import { problem, type Problem, type ProblemCode } from '../../domain/problem.ts';
import { gb50180 } from '../../data/gb50180.ts';
import { categoryLookup, UNCATEGORISED } from './facility-categories.ts';
import { COMMON_READER_CODES, finish, geometryError, readEach, type InputReader, type Where } from './input-reader.ts';
import { fieldList, propertyKeys, resolveFields, textOf, valueOf } from './fields.ts';

export const FACILITY_FIELDS = {
  id: ['id', '编号', '设施编号'],
  name: ['name', '名称', '设施名称', '名字'],
  category: ['category', '类别', '类型', 'type', '设施类别', '设施类型', '分类', 'class', 'tier'],
} as const;

const FACILITY_PROBLEM_CODES = ['unknown-category', 'facilities-uncategorised', 'facilities-no-category-field'] as const satisfies readonly ProblemCode[];

const lookup = categoryLookup(gb50180.facilities);

/** The point of a Point or one-point MultiPoint (Shapefile point layers are often MultiPoint). */
function pointOf(f: Feature): [number, number] | null {
  const g = f.geometry;
  if (g?.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  if (g?.type === 'MultiPoint' && g.coordinates.length === 1) return [g.coordinates[0][0], g.coordinates[0][1]];
  return null;
}

/** The resolved keys of a facilities layer (resolveFields over its property keys). */
export type FacilityKeys = Record<keyof typeof FACILITY_FIELDS, string | null>;

/** One facility's raw values: its properties under the resolved keys, the feature's own id, `illustrative`. */
export interface FacilityRaw {
  id: unknown;
  name: unknown;
  category: unknown;
  featureId: unknown;
  illustrative: unknown;
}

/**
 * The facilities reader's rules for one facility after another (shared with the columnar read,
 * src/io/readers/facility-columns.ts, so both give the same ids, categories and notes): the
 * category looked up in GB 50180's table, unknown values counted, ids made unique.
 */
export class FacilityMaker {
  readonly #keys: FacilityKeys;
  readonly #unknown = new Map<string, { count: number; first: Problem }>();
  readonly #ids = new Set<string>();
  #uncategorised = 0;

  constructor(keys: FacilityKeys) {
    this.#keys = keys;
  }

  /** Facility `i` (its place in the layer) at `at`, without its position. */
  make(raw: FacilityRaw, at: Where, i: number): { id: string; category: string; name: string | null; illustrative: boolean } {
    const text = textOf(raw.category);
    let category = UNCATEGORISED;
    if (text === null) this.#uncategorised++;
    else {
      const slug = lookup(text);
      if (slug) category = slug;
      else {
        category = text;
        const seen = this.#unknown.get(text);
        if (seen) seen.count++;
        else this.#unknown.set(text, { count: 1, first: problem('unknown-category', { ...at, field: this.#keys.category ?? undefined, params: { value: text.slice(0, 60), count: 1 } }, 'warning') });
      }
    }
    const fid = raw.featureId;
    let id = textOf(raw.id) ?? (typeof fid === 'string' || typeof fid === 'number' ? String(fid) : `f${i + 1}`);
    if (this.#ids.has(id)) id = `${id}#${i + 1}`;
    this.#ids.add(id);
    return { id, category, name: textOf(raw.name), illustrative: raw.illustrative === true };
  }

  /** The layer's notes once `count` facilities are read: no category field, uncategorised, unknown categories. */
  notes(file: string, count: number): Problem[] {
    const notes: Problem[] = [];
    if (this.#keys.category === null && count > 0) notes.push(problem('facilities-no-category-field', { file, params: { fields: fieldList(FACILITY_FIELDS.category, 6) } }, 'warning'));
    else if (this.#uncategorised > 0) notes.push(problem('facilities-uncategorised', { file, field: this.#keys.category ?? undefined, params: { count: this.#uncategorised } }, 'warning'));
    for (const { count: n, first } of this.#unknown.values()) notes.push({ ...first, params: { ...first.params, count: n } });
    return notes;
  }
}

export const facilitiesReader: InputReader<Facility[]> = {
  problemCodes: [...COMMON_READER_CODES, ...FACILITY_PROBLEM_CODES],
  kind: 'facilities',
  geometryTypes: ['Point', 'MultiPoint'],
  fields: FACILITY_FIELDS,
  read(layer, options = {}) {
    const keys = resolveFields(propertyKeys(layer.features), FACILITY_FIELDS);
    const maker = new FacilityMaker(keys);
    const r = readEach<Facility>(layer, options, (f, at, i) => {
      const lonLat = pointOf(f);
      if (!lonLat) {
        const e = geometryError(f, at, ['Point']) ?? problem('wrong-geometry-type', { ...at, params: { actual: `MultiPoint (${(f.geometry as { coordinates: unknown[] }).coordinates.length})`, expected: 'Point' } });
        return { errors: [e] };
      }
      const m = maker.make({ id: valueOf(f, keys.id), name: valueOf(f, keys.name), category: valueOf(f, keys.category), featureId: f.id, illustrative: valueOf(f, 'illustrative') }, at, i);
      return { value: { id: m.id, category: m.category, lonLat, ...(m.name !== null ? { name: m.name } : {}), ...(m.illustrative ? { illustrative: true } : {}) } };
    });
    return finish(layer, options, r.errors, [...maker.notes(layer.file, r.values.length), ...r.warnings], r.values, r.values.length);
  },
};
