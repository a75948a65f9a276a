/**
 * Population points as columns for a worker message (`PopulationColumns`: lon, lat, residents in
 * Float64Arrays, transferred): a structured clone of 100,000 `{ lonLat, population }` objects cost
 * the page 157–197 ms of `postMessage` in one task (headless Chromium, load ~3–5); the columns are
 * built in steps that yield every few thousand points, and transferred. The coverage engine takes
 * them as it takes the points, with the same figures (preparePopulation).
 */
import type { PopulationColumns, PopulationInput, PopulationPoint } from '../../domain/population.ts';

/** Points copied between two steps. */
const POINTS_PER_STEP = 8192;

/** Points from..to into the columns: a plain function, optimised after a few steps (a loop in a generator body stayed slow in Chromium). */
function copyPoints(points: readonly PopulationPoint[], c: PopulationColumns, from: number, to: number): void {
  const { lon, lat, population } = c;
  for (let i = from; i < to; i++) {
    const p = points[i];
    lon[i] = p.lonLat[0];
    lat[i] = p.lonLat[1];
    population[i] = p.population;
  }
}

/** Columns of `points`, in steps (yields between them; its result is the columns). */
export function* populationColumnSteps(points: readonly PopulationPoint[]): Generator<void, PopulationColumns> {
  const n = points.length;
  const c: PopulationColumns = { kind: 'point-columns', lon: new Float64Array(n), lat: new Float64Array(n), population: new Float64Array(n) };
  for (let i = 0; i < n; i += POINTS_PER_STEP) {
    if (i) yield;
    copyPoints(points, c, i, Math.min(n, i + POINTS_PER_STEP));
  }
  return c;
}

/** The buffers of a population input to transfer (none but point columns have any). */
export function populationTransfer(p: PopulationInput | PopulationColumns): ArrayBuffer[] {
  if (p.kind !== 'point-columns') return [];
  return [...new Set([p.lon.buffer, p.lat.buffer, p.population.buffer, ...(p.rows ? [p.rows.buffer] : [])])] as ArrayBuffer[];
}

/** The points of columns (the network worker's input: its engine reads points). */
export function pointsOfColumns(c: PopulationColumns): PopulationPoint[] {
  const out = new Array<PopulationPoint>(c.lon.length);
  for (let i = 0; i < out.length; i++) out[i] = { lonLat: [c.lon[i], c.lat[i]], population: c.population[i] };
  return out;
}
