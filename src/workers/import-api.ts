/**
 * The import worker's API (src/workers/import.worker.ts serves it): parse a file's bytes with
 * the importer, reporting progress and stopping when the call is cancelled. Free of worker
 * globals, so it is tested in Node.
 */
import { formatOf, importLayer } from '../io/import-layer.ts';
import type { ImportOptions, ImportResult, ImportStage } from '../io/import-result.ts';
import { MAX_IMPORT_BYTES } from '../io/limits.ts';
import { readPopulationColumns, type PopulationColumnsRead } from '../io/readers/population-columns.ts';
import { withTransfer, type CallContext } from './rpc-protocol.ts';

/** A Blob's bytes in pieces (`Blob.stream()` read through its reader: no async iteration needed). */
async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

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
  /**
   * A population layer (CSV or GeoJSON of points) as columns: the file is streamed (`Blob.stream()`,
   * never whole in memory), read into typed arrays (src/io/readers/population-columns.ts) and the
   * arrays' buffers are transferred to the page, not copied. Null when the file needs the ordinary
   * import (`importLayer`), which names its problems.
   */
  importPopulationColumns: async (i: { file: Blob; fileName: string; options: Omit<ImportOptions, 'onProgress' | 'signal'> }, ctx: CallContext): Promise<PopulationColumnsRead | null> => {
    const format = formatOf(i.fileName, new Uint8Array(0));
    if ((format !== 'csv' && format !== 'geojson') || i.file.size > MAX_IMPORT_BYTES) return null;
    ctx.progress({ fraction: 0, stage: 'reading' } satisfies ImportProgress);
    const r = await readPopulationColumns(() => blobChunks(i.file), i.fileName, format, i.file.size, { ...i.options, signal: ctx.signal });
    ctx.progress({ fraction: 1, stage: 'done' } satisfies ImportProgress);
    if (!r?.ok) return r;
    const { lon, lat, population, rows } = r.value;
    return withTransfer(r, [lon.buffer, lat.buffer, population.buffer, ...(rows ? [rows.buffer] : [])]);
  },
};

export type ImportApi = typeof importApi;
