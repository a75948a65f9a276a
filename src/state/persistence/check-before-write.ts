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
 * known in slices of time before the write, so that the write's own check is short even for the
 * first write of a fresh profile (every slice) or a layer of 300,000 imported facilities.
 */
import type { Geometry } from 'geojson';
import type { Problem } from '../../domain/problem.ts';
import type { ProjectState } from '../project.ts';
import { checkProjectFile } from '../scenario-file.ts';
import { APP_ID, SCHEMA_VERSION } from '../scenario-schema.ts';
import { warmGeometryChecks } from '../project-integrity.ts';
import { precheckFacilities } from './facilities-precheck.ts';
import { hasStoredForm } from './stored-facilities.ts';
import { timeSlicer, type Slicer } from './time-slicer.ts';

/** Slice values that passed the project check (immutable state: they pass again). */
const passed = new WeakSet<object>();

/** How many slice values the synchronous check has checked since the page loaded (for tests: a bound on the work per write). */
export const checkCounts = { slices: 0 };

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** The slices of `next` that differ from `prev` (all when prev is null) and have not passed before. */
function uncheckedSlices(prev: ProjectState | null, next: ProjectState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (k === 'scenarios' || (prev && prev[k as keyof ProjectState] === v)) continue;
    if (isObject(v) && passed.has(v)) continue;
    out[k] = v;
  }
  return out;
}

function check(slices: Record<string, unknown>, next: ProjectState): Problem[] {
  const known = new Set(next.boards.features.map((b) => b.properties.id));
  const r = checkProjectFile({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...slices, scenarios: next.scenarios }, known);
  return r.ok ? [] : r.problems;
}

/** Problems of `next` in what differs from `prev` (everything when prev is null); [] when it may be written. */
export function unsavableProblems(prev: ProjectState | null, next: ProjectState): Problem[] {
  const slices = uncheckedSlices(prev, next);
  checkCounts.slices += Object.keys(slices).length;
  const problems = check(slices, next);
  if (!problems.length) for (const v of Object.values(slices)) if (isObject(v)) passed.add(v);
  return problems;
}

/** Every geometry of a slice, for checking them one at a time. */
function geometriesOf(key: string, value: unknown): Geometry[] {
  const v = value as Record<string, unknown> | null;
  const of = (list: unknown) => (Array.isArray(list) ? list.map((x) => (x as { geometry?: Geometry } | null)?.geometry).filter(isObject) : []) as Geometry[];
  if (!v) return [];
  if (key === 'boards' || key === 'employment' || key === 'streets') return of(v.features);
  if (key === 'nodes') return of(v);
  if (key === 'population' && v.kind === 'cells') return of(v.cells);
  return [];
}

/**
 * Do the checks of the slices of `next` not yet known to pass, in slices of time (yielding to
 * the page between them), so that `unsavableProblems(prev, next)` afterwards only checks the
 * scenarios. What fails here is left for that synchronous check, which refuses the write and
 * names the problems exactly as before. The facilities' stored form is prepared on the way.
 */
export async function prepareCheck(prev: ProjectState | null, next: ProjectState, slicer: Slicer = timeSlicer()): Promise<void> {
  for (const [k, v] of Object.entries(uncheckedSlices(prev, next))) {
    if (slicer.due()) await slicer.pause();
    if (k === 'facilities') {
      if (await precheckFacilities(v as ProjectState['facilities'], slicer)) passed.add(v as object);
      continue;
    }
    for (const g of geometriesOf(k, v)) {
      if (slicer.due()) await slicer.pause();
      warmGeometryChecks(g);
    }
    if (slicer.due()) await slicer.pause();
    if (isObject(v) && !check({ [k]: v }, next).length) passed.add(v);
  }
  // A layer that passed elsewhere (the import dialog's check) is still to be packed for storage.
  const fs = next.facilities;
  if ((!prev || prev.facilities !== fs) && !hasStoredForm(fs)) await precheckFacilities(fs, slicer);
}

/**
 * `prepareCheck` for the state the write is about to check (`current()`, which may move on while
 * the preparation pauses; tried again a few times, then the synchronous check does the rest).
 */
export async function prepareCheckOf(prev: ProjectState | null, current: () => ProjectState, slicer: Slicer = timeSlicer()): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const next = current();
    await prepareCheck(prev, next, slicer);
    if (current() === next) return;
  }
}

/** A write refused because the project fails the checks. */
export class UnsavableProject extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the project fails ${problems.length} checks`);
    this.name = 'UnsavableProject';
  }
}
