/**
 * The schema check of a slice with a long list (a population of 300,000 points, many streets or
 * areas), done a chunk of items at a time so that it can yield to the page between chunks
 * (autosave's preparation, persistence/prepare-check.ts). A slice value that passed so is
 * remembered (by identity: state is immutable) and the project check (scenario-file.ts) then
 * skips valibot for it, as it does for a facility layer that passes its fast check.
 *
 * It only says "passes" or "not sure": a chunk that fails leaves the slice to the one whole check,
 * which names the problems and their paths as always. Sound because each list's schema is a
 * plain `v.array` of items (no length or whole-list rule) inside a container whose own fields are
 * checked with every chunk.
 */
import * as v from 'valibot';
import { SLICE_SCHEMAS, type SliceKey } from './slice-schemas.ts';
import type { Slicer } from './persistence/time-slicer.ts';

/** Items checked by one valibot call. */
export const SCHEMA_CHUNK_ITEMS = 2_000;

const passedSchema = new WeakSet<object>();

/** True when `value` passed its slice's schema in chunks (the project check skips valibot for it). */
export const schemaPassedInChunks = (value: unknown): boolean => typeof value === 'object' && value !== null && passedSchema.has(value);

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The long list of a slice value and the value with that list replaced by a chunk; null: no such list. */
function listOf(key: SliceKey, value: unknown): { list: unknown[]; withList: (chunk: unknown[]) => unknown } | null {
  if (key === 'nodes') return Array.isArray(value) ? { list: value, withList: (c) => c } : null;
  if (!isRec(value)) return null;
  const field = key === 'population' ? (value.kind === 'points' ? 'points' : value.kind === 'cells' ? 'cells' : null) : key === 'streets' || key === 'employment' ? 'features' : key === 'actuals' ? 'records' : null;
  const list = field ? value[field] : undefined;
  return field && Array.isArray(list) ? { list, withList: (c) => ({ ...value, [field]: c }) } : null;
}

/**
 * Check slice `key`'s value against its schema, `chunk` items at a time, pausing when the slicer
 * says; true (and remembered) when every chunk passes. A slice without a list longer than one
 * chunk is not checked here (false): the whole check does it at once.
 */
export async function checkSchemaInChunks(key: string, value: unknown, slicer: Slicer, chunk = SCHEMA_CHUNK_ITEMS): Promise<boolean> {
  if (!(key in SLICE_SCHEMAS) || key === 'facilities') return false;
  const of = listOf(key as SliceKey, value);
  if (!of || of.list.length <= chunk) return false;
  const schema = SLICE_SCHEMAS[key as SliceKey];
  for (let i = 0; i < of.list.length; i += chunk) {
    if (slicer.due()) await slicer.pause();
    if (!v.safeParse(schema, of.withList(of.list.slice(i, i + chunk))).success) return false;
  }
  passedSchema.add(value as object);
  return true;
}
