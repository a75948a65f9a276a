/**
 * The result of a three-way merge of two project states against their common ancestor:
 * what could be combined automatically, and each difference both sides made to the same
 * thing (a conflict), with the three values so a person can choose.
 */
import type { Site } from '../../domain/allocation.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import type { ProjectState } from '../project.ts';
import type { Scenario } from '../scenario.ts';

/** Which side wins a conflict: `mine` (the local edits) or `theirs` (what the server or the other tab saved). */
export type Side = 'mine' | 'theirs';

/**
 * A project as the merge sees it: scenarios and any of the project's other slices (a project
 * file's content, or the whole ProjectState). Keys it does not know are merged as whole values.
 */
export type ProjectLike = { scenarios: Scenario[] } & Partial<Omit<ProjectState, 'scenarios'>> & { [key: string]: unknown };

/** Slices whose items are merged one by one, keyed by their id. */
export const ITEM_SLICES = ['boards', 'nodes', 'facilities', 'employment'] as const;
export type ItemSlice = (typeof ITEM_SLICES)[number];

/**
 * Both sides changed the same thing differently. `id` is stable for the same difference, so a
 * choice made in the UI can be passed back as `choices[id]`. A side's value `undefined` means
 * that side deleted it (or never had it).
 */
export type Conflict =
  /** One grid cell (board × year × housing type), in dwelling units (套); 0 = empty. */
  | { kind: 'cell'; id: string; scenarioId: string; boardId: string; year: PlanYear; type: HousingTypeId; base: number; mine: number; theirs: number }
  /** One drawn site: `fields` both sides changed differently (empty when one side deleted it). */
  | { kind: 'site'; id: string; scenarioId: string; siteId: string; fields: string[]; base?: Site; mine?: Site; theirs?: Site }
  /** A scenario's own field (`name`, `createdAt`, `ruleSettings.<key>`), or `existence` when one side deleted a scenario the other changed. */
  | { kind: 'scenario'; id: string; scenarioId: string; field: string; base: unknown; mine: unknown; theirs: unknown }
  /** One board, node, facility or employment area, compared whole. */
  | { kind: 'item'; id: string; slice: ItemSlice; itemId: string; base?: unknown; mine?: unknown; theirs?: unknown }
  /** A whole value: a board's entered dwellings (`slice` "dwellings", `key` the board id), the population or streets layer, or another key. */
  | { kind: 'value'; id: string; slice: string; key?: string; base: unknown; mine: unknown; theirs: unknown };

export interface MergeOptions {
  /** Who wins a conflict with no entry in `choices`; default `mine` ("mine on top of theirs"). */
  prefer?: Side;
  /** Per conflict id, who wins. */
  choices?: Readonly<Record<string, Side>>;
}

export interface MergeResult<P extends ProjectLike = ProjectLike> {
  /** The merged project; each conflict resolved by `choices`, else by `prefer`. */
  merged: P;
  /** Every conflict, in a stable order (slice, scenario, board, year, type, item). */
  conflicts: Conflict[];
}
