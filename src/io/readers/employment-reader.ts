/**
 * Employment areas (就业区/产业园区): polygons with a jobs figure ≥ 0 (就业岗位). Optional id, name,
 * English name, county and plan group are kept; an area without id is `park-<n>`.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { problem, type ProblemCode } from '../../domain/problem.ts';
import type { Checked } from '../../domain/problem.ts';
import { COMMON_READER_CODES, finish, geometryError, readEach, type ImportedLayer, type InputReader, type ReadOptions } from './input-reader.ts';
import { fieldList, isBlank, numberOf, propertyKeys, resolveFields, shown, textOf, valueOf } from './fields.ts';

export const EMPLOYMENT_FIELDS = {
  id: ['id', '编号'],
  name: ['name', '名称', '园区名称'],
  jobs: ['jobs', '岗位', '岗位数', '就业岗位', '就业岗位数', '就业人数', 'employment'],
  nameEn: ['nameEn', 'name_en'],
  county: ['county', '区县', '所在区县'],
  planGroup: ['planGroup'],
} as const;

const EMPLOYMENT_PROBLEM_CODES = ['jh-missing-jobs', 'jh-bad-jobs', 'jh-duplicate-id'] as const satisfies readonly ProblemCode[];

const GEOMETRY_TYPES = ['Polygon', 'MultiPolygon'] as const;
const PLAN_GROUPS = ['main-core', 'main-integration'] as const;

export interface EmploymentAreaInput {
  id: string;
  name: string;
  /** Jobs (就业岗位). */
  jobs: number;
  geometry: Polygon | MultiPolygon;
  nameEn?: string;
  county?: string;
  planGroup?: (typeof PLAN_GROUPS)[number];
  /** True only when the file says so (`illustrative: true`). */
  illustrative: boolean;
}

interface EmploymentReadOptions extends ReadOptions {
  /** Outlines only: an area without a jobs figure is not an error (see readEmploymentOutlines). */
  jobsOptional?: boolean;
}

/** Where the employment areas are, for the allocation rules: the same checks, jobs not required. */
export function readEmploymentOutlines(layer: ImportedLayer, options: ReadOptions = {}): Checked<Pick<EmploymentAreaInput, 'id' | 'name' | 'geometry'>[]> {
  const r = employmentReader.read(layer, { ...options, jobsOptional: true } as ReadOptions);
  return r.ok ? { ...r, value: r.value.map(({ id, name, geometry }) => ({ id, name, geometry })) } : r;
}

export const employmentReader: InputReader<EmploymentAreaInput[]> = {
  problemCodes: [...COMMON_READER_CODES, ...EMPLOYMENT_PROBLEM_CODES],
  kind: 'employment',
  geometryTypes: GEOMETRY_TYPES,
  fields: EMPLOYMENT_FIELDS,
  read(layer, options: EmploymentReadOptions = {}) {
    const keys = resolveFields(propertyKeys(layer.features), EMPLOYMENT_FIELDS);
    const seen = new Map<string, number>();
    const r = readEach<EmploymentAreaInput>(layer, options, (f, at, i) => {
      const wrong = geometryError(f, at, GEOMETRY_TYPES);
      const raw = valueOf(f, keys.jobs);
      const field = keys.jobs ?? fieldList(EMPLOYMENT_FIELDS.jobs);
      const jobs = numberOf(raw);
      const jobsError = isBlank(raw)
        ? options.jobsOptional
          ? null
          : problem('jh-missing-jobs', { ...at, field })
        : jobs === null || jobs < 0
          ? problem('jh-bad-jobs', { ...at, field, params: { value: shown(raw) } })
          : null;
      const errors = [wrong, jobsError].filter((p) => p !== null);
      if (errors.length || (jobs === null && !options.jobsOptional)) return { errors };
      const id = textOf(valueOf(f, keys.id)) ?? textOf(valueOf(f, keys.name)) ?? `park-${i + 1}`;
      const prior = seen.get(id);
      if (prior !== undefined) return { errors: [problem('jh-duplicate-id', { ...at, field: keys.id ?? keys.name ?? 'id', params: { value: id, other: prior + 1 } })] };
      seen.set(id, i);
      const text = (k: string | null) => textOf(valueOf(f, k)) ?? undefined;
      const group = PLAN_GROUPS.find((g) => g === valueOf(f, keys.planGroup));
      return {
        value: {
          id,
          name: text(keys.name) ?? id,
          jobs: jobs ?? 0,
          geometry: f.geometry as Polygon | MultiPolygon,
          ...(text(keys.nameEn) ? { nameEn: text(keys.nameEn) } : {}),
          ...(text(keys.county) ? { county: text(keys.county) } : {}),
          ...(group ? { planGroup: group } : {}),
          illustrative: valueOf(f, 'illustrative') === true,
        },
      };
    });
    return finish(layer, options, r.errors, r.warnings, r.values, r.values.length);
  },
};
