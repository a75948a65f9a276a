/**
 * What autosave refuses to write: a project that the load on the next visit would refuse.
 * Only the slices that changed since the last write are checked (state is immutable, so an
 * unchanged slice is the same object), plus the scenarios (small; ids and board references
 * span them). The app's inputs and imports keep within the checks already; this is the net
 * under them, so storage never holds what cannot be opened again.
 *
 * A slice value that passed once is remembered (by identity) and not checked again: the checks of
 * one slice do not depend on the others (board references are the scenarios', checked every
 * time against the boards of the state written). `prepareCheck` does the work of the slices not yet
 * known in slices of time before the write (prepare-check.ts, loaded on the first write), so that the write's own check is short even for the
 * first write of a fresh profile (every slice) or a layer of 300,000 imported facilities.
 */
import type { Problem } from '../../domain/problem.ts';
import type { ProjectState } from '../project.ts';
import { checkProjectFile } from '../scenario-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../scenario-schema.ts';
import { warmGeometryChecks } from '../project-integrity.ts';
import { sizeWalker } from '../project-size.ts';
import { facilityPassesSchema } from '../facilities-fast-check.ts';
import { MAX_LAYER_FEATURES } from '../../domain/project-limits.ts';
import { checkSchemaInChunks } from '../schema-in-chunks.ts';
import { FacilityPacker, hasStoredForm, knownStoredForm, PACK_MIN_FACILITIES, rememberStoredForm } from './stored-facilities.ts';

/** Slice values that passed the project check (immutable state: they pass again). */
const passed = new WeakSet<object>();

/** Remember that `v` passed the checks of its slice (prepare-check.ts, which checked it in pieces). */
export function markPassed(v: object): void {
  passed.add(v);
}

/** True when `v` passed the checks of its slice before. */
export const hasPassed = (v: object): boolean => passed.has(v);

/** How many slice values the synchronous check has checked since the page loaded (for tests: a bound on the work per write). */
export const checkCounts = { slices: 0 };

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** The slices of `next` that differ from `prev` (all when prev is null) and have not passed before. */
export function uncheckedSlices(prev: ProjectState | null, next: ProjectState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (k === 'scenarios' || (prev && prev[k as keyof ProjectState] === v)) continue;
    if (isObject(v) && passed.has(v)) continue;
    out[k] = v;
  }
  return out;
}

/** Problems of `slices` with the scenarios of `next`; the slices are remembered as passed when there are none. */
export function checkSlices(slices: Record<string, unknown>, next: ProjectState): Problem[] {
  const known = new Set(next.boards.features.map((b) => b.properties.id));
  const r = checkProjectFile({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...slices, scenarios: next.scenarios }, known);
  if (!r.ok) return r.problems;
  for (const v of Object.values(slices)) if (isObject(v)) passed.add(v);
  return [];
}

/** Problems of `next` in what differs from `prev` (everything when prev is null); [] when it may be written. */
export function unsavableProblems(prev: ProjectState | null, next: ProjectState): Problem[] {
  const slices = uncheckedSlices(prev, next);
  checkCounts.slices += Object.keys(slices).length;
  return checkSlices(slices, next);
}

/** True when prepare-check.ts has work to do for this write (a slice not known to pass, or a large layer not yet packed). */
export function needsPreparation(prev: ProjectState | null, next: ProjectState): boolean {
  const fs = next.facilities;
  return Object.values(uncheckedSlices(prev, next)).some(isObject) || ((!prev || prev.facilities !== fs) && fs.length >= PACK_MIN_FACILITIES && !hasStoredForm(fs));
}

/**
 * What prepare-check.ts (loaded on the first write) uses of modules the first screen has loaded
 * already, handed to it rather than imported by it: importing them from a lazily loaded module
 * would split their chunks and add to the first load (README, "First load").
 */
export const prepareDeps = { uncheckedSlices, checkSlices, markPassed, hasPassed, warmGeometryChecks, hasStoredForm, knownStoredForm, rememberStoredForm, FacilityPacker, PACK_MIN_FACILITIES, sizeWalker, facilityPassesSchema, MAX_LAYER_FEATURES, checkSchemaInChunks };
export type PrepareDeps = typeof prepareDeps;

/** A write refused because the project fails the checks. */
export class UnsavableProject extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the project fails ${problems.length} checks`);
    this.name = 'UnsavableProject';
  }
}
