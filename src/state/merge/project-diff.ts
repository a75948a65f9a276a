/**
 * What changed between two states of a project, as a list of typed changes the app can show
 * (history, "what the other person changed") and summarizeChanges() turns into one line.
 * Pure and deterministic; the order is the project's (scenarios, then each scenario's cells
 * in canonical order, sites, then the other slices).
 */
import type { Site } from '../../domain/allocation.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import type { Scenario } from '../scenario.ts';
import { compareCells } from '../scenario.ts';
import { deepEqual } from './deep-equal.ts';
import { ITEM_SLICES, type ItemSlice, type ProjectLike } from './merge-types.ts';
import { cellKey } from './merge-scenario.ts';

export type ProjectChange =
  /** A grid cell's units (套) changed; 0 = empty. */
  | { kind: 'cell'; scenarioId: string; scenarioName: string; boardId: string; year: PlanYear; type: HousingTypeId; before: number; after: number }
  | { kind: 'site'; scenarioId: string; scenarioName: string; siteId: string; name: string; change: 'added' | 'removed' | 'changed'; before?: Site; after?: Site; fields: string[] }
  | { kind: 'scenario'; scenarioId: string; name: string; change: 'added' | 'removed' | 'renamed' | 'rule-settings'; before?: string; after?: string }
  | { kind: 'item'; slice: ItemSlice; itemId: string; name?: string; change: 'added' | 'removed' | 'changed' }
  /** Dwellings the planner entered for a board (undefined = the assumed default). */
  | { kind: 'dwellings'; boardId: string; before?: number; after?: number }
  /** A 附件1 cell (`county|type|year`) ticked (done) or unticked. */
  | { kind: 'renovation'; key: string; done: boolean }
  /** A slice compared whole (population, streets, or another key) changed. */
  | { kind: 'slice'; slice: string };

/** Keys that record a save, not the plan: never reported as changes. */
const NOT_CONTENT = new Set(['app', 'schemaVersion', 'savedAt']);

function diffScenario(before: Scenario, after: Scenario, out: ProjectChange[]): void {
  const scenarioId = after.id;
  const scenarioName = after.name;
  if (before.name !== after.name) out.push({ kind: 'scenario', scenarioId, name: after.name, change: 'renamed', before: before.name, after: after.name });
  const b = new Map(before.allocations.map((c) => [cellKey(c), c]));
  const a = new Map(after.allocations.map((c) => [cellKey(c), c]));
  const cells = [...new Map([...b, ...a]).values()].sort(compareCells);
  for (const c of cells) {
    const key = cellKey(c);
    const [bu, au] = [b.get(key)?.units ?? 0, a.get(key)?.units ?? 0];
    if (bu !== au) out.push({ kind: 'cell', scenarioId, scenarioName, boardId: c.boardId, year: c.year, type: c.type, before: bu, after: au });
  }
  const bs = new Map(before.sites.map((s) => [s.id, s]));
  const as = new Map(after.sites.map((s) => [s.id, s]));
  for (const s of before.sites) if (!as.has(s.id)) out.push({ kind: 'site', scenarioId, scenarioName, siteId: s.id, name: s.name, change: 'removed', before: s, fields: [] });
  for (const s of after.sites) {
    const old = bs.get(s.id);
    if (!old) out.push({ kind: 'site', scenarioId, scenarioName, siteId: s.id, name: s.name, change: 'added', after: s, fields: [] });
    else if (!deepEqual(old, s)) {
      const fields = (['name', 'geometry', 'units', 'type', 'year', 'note'] as const).filter((f) => !deepEqual(old[f], s[f]));
      out.push({ kind: 'site', scenarioId, scenarioName, siteId: s.id, name: s.name, change: 'changed', before: old, after: s, fields });
    }
  }
  if (!deepEqual(before.ruleSettings, after.ruleSettings)) out.push({ kind: 'scenario', scenarioId, name: after.name, change: 'rule-settings' });
}

type Identified = { id?: string; name?: string; properties?: { id: string; name?: string } };
const itemsOf = (v: unknown): Identified[] | null => (Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { features?: unknown }).features) ? (v as { features: Identified[] }).features : null);
const idOf = (x: Identified): string => x.properties?.id ?? x.id ?? '';
const nameOf = (x: Identified): string | undefined => x.properties?.name ?? x.name;

function diffItems(slice: ItemSlice, before: unknown, after: unknown, out: ProjectChange[]): void {
  if (deepEqual(before, after)) return;
  const [bl, al] = [itemsOf(before), itemsOf(after)];
  if (!bl || !al) {
    // From or to "not in the file" (the shipped default): one change for the slice.
    out.push({ kind: 'slice', slice });
    return;
  }
  const b = new Map(bl.map((x) => [idOf(x), x]));
  const a = new Map(al.map((x) => [idOf(x), x]));
  for (const x of bl) if (!a.has(idOf(x))) out.push({ kind: 'item', slice, itemId: idOf(x), name: nameOf(x), change: 'removed' });
  for (const x of al) {
    const old = b.get(idOf(x));
    if (!old) out.push({ kind: 'item', slice, itemId: idOf(x), name: nameOf(x), change: 'added' });
    else if (!deepEqual(old, x)) out.push({ kind: 'item', slice, itemId: idOf(x), name: nameOf(x), change: 'changed' });
  }
}

/** Every change from `before` to `after`. */
export function diffProjects(before: ProjectLike, after: ProjectLike): ProjectChange[] {
  const out: ProjectChange[] = [];
  const bs = new Map((before.scenarios ?? []).map((s) => [s.id, s]));
  const as = new Map((after.scenarios ?? []).map((s) => [s.id, s]));
  for (const s of before.scenarios ?? []) if (!as.has(s.id)) out.push({ kind: 'scenario', scenarioId: s.id, name: s.name, change: 'removed' });
  for (const s of after.scenarios ?? []) {
    const old = bs.get(s.id);
    // A new scenario is one change (its cells are all new), not one per cell.
    if (!old) out.push({ kind: 'scenario', scenarioId: s.id, name: s.name, change: 'added' });
    else diffScenario(old, s, out);
  }
  for (const slice of ITEM_SLICES) diffItems(slice, before[slice], after[slice], out);
  const bd = (before.dwellings ?? {}) as Record<string, number>;
  const ad = (after.dwellings ?? {}) as Record<string, number>;
  for (const k of [...new Set([...Object.keys(bd), ...Object.keys(ad)])].sort()) if (bd[k] !== ad[k]) out.push({ kind: 'dwellings', boardId: k, before: bd[k], after: ad[k] });
  const br = new Set(before.renovationDone ?? []);
  const ar = new Set(after.renovationDone ?? []);
  for (const k of [...new Set([...br, ...ar])].sort()) if (br.has(k) !== ar.has(k)) out.push({ kind: 'renovation', key: k, done: ar.has(k) });
  const handled = new Set<string>(['scenarios', 'dwellings', 'renovationDone', ...ITEM_SLICES, ...NOT_CONTENT]);
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) if (!handled.has(k) && !deepEqual(before[k], after[k])) out.push({ kind: 'slice', slice: k });
  return out;
}
