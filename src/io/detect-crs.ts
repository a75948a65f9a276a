/**
 * What can be told about a layer's CRS from its coordinates, a declaration (.prj, GeoJSON `crs`)
 * or the user's choice. Degrees in China cannot tell WGS-84 from GCJ-02 or BD-09 (offsets of a few
 * hundred metres): the result is then `ambiguous` with WGS-84 as the default, and the UI asks.
 */
import type { Position } from 'geojson';
import { CRS_IDS, GK_CRS_IDS, isGkCrs, type CrsChoice, type CrsId } from './crs.ts';
import type { DeclaredCrs } from './raw-layer.ts';
import { gkParamsFromEasting, WENZHOU_GK, type GkParams } from './gauss-kruger.ts';
import { inWenzhouBbox } from '../geo/wenzhou-extent.ts';

export type CoordinateKind = 'degrees' | 'swapped-degrees' | 'projected-metres' | 'unknown';

export interface CrsDetection {
  /** The CRS the importer converts from. */
  crs: CrsChoice;
  /** Where `crs` came from. */
  source: 'user' | 'prj' | 'geojson-crs' | 'flatgeobuf-header' | 'column-name' | 'coordinates' | 'default';
  /** The name of a declared CRS Anju cannot read; the user's choice (if any) was used instead. */
  unsupported?: string;
  /** What the coordinates look like. */
  kind: CoordinateKind;
  /** True when the UI should ask the user to choose among `candidates`. */
  ambiguous: boolean;
  candidates: CrsId[];
  /** True when x holds latitude and y longitude; the importer swaps them back. */
  swapped: boolean;
  /** A Gauss–Krüger choice whose central meridian disagrees with the zone its eastings carry. */
  zoneMismatch?: GkParams & { chosenCentralMeridianDeg: number };
  /** Where a local datum's transformation parameters came from (the importer sets it). */
  towgs84Source?: 'user' | 'prj';
}

/** Degrees within China's rough extent (lon 73–136, lat 3–54). */
const inChina = (x: number, y: number) => x >= 73 && x <= 136 && y >= 3 && y <= 54;
/** Plain GK eastings (100–900 km) with northings of China (300–6,000 km). */
const isGkPlain = (x: number, y: number) => x >= 100_000 && x <= 900_000 && y >= 300_000 && y <= 6_000_000;
const isGkZoned = (x: number, y: number) => gkParamsFromEasting(x) !== null && x % 1_000_000 >= 100_000 && x % 1_000_000 <= 900_000 && y >= 300_000 && y <= 6_000_000;

/** Classify sample positions (finite numbers only) by what most of them look like. */
export function classifyCoordinates(sample: readonly Position[]): CoordinateKind {
  const finite = sample.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (finite.length === 0) return 'unknown';
  const share = (f: (x: number, y: number) => boolean) => finite.filter((p) => f(p[0], p[1])).length / finite.length;
  if (share((x, y) => Math.abs(x) <= 180 && Math.abs(y) <= 90) >= 0.5) return 'degrees';
  if (share((x, y) => inChina(y, x) || inWenzhouBbox(y, x)) >= 0.5) return 'swapped-degrees';
  if (share((x, y) => isGkPlain(x, y) || isGkZoned(x, y)) >= 0.5) return 'projected-metres';
  return 'unknown';
}

const DEGREE_CANDIDATES: CrsId[] = ['wgs84', 'gcj02', 'bd09'];

/** The zone the sample's eastings carry, if any. */
function zoneOfSample(sample: readonly Position[]): GkParams | null {
  const first = sample.find((p) => isGkZoned(p[0], p[1]));
  return first ? gkParamsFromEasting(first[0]) : null;
}

/**
 * A user's Gauss–Krüger choice completed from the coordinates: eastings that carry a zone give it
 * (and the central meridian when none was chosen); a chosen meridian that disagrees is flagged.
 */
function completeGk(choice: CrsChoice, sample: readonly Position[]): Pick<CrsDetection, 'crs' | 'zoneMismatch'> {
  if (!isGkCrs(choice.id) || choice.gk?.zone !== undefined) return { crs: choice };
  const zoned = zoneOfSample(sample);
  if (!zoned) return { crs: choice };
  if (choice.gk && choice.gk.centralMeridianDeg !== zoned.centralMeridianDeg) return { crs: choice, zoneMismatch: { ...zoned, chosenCentralMeridianDeg: choice.gk.centralMeridianDeg } };
  return { crs: { ...choice, gk: zoned } };
}

/**
 * Decide the CRS: the user's choice for this file wins, then a declaration, then the user's
 * `fallback` for files that declare none (or one Anju cannot read), then the coordinates.
 * An unreadable declaration without a choice is `ambiguous` over every system, with `unsupported`
 * naming it. `sample` should be a few hundred positions spread over the file.
 */
export function detectCrs(sample: readonly Position[], declared: DeclaredCrs | null, user?: CrsChoice, fallback?: CrsChoice): CrsDetection {
  const kind = classifyCoordinates(sample);
  const swapped = kind === 'swapped-degrees';
  const unsupported = declared && 'unsupported' in declared ? { unsupported: declared.unsupported } : {};
  const chosen = user ?? (declared && 'crs' in declared ? undefined : fallback);
  if (chosen) return { ...completeGk(chosen, sample), source: 'user', kind, ambiguous: false, candidates: [chosen.id], swapped: swapped && !isGkCrs(chosen.id), ...unsupported };
  if (declared && 'unsupported' in declared) {
    return { crs: { id: 'wgs84' }, source: declared.source, kind, ambiguous: true, candidates: [...CRS_IDS], swapped: false, unsupported: declared.unsupported };
  }
  if (declared) {
    // A .prj says WGS-84/CGCS2000 but Chinese web-map exports often carry one regardless.
    const geographic = !isGkCrs(declared.crs.id);
    return { crs: declared.crs, source: declared.source, kind, ambiguous: false, candidates: geographic ? DEGREE_CANDIDATES : [declared.crs.id], swapped: swapped && geographic };
  }
  if (kind === 'projected-metres') {
    // Metres cannot tell their datum (CGCS2000, Xian 1980 or Beijing 1954 differ by tens of metres and
    // more): always asked. A zone in the eastings gives the central meridian, else Wenzhou's (120°E) is
    // the default to confirm; CGCS2000, the national system since 2008, is the default datum.
    const zoned = zoneOfSample(sample);
    return { crs: { id: 'cgcs2000-gk', gk: zoned ?? WENZHOU_GK }, source: zoned ? 'coordinates' : 'default', kind, ambiguous: true, candidates: [...GK_CRS_IDS], swapped: false };
  }
  return { crs: { id: 'wgs84' }, source: 'default', kind, ambiguous: kind === 'degrees' || swapped, candidates: DEGREE_CANDIDATES, swapped };
}
