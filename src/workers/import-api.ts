/**
 * The import worker's API (src/workers/import.worker.ts serves it): parse a file's bytes with
 * the importer, reporting progress and stopping when the call is cancelled. Free of worker
 * globals, so it is tested in Node.
 */
import { formatOf, importLayer } from '../io/import-layer.ts';
import type { ImportOptions, ImportResult, ImportStage } from '../io/import-result.ts';
import { MAX_IMPORT_BYTES } from '../io/limits.ts';
import { readPopulationColumns, type PopulationColumnsRead } from '../io/readers/population-columns.ts';
import { headerDelimiter, uniqueHeaders } from '../io/read-csv.ts';
import type { Problem } from '../domain/problem.ts';
import type { PopulationColumns } from '../domain/population.ts';
import { populationColumnsProblems } from '../state/population-columns-check.ts';
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

/**
 * A CSV's column names from its first line (the first 64 KiB, decoded as the file was), the
 * coordinate pair first, for the dialog's column chooser; [] when the line is longer.
 */
async function csvHeaders(file: Blob, encoding: string, lon: string | undefined, lat: string | undefined): Promise<string[]> {
  const text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(await file.slice(0, 65_536).arrayBuffer());
  const end = text.indexOf('\n');
  if (end < 0) return [];
  const line = text.slice(0, end).replace(/\r$/, '').replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(line);
  if (!delimiter || !lon || !lat) return [];
  return [lon, lat, ...uniqueHeaders(line.split(delimiter)).headers.filter((h) => h !== '' && h !== lon && h !== lat)];
}

/** What the import dialog gets for a population layer read as columns. */
export type DialogPopulationColumns = Extract<PopulationColumnsRead, { ok: true }> & {
  /** A CSV's column names (coordinate pair first); [] for GeoJSON. */
  headers: string[];
  /** The project check of the layer as a population slice (src/state/population-columns-check.ts). */
  projectProblems: Problem[];
};

type ColumnsInput = { file: Blob; fileName: string; options: Omit<ImportOptions, 'onProgress' | 'signal'> };

/** The file streamed and read as columns (null: it needs the ordinary import). */
async function readColumns(i: ColumnsInput, ctx: CallContext): Promise<PopulationColumnsRead | null> {
  const format = formatOf(i.fileName, new Uint8Array(0));
  if ((format !== 'csv' && format !== 'geojson') || i.file.size > MAX_IMPORT_BYTES) return null;
  ctx.progress({ fraction: 0, stage: 'reading' } satisfies ImportProgress);
  const r = await readPopulationColumns(() => blobChunks(i.file), i.fileName, format, i.file.size, { ...i.options, signal: ctx.signal });
  ctx.progress({ fraction: 1, stage: 'done' } satisfies ImportProgress);
  return r;
}

const buffersOf = (c: PopulationColumns): ArrayBuffer[] => [c.lon.buffer, c.lat.buffer, c.population.buffer, ...(c.rows ? [c.rows.buffer] : [])] as ArrayBuffer[];

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
  importPopulationColumns: async (i: ColumnsInput, ctx: CallContext): Promise<PopulationColumnsRead | null> => {
    const r = await readColumns(i, ctx);
    return r?.ok ? withTransfer(r, buffersOf(r.value)) : r;
  },
  /**
   * importPopulationColumns for the import dialog: with the CSV's column names and the project
   * check of the layer (done here, so the page does not walk a million points before 替换).
   */
  importPopulationForDialog: async (i: ColumnsInput, ctx: CallContext): Promise<DialogPopulationColumns | PopulationColumnsRead | null> => {
    const r = await readColumns(i, ctx);
    if (!r?.ok) return r;
    const d = r.summary.details;
    const headers = r.summary.format === 'csv' ? await csvHeaders(i.file, r.summary.encoding ?? 'utf-8', d.lonColumn, d.latColumn) : [];
    return withTransfer({ ...r, headers, projectProblems: populationColumnsProblems(r.value.population) }, buffersOf(r.value));
  },
};

export type ImportApi = typeof importApi;
