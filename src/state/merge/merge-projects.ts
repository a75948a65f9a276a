/**
 * Three-way merge of whole projects (base = the common ancestor, mine = local edits, theirs =
 * what another person or tab saved meanwhile). Changes that touch different things combine
 * automatically; each thing both sides changed differently becomes one Conflict, resolved by
 * `choices[conflict.id]` or else `prefer`. Granularity: grid cells (board × year × housing
 * type), sites (field by field), scenario names and rule thresholds, boards / nodes /
 * facilities / employment areas by id, entered dwellings by board, 附件1 ticks one by one;
 * population and streets whole. Pure: the app uses it for a refused save (409) and between tabs.
 *
 * @example
 *   const { merged, conflicts } = mergeProjects(base, mine, theirs);
 *   if (!conflicts.length) save(merged); // "merged automatically"
 *   else show(conflicts); // then mergeProjects(base, mine, theirs, { choices })
 */
import type { Scenario } from '../scenario.ts';
import { ITEM_SLICES, type Conflict, type ItemSlice, type MergeOptions, type MergeResult, type ProjectLike, type Side } from './merge-types.ts';
import { mergeKeyed, pick3, sideValue } from './three-way.ts';
import { mergeScenario, type ConflictSink } from './merge-scenario.ts';

type Feature = { properties: { id: string } };
type FeatureCollectionLike = { type: 'FeatureCollection'; features: Feature[] };

/** How each item slice finds its items and their ids. */
const ITEM_ACCESS: Record<ItemSlice, { list: (v: unknown) => unknown[] | null; rebuild: (template: unknown, items: unknown[]) => unknown; id: (item: unknown) => string }> = {
  boards: featureCollectionAccess(),
  employment: featureCollectionAccess(),
  nodes: { list: (v) => (Array.isArray(v) ? v : null), rebuild: (_t, items) => items, id: (x) => (x as Feature).properties.id },
  facilities: { list: (v) => (Array.isArray(v) ? v : null), rebuild: (_t, items) => items, id: (x) => (x as { id: string }).id },
};

function featureCollectionAccess() {
  return {
    list: (v: unknown) => (v && typeof v === 'object' && Array.isArray((v as FeatureCollectionLike).features) ? (v as FeatureCollectionLike).features : null),
    rebuild: (template: unknown, items: unknown[]) => ({ ...(template as object), features: items }),
    id: (x: unknown) => (x as Feature).properties.id,
  };
}

/** Keys merged by rule rather than as conflicts: the newer save time, the higher schema version. */
const BOOKKEEPING: Record<string, (mine: unknown, theirs: unknown) => unknown> = {
  savedAt: (m, t) => (typeof m === 'string' && typeof t === 'string' ? (m > t ? m : t) : (m ?? t)),
  schemaVersion: (m, t) => (typeof m === 'number' && typeof t === 'number' ? Math.max(m, t) : (m ?? t)),
  app: (m, t) => m ?? t,
};

function sinkFor(options: MergeOptions, conflicts: Conflict[]): ConflictSink {
  const prefer: Side = options.prefer ?? 'mine';
  return {
    add(c) {
      conflicts.push(c);
      return options.choices?.[c.id] ?? prefer;
    },
  };
}

function mergeValue(slice: string, key: string | undefined, base: unknown, mine: unknown, theirs: unknown, sink: ConflictSink): unknown {
  const p = pick3(base, mine, theirs);
  if (p.ok) return p.value;
  const id = key === undefined ? slice : `${slice}/${key}`;
  return sideValue(sink.add({ kind: 'value', id, slice, ...(key === undefined ? {} : { key }), base, mine, theirs }), mine, theirs);
}

function mergeItems(slice: ItemSlice, base: unknown, mine: unknown, theirs: unknown, sink: ConflictSink): unknown {
  const access = ITEM_ACCESS[slice];
  const [bl, ml, tl] = [access.list(base), access.list(mine), access.list(theirs)];
  // A side without the slice (an older file, the shipped boards) is compared as a whole value.
  if (!ml || !tl) return mergeValue(slice, undefined, base, mine, theirs, sink);
  const items = mergeKeyed(bl ?? [], ml, tl, access.id, (id, b, m, t) => {
    const p = pick3(b, m, t);
    if (p.ok) return p.value;
    return sideValue(sink.add({ kind: 'item', id: `${slice}/${id}`, slice, itemId: id, base: b, mine: m, theirs: t }), m, t);
  });
  return access.rebuild(mine, items);
}

function mergeDwellings(base: unknown, mine: unknown, theirs: unknown, sink: ConflictSink): unknown {
  const isRecord = (v: unknown): v is Record<string, number> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(mine) || !isRecord(theirs)) return mergeValue('dwellings', undefined, base, mine, theirs, sink);
  const b = isRecord(base) ? base : {};
  const out: Record<string, number> = {};
  for (const k of [...new Set([...Object.keys(b), ...Object.keys(mine), ...Object.keys(theirs)])].sort()) {
    const v = mergeValue('dwellings', k, b[k], mine[k], theirs[k], sink);
    if (v !== undefined) out[k] = v as number;
  }
  return out;
}

/** A set of strings: each member kept or dropped by whichever side changed it (never a conflict). */
function mergeStringSet(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (!Array.isArray(mine) || !Array.isArray(theirs)) return mine ?? theirs;
  const [b, m, t] = [new Set(Array.isArray(base) ? (base as string[]) : []), new Set(mine as string[]), new Set(theirs as string[])];
  return [...new Set([...b, ...m, ...t])].filter((k) => (m.has(k) === b.has(k) ? t.has(k) : m.has(k))).sort();
}

/** Merge `mine` and `theirs` against `base`; see the module comment. */
export function mergeProjects<P extends ProjectLike>(base: ProjectLike, mine: P, theirs: ProjectLike, options: MergeOptions = {}): MergeResult<P> {
  const conflicts: Conflict[] = [];
  const sink = sinkFor(options, conflicts);
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)]);
  for (const key of keys) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    let v: unknown;
    if (key === 'scenarios') v = mergeKeyed<Scenario>((b as Scenario[]) ?? [], (m as Scenario[]) ?? [], (t as Scenario[]) ?? [], (s) => s.id, (id, bs, ms, ts) => mergeScenario(id, bs, ms, ts, sink));
    else if ((ITEM_SLICES as readonly string[]).includes(key)) v = mergeItems(key as ItemSlice, b, m, t, sink);
    else if (key === 'dwellings') v = mergeDwellings(b, m, t, sink);
    else if (key === 'renovationDone') v = mergeStringSet(b, m, t);
    else if (key in BOOKKEEPING) v = BOOKKEEPING[key](m, t);
    else v = mergeValue(key, undefined, b, m, t, sink);
    if (v !== undefined) out[key] = v;
  }
  return { merged: out as P, conflicts };
}
