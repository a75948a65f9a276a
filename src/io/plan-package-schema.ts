/**
 * The shape of a plan package (docs/plan-package.md) as a valibot schema. Unknown keys are
 * allowed (and kept: the checker returns the package as given); every field Anju reads is checked.
 */
import * as v from 'valibot';
import { CATEGORIES } from '../domain/board.ts';
import { HOUSING_TYPES } from '../domain/housing-type.ts';
import { STRUCTURE_ROLES } from '../domain/structure.ts';
import { TARGET_UNITS } from '../domain/target.ts';
import { PLAN_PACKAGE_FORMAT, PLAN_PACKAGE_FORMAT_VERSION, SHIPPED_BOARDS_REF } from '../domain/plan-package.ts';

const Text = v.pipe(v.string(), v.minLength(1));
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Finite = v.pipe(v.number(), v.finite());
const Year = v.pipe(v.number(), v.integer(), v.minValue(1949), v.maxValue(2200));
const Bilingual = v.object({ zh: Text, en: Text });

const Citation = v.object({
  chapter: v.optional(Count),
  section: v.optional(Count),
  item: v.optional(Count),
  annex: v.optional(Count),
  table: v.optional(v.string()),
  row: v.optional(v.string()),
});
const Quoted = v.object({ cite: Citation, quote: Text });
const Figure = v.object({ cite: Citation, quote: Text, min: Finite, max: v.nullable(Finite) });

const Target = v.object({
  id: Id,
  name: Text,
  nameEn: Text,
  group: v.string(),
  unit: v.picklist(TARGET_UNITS),
  attribute: v.nullable(v.picklist(['预期性', '约束性'])),
  comparison: v.picklist(['range', 'at-least', 'approx', 'reach']),
  periodKind: v.picklist(['five-year-total', 'end-value', 'annual']),
  scope: v.picklist(['city-wide', 'urban-districts']),
  measurable: v.boolean(),
  period: v.nullable(Figure),
  annual: v.nullable(Figure),
  annex: v.optional(v.picklist([1, 2])),
  housingTypes: v.optional(v.array(v.picklist(HOUSING_TYPES))),
  housingTypesBasis: v.optional(v.array(Quoted)),
  alsoStated: v.optional(v.array(Quoted)),
  note: v.optional(v.string()),
  noteEn: v.optional(v.string()),
});

const Targets = v.object({ source: Text, tableName: v.string(), tableHeader: v.string(), bracketNote: Quoted, targets: v.array(Target) });

const RenovationType = v.picklist(['comprehensive', 'demolish-rebuild']);
const Annex1 = v.object({
  cite: Citation,
  unit: Text,
  years: v.pipe(v.array(Year), v.minLength(1)),
  types: v.object({ comprehensive: v.object({ name: Text, nameEn: Text }), 'demolish-rebuild': v.object({ name: Text, nameEn: Text }) }),
  rows: v.array(v.object({ county: Text, type: RenovationType, byYear: v.array(v.nullable(Count)), subtotal: Count })),
  printedTotals: v.object({
    comprehensive: v.object({ row: v.string(), byYear: v.array(Count), subtotal: Count }),
    'demolish-rebuild': v.object({ row: v.string(), byYear: v.array(Count), subtotal: Count }),
    all: v.object({ row: v.string(), byYear: v.array(Count), subtotal: Count }),
  }),
  urbanDistricts: v.array(Text),
});
const Annex2 = v.object({
  cite: Citation,
  unit: Text,
  rows: v.array(v.object({ seq: Count, name: Text, nameEn: Text, kind: v.picklist(['county', 'agency', 'zone']), units: Count })),
  totalUnits: Count,
});

const Position = v.pipe(v.array(Finite), v.minLength(2), v.maxLength(3));
const Ring = v.pipe(v.array(Position), v.minLength(4));
const Polygon = v.object({ type: v.literal('Polygon'), coordinates: v.pipe(v.array(Ring), v.minLength(1)) });
const MultiPolygon = v.object({ type: v.literal('MultiPolygon'), coordinates: v.pipe(v.array(v.pipe(v.array(Ring), v.minLength(1))), v.minLength(1)) });
const BoardFeature = v.object({
  type: v.literal('Feature'),
  geometry: v.variant('type', [Polygon, MultiPolygon]),
  properties: v.looseObject({ id: Id, name: Text, category: v.picklist(CATEGORIES) }),
});
const BoardGeometry = v.union([v.object({ ref: v.literal(SHIPPED_BOARDS_REF) }), v.object({ type: v.literal('FeatureCollection'), features: v.pipe(v.array(BoardFeature), v.minLength(1)) })]);

const Boards = v.object({
  source: Text,
  list: v.pipe(v.array(v.object({ id: Id, name: Text, nameEn: Text, category: v.picklist(CATEGORIES), planDistrict: v.string() })), v.minLength(1)),
  geometry: BoardGeometry,
});

const GuidanceEntry = v.object({ name: Text, nameEn: Text, cite: Citation, definition: v.optional(v.string()), guidance: Text, guidanceEn: v.optional(v.string()), notFromPlan: v.optional(v.boolean()) });
const Guidance = v.object({
  source: Text,
  categories: v.object(Object.fromEntries(CATEGORIES.map((c) => [c, GuidanceEntry])) as Record<(typeof CATEGORIES)[number], typeof GuidanceEntry>),
  structure: v.object(Object.fromEntries(['overview', ...STRUCTURE_ROLES].map((r) => [r, GuidanceEntry])) as Record<'overview' | (typeof STRUCTURE_ROLES)[number], typeof GuidanceEntry>),
  layout: v.object({ cite: Citation, guidance: Text }),
});

const Structure = v.object({
  source: Text,
  parts: v.array(v.object({ id: Id, role: v.picklist(STRUCTURE_ROLES), name: Text, nameEn: Text, counties: v.pipe(v.array(Text), v.minLength(1)), note: v.optional(v.string()) })),
});

const Rules = v.object({
  rules: v.array(
    v.object({
      id: v.picklist(['stock-upgrade-commercial', 'key-expansion-supply', 'rental-near-employment']),
      name: Text,
      nameEn: Text,
      boardCategory: v.nullable(v.picklist(CATEGORIES)),
      housingTypes: v.array(v.picklist(HOUSING_TYPES)),
      thresholds: v.array(Text),
      cite: Citation,
      quote: Text,
      alsoCited: v.optional(v.array(Quoted)),
    }),
  ),
  defaults: v.record(v.string(), v.object({ value: v.pipe(Finite, v.minValue(0)), unit: v.string(), assumption: Text })),
});

const Chapter = v.variant('kind', [
  v.object({ kind: v.literal('structure') }),
  v.object({ kind: v.literal('categories') }),
  v.object({ kind: v.literal('boards-of-category'), category: v.picklist(CATEGORIES) }),
]);

/** A whole package after its envelope (format, formatVersion) has been checked. */
export const PlanPackageSchema = v.object({
  format: v.literal(PLAN_PACKAGE_FORMAT),
  formatVersion: v.literal(PLAN_PACKAGE_FORMAT_VERSION),
  id: Id,
  version: Text,
  example: v.boolean(),
  title: Bilingual,
  documentNumber: v.string(),
  period: v.object({ years: v.pipe(v.array(Year), v.minLength(1), v.maxLength(20)) }),
  targets: Targets,
  annexes: v.object({ annex1: v.nullable(Annex1), annex2: v.nullable(Annex2) }),
  boards: Boards,
  guidance: Guidance,
  structure: Structure,
  rules: Rules,
  chapters: v.array(Chapter),
});
