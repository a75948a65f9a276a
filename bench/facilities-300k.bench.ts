/**
 * Main-thread work for an imported layer of 300,000 facilities (README Speed, "Responsive with
 * real-size files"): what 替换 did on the page for the IndexedDB stored form and the tile worker's
 * points, against what the import worker now does for them from its columns; and what a drop
 * (one facility moved) writes to IndexedDB. CPU ms of this process (user + system, GC included),
 * min–max of RUNS. Run: `npm run bench -- facilities-300k`.
 */
import { facilityAt, type FacilityColumns } from '../src/domain/facility-columns.ts';
import type { Facility } from '../src/domain/facility.ts';
import { storedFormOfColumns } from '../src/state/persistence/stored-facilities-of-columns.ts';
import type { Slicer } from '../src/state/persistence/time-slicer.ts';
import { facilityTilePointsOfColumns } from '../src/analysis/coverage/facility-tile-points.ts';
import { packFacilityPoints } from '../src/ui/coverage/facility-points.ts';
import { packedTransfer } from '../src/geo/packed-points.ts';
import { columnsOf } from '../test/support/facility-columns-of.ts';

const N = Number(process.env.BENCH_FACILITIES ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const noPauses: Slicer = { due: () => false, pause: () => Promise.resolve() };
const CATEGORIES = ['kindergarten', 'primary-school', 'fresh-market', 'community-health-station', 'convenience-store'];

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function measure(f: () => unknown): Promise<string> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    await f();
    times.push(cpuMs() - t0);
  }
  return `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`;
}

function layer(n: number): Facility[] {
  return Array.from({ length: n }, (_, i) => ({ id: `f${i}`, category: CATEGORIES[i % CATEGORIES.length], lonLat: [120.3 + (i % 600) * 0.001, 27.6 + Math.floor(i / 600) * 0.001] as [number, number], ...(i % 3 ? { name: `设施${i}` } : {}) }));
}

export async function run(): Promise<{ case: string; where: string; cpuMs: string }[]> {
  const c: FacilityColumns = columnsOf(layer(N));
  const list = Array.from({ length: N }, (_, i) => facilityAt(c, i));
  const rows = [];
  rows.push({ case: `替换, before: stored form + tile points from the columns / objects (${N.toLocaleString('en')})`, where: 'page', cpuMs: await measure(async () => [await storedFormOfColumns(c, noPauses), packFacilityPoints(list)]) });
  rows.push({ case: '替换, now: both made from the columns', where: 'import worker', cpuMs: await measure(async () => [await storedFormOfColumns(c, noPauses), facilityTilePointsOfColumns(c)]) });
  const stored = (await storedFormOfColumns(c, noPauses))!;
  const messages = Array.from({ length: RUNS }, () => ({ s: { ...stored, lonLat: stored.lonLat.slice() }, p: facilityTilePointsOfColumns(c) }));
  rows.push({
    case: '替换, now: the message that carries them (structured clone; buffers transferred)',
    where: 'page',
    cpuMs: await measure(() => {
      const m = messages.pop()!;
      structuredClone(m, { transfer: [m.s.lonLat.buffer as ArrayBuffer, ...packedTransfer(m.p)] });
    }),
  });
  return rows;
}
