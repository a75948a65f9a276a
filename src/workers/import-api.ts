/**
 * The import worker's API (src/workers/import.worker.ts serves it): parse a file's bytes with
 * the importer, reporting progress and stopping when the call is cancelled. Free of worker
 * globals, so it is tested in Node.
 */
import { formatOf } from '../io/import-common.ts';
import type { ImportOptions, ImportResult, ImportStage, ImportSummary } from '../io/import-result.ts';
import { MAX_IMPORT_BYTES } from '../io/limits.ts';
import { readPopulationColumns, type PopulationColumnsRead } from '../io/readers/population-columns.ts';
import { headerDelimiter, uniqueHeaders } from '../io/read-csv.ts';
import type { Problem } from '../domain/problem.ts';
import type { PopulationColumns } from '../domain/population.ts';
import { populationColumnsProblems } from '../state/population-columns-check.ts';
import { facilityColumnBuffers, keysFeature, readFacilityColumns, type FacilityColumnsRead } from '../io/readers/facility-columns.ts';
import { facilityColumnsProblems } from '../state/facility-columns-check.ts';
import { guessInputKind, type KindGuess } from '../io/readers/guess-kind.ts';
import { detectCoordinateColumns } from '../io/csv-columns.ts';
import { withTransfer, type CallContext } from './rpc-protocol.ts';
import { storedFormOfColumns } from '../state/persistence/stored-facilities-of-columns.ts';
import { PACK_MIN_FACILITIES, type PackedStoredFacilities } from '../state/persistence/stored-facilities.ts';
import type { Slicer } from '../state/persistence/time-slicer.ts';
import { facilityTilePointsOfColumns } from '../analysis/coverage/facility-tile-points.ts';
import { packedTransfer, type PackedPoints } from '../geo/packed-points.ts';
import { packedFacilityBytesOfColumns } from '../analysis/coverage/packed-facility-bytes-of-columns.ts';
import { facilityBytesTransfer, type PackedFacilityBytes } from '../analysis/coverage/packed-facility-bytes.ts';

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

/** What the import dialog gets for a facilities layer read as columns. */
export type DialogFacilityColumns = Extract<FacilityColumnsRead, { ok: true }> & {
  headers: string[];
  /** The project check of the layer as the facilities slice (src/state/facility-columns-check.ts). */
  projectProblems: Problem[];
  /**
   * Made here when the layer passes that check, so that 替换 walks no facility on the page for
   * them: its IndexedDB stored form (state/persistence/stored-facilities-of-columns.ts; null: stored
   * as the array; undefined: left to the autosave), and its points for the tile worker
   * (analysis/coverage/facility-tile-points.ts; from PACK_MIN_FACILITIES facilities), and its
   * facilities packed for the coverage worker's init (analysis/coverage/packed-facility-bytes-of-columns.ts;
   * from PACK_MIN_FACILITIES facilities). Transferred.
   */
  stored?: PackedStoredFacilities | null;
  tilePoints?: PackedPoints;
  coveragePacked?: PackedFacilityBytes;
};

/** A dropped file read as columns: the layer, and what it was taken for (guessInputKind on its keys). */
export type DroppedColumns = { guess: KindGuess; read: DialogPopulationColumns | DialogFacilityColumns };

type ColumnsInput = { file: Blob; fileName: string; options: Omit<ImportOptions, 'onProgress' | 'signal'> };

/** The file's format when the columnar readers may read it (CSV or GeoJSON within the size limit). */
function columnsFormat(i: ColumnsInput): 'csv' | 'geojson' | null {
  const format = formatOf(i.fileName, new Uint8Array(0));
  return (format === 'csv' || format === 'geojson') && i.file.size <= MAX_IMPORT_BYTES ? format : null;
}

/** The file streamed and read as columns by `read` (null: it needs the ordinary import). */
async function readColumns<T>(i: ColumnsInput, ctx: CallContext, read: typeof readPopulationColumns | typeof readFacilityColumns): Promise<T | null> {
  const format = columnsFormat(i);
  if (!format) return null;
  ctx.progress({ fraction: 0, stage: 'reading' } satisfies ImportProgress);
  const r = await read(() => blobChunks(i.file), i.fileName, format, i.file.size, { ...i.options, signal: ctx.signal });
  ctx.progress({ fraction: 1, stage: 'done' } satisfies ImportProgress);
  return r as T | null;
}

async function populationForDialog(i: ColumnsInput, ctx: CallContext): Promise<DialogPopulationColumns | null> {
  const r = await readColumns<PopulationColumnsRead>(i, ctx, readPopulationColumns);
  if (!r?.ok) return null;
  return { ...r, headers: await headersOf(i.file, r.summary), projectProblems: populationColumnsProblems(r.value.population) };
}

/** The worker has no page to yield to: storedFormOfColumns runs in one go here. */
const noPauses: Slicer = { due: () => false, pause: () => Promise.resolve() };

async function facilitiesForDialog(i: ColumnsInput, ctx: CallContext): Promise<DialogFacilityColumns | null> {
  const r = await readColumns<FacilityColumnsRead>(i, ctx, readFacilityColumns);
  if (!r?.ok) return null;
  const out: DialogFacilityColumns = { ...r, headers: await headersOf(i.file, r.summary), projectProblems: facilityColumnsProblems(r.value) };
  if (out.projectProblems.length === 0) {
    const stored = await storedFormOfColumns(r.value, noPauses);
    if (stored !== undefined) out.stored = stored;
    if (r.value.lon.length >= PACK_MIN_FACILITIES) {
      out.tilePoints = facilityTilePointsOfColumns(r.value);
      out.coveragePacked = packedFacilityBytesOfColumns(r.value);
    }
  }
  return out;
}

/** The buffers of a facilities layer for the dialog: the columns, the stored form's coordinates, the tile points, the coverage worker's packing. */
const dialogFacilityBuffers = (f: DialogFacilityColumns): ArrayBuffer[] => [
  ...facilityColumnBuffers(f.value),
  ...(f.stored ? [f.stored.lonLat.buffer as ArrayBuffer] : []),
  ...(f.tilePoints ? packedTransfer(f.tilePoints) : []),
  ...(f.coveragePacked ? facilityBytesTransfer(f.coveragePacked) : []),
];

const headersOf = (file: Blob, s: ImportSummary) => (s.format === 'csv' ? csvHeaders(file, s.encoding ?? 'utf-8', s.details.lonColumn, s.details.latColumn) : Promise.resolve([]));

/**
 * What a dropped CSV of points is, from its header alone (every row of a point table is a point,
 * so guessInputKind's answer depends on the column names only): null for anything else.
 */
async function guessCsv(file: Blob): Promise<KindGuess | null> {
  const bytes = new Uint8Array(await file.slice(0, 65_536).arrayBuffer());
  const end = bytes.indexOf(0x0a);
  if (end < 0) return null;
  let line: string;
  try {
    line = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
  } catch {
    line = new TextDecoder('gb18030').decode(bytes.subarray(0, end));
  }
  line = line.replace(/\r$/, '').replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(line);
  if (!delimiter) return null;
  const named = uniqueHeaders(line.split(delimiter)).headers.filter((h) => h !== '');
  const pair = detectCoordinateColumns(named);
  if (!pair) return null;
  return guessInputKind([keysFeature(named.filter((h) => h !== pair.lon && h !== pair.lat))]);
}

const buffersOf = (c: PopulationColumns): ArrayBuffer[] => [c.lon.buffer, c.lat.buffer, c.population.buffer, ...(c.rows ? [c.rows.buffer] : [])] as ArrayBuffer[];

/** Progress of an import: the fraction done (0–1) and the stage. */
export interface ImportProgress {
  fraction: number;
  stage: ImportStage;
}

export const importApi = {
  /** The bytes arrive transferred (not copied); options without callbacks (those come from the call). */
  // The ordinary importer and its format readers (XLSX, KML, zipped Shapefile…) load on the first
  // call: a population or facilities layer read as columns never needs them.
  importLayer: async (i: { bytes: ArrayBuffer; fileName: string; options: Omit<ImportOptions, 'onProgress' | 'signal'> }, ctx: CallContext): Promise<ImportResult> =>
    (await import('../io/import-layer.ts')).importLayer(new Uint8Array(i.bytes), i.fileName, {
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
    const r = await readColumns<PopulationColumnsRead>(i, ctx, readPopulationColumns);
    return r?.ok ? withTransfer(r, buffersOf(r.value)) : r;
  },
  /**
   * importPopulationColumns for the import dialog: with the CSV's column names and the project
   * check of the layer (done here, so the page does not walk a million points before 替换).
   */
  importPopulationForDialog: async (i: ColumnsInput, ctx: CallContext): Promise<DialogPopulationColumns | null> => {
    const r = await populationForDialog(i, ctx);
    return r ? withTransfer(r, buffersOf(r.value)) : null;
  },
  /** importPopulationForDialog for a facilities layer (src/io/readers/facility-columns.ts); its texts come as one string. */
  importFacilitiesForDialog: async (i: ColumnsInput, ctx: CallContext): Promise<DialogFacilityColumns | null> => {
    const r = await facilitiesForDialog(i, ctx);
    return r ? withTransfer(r, dialogFacilityBuffers(r)) : null;
  },
  /**
   * A dropped file (the dialog guesses its target from its content): a CSV's kind from its header,
   * a GeoJSON's from the keys of its features once read as population, else as facilities (each
   * columnar read succeeds only when every feature is a plain point, so the guess is the one
   * guessInputKind gives on the whole layer). Null when the guess is another kind or the columnar
   * read hands the file back: the ordinary import reads it and guesses from its features.
   */
  importDroppedForDialog: async (i: ColumnsInput, ctx: CallContext): Promise<DroppedColumns | null> => {
    const format = columnsFormat(i);
    if (!format) return null;
    if (format === 'csv') {
      const guess = await guessCsv(i.file);
      if (guess?.kind === 'population') {
        const r = await populationForDialog(i, ctx);
        return r ? withTransfer({ guess, read: r }, buffersOf(r.value)) : null;
      }
      if (guess?.kind === 'facilities') {
        const r = await facilitiesForDialog(i, ctx);
        return r ? withTransfer({ guess, read: r }, dialogFacilityBuffers(r)) : null;
      }
      return null;
    }
    const p = await populationForDialog(i, ctx);
    if (p) return withTransfer({ guess: { kind: 'population', reason: 'points-population', field: p.field }, read: p }, buffersOf(p.value));
    const f = await facilitiesForDialog(i, ctx);
    if (!f) return null;
    const guess = guessInputKind([keysFeature(f.keys)]);
    return guess?.kind === 'facilities' ? withTransfer({ guess, read: f }, dialogFacilityBuffers(f)) : null;
  },
};

export type ImportApi = typeof importApi;
