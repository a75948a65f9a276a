/**
 * The shape of a project file (`*.anju.json`), as a valibot schema.
 * schemaVersion 1: scenarios and optional boards. schemaVersion 2 adds the project's other
 * slices (nodes, facilities, population, streets, employment, dwellings, renovationDone), each
 * optional, so a version-1 file still opens; a version-1 reader refuses a version-2 file
 * instead of silently dropping those slices.
 * Unknown keys are dropped on parse; board and feature properties are kept as they are.
 * `plan` (optional in both versions) names the plan package the project was made against; years
 * are checked against that package's period when it is the active one (`projectFileSchema`).
 */
import * as v from 'valibot';
import { HOUSING_TYPES } from '../domain/housing-type.ts';
import { RULE_THRESHOLD_KEYS, type RuleThresholdKey } from '../domain/rule-settings.ts';
import { CATEGORIES, CONFIDENCES } from '../domain/board.ts';
import { SLICE_SCHEMAS } from './slice-schemas.ts';
import { MAX_COUNT, MAX_UNITS_PER_ENTRY } from '../domain/project-limits.ts';

/** The schema version this build writes and reads. Files with a higher version are refused. */
export const SCHEMA_VERSION = 2;
/** Versions this build reads. */
export const READABLE_VERSIONS = [1, 2] as const;
export const APP_ID = 'anju';

const Id = v.pipe(v.string(), v.minLength(1));
/** Dwelling units (套): a whole number from 0 to the per-entry limit the grid and site form enforce. */
const Units = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_UNITS_PER_ENTRY));
const Position = v.pipe(v.array(v.pipe(v.number(), v.finite())), v.minLength(2), v.maxLength(3));
const Ring = v.pipe(v.array(Position), v.minLength(4));
const Point = v.object({ type: v.literal('Point'), coordinates: Position });
const Polygon = v.object({ type: v.literal('Polygon'), coordinates: v.pipe(v.array(Ring), v.minLength(1)) });
const MultiPolygon = v.object({ type: v.literal('MultiPolygon'), coordinates: v.pipe(v.array(v.pipe(v.array(Ring), v.minLength(1))), v.minLength(1)) });

/** A period year: one of `years`, or (years null: a file made against another plan) any plausible year. */
const YearOf = (years: readonly number[] | null) => (years ? v.picklist(years) : v.pipe(v.number(), v.integer(), v.minValue(1949), v.maxValue(2200)));

const Cell = (years: readonly number[] | null) => v.object({ boardId: Id, year: YearOf(years), type: v.picklist(HOUSING_TYPES), units: Units });

const SiteSchema = (years: readonly number[] | null) =>
  v.object({
    id: Id,
    name: v.string(),
    geometry: v.variant('type', [Point, Polygon]),
    units: Units,
    type: v.picklist(HOUSING_TYPES),
    year: YearOf(years),
    note: v.optional(v.string()),
  });

const Threshold = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_COUNT));
const RuleSettingsSchema = v.object(Object.fromEntries(RULE_THRESHOLD_KEYS.map((k) => [k, Threshold])) as Record<RuleThresholdKey, typeof Threshold>);

const ScenarioSchema = (years: readonly number[] | null) =>
  v.object({
    id: Id,
    name: v.string(),
    createdAt: v.string(),
    allocations: v.array(Cell(years)),
    sites: v.array(SiteSchema(years)),
    ruleSettings: RuleSettingsSchema,
  });

const BoardFeature = v.object({
  type: v.literal('Feature'),
  geometry: v.variant('type', [Polygon, MultiPolygon]),
  // Every property the app reads (BoardProperties): a file without them would break the board panel and table.
  properties: v.looseObject({
    id: Id,
    name: v.string(),
    nameEn: v.string(),
    category: v.picklist(CATEGORIES),
    district: v.string(),
    planDistrict: v.string(),
    streets: v.array(v.string()),
    streetCodes: v.optional(v.array(v.string())),
    geometrySource: v.string(),
    confidence: v.picklist(CONFIDENCES),
    compositionConfidence: v.optional(v.picklist(CONFIDENCES)),
    schematic: v.boolean(),
    planNote: v.optional(v.string()),
  }),
});

/** The plan package a project was made against (src/domain/plan-package.ts `PlanRef`). */
export const PlanRefSchema = v.object({ id: Id, version: Id });

const buildSchema = (years: readonly number[] | null) => v.object({
  app: v.literal(APP_ID),
  schemaVersion: v.picklist(READABLE_VERSIONS),
  savedAt: v.optional(v.string()),
  plan: v.optional(PlanRefSchema),
  scenarios: v.array(ScenarioSchema(years)),
  boards: v.optional(v.object({ type: v.literal('FeatureCollection'), features: v.pipe(v.array(BoardFeature), v.minLength(1)) })),
  nodes: v.optional(SLICE_SCHEMAS.nodes),
  facilities: v.optional(SLICE_SCHEMAS.facilities),
  population: v.optional(SLICE_SCHEMAS.population),
  streets: v.optional(SLICE_SCHEMAS.streets),
  employment: v.optional(SLICE_SCHEMAS.employment),
  dwellings: v.optional(SLICE_SCHEMAS.dwellings),
  renovationDone: v.optional(SLICE_SCHEMAS.renovationDone),
  actuals: v.optional(SLICE_SCHEMAS.actuals),
});

const schemas = new Map<string, ReturnType<typeof buildSchema>>();

/**
 * The whole file after the envelope (app, schemaVersion) has been checked, with allocation and
 * site years one of `years` (the active plan's period), or any year when `years` is null.
 */
export function projectFileSchema(years: readonly number[] | null) {
  const key = years ? years.join(',') : '*';
  let s = schemas.get(key);
  if (!s) schemas.set(key, (s = buildSchema(years)));
  return s;
}
