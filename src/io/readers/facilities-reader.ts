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
import { COMMON_READER_CODES, finish, geometryError, readEach, type InputReader } from './input-reader.ts';
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

export const facilitiesReader: InputReader<Facility[]> = {
  problemCodes: [...COMMON_READER_CODES, ...FACILITY_PROBLEM_CODES],
  kind: 'facilities',
  geometryTypes: ['Point', 'MultiPoint'],
  fields: FACILITY_FIELDS,
  read(layer, options = {}) {
    const keys = resolveFields(propertyKeys(layer.features), FACILITY_FIELDS);
    const unknown = new Map<string, { count: number; first: Problem }>();
    let uncategorised = 0;
    const ids = new Set<string>();
    const r = readEach<Facility>(layer, options, (f, at, i) => {
      const lonLat = pointOf(f);
      if (!lonLat) {
        const e = geometryError(f, at, ['Point']) ?? problem('wrong-geometry-type', { ...at, params: { actual: `MultiPoint (${(f.geometry as { coordinates: unknown[] }).coordinates.length})`, expected: 'Point' } });
        return { errors: [e] };
      }
      const raw = textOf(valueOf(f, keys.category));
      let category = UNCATEGORISED;
      if (raw === null) uncategorised++;
      else {
        const slug = lookup(raw);
        if (slug) category = slug;
        else {
          category = raw;
          const seen = unknown.get(raw);
          if (seen) seen.count++;
          else unknown.set(raw, { count: 1, first: problem('unknown-category', { ...at, field: keys.category ?? undefined, params: { value: raw.slice(0, 60), count: 1 } }, 'warning') });
        }
      }
      let id = textOf(valueOf(f, keys.id)) ?? (typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : `f${i + 1}`);
      if (ids.has(id)) id = `${id}#${i + 1}`;
      ids.add(id);
      const name = textOf(valueOf(f, keys.name));
      const illustrative = valueOf(f, 'illustrative') === true;
      return { value: { id, category, lonLat, ...(name !== null ? { name } : {}), ...(illustrative ? { illustrative: true } : {}) } };
    });
    const notes: Problem[] = [];
    if (keys.category === null && r.values.length > 0) notes.push(problem('facilities-no-category-field', { file: layer.file, params: { fields: fieldList(FACILITY_FIELDS.category, 6) } }, 'warning'));
    else if (uncategorised > 0) notes.push(problem('facilities-uncategorised', { file: layer.file, field: keys.category ?? undefined, params: { count: uncategorised } }, 'warning'));
    for (const { count, first } of unknown.values()) notes.push({ ...first, params: { ...first.params, count } });
    return finish(layer, options, r.errors, [...notes, ...r.warnings], r.values, r.values.length);
  },
};
