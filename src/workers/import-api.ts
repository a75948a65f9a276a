/**
 * The import worker's API (src/workers/import.worker.ts serves it): parse a file's bytes with
 * the importer, reporting progress and stopping when the call is cancelled. Free of worker
 * globals, so it is tested in Node.
 */
import { importLayer } from '../io/import-layer.ts';
import type { ImportOptions, ImportResult, ImportStage } from '../io/import-result.ts';
import type { CallContext } from './rpc-protocol.ts';

/** Progress of an import: the fraction done (0–1) and the stage. */
export interface ImportProgress {
  fraction: number;
  stage: ImportStage;
}

export const importApi = {
  /** The bytes arrive transferred (not copied); options without callbacks (those come from the call). */
  importLayer: (i: { bytes: ArrayBuffer; fileName: string; options: Omit<ImportOptions, 'onProgress' | 'signal'> }, ctx: CallContext): Promise<ImportResult> =>
    importLayer(new Uint8Array(i.bytes), i.fileName, {
      ...i.options,
      signal: ctx.signal,
      onProgress: (fraction, stage) => ctx.progress({ fraction, stage } satisfies ImportProgress),
    }),
};

export type ImportApi = typeof importApi;
