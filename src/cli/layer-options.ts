/**
 * The options every layer-reading command takes, parsed in one place:
 *   --crs SYS [--cm DEG]      the CRS of inputs that do not declare one
 *   --<layer>-crs SYS         one input's CRS (wins over the file's own)
 *   --towgs84 dx,dy,dz[,rx,ry,rz,s]   the transformation of inputs on Xian 1980 / Beijing 1954
 *   --x COL --y COL | --wkt COL       the coordinate columns of CSV inputs
 * A CRS is never guessed: an input whose coordinates stay ambiguous is refused with the options
 * that settle it (src/cli/read-layer.ts); so is a local datum without --towgs84 (the importer).
 */
import { CRS_IDS, isCrsId, isGkCrs } from '../io/crs-ids.ts';
import type { CrsChoice } from '../io/crs.ts';
import type { CsvColumns } from '../io/csv-columns.ts';
import { parseTowgs84, TOWGS84_LIMITS } from '../io/towgs84.ts';
import { CliError } from './cli-error.ts';

export { layerOptionSpecs } from './layer-option-specs.ts';

export interface LayerOptions {
  /** For inputs whose file declares no CRS (or one Anju cannot read). */
  crs?: CrsChoice;
  /** Per input option name (`boards`, `facilities` …): that input's CRS, over its declaration. */
  layerCrs: Record<string, CrsChoice>;
  /** The local-datum transformation for every input in Xian 1980 or Beijing 1954 (declared or chosen). */
  towgs84?: number[];
  columns?: CsvColumns;
}

function crsChoice(name: string, value: string, cm: string | undefined): CrsChoice {
  if (!isCrsId(value)) throw new CliError(`${name}: unknown coordinate system "${value}" (expected ${CRS_IDS.join(', ')})`, 2);
  // Without --cm a Gauss–Krüger system takes the zone from the eastings; plain eastings are refused by the importer.
  if (isGkCrs(value)) return cm === undefined ? { id: value } : { id: value, gk: { centralMeridianDeg: centralMeridian(cm) } };
  return { id: value };
}

function centralMeridian(cm: string): number {
  const v = Number(cm);
  if (cm.trim() === '' || !Number.isFinite(v) || v < 72 || v > 138 || v % 3 !== 0) throw new CliError(`--cm: expected the central meridian of a 3- or 6-degree zone in China, 72–138 degrees east (e.g. 120), got "${cm}"`, 2);
  return v;
}

function towgs84(text: string): number[] {
  const r = parseTowgs84(text);
  if (r.ok) return r.value;
  const why =
    r.reason === 'count'
      ? `expected 3 numbers (dx,dy,dz) or 7 (dx,dy,dz,rx,ry,rz,s), got ${r.detail}`
      : r.reason === 'number'
        ? `"${r.detail}" is not a number`
        : `${r.detail} is implausible (at most ${TOWGS84_LIMITS.translationM} m, ${TOWGS84_LIMITS.rotationArcSec}″, ${TOWGS84_LIMITS.scalePpm} ppm: metres, arc-seconds and ppm expected)`;
  throw new CliError(`--towgs84: ${why}`, 2);
}

/** The layer options from parseArgs values; usage errors exit 2. */
export function layerOptions(values: Record<string, string | boolean | undefined>, layers: readonly string[]): LayerOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const cm = str('cm');
  const out: LayerOptions = { layerCrs: {} };
  const crs = str('crs');
  if (crs !== undefined) out.crs = crsChoice('--crs', crs, cm);
  for (const l of layers) {
    const v = str(`${l}-crs`);
    if (v !== undefined) out.layerCrs[l] = crsChoice(`--${l}-crs`, v, cm);
  }
  const usesCm = [out.crs, ...Object.values(out.layerCrs)].some((c) => c?.gk);
  if (cm !== undefined && !usesCm) throw new CliError('--cm goes with a Gauss–Krüger system (--crs cgcs2000-gk, xian80-gk or beijing54-gk)', 2);
  const t = str('towgs84');
  if (t !== undefined) out.towgs84 = towgs84(t);
  const x = str('x');
  const y = str('y');
  const wkt = str('wkt');
  if ((x === undefined) !== (y === undefined)) throw new CliError('--x and --y go together: name both coordinate columns', 2);
  if (wkt !== undefined && x !== undefined) throw new CliError('give either --x/--y or --wkt, not both', 2);
  if (x !== undefined && y !== undefined) out.columns = { lon: x, lat: y };
  if (wkt !== undefined) out.columns = { wkt };
  return out;
}
