/**
 * The checks autosave runs before a write (check-before-write.ts), done beforehand in slices of
 * time for the slices not yet known to pass: the first write of a fresh profile (every slice: the
 * boards' and employment areas' self-intersection tests), or a layer of 300,000 imported
 * facilities (facilities-precheck.ts, which also packs it for IndexedDB). Loaded on the first
 * write, not with the first screen; it also packs imported population points for IndexedDB
 * (stored-population.ts); what it needs of the first screen's modules it is handed
 * (check-before-write.ts `prepareDeps`).
 */
import type { Geometry } from 'geojson';
import type { ProjectState } from '../project.ts';
import type { PrepareDeps } from './check-before-write.ts';
import { precheckFacilities, precheckMovedFacilities } from './facilities-precheck.ts';
import { timeSlicer, type Slicer } from './time-slicer.ts';
import { preparePopulationForm } from './stored-population.ts';

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

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
export async function prepareCheck(prev: ProjectState | null, next: ProjectState, deps: PrepareDeps, slicer: Slicer = timeSlicer()): Promise<void> {
  const { uncheckedSlices, checkSlices, markPassed, warmGeometryChecks, hasStoredForm, checkSchemaInChunks } = deps;
  for (const [k, v] of Object.entries(uncheckedSlices(prev, next))) {
    if (slicer.due()) await slicer.pause();
    if (k === 'facilities') {
      const fs = v as ProjectState['facilities'];
      if (prev && precheckMovedFacilities(prev.facilities, fs, deps)) continue;
      if (await precheckFacilities(fs, slicer, deps)) markPassed(fs);
      continue;
    }
    for (const g of geometriesOf(k, v)) {
      if (slicer.due()) await slicer.pause();
      warmGeometryChecks(g);
    }
    // A long list's schema a chunk at a time (a 300,000-point population was one valibot check); the check below then skips it.
    await checkSchemaInChunks(k, v, slicer);
    if (slicer.due()) await slicer.pause();
    if (isObject(v)) checkSlices({ [k]: v }, next);
  }
  // A layer that passed elsewhere (the import dialog's check) is still to be packed for storage.
  const fs = next.facilities;
  if ((!prev || prev.facilities !== fs) && !hasStoredForm(fs)) await precheckFacilities(fs, slicer, deps);
  // Population points are stored packed too (stored-population.ts): packed here in pieces, not in the write's task.
  if (!prev || prev.population !== next.population) await preparePopulationForm(next.population, slicer);
}

/** Thrown by a slicer's pause when the preparation is to stop (the page is going away). */
class Stopped extends Error {}

/**
 * `prepareCheck` for the state the write is about to check (`current()`, which may move on while
 * the preparation pauses; tried again a few times, then the synchronous check does the rest).
 * Stops at the next pause once `stop()` is true (the page is being hidden or unloaded: the write
 * must start at once); what was done stays remembered, the write's own check does the rest.
 */
export async function prepareCheckOf(prev: ProjectState | null, current: () => ProjectState, deps: PrepareDeps, stop: () => boolean = () => false): Promise<void> {
  const inner = timeSlicer();
  const slicer: Slicer = {
    due: () => inner.due() || stop(),
    async pause() {
      if (stop()) throw new Stopped();
      await inner.pause();
      if (stop()) throw new Stopped();
    },
  };
  try {
    for (let i = 0; i < 3; i++) {
      const next = current();
      await prepareCheck(prev, next, deps, slicer);
      if (current() === next) return;
    }
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
  }
}
