/**
 * Main-thread work for an imported layer of 300,000 facilities (README Speed, "Responsive with
 * real-size files"): what 替换 did on the page for the IndexedDB stored form and the tile worker's
 * points, and the coverage worker's packed facilities, against what the import worker now does for
 * them from its columns; and what a drop
 * (one facility moved) writes to IndexedDB. CPU ms of this process (user + system, GC included),
 * min–max of RUNS. Run: `NODE_OPTIONS=--expose-gc npm run bench -- facilities-300k`.
 */
import { facilityAt, type FacilityColumns } from '../src/domain/facility-columns.ts';
import type { Facility } from '../src/domain/facility.ts';
import { storedFormOfColumns } from '../src/state/persistence/stored-facilities-of-columns.ts';
import type { Slicer } from '../src/state/persistence/time-slicer.ts';
import { facilityTilePointsOfColumns } from '../src/analysis/coverage/facility-tile-points.ts';
import { packFacilityPoints } from '../src/ui/coverage/facility-points.ts';
import { packedTransfer } from '../src/geo/packed-points.ts';
import { columnsOf } from '../test/support/facility-columns-of.ts';
import { packedFacilityBytesOfColumns } from '../src/analysis/coverage/packed-facility-bytes-of-columns.ts';
import { packFacilityBytesSteps } from '../src/analysis/coverage/packed-facility-bytes.ts';
import { runSteps } from '../src/analysis/coverage/packed-facilities.ts';
import { changedFacilityRecords, fromStoredFacilities, joinStoredFacilities, knownStoredForm, readStoredFacilities, rememberStoredForm, storedFacilityRecords, toStoredFacilities, type PackedStoredFacilities } from '../src/state/persistence/stored-facilities.ts';
import { precheckFacilities, precheckMovedFacilities } from '../src/state/persistence/facilities-precheck.ts';
import { markPassed, prepareDeps } from '../src/state/persistence/check-before-write.ts';

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
    // Garbage of the run before collected first, where node was started with --expose-gc.
    (globalThis as { gc?: () => void }).gc?.();
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
  rows.push({ case: `替换, before: the coverage worker's packing of the objects (${N.toLocaleString('en')})`, where: 'page (sliced)', cpuMs: await measure(() => runSteps(packFacilityBytesSteps(list))) });
  rows.push({ case: "替换, now: the coverage worker's packing made from the columns", where: 'import worker', cpuMs: await measure(() => packedFacilityBytesOfColumns(c)) });
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
  // A drop: the autosave's facilities records (each value made and structured-cloned, as IndexedDB's put clones it).
  const known = packedList(list);
  const next = list.map((f, i) => (i === 123_456 ? { ...f, lonLat: [120.7, 28.01] as [number, number] } : f));
  if (!precheckMovedFacilities(known, next, prepareDeps)) throw new Error('not a drop');
  const putAll = (records: [string, () => unknown][]) => records.forEach(([, v]) => structuredClone(v()));
  const all = storedFacilityRecords(toStoredFacilities(next));
  const changed = changedFacilityRecords(knownStoredForm(known)!, toStoredFacilities(next))!;
  rows.push({ case: `drop, before: every part and the head put (${all.length} records)`, where: 'page', cpuMs: await measure(() => putAll(all)) });
  rows.push({ case: `drop, now: the parts that changed (${changed.length} record), found by comparing the coordinates`, where: 'page', cpuMs: await measure(() => putAll(changedFacilityRecords(knownStoredForm(known)!, toStoredFacilities(next))!)) });
  // The first drop after a reload: the layer read back from its records, then one facility moved.
  const storage = new Map(all.map(([k, v]) => [k, structuredClone(v())]));
  const loaded = () => {
    const fs = readStoredFacilities(storage.get('facilities'), storage) as Facility[];
    markPassed(fs);
    return fs;
  };
  const plain = () => fromStoredFacilities(joinStoredFacilities(storage.get('facilities'), storage)) as Facility[];
  const moveOne = (fs: Facility[]) => fs.map((f, i) => (i === 7 ? { ...f, lonLat: [120.71, 28.02] as [number, number] } : f));
  const cases: [string, () => Facility[]][] = [['before: the load remembered nothing, the whole layer is walked and packed', plain], ['now: checked and packed by the moved facility', loaded]];
  for (const [name, load] of cases) {
    const lists = Array.from({ length: RUNS }, () => {
      const fs = load();
      return [fs, moveOne(fs)] as const;
    });
    rows.push({
      case: `first drop after a reload, ${name}`,
      where: 'page (sliced)',
      cpuMs: await measure(async () => {
        const [fs, moved] = lists.pop()!;
        if (!precheckMovedFacilities(fs, moved, prepareDeps)) await precheckFacilities(moved, noPauses, prepareDeps);
      }),
    });
  }
  return rows;
}

/** `fs` as after the import: passed, its stored form known. */
function packedList(fs: Facility[]): Facility[] {
  markPassed(fs);
  rememberStoredForm(fs, toStoredFacilities(fs) as PackedStoredFacilities);
  return fs;
}
