/**
 * The options every layer-reading command takes, parsed in one place:
 *   --crs SYS [--cm DEG] [--towgs84 dx,dy,dz[,rx,ry,rz,s]]   the CRS of inputs that do not declare one
 *   --<layer>-crs SYS                                          one input's CRS (wins over the file's own)
 *   --x COL --y COL | --wkt COL                                the coordinate columns of CSV inputs
 * A CRS is never guessed: an input whose coordinates stay ambiguous is refused with the options
 * that settle it (src/cli/read-layer.ts).
 */
import { CRS_IDS, isCrsId } from '../io/crs-ids.ts';
import type { CrsChoice } from '../io/crs.ts';
import type { CsvColumns } from '../io/csv-columns.ts';
import { CliError } from './cli-error.ts';

export { layerOptionSpecs, layerOptionsUsage } from './layer-option-specs.ts';

export interface LayerOptions {
  /** For inputs whose file declares no CRS (or one Anju cannot read). */
  crs?: CrsChoice;
  /** Per input option name (`boards`, `facilities` …): that input's CRS, over its declaration. */
  layerCrs: Record<string, CrsChoice>;
  columns?: CsvColumns;
}

function crsChoice(name: string, value: string, cm: string | undefined): CrsChoice {
  if (!isCrsId(value)) throw new CliError(`${name}: unknown coordinate system "${value}" (expected ${CRS_IDS.join(', ')})`, 2);
  if (value === 'cgcs2000-gk') {
    if (cm === undefined) throw new CliError(`${name} ${value} needs --cm, the central meridian in degrees east (Wenzhou: 120)`, 2);
    return { id: value, gk: { centralMeridianDeg: centralMeridian(cm) } };
  }
  return { id: value };
}

function centralMeridian(cm: string): number {
  const v = Number(cm);
  if (cm.trim() === '' || !Number.isFinite(v) || v < 72 || v > 138 || v % 3 !== 0) throw new CliError(`--cm: expected the central meridian of a 3- or 6-degree zone in China, 72–138 degrees east (e.g. 120), got "${cm}"`, 2);
  return v;
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
  if (cm !== undefined && !usesCm) throw new CliError('--cm goes with a Gauss–Krüger system (--crs cgcs2000-gk)', 2);
  const x = str('x');
  const y = str('y');
  const wkt = str('wkt');
  if ((x === undefined) !== (y === undefined)) throw new CliError('--x and --y go together: name both coordinate columns', 2);
  if (wkt !== undefined && x !== undefined) throw new CliError('give either --x/--y or --wkt, not both', 2);
  if (x !== undefined && y !== undefined) out.columns = { lon: x, lat: y };
  if (wkt !== undefined) out.columns = { wkt };
  return out;
}
