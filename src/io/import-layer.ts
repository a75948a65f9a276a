/**
 * Import a user's layer file: bytes + file name → WGS-84 FeatureCollection with a summary, or the
 * problems that stop it. Pure and async (yields between chunks so a Web Worker can take a CANCEL);
 * progress via `onProgress`, cancellation via `signal`. Strict by default: any feature error fails
 * the import; with `lenient`, bad features are skipped and listed.
 */
import type { Feature, Position } from 'geojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { describeCrs } from './crs.ts';
import { decodeText } from './decode-text.ts';
import { asChoice, cap, emptySummary, formatOf, settleGk } from './import-common.ts';
import { detectCrs } from './detect-crs.ts';
import type { FeatureOrigin, ImportOptions, ImportResult, ImportSummary, SkippedItem } from './import-result.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from './limits.ts';
import type { RawLayer } from './raw-layer.ts';
import { readCsvText, readTableRows } from './read-csv.ts';
import { readGeoJsonText } from './read-geojson.ts';
import { readGeoJsonBytes } from './read-geojson-bytes.ts';
import { readFlatGeobuf } from './read-flatgeobuf.ts';
import { readKmlText } from './read-kml.ts';
import { readShapefileZip } from './read-shapefile-zip.ts';
import { readXlsxRows } from './read-xlsx.ts';
import { checkFeature, type FeatureContext } from './validate/check-feature.ts';
import { summarizeFeatures } from './summarize-features.ts';

/** Features checked between looks at the clock (and progress reports). */
const CHUNK_FEATURES = 500;
/**
 * With a `signal` (the import worker), yield to the event loop once this long has passed, so a
 * CANCEL gets through. By elapsed time, not every chunk: each yield costs 1 ms in Node and 4 ms in
 * a browser (nested timers are clamped), ~3 s per million features when it was every 500.
 */
const YIELD_EVERY_MS = 50;
/** GeoJSON files from this size on are read feature by feature (read-geojson-bytes.ts). */
export const STREAM_GEOJSON_BYTES = 4 * 1048576;

async function readRaw(bytes: Uint8Array, file: string, options: ImportOptions): Promise<Checked<RawLayer>> {
  const format = formatOf(file, bytes);
  if (format === 'shp') return { ok: false, problems: [problem('shp-not-zipped', { file })] };
  if (format === null) return { ok: false, problems: [problem('unsupported-format', { file, params: { ext: file.includes('.') ? (file.split('.').pop() ?? '') : '' } })] };
  if (format === 'shapefile') return readShapefileZip(bytes, file);
  if (format === 'flatgeobuf') return readFlatGeobuf(bytes, file);
  const allowTable = options.allowTable ?? false;
  if (format === 'xlsx') {
    const sheet = readXlsxRows(bytes, file);
    if (!sheet.ok) return sheet;
    const r = readTableRows(sheet.value.rows, sheet.value.rowNumbers, { file, encoding: null, format: 'xlsx', details: { sheet: sheet.value.sheetName }, columns: options.columns, allowTable });
    // The sheets not read are said, whatever became of the first.
    if (!r.ok) return { ...r, problems: [...r.problems, ...sheet.warnings] };
    r.value.problems.unshift(...sheet.warnings);
    return r;
  }
  // A large FeatureCollection is read feature by feature from the bytes (no whole-file string).
  const byFeature = format === 'geojson' && bytes.length >= STREAM_GEOJSON_BYTES ? readGeoJsonBytes(bytes, file) : null;
  if (byFeature) return byFeature;
  const { text, encoding } = decodeText(bytes);
  if (format === 'kml') return readKmlText(text, file, encoding);
  return format === 'geojson' ? readGeoJsonText(text, file, encoding) : readCsvText(text, file, encoding, options.columns, allowTable);
}

/** Up to ~500 positions spread over the features, for CRS detection. */
export function samplePositions(features: readonly unknown[]): Position[] {
  const out: Position[] = [];
  const step = Math.max(1, Math.floor(features.length / 250));
  const walk = (c: unknown, budget: number): void => {
    if (!Array.isArray(c) || out.length >= budget) return;
    if (typeof c[0] === 'number') {
      if (typeof c[1] === 'number') out.push(c as Position);
      return;
    }
    for (const x of c.slice(0, 4)) walk(x, budget);
  };
  for (let i = 0; i < features.length && out.length < 500; i += step) {
    const g = (features[i] as { geometry?: { coordinates?: unknown } } | null)?.geometry;
    if (g && typeof g === 'object') walk(g.coordinates, out.length + 2);
  }
  return out;
}

/** The key a feature is identified by: its GeoJSON `id`, else `properties.id`; null if neither. */
function featureKey(id: unknown, props: Record<string, unknown>): string | null {
  const v = id ?? (Object.prototype.hasOwnProperty.call(props, 'id') ? props.id : undefined);
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : null;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** A table without coordinates: its rows as features without geometry, nothing to convert or check. */
function tableResult(layer: RawLayer, summary: ImportSummary, fail: (ps: Problem[]) => ImportResult): ImportResult {
  const errors = layer.problems.filter((p) => p.severity === 'error');
  const warnings = layer.problems.filter((p) => p.severity === 'warning');
  const features = layer.features as Feature[];
  summary.featuresImported = features.length;
  if (features.length === 0) return fail([problem('no-features', { file: summary.file }), ...errors, ...warnings]);
  return { ok: true, value: { type: 'FeatureCollection', features }, warnings, origins: (layer.rows ?? []).map((row) => ({ row })), summary };
}

/**
 * Import a layer file. Never throws for bad input; returns `import-cancelled` when `signal` aborts.
 * @example const r = await importLayer(bytes, 'shops.csv', { crs: 'gcj02' });
 */
export async function importLayer(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = fileName;
  const lenient = options.lenient ?? false;
  const summary: ImportSummary = { ...emptySummary(file), lenient };
  const fail = (problems: Problem[]): ImportResult => ({ ok: false, problems: cap(problems, file), summary });
  const cancelled = () => fail([problem('import-cancelled', { file })]);
  const progress = options.onProgress ?? (() => {});
  if (options.signal?.aborted) return cancelled();
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fail([problem('file-too-large', { file, params: { sizeMB: (bytes.byteLength / 1048576).toFixed(1), limitMB: MAX_IMPORT_MB } })]);
  }
  if (bytes.byteLength === 0) return fail([problem('empty-file', { file })]);
  progress(0, 'parsing');
  const started = performance.now();
  const raw = await readRaw(bytes, file, options);
  if (!raw.ok) return fail(raw.problems);
  const layer = raw.value;
  Object.assign(summary, { format: layer.format, encoding: layer.encoding, details: layer.details, featuresRead: layer.features.length + layer.problems.filter((p) => p.severity === 'error').length });
  // Let a worker take a CANCEL that arrived while parsing (quick parses skip the wait). Without a
  // signal (the command line) nothing can cancel: never yield.
  let lastYield = started;
  const maybeYield = async () => {
    if (!options.signal || performance.now() - lastYield < YIELD_EVERY_MS) return;
    await tick();
    lastYield = performance.now();
  };
  await maybeYield();
  if (options.signal?.aborted) return cancelled();
  if (layer.table) return tableResult(layer, summary, fail);
  progress(0.3, 'checking');

  const detection = detectCrs(samplePositions(layer.features), layer.declared, asChoice(options.crs), asChoice(options.fallbackCrs));
  summary.crs = detection;
  // A declared CRS Anju cannot read: refused unless the user said which system to read it as.
  if (detection.unsupported !== undefined && detection.ambiguous) return fail([problem('unsupported-crs', { file, params: { crs: detection.unsupported } })]);
  const settled = settleGk(detection, options, file);
  if (!settled.ok) return fail(settled.problems);
  const ctx: FeatureContext = { file, crs: detection.crs, swapAxes: detection.swapped, geojson: layer.format === 'geojson' || layer.format === 'kml', ownFeatures: layer.format !== 'shapefile' };

  const errors: Problem[] = layer.problems.filter((p) => p.severity === 'error');
  const warnings: Problem[] = layer.problems.filter((p) => p.severity === 'warning');
  const skipped: SkippedItem[] = errors.map((p) => ({ featureIndex: p.featureIndex, row: p.row, codes: [p.code] }));
  const features: Feature[] = [];
  // Null while every kept feature k is the file's feature k (GeoJSON, KML… without skips).
  let origins: FeatureOrigin[] | null = null;
  const seenKeys = new Map<string, number>();
  let rewound = 0;
  let emptySkipped = 0;
  for (let i = 0; i < layer.features.length; i++) {
    if (i > 0 && i % CHUNK_FEATURES === 0) {
      progress(0.3 + (0.7 * i) / layer.features.length, 'checking');
      await maybeYield();
      if (options.signal?.aborted) return cancelled();
    }
    const row = layer.rows?.[i];
    const r = checkFeature(layer.features[i], i, row, ctx);
    let itemErrors = r.errors;
    if (r.feature) {
      const key = featureKey(r.feature.id, r.feature.properties ?? {});
      const prior = key === null ? undefined : seenKeys.get(key);
      if (key !== null && prior !== undefined) {
        itemErrors = [...itemErrors, problem('duplicate-id', { file, ...(row !== undefined ? { row } : { featureIndex: i }), field: 'id', params: { value: key, other: prior + 1 } })];
      } else if (key !== null) seenKeys.set(key, i);
    }
    if (r.warnings.length) warnings.push(...r.warnings);
    if (r.empty) {
      emptySkipped++;
      continue;
    }
    if (itemErrors.length) {
      errors.push(...itemErrors);
      skipped.push({ ...(row !== undefined ? { row } : { featureIndex: i }), codes: itemErrors.map((p) => p.code) });
      continue;
    }
    if (r.feature) {
      if (origins === null && (row !== undefined || i !== features.length)) origins = features.map((_, k) => ({ featureIndex: k }));
      features.push(r.feature);
      origins?.push(row !== undefined ? { row } : { featureIndex: i });
    }
    if (r.rewound) rewound++;
  }
  // Shapefile rings are clockwise by that format's rule: rewinding them is not worth a note.
  if (rewound && layer.format !== 'shapefile') warnings.push(problem('winding-fixed', { file, params: { count: rewound } }, 'warning'));
  if (detection.swapped) warnings.push(problem('swapped-coords-fixed', { file }, 'warning'));
  if (detection.unsupported !== undefined) warnings.push(problem('unsupported-crs-overridden', { file, params: { crs: detection.unsupported, chosen: describeCrs(detection.crs) } }, 'warning'));
  warnings.push(...settled.warnings);
  summary.skipped = lenient ? skipped : [];
  summary.emptySkipped = emptySkipped;
  if (emptySkipped) warnings.unshift(problem('geometries-empty-skipped', { file, params: { count: emptySkipped } }, 'warning'));
  progress(1, 'done');
  if (errors.length && !lenient) return fail([...errors, ...warnings]);
  Object.assign(summary, summarizeFeatures(features));
  if (features.length === 0) return fail([problem('no-features', { file }), ...errors, ...warnings]);
  const skippedNote = errors.length ? [problem('features-skipped', { file, params: { count: skipped.length, imported: features.length } }, 'warning')] : [];
  return { ok: true, value: { type: 'FeatureCollection', features }, warnings: cap([...skippedNote, ...errors.map((p) => ({ ...p, severity: 'warning' as const })), ...warnings], file), ...(origins ? { origins } : {}), summary };
}
