/**
 * Runs imports in src/workers/import.worker.ts over the one worker client: the main thread only
 * reads the file's bytes (File.arrayBuffer, no parsing) and transfers them to the worker.
 * Cancelling stops the worker at once (a parse in progress cannot be interrupted otherwise); the
 * next import starts a fresh one. A worker that dies ends the import with a problem saying so,
 * never with an endless spinner.
 */
import type { ImportOptions, ImportResult, ImportStage } from '../../io/import-result.ts';
import type { DialogFacilityColumns, DialogPopulationColumns, DroppedColumns, ImportApi, ImportProgress } from '../../workers/import-api.ts';
import type { KindGuess } from '../../io/readers/guess-kind.ts';
import { WorkerClient, type WorkerLike } from '../../workers/worker-client.ts';
import { problem, type ProblemCode } from '../../domain/problem.ts';

/** The result of a file that could not be read (removed, permissions …) or whose import died. */
function failed(code: ProblemCode, fileName: string, detail: string): ImportResult {
  return {
    ok: false,
    problems: [problem(code, { file: fileName, params: { detail } })],
    summary: { file: fileName, format: null, encoding: null, details: {}, crs: null, featuresRead: 0, featuresImported: 0, skipped: [], emptySkipped: 0, geometryTypes: {}, bboxDeg: null, lenient: false },
  };
}

export type JobOptions = Omit<ImportOptions, 'onProgress' | 'signal'>;

export interface ImportJob<T = ImportResult> {
  /** The result, or null when cancelled. */
  done: Promise<T | null>;
  cancel(): void;
}

/** A layer read as columns (population or facilities). */
export type DialogColumns = DialogPopulationColumns | DialogFacilityColumns;

/** A layer read as columns, or 'ordinary' when the file needs importLayer (which names its problems). */
export type ColumnsOutcome = { read: DialogColumns; guess: KindGuess | null } | 'ordinary';

/** Which columnar read: a target's, or 'dropped' (the target guessed from the file). */
export type ColumnsKind = 'population' | 'facilities' | 'dropped';

const COLUMNS_CALLS = { population: 'importPopulationForDialog', facilities: 'importFacilitiesForDialog', dropped: 'importDroppedForDialog' } as const;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ImportClient {
  readonly #client: WorkerClient<ImportApi>;

  constructor(create: () => WorkerLike = () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' })) {
    this.#client = new WorkerClient<ImportApi>(create);
  }

  /** Read `file` and import it in the worker, reporting progress (0–1) by stage. */
  run(file: Blob, fileName: string, options: JobOptions, onProgress: (fraction: number, stage: ImportStage) => void): ImportJob {
    const controller = new AbortController();
    // Cancelling settles at once, even while the browser is still reading the file.
    const cancelled = new Promise<null>((resolve) => controller.signal.addEventListener('abort', () => resolve(null), { once: true }));
    const work = file.arrayBuffer().then(
      (bytes) =>
        this.#client
          .call('importLayer', { bytes, fileName, options }, {
            signal: controller.signal,
            terminateOnAbort: true,
            transfer: [bytes],
            onProgress: (p) => onProgress((p as ImportProgress).fraction, (p as ImportProgress).stage),
          })
          .catch((e: unknown) => (controller.signal.aborted ? null : failed('import-failed', fileName, errorText(e)))),
      (e: unknown) => (controller.signal.aborted ? null : failed('file-unreadable', fileName, errorText(e))),
    );
    return { done: Promise.race([work, cancelled]), cancel: () => controller.abort() };
  }

  /**
   * A population or facilities layer (CSV/GeoJSON of points) read as columns in the worker: the
   * File goes over as it is (a handle, not its bytes), the worker streams it, and the columns come
   * back transferred. `kind` 'dropped': the worker guesses the target from the file first. 'ordinary'
   * for anything else, a refusal included: the ordinary import reads it and names it.
   */
  runColumns(kind: ColumnsKind, file: Blob, fileName: string, options: JobOptions, onProgress: (fraction: number, stage: ImportStage) => void): ImportJob<ColumnsOutcome> {
    const controller = new AbortController();
    const cancelled = new Promise<null>((resolve) => controller.signal.addEventListener('abort', () => resolve(null), { once: true }));
    const work = (this.#client.call(COLUMNS_CALLS[kind], { file, fileName, options }, {
      signal: controller.signal,
      terminateOnAbort: true,
      onProgress: (p) => onProgress((p as ImportProgress).fraction, (p as ImportProgress).stage),
    }) as Promise<DialogColumns | DroppedColumns | null>)
      .then(
        (r): ColumnsOutcome => (!r ? 'ordinary' : 'guess' in r ? r : { read: r, guess: null }),
        (): ColumnsOutcome | null => (controller.signal.aborted ? null : 'ordinary'),
      );
    return { done: Promise.race([work, cancelled]), cancel: () => controller.abort() };
  }
}
