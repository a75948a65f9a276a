/**
 * Population (人口): points or grid polygons with a resident count ≥ 0. One kind per layer
 * (cells are reduced to their area centroid by the coverage engine).
 */
import type { PopulationInput, PopulationPoint, PopulationCell } from '../../domain/population.ts';
import { problem, type ProblemCode } from '../../domain/problem.ts';
import { COMMON_READER_CODES, finish, geometryError, readEach, type InputReader } from './input-reader.ts';
import { fieldList, isBlank, numberOf, propertyKeys, resolveFields, shown, valueOf } from './fields.ts';

export const POPULATION_FIELDS = {
  population: ['population', 'pop', '人口', '人口数', '常住人口', '居住人口', '人数'],
} as const;

const POPULATION_PROBLEM_CODES = ['missing-population', 'bad-population', 'mixed-population'] as const satisfies readonly ProblemCode[];

const GEOMETRY_TYPES = ['Point', 'Polygon', 'MultiPolygon'] as const;

const OK = { value: true } as const;

export const populationReader: InputReader<PopulationInput> = {
  problemCodes: [...COMMON_READER_CODES, ...POPULATION_PROBLEM_CODES],
  kind: 'population',
  geometryTypes: GEOMETRY_TYPES,
  fields: POPULATION_FIELDS,
  read(layer, options = {}) {
    const { population: key } = resolveFields(propertyKeys(layer.features), POPULATION_FIELDS);
    // Points and cells gathered as they are read (no wrapper object per item).
    const points: PopulationPoint[] = [];
    const cells: PopulationCell[] = [];
    const r = readEach<true>(layer, options, (f, at) => {
      const g = f.geometry;
      const wrong = geometryError(f, at, GEOMETRY_TYPES);
      if (wrong) return { errors: [wrong] };
      const raw = valueOf(f, key);
      const field = key ?? fieldList(POPULATION_FIELDS.population);
      if (isBlank(raw)) return { errors: [problem('missing-population', { ...at, field })] };
      const v = numberOf(raw);
      if (v === null || v < 0) return { errors: [problem('bad-population', { ...at, field, params: { value: shown(raw) } })] };
      if (g?.type === 'Point') {
        const c = g.coordinates;
        points.push({ lonLat: c.length === 2 ? (c as [number, number]) : [c[0], c[1]], population: v });
      } else cells.push({ geometry: g as PopulationCell['geometry'], population: v });
      return OK;
    });
    if (points.length && cells.length) return { ok: false, problems: [problem('mixed-population', { file: layer.file, params: { points: points.length, cells: cells.length } }), ...r.errors] };
    const value: PopulationInput = cells.length ? { kind: 'cells', cells } : { kind: 'points', points };
    return finish(layer, options, r.errors, r.warnings, value, r.values.length);
  },
};
