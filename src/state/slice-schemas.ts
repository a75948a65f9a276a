/**
 * Schemas of the project's non-scenario slices (src/state/project.ts), for project files and
 * for what IndexedDB holds. Feature-owned properties are kept as they are (loose objects);
 * what is checked is what the app would break on: geometry types, finite coordinates, ids,
 * non-negative counts. A feature that adds a slice to ProjectState adds its schema here
 * (test/unit/project-file.test.ts fails until it does).
 */
import * as v from 'valibot';
import { HOUSING_TYPES } from '../domain/housing-type.ts';
import { RENOVATION_TYPES } from '../domain/actuals.ts';
import { MAX_COUNT } from '../domain/project-limits.ts';

const Id = v.pipe(v.string(), v.minLength(1));
/** People, jobs or dwellings: finite, ≥ 0, at most MAX_COUNT (1e308 jobs would break every ratio). */
const Count = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_COUNT));
export const Position = v.pipe(v.array(v.pipe(v.number(), v.finite())), v.minLength(2), v.maxLength(3));
const LonLat = v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]);
const Ring = v.pipe(v.array(Position), v.minLength(4));
export const PointGeometry = v.object({ type: v.literal('Point'), coordinates: Position });
export const PolygonGeometry = v.object({ type: v.literal('Polygon'), coordinates: v.pipe(v.array(Ring), v.minLength(1)) });
export const MultiPolygonGeometry = v.object({ type: v.literal('MultiPolygon'), coordinates: v.pipe(v.array(v.pipe(v.array(Ring), v.minLength(1))), v.minLength(1)) });
const Areal = v.variant('type', [PolygonGeometry, MultiPolygonGeometry]);
const LineString = v.object({ type: v.literal('LineString'), coordinates: v.pipe(v.array(Position), v.minLength(2)) });
const MultiLineString = v.object({ type: v.literal('MultiLineString'), coordinates: v.array(v.pipe(v.array(Position), v.minLength(2))) });

const NodeSchema = v.object({
  type: v.literal('Feature'),
  geometry: PointGeometry,
  properties: v.looseObject({ id: Id, name: v.string(), note: v.optional(v.string()) }),
});

const FacilitySchema = v.looseObject({ id: Id, category: v.string(), name: v.optional(v.string()), lonLat: LonLat, illustrative: v.optional(v.boolean()) });

const PopulationSchema = v.variant('kind', [
  v.object({ kind: v.literal('none') }),
  v.object({ kind: v.literal('points'), points: v.array(v.object({ lonLat: LonLat, population: Count })) }),
  v.object({ kind: v.literal('cells'), cells: v.array(v.object({ geometry: Areal, population: Count })) }),
  v.object({ kind: v.literal('uniform'), residentsByBoard: v.record(v.string(), Count), assumption: v.literal(true) }),
]);

const StreetsSchema = v.nullable(
  v.object({
    type: v.literal('FeatureCollection'),
    features: v.array(v.looseObject({ type: v.literal('Feature'), geometry: v.variant('type', [LineString, MultiLineString]), properties: v.nullable(v.record(v.string(), v.unknown())) })),
  }),
);

const EmploymentSchema = v.object({
  type: v.literal('FeatureCollection'),
  // Every property the job–housing tab reads (EmploymentAreaProperties).
  features: v.array(
    v.object({
      type: v.literal('Feature'),
      geometry: Areal,
      properties: v.looseObject({
        id: Id,
        name: v.string(),
        nameEn: v.string(),
        county: v.string(),
        planGroup: v.optional(v.picklist(['main-core', 'main-integration'])),
        jobs: Count,
        illustrative: v.boolean(),
        geometrySource: v.string(),
        jobsSource: v.string(),
      }),
    }),
  ),
});

/** Keys of the 附件1 cells ticked off as done: `county|type|year`. */
const RenovationDoneSchema = v.array(v.pipe(v.string(), v.regex(/^[^|]+\|(comprehensive|demolish-rebuild)\|20\d\d$/)));

/** Actual supply (src/domain/actuals.ts): records of board or county × year × type × units, or located projects. */
const ActualsSchema = v.nullable(
  v.object({
    file: v.string(),
    importedAt: v.string(),
    records: v.array(
      v.object({
        boardId: v.nullable(Id),
        county: v.nullable(Id),
        geometry: v.optional(v.variant('type', [PointGeometry, PolygonGeometry])),
        year: v.pipe(v.number(), v.integer()),
        type: v.picklist([...HOUSING_TYPES, ...RENOVATION_TYPES]),
        units: v.pipe(Count, v.integer()),
        row: v.optional(v.pipe(v.number(), v.integer())),
        featureIndex: v.optional(v.pipe(v.number(), v.integer())),
        name: v.optional(v.string()),
      }),
    ),
  }),
);

/** Every non-scenario slice except `boards` (whose schema lives with the project file's), optional in a file. */
export const SLICE_SCHEMAS = {
  nodes: v.array(NodeSchema),
  facilities: v.array(FacilitySchema),
  population: PopulationSchema,
  streets: StreetsSchema,
  employment: EmploymentSchema,
  dwellings: v.record(v.string(), Count),
  renovationDone: RenovationDoneSchema,
  actuals: ActualsSchema,
} as const;

export type SliceKey = keyof typeof SLICE_SCHEMAS;
export const SLICE_KEYS = Object.keys(SLICE_SCHEMAS) as SliceKey[];
